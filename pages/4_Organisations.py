"""Organisations: members, mentions, Kazakhstan's and Azerbaijan's status, and tagged events."""

import pandas as pd
import streamlit as st

from middlepowers.app import sidebar, widgets
from middlepowers.views import maps, query
from middlepowers.views.columns import OR
from middlepowers.views.geo import name_of
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
# The filtered events per organisation as bars in their cells: no chart library to load for them.
st.dataframe(summary, hide_index=True, width="stretch", key="organisations_table",
             column_config={"name": st.column_config.TextColumn("name", width="medium"),
                            "events": st.column_config.ProgressColumn(
                                "events (filtered)", format="%d", min_value=0,
                                max_value=max(1, int(summary["events"].max() if len(summary) else 0)))})

options = summary["acronym"].tolist()
if not options:
    st.info("No organisations in the reference data.")
    sidebar.stop(view)
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
member_list = pd.DataFrame({"member state": [name_of(iso, view.names) for iso in members], "ISO3": list(members)})
right.dataframe(member_list.sort_values("member state"), hide_index=True, width="stretch", height=420,
                key="org_members")
sidebar.finish(view)  # after the map: see sidebar.setup
st.subheader(md_escape(f"Events tagged with {pick}"))
widgets.events_table(view, key="org_events", subset=query.tagged(pick))
