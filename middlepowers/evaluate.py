"""Score extracted events against a gold file, with the contract's rules.

Per article, a predicted event matches a gold event when event_type and actor are equal;
matching is one-to-one, and among candidates the pair agreeing best on venue and date wins.
Venue accuracy counts matched pairs whose gold names a city; date accuracy those whose gold
has a date: the prediction's date_start must agree at the gold's precision and not be coarser.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import schema
from .errors import GoldError, shown
from .nlp.gazetteer import norm

GOLD_KEYS = ("file", "event_type", "actor")
_PRECISION_OF_LEN = {4: "year", 7: "month", 10: "day"}
_ORDER = {"year": 0, "month": 1, "day": 2}


@dataclass
class Scores:
    """Counts and ratios of one evaluation."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    venue_hits: int = 0
    venue_total: int = 0
    date_hits: int = 0
    date_total: int = 0
    org_hits: int = 0
    org_total: int = 0
    party_hits: int = 0
    party_total: int = 0
    by_type: dict[str, list[int]] = field(default_factory=dict)  # type -> [tp, fp, fn]
    errors: list[str] = field(default_factory=list)

    @staticmethod
    def _ratio(a: int, b: int) -> float | None:
        return a / b if b else None

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def venue_accuracy(self) -> float | None:
        return self._ratio(self.venue_hits, self.venue_total)

    @property
    def date_accuracy(self) -> float | None:
        return self._ratio(self.date_hits, self.date_total)

    @property
    def organisation_recall(self) -> float | None:
        return self._ratio(self.org_hits, self.org_total)

    @property
    def party_recall(self) -> float | None:
        return self._ratio(self.party_hits, self.party_total)

    def as_dict(self) -> dict:
        return {
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "venue_accuracy": _round(self.venue_accuracy), "venue_n": self.venue_total,
            "date_accuracy": _round(self.date_accuracy), "date_n": self.date_total,
            "organisation_recall": _round(self.organisation_recall), "party_recall": _round(self.party_recall),
            "by_type": {t: dict(zip(("tp", "fp", "fn"), v)) for t, v in sorted(self.by_type.items())},
        }


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


_GOLD_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _iso3_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}


def _check_event(g: object, i: int, codes: frozenset[str]) -> str | None:
    """Why gold event i breaks the contract's gold format, or None."""
    if not isinstance(g, dict):
        return f"event {i} is not an object"
    lacking = [k for k in GOLD_KEYS if k not in g]
    if lacking:
        return f"event {i} lacks {', '.join(lacking)}"
    if not isinstance(g["file"], str) or not g["file"]:
        return f"event {i}: 'file' must be a file name"
    if g["event_type"] not in schema.EVENT_TYPES:
        return f"event {i}: unknown event_type {shown(g['event_type'], 40)} (one of {', '.join(schema.EVENT_TYPES)})"
    if g["actor"] is not None and g["actor"] not in codes:
        return f"event {i}: actor {shown(g['actor'], 40)} is not an ISO 3166-1 alpha-3 code"
    for key in ("parties", "organisations"):
        v = g.get(key, [])
        if v is None:
            continue
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            return f"event {i}: '{key}' must be a list of strings"
    for key in ("venue_city", "venue_country", "evidence"):
        if g.get(key) is not None and not isinstance(g[key], str):
            return f"event {i}: '{key}' must be a string or null"
    if g.get("venue_country") is not None and g["venue_country"] not in codes:
        return f"event {i}: venue_country {shown(g['venue_country'], 40)} is not an ISO3 code"
    d = g.get("date")
    if d is not None and (not isinstance(d, str) or not _GOLD_DATE.match(d)):
        return f"event {i}: date {shown(d, 40)} is not YYYY, YYYY-MM or YYYY-MM-DD"
    return None


