"""The one sidebar every page calls: navigation, filters, share link and downloads."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from .. import schema
from ..errors import BuildError
from ..views import export, filters as flt, maps
from ..views.filters import Filters
from ..views.geo import name_of
from ..views.pages import PAGES
from ..views.text import md_escape
from . import data, state
from .state import K

ICON = Path(__file__).with_name("icon.png")
# Seconds a session's first run waits after its main chart before sending the rest (see finish):
# after a table or a map, and after a plotly chart, whose code takes longer to reach the browser.
FIRST_PAINT_PAUSE = 0.05
PLOTLY_FIRST_PAINT_PAUSE = 0.4
_PAINTED = "_mp_painted"


@dataclass
class View:
    """What a page needs: the tables (their DuckDB queries in `q`), the filters, how many events
    they keep, and reference shapes."""

    tables: data.Tables
    filters: Filters
    n_events: int
    names: dict[str, str]
    countries: object
    centres: dict[str, tuple[float, float]]
    base: str
    # the sidebar's navigation container while its widgets are still to draw (see finish), else None
    pending_nav: object | None = field(default=None, repr=False)

    def source_link(self, article_id: str) -> str:
        """Link to the article on the sources page, with the current filters."""
        return state.source_link(article_id, self.filters, self.base)

    @property
    def q(self):
        """The DuckDB queries over the tables (views/query.py)."""
        return self.tables.q


def _defaults() -> dict[str, object]:
    return {K[f.field]: (list(f.default) if isinstance(f.default, tuple) else f.default) for f in flt.FILTERS}


def _reset() -> None:
    st.session_state.update(_defaults())


def _filters_from_widgets(page: str) -> Filters:
    ss = st.session_state
    got = {}
    for f in flt.FILTERS:
        value = ss[K[f.field]]
        if f.widget == "multiselect":
            value = tuple(value)
        elif f.widget == "text":
            value = (value or "").strip()[: flt.MAX_TEXT]
        elif f.widget == "toggle":
            value = bool(value)
        got[f.field] = value
    return Filters(**got, page=page, article=ss.get(K["article"]) if page == "sources" else None)


def _sync(widget_key: str, key: str) -> None:
    st.session_state[key] = st.session_state[widget_key]


def bound(widget, label: str, key: str, container=None, **kwargs):
    """A widget whose value lives under `key` in session state, not under the widget's own key.

    Streamlit forgets a widget's value when the page changes (each page's widgets are new ones);
    copying the value in before drawing and out in on_change keeps it across pages."""
    widget_key = f"w{key}"
    st.session_state[widget_key] = st.session_state[key]
    return widget(label, key=widget_key, on_change=_sync, args=(widget_key, key), **kwargs)


def _options(spec: flt.FilterSpec, tables: data.Tables) -> tuple[str, ...]:
    if spec.fixed is not None:
        return spec.fixed
    return {"orgs": tables.org_options, "actors": tables.actor_options, "sources": tables.source_options}[spec.choices]


def _format(spec: flt.FilterSpec, names: dict[str, str]):
    if spec.format == "event_type":
        return lambda t: schema.EVENT_TYPE_LABELS.get(t, t)
    if spec.format == "country":
        return lambda a: f"{name_of(a, names)} ({a})"
    return str


def _clean_state(tables: data.Tables) -> None:
    """Every filter's value in session state, kept to what its widget can show."""
    for key, value in _defaults().items():
        st.session_state.setdefault(key, value)
    lo, hi = tables.choices.dates  # a link's dates were kept within this range (Filters.from_query)
    for spec in flt.FILTERS:
        key = K[spec.field]
        if spec.widget == "multiselect" and spec.fixed is None:
            # Values a link set but the data lacks would make a widget fail: keep only known options.
            options = _options(spec, tables)
            st.session_state[key] = [v for v in st.session_state[key] if v in options]
        elif spec.widget == "date" and st.session_state[key] is not None:
            # Dates chosen on tables that reached further (before a rebuild) would make the widget fail.
            st.session_state[key] = min(max(st.session_state[key], lo), hi)


def _widgets(tables: data.Tables, names: dict[str, str]) -> None:
    sb = st.sidebar
    lo, hi = tables.choices.dates
    date_columns = iter(sb.columns(2)) if any(f.widget == "date" for f in flt.FILTERS) else iter(())
    for spec in flt.FILTERS:
        key = K[spec.field]
        if spec.widget == "multiselect":
            bound(sb.multiselect, spec.label, key, options=_options(spec, tables), placeholder=spec.placeholder,
                  help=spec.help, format_func=_format(spec, names))
        elif spec.widget == "date":
            bound(next(date_columns).date_input, spec.label, key, help=spec.help, min_value=lo, max_value=hi,
                  format="YYYY-MM-DD")
        elif spec.widget == "toggle":
            bound(sb.toggle, spec.label, key, help=spec.help)
        else:
            bound(sb.text_input, spec.label, key, max_chars=flt.MAX_TEXT, placeholder=spec.placeholder,
                  help=spec.help)
    sb.button("Reset filters", on_click=_reset, icon=":material/restart_alt:")


