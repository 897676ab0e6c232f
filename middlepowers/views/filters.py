"""The dashboard's filters: one dataclass, its URL form, and the function that applies it.

URL parameters (all optional, repeatable where plural; comma-separated values also accepted):

| param    | meaning                                         | example                 |
|----------|-------------------------------------------------|-------------------------|
| page     | overview, map, timeline, compare, organisations, sources | `page=map`     |
| org      | organisation acronym                            | `org=SCO&org=CICA`      |
| type     | event type                                      | `type=talks_hosted`     |
| actor    | ISO3 of the acting country                      | `actor=KAZ`             |
| from, to | date range, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`   | `from=2017&to=2020-06`  |
| modality | asserted (default), planned, hypothetical, negated; empty for all | `modality=planned` |
| source   | source outlet of the article                    | `source=astanatimes.com`|
| q        | free text searched in the evidence sentences    | `q=Astana`              |
| article  | article shown on the sources page               | `article=002_e1669...`  |
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from .. import schema
from .columns import AR, EV
from .text import quoted

PAGES: tuple[str, ...] = ("overview", "map", "timeline", "compare", "organisations", "sources")
DEFAULT_MODALITIES: tuple[str, ...] = ("asserted",)
PARAMS: tuple[str, ...] = ("page", "org", "type", "actor", "from", "to", "modality", "source", "q", "article")
# Streamlit's own parameters: never ours to judge.
RESERVED_PARAMS = frozenset({"embed", "embed_options"})
MAX_TEXT = 200
# The date widgets' range when the data has no dates outside it (see data.Tables.choices).
DATE_MIN, DATE_MAX = date(1900, 1, 1), date(2100, 12, 31)
MAX_NOTICES = 5  # shown at the top of a page; the rest are counted in one more line
_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?$")


@dataclass(frozen=True)
class Choices:
    """The values a link may select; None means any value is accepted."""

    orgs: frozenset[str] | None = None
    actors: frozenset[str] | None = None
    sources: frozenset[str] | None = None
    articles: frozenset[str] | None = None
    # The earliest and latest dates a link may set: what the date widgets can show.
    dates: tuple[date, date] = (DATE_MIN, DATE_MAX)


@dataclass(frozen=True)
class Filters:
    """What the reader selected: every field has a URL parameter (see the module docstring)."""

    orgs: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    modalities: tuple[str, ...] = DEFAULT_MODALITIES
    sources: tuple[str, ...] = ()
    text: str = ""
    page: str = "overview"
    article: str | None = None

    def to_query(self, with_page: bool = True) -> dict[str, list[str]]:
        """The URL parameters for this view; defaults are left out to keep links short."""
        q: dict[str, list[str]] = {}
        if with_page:
            q["page"] = [self.page]
        for name, values in (("org", self.orgs), ("type", self.event_types), ("actor", self.actors)):
            if values:
                q[name] = list(values)
        if self.date_from:
            q["from"] = [self.date_from.isoformat()]
        if self.date_to:
            q["to"] = [self.date_to.isoformat()]
        if tuple(self.modalities) != DEFAULT_MODALITIES:
            # An empty value means "every modality", distinct from the absent default.
            q["modality"] = list(self.modalities) or [""]
        if self.sources:
            q["source"] = list(self.sources)
        if self.text:
            q["q"] = [self.text]
        if self.article and self.page == "sources":
            q["article"] = [self.article]
        return q

    @classmethod
    def from_query(
        cls, params: Mapping[str, str | Iterable[str]], choices: Choices | None = None
    ) -> tuple[Filters, list[str]]:
        """Read URL parameters; anything unknown or malformed is dropped with a notice.

        Notices are plain text, one line each and each once: every value from the link in them is
        quoted by text.quoted (control characters escaped, cut at 80 characters); whatever shows
        them in a markdown element must escape them (text.md_escape)."""
        choices = choices or Choices()
        notices: list[str] = []
        values = {k: _as_list(v) for k, v in params.items()}
        for k in values:
            if k not in PARAMS and k.lower() not in RESERVED_PARAMS:
                notices.append(f"unknown parameter {quoted(k)} ignored")

        def pick(name: str, allowed, normalise=str) -> tuple[str, ...]:
            out: list[str] = []
            for raw in _split(values.get(name, [])):
                v = normalise(raw)
                if allowed is not None and v not in allowed:
                    notices.append(f"{name}={quoted(raw)} is not a known value: ignored")
                elif v not in out:
                    out.append(v)
            return tuple(out)

        page = "overview"
        if values.get("page"):
            raw = values["page"][-1].strip().lower()
            if raw in PAGES:
                page = raw
            else:
                notices.append(f"page={quoted(values['page'][-1])} is not a page: ignored")
        orgs = pick("org", choices.orgs, lambda s: s.strip().upper())
        types = pick("type", frozenset(schema.EVENT_TYPES), lambda s: s.strip().lower())
        actors = pick("actor", choices.actors, lambda s: s.strip().upper())
        sources = pick("source", choices.sources, lambda s: s.strip())
        if "modality" in values:
            modalities = pick("modality", frozenset(schema.MODALITIES), lambda s: s.strip().lower())
        else:
            modalities = DEFAULT_MODALITIES
        date_from = _date_param("from", values, notices, False, choices.dates)
        date_to = _date_param("to", values, notices, True, choices.dates)
        if date_from and date_to and date_from > date_to:
            notices.append("from is after to: the two dates were swapped")
            # Re-read each bound as the other end, so from=2020&to=2017 means 2017-01-01..2020-12-31;
            # both were read once already, so their notices are not repeated.
            date_from = _date_param("to", values, [], False, choices.dates)
            date_to = _date_param("from", values, [], True, choices.dates)
        text = values.get("q", [""])[-1].strip() if values.get("q") else ""
        if len(text) > MAX_TEXT:
            notices.append(f"q is longer than {MAX_TEXT} characters: cut")
            text = text[:MAX_TEXT]
        article = None
        if values.get("article") and values["article"][-1]:
            raw = values["article"][-1].strip()
            if choices.articles is not None and raw not in choices.articles:
                notices.append(f"article={quoted(raw)} is not a known article: ignored")
            else:
                article = raw
        return (
            cls(orgs, types, actors, date_from, date_to, modalities, sources, text, page, article),
            list(dict.fromkeys(notices)),  # a value repeated 1,000 times is one notice
        )

    def with_page(self, page: str) -> Filters:
        """The same filters on another page."""
        return replace(self, page=page)

    def is_default(self) -> bool:
        """True when nothing narrows the events (the page and article aside)."""
        return self.to_query(with_page=False).keys() <= {"article"}


def shown_notices(notices: list[str], limit: int = MAX_NOTICES) -> list[str]:
    """The lines to show: the first `limit` distinct notices, then one line counting the rest."""
    distinct = list(dict.fromkeys(notices))
    lines = [f"In the link: {n}" for n in distinct[:limit]]
    if len(distinct) > limit:
        lines.append(f"… and {len(distinct) - limit:,} more problems with the link")
    return lines


def _as_list(v: str | Iterable[str]) -> list[str]:
    if isinstance(v, str):
        return [v]
    try:
        return [str(x) for x in v]
    except TypeError:
        return [str(v)]


def _split(values: list[str]) -> list[str]:
    # Hand-written links often use commas: org=SCO,CICA reads like org=SCO&org=CICA.
    return [part for v in values for part in v.split(",") if part.strip()]


def parse_date(raw: str, end: bool = False) -> date:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD` as a date: the first day, or the last when end."""
    m = _DATE.match(raw.strip())
    if not m:
        raise ValueError(raw)
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    if mo is None:
        return date(y, 12, 31) if end else date(y, 1, 1)
    mo = int(mo)
    if d is None:
        return date(y, mo, calendar.monthrange(y, mo)[1] if end else 1)
    return date(y, mo, int(d))


