"""Display helpers shared by the pages (tables of events, colour legends)."""

from __future__ import annotations

import html
import math

import pandas as pd
import streamlit as st

from ..views import listing, query
from ..views.palette import actor_hex


def _page_key(key: str) -> str:
    """The session-state key of events_table(key=key)'s page number."""
    return f"{key}_page"


def page_first(key: str, limit: int = listing.MAX_ROWS) -> int:
    """Where the page of rows events_table(key=key) shows begins, as its reader left the page
    number (events_table still checks it against the rows there are)."""
    try:
        return (max(int(st.session_state.get(_page_key(key), 1)), 1) - 1) * limit
    except (TypeError, ValueError):
        return 0


def events_table(view, key: str, subset: query.Subset = query.ALL, limit: int = listing.MAX_ROWS,
                 filters=None, paged: bool = True, rids: list[int] | None = None,
                 read: tuple[int, pd.DataFrame] | None = None) -> None:
    """The filtered events (narrowed by subset, or the events `rids` names), most recent first,
    each with a link to its article; a page of `limit` rows at a time, read from DuckDB with
    their evidence. `read` is (first, rows): rids[first:first + limit] already read whole
    (Atlas.pair), used when that is the page shown."""
    same = filters is None and subset is query.ALL
    filters = filters or view.filters
    if rids is not None:
        n = len(rids)
    else:
        n = view.n_events if same else view.q.count(filters, subset)  # the sidebar counted these already
    if not n:
        st.info("No events match the filters.", icon=":material/filter_alt_off:")
        return
    page = 1
    if n > limit and paged:
        pages = math.ceil(n / limit)
        if not 1 <= st.session_state.get(_page_key(key), 1) <= pages:
            st.session_state[_page_key(key)] = 1  # the filters shrank the table under the page shown
        page = int(st.number_input(f"Page (of {pages:,})", min_value=1, max_value=pages, step=1, key=_page_key(key)))
        first = (page - 1) * limit
        st.caption(f"Events {first + 1:,}–{min(first + limit, n):,} of {n:,}, most recent first; "
                   "download the CSV for all of them.")
    elif n > limit:
        st.caption(f"The {limit:,} most recent of {n:,} events; download the CSV for all of them.")
    first = (page - 1) * limit
    if rids is not None and read is not None and read[0] == first:
        shown = read[1]
    elif rids is not None:
        shown = view.q.rows_of(rids[first:first + limit])
    else:
        shown = view.q.rows(filters, subset, limit=limit, offset=first)
    st.dataframe(
        listing.event_rows(shown, view.names, view.source_link), key=key, hide_index=True, width="stretch",
        column_config={
            "source": st.column_config.LinkColumn("source", display_text="open article", width="small"),
            "evidence": st.column_config.TextColumn("evidence", width="large"),
        },
    )


def actor_legend(actors: list[str], names: dict[str, str]) -> None:
    """Coloured dots naming the actors, as on the map."""
    chips = " &nbsp; ".join(
        f'<span style="color:{actor_hex(a)}; font-size:1.2em">●</span> {html.escape(names.get(a, a))}' for a in actors
    )
    st.html(f'<div style="font-size:0.9rem">{chips}</div>')