def _nav(box, filters: Filters) -> None:
    # Our own links carry the filters; Streamlit's default page menu would clear the URL.
    for p in PAGES:
        box.page_link(p.file, label=p.title, icon=p.icon, query_params=filters.with_page(p.name).to_query())


def _share_and_downloads(tables: data.Tables, filters: Filters, names: dict[str, str]) -> None:
    sb = st.sidebar
    sb.subheader("Share this view")
    # Plain text, not st.code: the code block's highlighter is 1.5 MB of script for every page.
    sb.text(state.share_link(filters))
    sb.caption("The link restores this page with these filters.")
    sb.subheader("Download")
    stem = lambda what: export.file_stem(filters, what)  # noqa: E731
    # Callables: the files are only made when someone clicks, not on every rerun.
    sb.download_button("Events (CSV)", data=lambda: export.events_csv(tables.q.all_rows(filters)),
                       file_name=f"{stem('events')}.csv", mime="text/csv", icon=":material/download:", on_click="ignore")
    venues = lambda: maps.venues_from_groups(tables.q.venue_groups(filters), names)  # noqa: E731
    sb.download_button("Venues (GeoJSON)", data=lambda: export.venues_geojson(venues()),
                       file_name=f"{stem('venues')}.geojson", mime="application/geo+json",
                       icon=":material/download:", on_click="ignore")


def setup(page: str) -> View:
    """Call first on every page: reads the URL and the filters, returns the filtered view.

    The sidebar's navigation and filter widgets are drawn by `finish(view)`, which the page calls
    once its main chart or table is drawn: a dozen widgets load and render in the browser before
    anything after them, and the reader's first chart should not wait for them. Their values
    already live in session state (see `bound`), so the filters are known before they are drawn."""
    # A bundled icon: a Material or emoji page icon makes the browser fetch it from the web.
    st.set_page_config(page_title=f"{state.PAGE_TITLES[page]} · Middle Powers Atlas", page_icon=str(ICON), layout="wide")
    params = state.current_params()
    state.follow_page_param(page, params)
    st.sidebar.title("Middle Powers Atlas")
    nav = st.sidebar.container()
    try:
        tables, problem = data.load()
    except BuildError as err:
        st.error(md_escape(str(err)), icon=":material/error:")
        _nav(nav, Filters(page=page))
        st.stop()
    if problem:
        st.warning(md_escape(f"Showing the tables built earlier: {problem}"), icon=":material/warning:")
    countries, names, centres = data.countries()
    state.seed_from_url(page, params, tables.choices)
    _clean_state(tables)
    filters = _filters_from_widgets(page)
    state.write_url(filters)
    n = tables.q.count(filters)
    for notice in flt.shown_notices(state.current_notices()):
        st.warning(md_escape(notice), icon=":material/link_off:")
    return View(tables, filters, n, names, countries, centres, state.base_url(), pending_nav=nav)


def _first_paint_pause(seconds: float) -> None:
    time.sleep(seconds)


def finish(view: View, pause: float = FIRST_PAINT_PAUSE) -> None:
    """Draw the sidebar's navigation, filters, share link and downloads (once; see `setup`).

    On a session's first run this waits `pause` seconds first: FIRST_PAINT_PAUSE after a table
    or a map, PLOTLY_FIRST_PAINT_PAUSE from a page whose main chart is a plotly figure. The
    browser applies the elements that reach it together in one render, and only that render
    starts loading a chart's code: with the sidebar's widgets and the rest of the page right
    behind the main chart, it laid out some sixty elements before it began to fetch the chart's.
    Plotly's code (the largest part of a first visit) then takes some 0.4 s to arrive and 0.4 s
    to start; whatever reaches the browser meanwhile is laid out first, and its tables and
    widgets are drawn before the chart. Measured by the page's own clock (bench/first_paint.py),
    Compare's chart came at 1.43x the minimal app's time after a 0.05 s pause and at 1.10-1.19x
    after 0.4 s, and its sidebar was ready sooner too (3.84 s; 3.49-3.63 s); the map was 1.04x
    after 0.05 s and 1.35x after 0.4 s, so the short pause stays for the other pages. Later runs
    find the code loaded and do not wait."""
    if view.pending_nav is None:
        return
    nav, view.pending_nav = view.pending_nav, None
    if not st.session_state.get(_PAINTED):
        st.session_state[_PAINTED] = True
        _first_paint_pause(pause)
    _nav(nav, view.filters)
    _widgets(view.tables, view.names)
    st.sidebar.caption(f"{view.n_events:,} of {view.tables.n_events:,} events match the filters.")
    _share_and_downloads(view.tables, view.filters, view.names)


def stop(view: View) -> None:
    """`st.stop()` for a page: the sidebar is drawn first, so the reader can still change the filters."""
    finish(view)
    st.stop()