def load_gold(path: Path | str) -> list[dict]:
    """The gold events; a missing or malformed file, or an event outside the contract's gold
    format (unknown type or actor, a list where a string belongs), is a GoldError with one line."""
    p = Path(path)
    try:
        raw = p.read_bytes()
        data = json.loads(raw.decode("utf-8-sig"))
    except OSError as exc:
        raise GoldError(f"gold file {shown(p)} cannot be read: {exc.strerror or exc}") from exc
    except RecursionError as exc:
        raise GoldError(f"gold file {shown(p)} is nested too deeply to be a list of events") from exc
    except UnicodeDecodeError as exc:
        raise GoldError(f"gold file {shown(p)} is not UTF-8 text") from exc
    except ValueError as exc:
        raise GoldError(f"gold file {shown(p)} is not valid JSON: {shown(exc)}") from exc
    if not isinstance(data, list):
        raise GoldError(f"gold file {shown(p)} must hold a JSON list of events")
    codes = _iso3_codes()
    for i, g in enumerate(data):
        problem = _check_event(g, i, codes)
        if problem:
            raise GoldError(f"gold file {shown(p)}: {problem}")
    return data


def _date_ok(pred: str | None, gold: str | None, pred_precision: str | None = None) -> bool:
    """The prediction agrees at the gold's precision and is not coarser than it."""
    if not gold:
        return True
    if not pred or not isinstance(pred, str):
        return False
    gp = _PRECISION_OF_LEN.get(len(gold))
    if gp is None:
        return False
    pp = pred_precision if isinstance(pred_precision, str) else _PRECISION_OF_LEN.get(len(pred), "day")
    return _ORDER.get(pp, 2) >= _ORDER[gp] and pred[: len(gold)] == gold


def _venue_ok(pred: str | None, gold: str | None) -> bool:
    return isinstance(pred, str) and bool(pred) and norm(pred) == norm(gold or "")


def _pair_score(p: dict, g: dict) -> tuple[int, int]:
    return (int(_venue_ok(p.get("venue"), g.get("venue_city"))), int(_date_ok(p.get("date_start"), g.get("date"), p.get("date_precision")) and bool(g.get("date"))))


def score(events: pd.DataFrame, articles: pd.DataFrame, gold: list[dict]) -> Scores:
    """Match predictions to gold per article and count."""
    s = Scores()
    file_of = dict(zip(articles["article_id"], articles["file"]))
    preds: dict[str, list[dict]] = {}
    for row in events.to_dict("records"):
        preds.setdefault(file_of.get(row["article_id"], row["article_id"]), []).append(row)
    golds: dict[str, list[dict]] = {}
    for g in gold:
        golds.setdefault(g["file"], []).append(g)
    for file in sorted(set(preds) | set(golds)):
        P, G = preds.get(file, []), golds.get(file, [])
        used: set[int] = set()
        # Gold events with the most specific venue and date pick first, so ties go to the best pair.
        order = sorted(range(len(G)), key=lambda i: (-(bool(G[i].get("venue_city")) + bool(G[i].get("date"))), i))
        matched: list[tuple[dict, dict]] = []
        unmatched_gold = []
        for gi in order:
            g = G[gi]
            cands = [(i, p) for i, p in enumerate(P) if i not in used and p["event_type"] == g["event_type"] and p["actor"] == g["actor"]]
            if not cands:
                unmatched_gold.append(g)
                continue
            i, p = max(cands, key=lambda ip: (_pair_score(ip[1], g), -ip[0]))
            used.add(i)
            matched.append((p, g))
        for p, g in matched:
            s.tp += 1
            s.by_type.setdefault(g["event_type"], [0, 0, 0])[0] += 1
            if g.get("venue_city"):
                s.venue_total += 1
                ok = _venue_ok(p.get("venue"), g["venue_city"])
                s.venue_hits += ok
                if not ok:
                    s.errors.append(f"venue  {file} {g['event_type']} {g['actor']}: got {p.get('venue')!r}, gold {g['venue_city']!r}")
            if g.get("date"):
                s.date_total += 1
                ok = _date_ok(p.get("date_start"), g["date"], p.get("date_precision"))
                s.date_hits += ok
                if not ok:
                    s.errors.append(f"date   {file} {g['event_type']} {g['actor']}: got {p.get('date_start')!r}, gold {g['date']!r}")
            gorgs, gparties = set(g.get("organisations") or []), set(g.get("parties") or [])
            s.org_total += len(gorgs)
            s.org_hits += len(gorgs & set(p.get("organisations") or []))
            s.party_total += len(gparties)
            s.party_hits += len(gparties & set(p.get("parties") or []))
            for what, want, got in (("party", gparties, p.get("parties")), ("org", gorgs, p.get("organisations"))):
                if want - set(got or []):
                    s.errors.append(f"{what:<6} {file} {g['event_type']} {g['actor']}: got {sorted(got or [])}, "
                                    f"gold {sorted(want)}")
        for g in unmatched_gold:
            s.fn += 1
            s.by_type.setdefault(g["event_type"], [0, 0, 0])[2] += 1
            s.errors.append(f"missed {file} {g['event_type']} {g['actor']}: {str(g.get('evidence'))[:90]}")
        for i, p in enumerate(P):
            if i not in used:
                s.fp += 1
                s.by_type.setdefault(p["event_type"], [0, 0, 0])[1] += 1
                s.errors.append(f"extra  {file} {p['event_type']} {p['actor']}: {str(p.get('evidence'))[:90]}")
    return s


