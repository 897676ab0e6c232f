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
| reviewed | 1: only events a reviewer accepted, corrected or added | `reviewed=1`     |
| article  | article shown on the sources page               | `article=002_e1669...`  |
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from .. import schema
from . import pages
from .columns import AR, EV
from .text import quoted

DEFAULT_MODALITIES: tuple[str, ...] = ("asserted",)
PAGES: tuple[str, ...] = pages.NAMES
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


def _upper(s: str) -> str:
    return s.strip().upper()


def _lower(s: str) -> str:
    return s.strip().lower()


def _any_tag(events: pd.DataFrame, articles: pd.DataFrame, v) -> pd.Series:
    wanted = frozenset(v)
    return events[EV.organisations].map(lambda xs: not wanted.isdisjoint(xs) if xs is not None else False)


def _is_in(column: str):
    return lambda events, articles, v: events[column].isin(v)


def _from_source(events: pd.DataFrame, articles: pd.DataFrame, v) -> pd.Series:
    ids = articles.loc[articles[AR.source].isin(v).fillna(False).astype(bool), AR.article_id]
    return events[EV.article_id].isin(set(ids))


def _ends_after(events: pd.DataFrame, articles: pd.DataFrame, v) -> pd.Series:
    # ISO date strings compare correctly as text, which avoids parsing every date per rerun.
    return events[EV.date_end].fillna(events[EV.date_start]) >= v.isoformat()


def _starts_before(events: pd.DataFrame, articles: pd.DataFrame, v) -> pd.Series:
    return events[EV.date_start] <= v.isoformat()


def _mentions(events: pd.DataFrame, articles: pd.DataFrame, v) -> pd.Series:
    return events[EV.evidence].str.contains(v, case=False, regex=False)


def _was_reviewed(events: pd.DataFrame, articles: pd.DataFrame, v) -> pd.Series:
    return events[EV.reviewed].notna() if EV.reviewed in events else pd.Series(False, index=events.index)


_TRUE, _FALSE = frozenset({"1", "true", "yes", "on"}), frozenset({"0", "false", "no", "off", ""})


@dataclass(frozen=True)
class FilterSpec:
    """One filter, everything about it in one place (as datasette's filters.py keeps its
    lookups): the Filters field, the URL parameter, the sidebar widget, how a link's value is
    read, and the predicate as SQL (DuckDB, over the events table; the value is bound as the
    named parameter `$<param>`) and as a pandas mask."""

    field: str
    param: str
    label: str
    widget: str  # "multiselect", "date", "text" or "toggle"
    sql: str
    mask: Callable[[pd.DataFrame, pd.DataFrame, object], pd.Series]
    normalise: Callable[[str], str] = str.strip
    choices: str | None = None  # the Choices field listing what a link may select (None: any)
    fixed: tuple[str, ...] | None = None  # or a fixed list of values
    default: object = ()
    end: bool = False  # a date read as the last day of its month or year
    placeholder: str | None = None
    help: str | None = None
    format: str | None = None  # "event_type" or "country": how the sidebar names a value
    # A list column the query engine may keep as a bit mask (one bit per value it holds, when
    # they are few): the predicate is then `(<column>_bits & $<param>) <> 0`, several times faster.
    bits: str | None = None
    # An expensive predicate (a text search): the query engine evaluates it once per value and
    # keeps the matching rows, so the page's other queries do not search again.
    memo: bool = False

    def allowed(self, choices: Choices) -> frozenset[str] | None:
        """The values a link may set, or None for any."""
        if self.fixed is not None:
            return frozenset(self.fixed)
        return getattr(choices, self.choices) if self.choices else None

    def bound(self, value) -> object:
        """The value as the SQL predicate's parameter."""
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, tuple):
            return list(value)
        return value


