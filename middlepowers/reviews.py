"""Reviewers' decisions on extracted events, kept beside the articles in `reviews.csv`.

One row per decision (accept, reject, correct, add), appended, never rewritten: who decided,
when, and a note. A decision is keyed by the article's file, the evidence sentence's character
offsets and the event type (and the actor it was about), not by anything the rules name, so it
still finds its event after a rebuild with changed rules. The latest decision on a key wins.
The build applies them: rejected events leave the tables, corrected fields replace the
extracted ones, added events appear, and every event says whether and how it was reviewed.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from . import schema
from .errors import AtlasError, shown

REVIEWS = "reviews.csv"
DECISIONS = ("accept", "reject", "correct", "add")
# What a correction or an addition may set; lists are joined with "|".
FIELDS = ("event_type", "actor", "actor_role", "parties", "venue", "date", "organisations", "modality")
LIST_FIELDS = ("parties", "organisations")
COLUMNS = ("file", "evidence_start", "evidence_end", "event_type", "actor", "decision") \
    + tuple(f"new_{f}" for f in FIELDS) + ("reviewer", "reviewed_at", "note")
# The `reviewed` column of events: how the event stands after review (null: not reviewed).
REVIEWED = {"accept": "accepted", "correct": "corrected", "add": "added"}


class ReviewError(AtlasError):
    """A review decision is malformed or cannot be written."""


@dataclass(frozen=True)
class Review:
    """One decision on one event (or one event added)."""

    file: str
    evidence_start: int
    evidence_end: int
    event_type: str
    actor: str | None
    decision: str
    new: dict[str, str]
    reviewer: str = ""
    reviewed_at: str = ""
    note: str = ""
    line: int = 0

    @property
    def key(self) -> tuple[str, int, int, str]:
        return (self.file, self.evidence_start, self.evidence_end, self.event_type)


def reviews_path(articles_dir: Path | str) -> Path:
    """Where a folder's review decisions live."""
    return Path(articles_dir) / REVIEWS


def read_reviews(path: Path | str) -> tuple[list[Review], list[str]]:
    """The decisions of a reviews file, in file order, and a warning per malformed line."""
    p = Path(path)
    if not p.is_file():
        return [], []
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [f"ignoring {REVIEWS}: {getattr(exc, 'strerror', None) or exc}"]
    out, warnings = [], []
    reader = csv.DictReader(io.StringIO(text, newline=""))
    for i, row in enumerate(reader, start=2):
        try:
            out.append(_review_of(row, i))
        except ReviewError as exc:
            warnings.append(f"{REVIEWS} line {i}: {exc}; ignored")
    return out, warnings


def _review_of(row: dict[str, str | None], line: int) -> Review:
    get = lambda k: (row.get(k) or "").strip()  # noqa: E731
    decision = get("decision").lower()
    if decision not in DECISIONS:
        raise ReviewError(f"decision {shown(decision, 30)!s} is not one of {', '.join(DECISIONS)}")
    try:
        start, end = int(get("evidence_start")), int(get("evidence_end"))
    except ValueError as exc:
        raise ReviewError("evidence offsets are not numbers") from exc
    if not get("file") or start < 0 or end <= start:
        raise ReviewError("no file or no evidence span")
    new = {f: get(f"new_{f}") for f in FIELDS if get(f"new_{f}")}
    etype = get("event_type") or new.get("event_type", "")
    for t in (etype, new.get("event_type")):
        if t and t not in schema.EVENT_TYPES:
            raise ReviewError(f"unknown event type {shown(t, 30)}")
    if not etype:
        raise ReviewError("no event type")
    if "modality" in new and new["modality"] not in schema.MODALITIES:
        raise ReviewError(f"unknown modality {shown(new['modality'], 30)}")
    if "date" in new:
        from .nlp.dates import valid_iso

        if not valid_iso(new["date"]):
            raise ReviewError(f"date {shown(new['date'], 30)} is not YYYY[-MM[-DD]]")
    return Review(get("file"), start, end, etype, get("actor") or None, decision, new, get("reviewer"),
                  get("reviewed_at"), get("note"), line)