def evaluate(gold_path: Path | str, articles_dir: Path | str, workers: int = 1) -> Scores:
    """Build the articles in a temporary folder and score the events against the gold file."""
    import tempfile

    from . import store
    from .build import build

    gold = load_gold(gold_path)
    from .ingest import scan_folder, table_name

    present = {table_name(f.name) for f in scan_folder(articles_dir).files} if Path(articles_dir).is_dir() else set()
    absent = sorted({g["file"] for g in gold} - present)
    if Path(articles_dir).is_dir() and absent:
        raise GoldError(f"gold names {len(absent)} file(s) not in {shown(articles_dir)}: "
                        f"{', '.join(shown(a, 60) for a in absent[:5])}{' …' if len(absent) > 5 else ''}")
    with tempfile.TemporaryDirectory(prefix="middlepowers-eval-") as tmp:
        build(articles_dir, tmp, workers=workers)
        tables = store.read_tables(tmp)
    known = set(tables["articles"]["file"])
    missing = sorted({g["file"] for g in gold} - known)
    result = score(tables["events"], tables["articles"], gold)
    if missing:
        result.errors.insert(0, f"gold names {len(missing)} file(s) not among the articles: {', '.join(missing[:5])}")
    return result


def evaluate_reviews(reviews_file: Path | str, articles_dir: Path | str, workers: int = 1) -> Scores:
    """Score the extractor against a reviewed corpus: the accepted, corrected and added events of
    the articles a reviewer looked at are the gold; events the reviewer rejected are errors.

    Only articles with at least one decision are scored, so review every event of an article for
    its figures to mean what they say."""
    import tempfile

    from . import store
    from .build import build
    from .reviews import gold_from_reviews, read_reviews

    path = Path(reviews_file)
    if not path.is_file():
        raise GoldError(f"reviews file {shown(path)} does not exist")
    reviews, warnings = read_reviews(path)
    if not reviews:
        raise GoldError(f"reviews file {shown(path)} holds no valid decision" + (f" ({warnings[0]})" if warnings else ""))
    with tempfile.TemporaryDirectory(prefix="middlepowers-eval-") as tmp:
        build(articles_dir, tmp, workers=workers, use_reviews=False)
        tables = store.read_tables(tmp)
    reviewed_files = {r.file for r in reviews}
    arts = tables["articles"]
    arts = arts[arts["file"].isin(reviewed_files)]
    events = tables["events"][tables["events"]["article_id"].isin(set(arts["article_id"]))]
    gold, more = gold_from_reviews(events, arts, reviews)
    result = score(events, arts, gold)
    result.errors[:0] = warnings + more
    return result
