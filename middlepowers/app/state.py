"""The URL is the state: read st.query_params into Filters, seed the widgets, write the URL back.

Streamlit 1.67's `bind="query-params"` is not used: with the classic `pages/` folder it drops a
page's bound parameters when the reader moves to another page (they are bound to the old page's
script), and it discards malformed values silently where the atlas must say so. So the shared
sidebar syncs st.query_params itself and carries the filters through its own page links.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode

import streamlit as st

from ..views.filters import FILTERS, Choices, Filters
from ..views.pages import PAGES

# Derived from the one page list and the one filter list; nothing here is typed twice.
PAGE_FILES: dict[str, str] = {p.name: p.file for p in PAGES}
PAGE_TITLES: dict[str, str] = {p.name: p.title for p in PAGES}
PAGE_ICONS: dict[str, str] = {p.name: p.icon for p in PAGES}
# Session-state keys holding each filter's value (the widgets' own keys add a "w" in front).
K: dict[str, str] = {**{f.field: f"f_{f.param}" for f in FILTERS}, "article": "f_article"}
_WRITTEN = "_mp_url_written"
_NOTICES = "_mp_notices"


def current_params() -> dict[str, list[str]]:
    """The URL's parameters, every value as a list (repeated keys kept)."""
    return {k: st.query_params.get_all(k) for k in st.query_params}


def follow_page_param(page: str, params: dict[str, list[str]]) -> None:
    """A link like ?page=sources&article=X opened on another page switches to that page.

    Only a URL from outside counts (a link, a reload): one this app wrote names the page it was
    written on, and must not pull the reader back after they moved on."""
    if params == st.session_state.get(_WRITTEN):
        return
    want = (params.get("page") or [page])[-1].strip().lower()
    if want != page and want in PAGE_FILES:
        rest = {k: v for k, v in params.items() if k != "page"}
        st.switch_page(PAGE_FILES[want], query_params=rest)


def seed_from_url(page: str, params: dict[str, list[str]], choices: Choices) -> None:
    """When the URL changed outside the app (a link, reload, back button), load it into the widgets
    and remember the notices about the parameters that were ignored."""
    if params == st.session_state.get(_WRITTEN):
        return
    filters, notices = Filters.from_query(params, choices)
    for fld, key in K.items():
        value = getattr(filters, fld)
        st.session_state[key] = list(value) if isinstance(value, tuple) else value
    st.session_state[_NOTICES] = notices


def current_notices() -> list[str]:
    """Notices about the link that was opened, until the reader changes a filter."""
    return st.session_state.get(_NOTICES, [])


def write_url(filters: Filters) -> None:
    """Put the view in the URL (only when it differs, so no needless browser history entry)."""
    q = filters.to_query()
    if q != current_params():
        st.query_params.from_dict(q)
    st.session_state[_WRITTEN] = q
    # Notices belong to the link that was opened; once the reader changes a filter they are stale.
    if st.session_state.get("_mp_seen_query") not in (None, q):
        st.session_state[_NOTICES] = []
    st.session_state["_mp_seen_query"] = q


def share_link(filters: Filters) -> str:
    """The link to this view: the page's address with page and filters as parameters."""
    return f"{base_url()}?{urlencode(filters.to_query(), doseq=True)}"


def base_url() -> str:
    """This page's address without parameters, or "" outside a browser session (tests)."""
    try:
        return (st.context.url or "").split("?")[0]
    except Exception:
        return ""


def source_link(article_id: str, filters: Filters, base: str = "") -> str:
    """A link to an article on the sources page that keeps the current filters."""
    target = replace(filters, page="sources", article=article_id)
    return f"{base}?{urlencode(target.to_query(), doseq=True)}"