@contextmanager
def _locked(path: Path):
    """An exclusive lock on the reviews file's lock file, so two sessions append in turn."""
    lock = path.with_name(f".{path.name}.lock")
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)
        except ImportError:  # no flock (Windows): the atomic rewrite below still never tears the file
            pass
        yield
    finally:
        os.close(fd)


def append_review(articles_dir: Path | str, decision: dict[str, object]) -> Review:
    """Append one decision to the folder's reviews file: validated, under a lock, and written by
    an atomic replace, so concurrent reviewers never lose each other's decisions."""
    path = reviews_path(articles_dir)
    row = {c: "" for c in COLUMNS}
    for k, v in decision.items():
        if k not in COLUMNS:
            raise ReviewError(f"unknown review field {k}")
        row[k] = "|".join(v) if isinstance(v, (list, tuple)) else ("" if v is None else str(v))
    row["reviewed_at"] = row["reviewed_at"] or datetime.now(timezone.utc).isoformat(timespec="seconds")
    for k, v in row.items():
        if "\n" in v or "\r" in v:
            row[k] = " ".join(v.split())
    review = _review_of(row, 0)
    with _locked(path):
        old = path.read_bytes() if path.is_file() else b""
        buf = io.StringIO(newline="")
        w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
        if not old:
            w.writeheader()
        w.writerow(row)
        data = old + (b"" if not old or old.endswith(b"\n") else b"\n") + buf.getvalue().encode("utf-8")
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{time.time_ns()}.tmp")
        try:
            tmp.write_bytes(data)
            os.replace(tmp, path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise ReviewError(f"cannot write {shown(path)}: {exc.strerror or exc}") from exc
    return review


def latest(reviews: list[Review]) -> dict[tuple, Review]:
    """The decision in force per (key, actor): the last one written."""
    out: dict[tuple, Review] = {}
    for r in reviews:
        out[(r.key, r.actor)] = r
    return out


def _place(name: str) -> tuple[str, str | None, float | None, float | None, str | None]:
    from .nlp import gazetteer

    for e in gazetteer.load().lookup(name):
        if e.label == "PLACE" and e.place:
            p = e.place
            return p.name, p.iso3, p.lat, p.lon, "city"
        if e.label == "COUNTRY":
            return name, e.value, None, None, "country"
    return name, None, None, None, None


def _set_fields(ev: dict, new: dict[str, str]) -> dict:
    from .nlp.dates import parse_iso, span_of

    ev = dict(ev)
    for f, v in new.items():
        if f in LIST_FIELDS:
            ev[f] = [x.strip() for x in v.split("|") if x.strip()]
        elif f == "venue":
            ev["venue"], ev["venue_country"], ev["lat"], ev["lon"], ev["geo_precision"] = _place(v)
        elif f == "date":
            d, precision = parse_iso(v)
            ev["date_start"], ev["date_end"] = span_of(d, precision)
            ev["date_precision"] = precision
        else:
            ev[f] = v
    if "actor_role" not in new and ({"actor", "event_type", "venue"} & set(new)):
        from .policy import actor_role

        ev["actor_role"] = actor_role(ev["event_type"], ev.get("actor"), ev.get("venue_country"), ev.get("trigger"))
    return ev


def apply_reviews(events: pd.DataFrame, articles: pd.DataFrame, reviews: list[Review]) -> tuple[pd.DataFrame, list[str]]:
    """The events with the decisions in force applied, and a warning per decision that finds no
    event any more (its article changed); the `reviewed` column says how each event stands."""
    warnings: list[str] = []
    aid_of = dict(zip(articles["file"], articles["article_id"]))
    text_of = dict(zip(articles["article_id"], articles["text"]))
    rows = events.to_dict("records")
    for r in rows:
        r["reviewed"] = None
    index: dict[tuple, list[int]] = {}
    file_of = {v: k for k, v in aid_of.items()}
    for i, r in enumerate(rows):
        index.setdefault((file_of.get(r["article_id"]), r["evidence_start"], r["evidence_end"], r["event_type"]), []).append(i)
    dropped: set[int] = set()
    added: list[dict] = []
    for (key, actor), rv in latest(reviews).items():
        if rv.decision == "add":
            aid = aid_of.get(rv.file)
            text = text_of.get(aid)
            if text is None or rv.evidence_end > len(text):
                warnings.append(f"{REVIEWS} line {rv.line}: {shown(rv.file)} has no such sentence any more; the added event is left out")
                continue
            base = {c: None for c in schema.EVENTS}
            base.update(article_id=aid, event_type=rv.event_type, actor=actor, parties=[], organisations=[],
                        evidence=text[rv.evidence_start:rv.evidence_end], evidence_start=rv.evidence_start,
                        evidence_end=rv.evidence_end, modality="asserted", confidence=1.0, trigger=None)
            ev = _set_fields(base, {"event_type": rv.event_type, **({"actor": actor} if actor else {}), **rv.new})
            ev["event_id"] = "rv" + hashlib.sha1("|".join(map(str, (rv.file, *key[1:], actor))).encode()).hexdigest()[:14]
            ev["reviewed"] = "added"
            added.append(ev)
            continue
        hits = index.get(key, [])
        exact = [i for i in hits if rows[i]["actor"] == actor]
        target = exact or (hits if len(hits) == 1 else [])
        if not target:
            warnings.append(f"{REVIEWS} line {rv.line}: no {rv.event_type} event of {actor or 'no actor'} in "
                            f"{shown(rv.file)} at {rv.evidence_start}-{rv.evidence_end} any more; decision kept, not applied")
            continue
        for i in target:
            if rv.decision == "reject":
                dropped.add(i)
            elif rv.decision == "correct":
                rows[i] = _set_fields(rows[i], rv.new)
                rows[i]["reviewed"] = "corrected"
                rows[i]["confidence"] = 1.0
            else:
                rows[i]["reviewed"] = "accepted"
                rows[i]["confidence"] = 1.0
    kept = [r for i, r in enumerate(rows) if i not in dropped] + added
    out = pd.DataFrame(kept, columns=list(schema.EVENTS)) if kept else schema.empty_frame("events")
    if len(out):
        out = out.sort_values(["article_id", "evidence_start", "event_type", "actor"], kind="stable", na_position="last")
    return schema.conform(out, "events"), warnings


def gold_from_reviews(events: pd.DataFrame, articles: pd.DataFrame, reviews: list[Review]) -> tuple[list[dict], list[str]]:
    """Gold events (the contract's gold format) from the accepted, corrected and added events,
    for the articles a reviewer looked at; rejected events are absent from it, as in any gold."""
    applied, warnings = apply_reviews(events, articles, reviews)
    file_of = dict(zip(articles["article_id"], articles["file"]))
    gold = []
    for r in applied[applied["reviewed"].notna()].to_dict("records"):
        gold.append({
            "file": file_of.get(r["article_id"]), "event_type": r["event_type"], "actor": r["actor"],
            "parties": list(r["parties"]), "venue_city": r["venue"] if r["geo_precision"] == "city" else None,
            "venue_country": r["venue_country"], "date": _gold_date(r), "organisations": list(r["organisations"]),
            "evidence": r["evidence"],
        })
    return gold, warnings


def _gold_date(r: dict) -> str | None:
    start, precision = r.get("date_start"), r.get("date_precision")
    if not isinstance(start, str):
        return None
    return start[:4] if precision == "year" else start[:7] if precision == "month" else start