def _date_param(name: str, values: dict[str, list[str]], notices: list[str], end: bool,
                bounds: tuple[date, date]) -> date | None:
    """The parameter's date, kept within bounds (the widgets' range) with a notice when moved."""
    if not values.get(name) or not values[name][-1].strip():
        return None
    raw = values[name][-1]
    try:
        when = parse_date(raw, end=end)
    except ValueError:  # no such month or day (2020-13, 2020-02-30) or not a date at all
        notices.append(f"{name}={quoted(raw)} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD): ignored")
        return None
    lo, hi = bounds
    if when < lo or when > hi:
        edge = lo if when < lo else hi
        notices.append(f"{name}={quoted(raw)} is outside the dates the atlas shows "
                       f"({lo.isoformat()} to {hi.isoformat()}): {edge.isoformat()} used")
        return edge
    return when


def _has_any(lists: pd.Series, wanted: frozenset[str]) -> pd.Series:
    return lists.map(lambda xs: not wanted.isdisjoint(xs) if xs is not None else False).astype(bool)


def apply(events: pd.DataFrame, articles: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The events the filters keep; undated events drop out only when a date bound is set."""
    mask = pd.Series(True, index=events.index)
    if filters.orgs:
        mask &= _has_any(events[EV.organisations], frozenset(filters.orgs))
    if filters.event_types:
        mask &= events[EV.event_type].isin(filters.event_types).fillna(False).astype(bool)
    if filters.actors:
        mask &= events[EV.actor].isin(filters.actors).fillna(False).astype(bool)
    if filters.modalities:
        mask &= events[EV.modality].isin(filters.modalities).fillna(False).astype(bool)
    # ISO date strings compare correctly as text, which avoids parsing 20,000 dates per rerun.
    if filters.date_from:
        end = events[EV.date_end].fillna(events[EV.date_start])
        mask &= (end >= filters.date_from.isoformat()).fillna(False).astype(bool)
    if filters.date_to:
        mask &= (events[EV.date_start] <= filters.date_to.isoformat()).fillna(False).astype(bool)
    if filters.sources:
        ids = articles.loc[articles[AR.source].isin(filters.sources).fillna(False).astype(bool), AR.article_id]
        mask &= events[EV.article_id].isin(set(ids)).fillna(False).astype(bool)
    if filters.text:
        hit = events[EV.evidence].str.contains(filters.text, case=False, regex=False)
        mask &= hit.fillna(False).astype(bool)
    return events.loc[mask]