FILTERS: tuple[FilterSpec, ...] = (
    FilterSpec("orgs", "org", "Organisations", "multiselect", "list_has_any(organisations, $org)", _any_tag,
               normalise=_upper, choices="orgs", placeholder="All organisations", bits="organisations",
               help="Events tagged with any of these organisations. Member states are shaded on the map."),
    FilterSpec("event_types", "type", "Event types", "multiselect", "list_contains($type, event_type)",
               _is_in(EV.event_type), normalise=_lower, fixed=tuple(schema.EVENT_TYPES), placeholder="All types",
               format="event_type"),
    FilterSpec("actors", "actor", "Acting country", "multiselect", "list_contains($actor, actor)", _is_in(EV.actor),
               normalise=_upper, choices="actors", placeholder="All countries", format="country"),
    FilterSpec("date_from", "from", "From", "date", "coalesce(date_end, date_start) >= $from", _ends_after,
               default=None, help="Events whose dates overlap the range; undated events drop out."),
    FilterSpec("date_to", "to", "To", "date", "date_start <= $to", _starts_before, default=None, end=True),
    FilterSpec("modalities", "modality", "Modality", "multiselect", "list_contains($modality, modality)",
               _is_in(EV.modality), normalise=_lower, fixed=tuple(schema.MODALITIES), default=DEFAULT_MODALITIES,
               placeholder="Every modality",
               help="Asserted: it happened. Planned: offered or future. Hypothetical, negated: neither."),
    FilterSpec("sources", "source", "Source outlet", "multiselect",
               "article_id IN (SELECT article_id FROM articles WHERE list_contains($source, source))", _from_source,
               choices="sources", placeholder="All sources"),
    FilterSpec("text", "q", "Search the evidence", "text", "contains(lower(evidence), lower($q))", _mentions,
               default="", placeholder="e.g. Astana", memo=True),
    FilterSpec("reviewed_only", "reviewed", "Reviewed only", "toggle", "(reviewed IS NOT NULL AND $reviewed)",
               _was_reviewed, default=False,
               help="Only events a reviewer accepted, corrected or added (see the Review page)."),
)
BY_FIELD: dict[str, FilterSpec] = {f.field: f for f in FILTERS}
PARAMS: tuple[str, ...] = ("page", *(f.param for f in FILTERS), "article")


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
    reviewed_only: bool = False
    page: str = "overview"
    article: str | None = None

    def to_query(self, with_page: bool = True) -> dict[str, list[str]]:
        """The URL parameters for this view; defaults are left out to keep links short."""
        q: dict[str, list[str]] = {}
        if with_page:
            q["page"] = [self.page]
        for spec in FILTERS:
            value = getattr(self, spec.field)
            if spec.widget == "multiselect":
                if tuple(value) != spec.default:
                    # An empty value means "none narrows" (every modality), distinct from the absent default.
                    q[spec.param] = list(value) or [""]
            elif spec.widget == "toggle":
                if value:
                    q[spec.param] = ["1"]
            elif value:
                q[spec.param] = [value.isoformat() if isinstance(value, date) else value]
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

        def pick(spec: FilterSpec) -> tuple[str, ...]:
            if spec.param not in values:
                return spec.default
            allowed = spec.allowed(choices)
            out: list[str] = []
            for raw in _split(values[spec.param]):
                v = spec.normalise(raw)
                if allowed is not None and v not in allowed:
                    notices.append(f"{spec.param}={quoted(raw)} is not a known value: ignored")
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
        got: dict[str, object] = {}
        for spec in FILTERS:
            if spec.widget == "multiselect":
                got[spec.field] = pick(spec)
            elif spec.widget == "date":
                got[spec.field] = _date_param(spec.param, values, notices, spec.end, choices.dates)
            elif spec.widget == "toggle":
                raw = values[spec.param][-1] if values.get(spec.param) else ""
                if raw.strip().lower() not in _TRUE | _FALSE:
                    notices.append(f"{spec.param}={quoted(raw)} is not 1 or 0: ignored")
                got[spec.field] = raw.strip().lower() in _TRUE
            else:
                text = values[spec.param][-1].strip() if values.get(spec.param) else ""
                if len(text) > MAX_TEXT:
                    notices.append(f"{spec.param} is longer than {MAX_TEXT} characters: cut")
                    text = text[:MAX_TEXT]
                got[spec.field] = text
        lo, hi = BY_FIELD["date_from"], BY_FIELD["date_to"]
        if got[lo.field] and got[hi.field] and got[lo.field] > got[hi.field]:
            notices.append(f"{lo.param} is after {hi.param}: the two dates were swapped")
            # Re-read each bound as the other end, so from=2020&to=2017 means 2017-01-01..2020-12-31;
            # both were read once already, so their notices are not repeated.
            got[lo.field] = _date_param(hi.param, values, [], False, choices.dates)
            got[hi.field] = _date_param(lo.param, values, [], True, choices.dates)
        article = None
        if values.get("article") and values["article"][-1]:
            raw = values["article"][-1].strip()
            if choices.articles is not None and raw not in choices.articles:
                notices.append(f"article={quoted(raw)} is not a known article: ignored")
            else:
                article = raw
        return (
            cls(**got, page=page, article=article),
            list(dict.fromkeys(notices)),  # a value repeated 1,000 times is one notice
        )

    def active(self) -> list[tuple[FilterSpec, object]]:
        """The filters that narrow the events, with their values (an empty list: none does)."""
        out = []
        for spec in FILTERS:
            value = getattr(self, spec.field)
            if value:
                out.append((spec, value))
        return out

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


def apply(events: pd.DataFrame, articles: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The events the filters keep (pandas; the dashboard asks DuckDB, views/query.py, with the
    same specs); undated events drop out only when a date bound is set."""
    mask = pd.Series(True, index=events.index)
    for spec, value in filters.active():
        mask &= spec.mask(events, articles, spec.bound(value) if spec.widget == "multiselect" else value)\
            .fillna(False).astype(bool)
    return events.loc[mask]
