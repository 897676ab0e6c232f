"""The review queue's pure parts: order, the evidence in its paragraph, sentences to add from,
and the decision rows written to reviews.csv. No Streamlit here."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from .text import highlight

# A light sentence splitter for choosing the evidence of an event the extractor missed: any span
# of the text is a valid key for the build, so it need not match the pipeline's own splitter.
_SENTENCE = re.compile(r"[^\n.!?]+(?:[.!?]+[\"'”’)]*|(?=\n)|$)")
ENV_FLAG = "MIDDLEPOWERS_REVIEW"
SECRET_KEY = "review_password"


def queue(events: pd.DataFrame) -> pd.DataFrame:
    """Events to review: not yet reviewed first, least confident first, then in text order."""
    if events.empty:
        return events
    order = pd.DataFrame({
        "reviewed": events["reviewed"].notna().to_numpy() if "reviewed" in events else False,
        "confidence": events["confidence"].to_numpy(float),
        "article_id": events["article_id"].astype(str).to_numpy(),
        "start": events["evidence_start"].to_numpy(int),
    }, index=events.index)
    return events.loc[order.sort_values(["reviewed", "confidence", "article_id", "start"], kind="stable").index]


def paragraph_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph (blank-line separated block) holding a span of the text."""
    left = text.rfind("\n\n", 0, max(0, start))
    right = text.find("\n\n", end)
    return (0 if left < 0 else left + 2), (len(text) if right < 0 else right)


def evidence_html(text: str, start: int, end: int) -> str:
    """The evidence's paragraph as escaped HTML with the evidence marked."""
    p0, p1 = paragraph_of(text, start, end)
    body = highlight(text[p0:p1], [(start - p0, end - p0)])
    return f'<div class="mp-evidence" style="white-space: pre-wrap; line-height: 1.5;">{body}</div>'


def sentences(text: str) -> list[tuple[int, int, str]]:
    """(start, end, sentence) for every sentence of an article, to pick a missed event's evidence."""
    out = []
    for m in _SENTENCE.finditer(text or ""):
        s = m.group(0)
        lead = len(s) - len(s.lstrip())
        s = s.strip()
        if len(s.split()) >= 3:
            out.append((m.start() + lead, m.start() + lead + len(s), s))
    return out


def decision(event: Mapping, file: str, action: str, reviewer: str = "", note: str = "",
             changes: Mapping[str, object] | None = None) -> dict[str, object]:
    """The reviews.csv row for a decision on an extracted event; changes only where they differ."""
    row: dict[str, object] = {
        "file": file, "evidence_start": int(event["evidence_start"]), "evidence_end": int(event["evidence_end"]),
        "event_type": event["event_type"], "actor": event.get("actor") or "", "decision": action,
        "reviewer": reviewer, "note": note,
    }
    for field, value in (changes or {}).items():
        old = event.get("venue" if field == "venue" else field)
        if field == "date":
            old = date_of(event)
        if _norm(value) != _norm(old):
            row[f"new_{field}"] = value
    return row


def addition(file: str, start: int, end: int, event_type: str, actor: str, reviewer: str = "", note: str = "",
             fields: Mapping[str, object] | None = None) -> dict[str, object]:
    """The reviews.csv row for an event the extractor missed, on a chosen evidence span."""
    row: dict[str, object] = {"file": file, "evidence_start": int(start), "evidence_end": int(end),
                              "event_type": event_type, "actor": actor, "decision": "add",
                              "reviewer": reviewer, "note": note}
    for field, value in (fields or {}).items():
        if _norm(value):
            row[f"new_{field}"] = value
    return row


def review_allowed(env: Mapping[str, str], secrets: Mapping[str, object] | None, password: str | None) -> bool:
    """Reviewing is off unless the server was started with it on: MIDDLEPOWERS_REVIEW=1, or a
    review password in the app's secrets that the reviewer has typed."""
    if env.get(ENV_FLAG, "").strip().lower() in ("1", "true", "yes", "on"):
        return True
    expected = (secrets or {}).get(SECRET_KEY)
    if not expected or not password:
        return False
    import hmac

    return hmac.compare_digest(str(expected).encode(), str(password).encode())


def date_of(event: Mapping) -> str | None:
    """The event's date at its precision, as a reviewer writes it: YYYY, YYYY-MM or YYYY-MM-DD."""
    start, precision = event.get("date_start"), event.get("date_precision")
    if not isinstance(start, str):
        return None
    return start[:4] if precision == "year" else start[:7] if precision == "month" else start


def _norm(value: object) -> object:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, (list, tuple)) or hasattr(value, "tolist"):
        return tuple(sorted(str(v) for v in list(value)))
    return str(value).strip()
