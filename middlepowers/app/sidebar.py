"""The one sidebar every page calls: navigation, filters, share link and downloads."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from .. import schema
from ..errors import BuildError
from ..views import export, filters as flt, maps
from ..views.filters import DEFAULT_MODALITIES, Filters
from ..views.geo import name_of
from ..views.text import md_escape
from . import data, state
from .state import K

ICON = Path(__file__).with_name("icon.png")


@dataclass
class View:
    """What a page needs: the tables, the filters, the events they keep, and reference shapes."""

    tables: data.Tables
    filters: Filters
    events: pd.DataFrame
    names: dict[str, str]
    countries: object
    centres: dict[str, tuple[float, float]]
    base: str

    def source_link(self, article_id: str) -> str:
        """Link to the article on the sources page, with the current filters."""
        return state.source_link(article_id, self.filters, self.base)


def _defaults() -> dict[str, object]:
    return {K["orgs"]: [], K["event_types"]: [], K["actors"]: [], K["date_from"]: None, K["date_to"]: None,
            K["modalities"]: list(DEFAULT_MODALITIES), K["sources"]: [], K["text"]: ""}


def _reset() -> None:
    st.session_state.update(_defaults())


def _filters_from_widgets(page: str) -> Filters:
    ss = st.session_state
    return Filters(
        orgs=tuple(ss[K["orgs"]]), event_types=tuple(ss[K["event_types"]]), actors=tuple(ss[K["actors"]]),
        date_from=ss[K["date_from"]], date_to=ss[K["date_to"]], modalities=tuple(ss[K["modalities"]]),
        sources=tuple(ss[K["sources"]]), text=(ss[K["text"]] or "").strip()[: flt.MAX_TEXT], page=page,
        article=ss.get(K["article"]) if page == "sources" else None,
    )


def _sync(widget_key: str, key: str) -> None:
    st.session_state[key] = st.session_state[widget_key]


def bound(widget, label: str, key: str, container=None, **kwargs):
    """A widget whose value lives under `key` in session state, not under the widget's own key.

    Streamlit forgets a widget's value when the page changes (each page's widgets are new ones);
    copying the value in before drawing and out in on_change keeps it across pages."""
    widget_key = f"w{key}"
    st.session_state[widget_key] = st.session_state[key]
    return widget(label, key=widget_key, on_change=_sync, args=(widget_key, key), **kwargs)


def _widgets(tables: data.Tables, names: dict[str, str]) -> None:
    sb = st.sidebar
    for key, value in _defaults().items():
        st.session_state.setdefault(key, value)
    # Values a link set but the data lacks would make a widget fail: keep only known options.
    for key, options in ((K["orgs"], tables.org_options), (K["actors"], tables.actor_options),
                         (K["sources"], tables.source_options)):
        st.session_state[key] = [v for v in st.session_state[key] if v in options]
    bound(sb.multiselect, "Organisations", K["orgs"], options=tables.org_options, placeholder="All organisations",
          help="Events tagged with any of these organisations. Member states are shaded on the map.")
    bound(sb.multiselect, "Event types", K["event_types"], options=schema.EVENT_TYPES, placeholder="All types",
          format_func=lambda t: schema.EVENT_TYPE_LABELS.get(t, t))
    bound(sb.multiselect, "Acting country", K["actors"], options=tables.actor_options, placeholder="All countries",
          format_func=lambda a: f"{name_of(a, names)} ({a})")
    c1, c2 = sb.columns(2)
    lo, hi = tables.choices.dates  # a link's dates were kept within this range (Filters.from_query)
    # Dates chosen on tables that reached further (before a rebuild) would make the widget fail.
    for key in (K["date_from"], K["date_to"]):
        if st.session_state[key] is not None:
            st.session_state[key] = min(max(st.session_state[key], lo), hi)
    dates = dict(min_value=lo, max_value=hi, format="YYYY-MM-DD")
    bound(c1.date_input, "From", K["date_from"], help="Events whose dates overlap the range; undated events drop out.", **dates)
    bound(c2.date_input, "To", K["date_to"], **dates)
    bound(sb.multiselect, "Modality", K["modalities"], options=schema.MODALITIES, placeholder="Every modality",
          help="Asserted: it happened. Planned: offered or future. Hypothetical, negated: neither.")
    bound(sb.multiselect, "Source outlet", K["sources"], options=tables.source_options, placeholder="All sources")
    bound(sb.text_input, "Search the evidence", K["text"], max_chars=flt.MAX_TEXT, placeholder="e.g. Astana")
    sb.button("Reset filters", on_click=_reset, icon=":material/restart_alt:")


def _nav(box, filters: Filters) -> None:
    # Our own links carry the filters; Streamlit's default page menu would clear the URL.
    for page, path in state.PAGE_FILES.items():
        box.page_link(path, label=state.PAGE_TITLES[page], icon=state.PAGE_ICONS[page],
                      query_params=filters.with_page(page).to_query())


def _share_and_downloads(filters: Filters, events: pd.DataFrame, names: dict[str, str]) -> None:
    sb = st.sidebar
    sb.subheader("Share this view")
    sb.code(state.share_link(filters), language=None, wrap_lines=True)
    sb.caption("The link restores this page with these filters.")
    sb.subheader("Download")
    stem = lambda what: export.file_stem(filters, what)  # noqa: E731
    # Callables: the files are only made when someone clicks, not on every rerun.
    sb.download_button("Events (CSV)", data=lambda: export.events_csv(events), file_name=f"{stem('events')}.csv",
                       mime="text/csv", icon=":material/download:", on_click="ignore")
    sb.download_button("Venues (GeoJSON)", data=lambda: export.venues_geojson(maps.venues_frame(events, names)),
                       file_name=f"{stem('venues')}.geojson", mime="application/geo+json",
                       icon=":material/download:", on_click="ignore")


def setup(page: str) -> View:
    """Call first on every page: reads the URL, draws the sidebar, returns the filtered view."""
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
    _widgets(tables, names)
    filters = _filters_from_widgets(page)
    _nav(nav, filters)
    state.write_url(filters)
    events = flt.apply(tables.events, tables.articles, filters)
    st.sidebar.caption(f"{len(events):,} of {len(tables.events):,} events match the filters.")
    _share_and_downloads(filters, events, names)
    for notice in flt.shown_notices(state.current_notices()):
        st.warning(md_escape(notice), icon=":material/link_off:")
    return View(tables, filters, events, names, countries, centres, state.base_url())
