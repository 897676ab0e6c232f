"""Overview: what the atlas holds, the latest events, and how to read it."""

import streamlit as st

from middlepowers.app import sidebar, widgets

view = sidebar.setup("overview")
counts = view.q.summary(view.filters)

st.title("Middle Powers Atlas")
st.markdown("Where **Kazakhstan**, **Azerbaijan** and other middle powers host talks, offer mediation, "
            "launch initiatives and hold seats, as read from news articles, each event with its sentence of evidence.")
c = st.columns(4)
c[0].metric("Events", f"{counts['events']:,}")
c[1].metric("Articles", f"{counts['articles']:,}")
c[2].metric("Venues", f"{counts['venues']:,}")
c[3].metric("Acting countries", f"{counts['actors']:,}")

st.subheader("Latest events")
widgets.events_table(view, key="latest_events", limit=15, paged=False)

st.subheader("How to read the atlas")
st.markdown(
    """
- **Filters** in the sidebar apply to every page: organisations, event types, acting country, dates,
  modality (only *asserted* events by default: what happened, not what was offered or denied), source and a text search.
- **Map**: one point per venue, sized by its events and coloured by the country acting there; arcs join
  a venue to the parties of the talks it hosted. Choose organisations to shade their member states. Click a venue to list its events.
- **Timeline**: one lane per country. Dots are events known to the day; bars span the month or year when
  only that is known, so they are not mistaken for exact days.
- **Kazakhstan vs Azerbaijan** puts the two side by side; **Organisations** shows memberships and roles;
  **Sources** shows each article with its evidence highlighted.
- **Share this view** gives the link to the current page and filters; opening it restores both.
"""
)
