"""Organisations: members, mentions, Kazakhstan's and Azerbaijan's status, and tagged events."""

import pandas as pd
import streamlit as st

from middlepowers.app import sidebar, widgets
from middlepowers.views import charts, maps, query
from middlepowers.views.columns import OR
from middlepowers.views.text import md_escape

view = sidebar.setup("organisations")
orgs = view.tables.organisations

st.title("Organisations")
tagged = view.q.tag_counts(view.filters)
summary = pd.DataFrame({
    "acronym": orgs[OR.acronym], "name": orgs[OR.name], "mentions": orgs[OR.mentions],
    "members": orgs[OR.members].map(len), "Kazakhstan": orgs[OR.kaz_status].fillna("none"),
    "Azerbaijan": orgs[OR.aze_status].fillna("none"),
    "events": [int(tagged.get(a, 0)) for a in orgs[OR.acronym]],
})
st.dataframe(summary, hide_index=True, width="stretch", key="organisations_table",
             column_config={"name": st.column_config.TextColumn("name", width="medium"),
                            "events": st.column_config.NumberColumn("events (filtered)")})

options = summary["acronym"].tolist()
if not options:
    st.info("No organisations in the reference data.")
    st.stop()
# Start on the organisation the filters name, so a shared link opens on it.
first = next((o for o in view.filters.orgs if o in options), options[0])
pick = st.selectbox("Organisation", options, index=options.index(first), key="org_detail",
                    format_func=lambda a: f"{a}: {summary.set_index('acronym').at[a, 'name']}")
row = orgs[orgs[OR.acronym] == pick].iloc[0]
members = maps.members_of(orgs, [pick])
st.subheader(md_escape(f"{row[OR.name]} ({pick})"))
st.caption(md_escape(f"{len(members)} member states in the reference data"
                     + (f"; source: {row[OR.source_url]}" if isinstance(row[OR.source_url], str) else "")))
left, right = st.columns([3, 2])
left.pydeck_chart(maps.members_deck(view.countries, members), key="members_map", height=420)
right.plotly_chart(charts.organisation_counts_figure(summary), key="org_counts", width="stretch",
                   config={"displaylogo": False})
st.subheader(md_escape(f"Events tagged with {pick}"))
widgets.events_table(view, key="org_events", subset=query.tagged(pick))
