"""Display helpers shared by the pages (tables of events, colour legends)."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from ..views import listing
from ..views.palette import actor_hex


def events_table(view, events: pd.DataFrame, key: str, limit: int = listing.MAX_ROWS) -> None:
    """The events, most recent first, each with a link to its article on the sources page."""
    if events.empty:
        st.info("No events match the filters.", icon=":material/filter_alt_off:")
        return
    shown = listing.latest(events, limit)
    if len(events) > limit:
        st.caption(f"The {limit:,} most recent of {len(events):,} events; download the CSV for all of them.")
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
