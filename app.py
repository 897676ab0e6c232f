"""Overview: what the atlas holds, the latest events, and how to read it."""

import streamlit as st

from middlepowers.app import sidebar, widgets

view = sidebar.setup("overview")
counts = view.q.summary(view.filters)

st.title("Middle Powers Atlas")
st.markdown("Where **Kazakhstan**, **Azerbaijan** and other middle powers host talks, offer mediation, "
            "launch initiatives and hold seats, as read from news articles, each event with its sentence of evidence.")
c = st.columns(5)
c[0].metric("Events", f"{counts['events']:,}")
c[1].metric("Articles", f"{counts['articles']:,}")
c[2].metric("Venues", f"{counts['venues']:,}")
c[3].metric("Acting countries", f"{counts['actors']:,}")
share = f"{counts['reviewed'] / counts['events']:.0%}" if counts["events"] else "–"
c[4].metric("Reviewed", f"{counts['reviewed']:,}", delta=f"{share} of these events", delta_color="off", delta_arrow="off",
            help="Events a reviewer accepted, corrected or added on the Review page (reviews.csv).")

st.subheader("Latest events")
widgets.events_table(view, key="latest_events", limit=15, paged=False)
sidebar.finish(view)  # after the main table: see sidebar.setup

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
- **Review** lists the events least confident first with their evidence; where reviewing is switched on, a
  reviewer accepts, rejects, corrects or adds events, and *Reviewed only* in the sidebar keeps the reviewed ones.
- **Share this view** gives the link to the current page and filters; opening it restores both.
"""
)
