"""Merging: one event per (type, actor, occasion) in an article.

Later compatible mentions fill in the first; headline lines fold into the one act of their type
the body reports; a document adopted at the article's one summit takes its attendees and day;
talks that ended in a signing start on their first day."""

from __future__ import annotations

import re

from ..policy import policy_of
from .events import Event
from .lexicon import GATHERING_WORDS
from .pipeline import Analysis


def _compatible(a: Event, b: Event) -> bool:
    if a.venue and b.venue and a.venue != b.venue:
        return False
    if a.date_start and b.date_start:
        # the same occasion: one date range inside the other
        if not (a.date_start <= b.date_start <= (a.date_end or a.date_start) or b.date_start <= a.date_start <= (b.date_end or b.date_start)):
            return False
    distinct = policy_of(a.event_type).distinct_by
    if "name" in distinct and a.name and b.name and a.name.lower() != b.name.lower() and a.sentence is not b.sentence:
        return False
    if "organisations" in distinct and a.organisations and b.organisations and not set(a.organisations) & set(b.organisations):
        return False
    if "parties" in distinct and a.parties and b.parties and not set(a.parties) & set(b.parties):
        return False
    if a.amount_usd and b.amount_usd and a.amount_usd != b.amount_usd:
        return False
    if (a.modality == "negated") != (b.modality == "negated"):
        return False
    if "planned" in distinct and (a.modality == "planned") != (b.modality == "planned") and a.sentence is not b.sentence:
        return False  # a summit held and the next one to come are two occasions
    if a.occasion and b.occasion and a.occasion != b.occasion:
        return False
    return True


def merge(events: list[Event]) -> list[Event]:
    """One event per (type, actor, occasion): later compatible mentions fill in the first."""
    out: list[Event] = []
    for ev in events:
        target = next((o for o in out if o.event_type == ev.event_type and o.actor == ev.actor and _compatible(o, ev)), None)
        if target is None:
            out.append(ev)
            continue
        for f in ("venue", "venue_country", "lat", "lon", "geo_precision", "name", "amount_usd"):
            if getattr(target, f) is None and getattr(ev, f) is not None:
                setattr(target, f, getattr(ev, f))
        if target.geo_precision == "country" and ev.geo_precision == "city":
            target.venue, target.venue_country, target.lat, target.lon, target.geo_precision = ev.venue, ev.venue_country, ev.lat, ev.lon, "city"
        if target.date_start is None or (ev.date_precision and _finer(ev.date_precision, target.date_precision)):
            if ev.date_start:
                target.date_start, target.date_end, target.date_precision = ev.date_start, ev.date_end, ev.date_precision
        target.parties += [p for p in ev.parties if p not in target.parties and p != target.actor]
        target.organisations += [o for o in ev.organisations if o not in target.organisations]
        target.confidence = max(target.confidence, ev.confidence)
    return out


def _near_in_time(a: Event, b: Event, days: int = 45) -> bool:
    """Two dates of one news story: within a few weeks of each other (or one of them unknown)."""
    from datetime import date

    if not a.date_start or not b.date_start:
        return True
    try:
        return abs((date.fromisoformat(a.date_start) - date.fromisoformat(b.date_start)).days) <= days
    except ValueError:
        return False


def _finer(a: str, b: str | None) -> bool:
    order = {"year": 0, "month": 1, "day": 2}
    return b is None or order[a] > order[b]


_AFTER_DAYS = re.compile(r"\bafter\s+(\w+)[\s-]+days?\s+of\s+(?:\w+\s+)?(?:talks|negotiations|meetings|consultations|discussions)\b", re.I)


_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _first_day_of_talks(e: Event) -> None:
    """'signed on Thursday after three days of talks': the talks began two days before the signing."""
    from datetime import date, timedelta

    if e.event_type != "talks_hosted" or e.date_precision != "day" or not e.own_date:
        return
    m = _AFTER_DAYS.search(e.sentence.text)
    n = (int(m.group(1)) if m.group(1).isdigit() else _NUMBER_WORDS.get(m.group(1).lower())) if m else None
    if n and 1 < n <= 30:
        first = (date.fromisoformat(e.date_start) - timedelta(days=n - 1)).isoformat()
        e.date_start, e.date_end = first, e.date_end or e.date_start


def _headline_count(an: Analysis) -> int:
    """How many sentences open the article as headlines (title, kicker, subtitle, date line) before its first
    sentence of prose: a full sentence of a dozen words or more."""
    for s in an.sentences[:6]:
        if len(s.text.split()) >= 12 and s.text.rstrip().endswith((".", "!", "?", '"', "”", "’")):
            return s.index
    return 1


def _signed_at_summit(an: Analysis, events: list[Event]) -> None:
    """A document its host adopts at a summit, with no signatories named, has the summit's attendees as parties,
    and without a date of its own, the summit's date."""
    for e in events:
        if e.event_type != "agreement" or (e.parties and e.own_date):
            continue
        if e.how != "summit" and not set(an.lower[e.sentence.start:e.sentence.end]) & GATHERING_WORDS:
            continue
        held = [o for o in events if o.event_type == "summit" and o.actor == e.actor and (o.venue_country in (None, o.actor))]
        if len(held) != 1:
            continue
        if not e.parties:
            e.parties = [p for p in held[0].parties if p != e.actor]
        if not e.own_date and held[0].own_date:  # "to be signed at the summit": on the summit's day
            e.date_start, e.date_end, e.date_precision = held[0].date_start, held[0].date_end, held[0].date_precision


def fold_headlines(an: Analysis, events: list[Event]) -> list[Event]:
    """Headline lines' acts folded into the one act of their type and actor the body reports, near
    in time (within ten days when the headline has a date of its own): only where the body reports
    exactly one such act, so a headline cannot be folded into the wrong one."""
    out = []
    top = _headline_count(an)
    for e in events:
        same = [o for o in events if o is not e and o.sentence.index >= top and (o.event_type, o.actor) == (e.event_type, e.actor)]
        if e.sentence.index < top and len(same) == 1 and _near_in_time(e, same[0], 10 if e.own_date else 45):
            target = same[0]
            target.parties += [p for p in e.parties if p not in target.parties]
            target.organisations += [o for o in e.organisations if o not in target.organisations]
            for f in ("venue", "venue_country", "lat", "lon", "geo_precision"):
                if getattr(target, f) is None:
                    setattr(target, f, getattr(e, f))
            continue
        out.append(e)
    return out


def complete(an: Analysis, events: list[Event]) -> list[Event]:
    """What only the whole article tells: a summit's document takes its attendees and day, talks
    that ended in a signing start on their first day."""
    _signed_at_summit(an, events)
    for e in events:
        _first_day_of_talks(e)
    return events
