"""Map of mediation venues: points per venue, arcs to the parties, member states shaded."""

import streamlit as st

from middlepowers.app import sidebar, widgets
from middlepowers.views import charts, listing, maps
from middlepowers.views.columns import EV

view = sidebar.setup("map")
ev = view.events

st.title("Map of mediation venues")
members = maps.members_of(view.tables.organisations, view.filters.orgs) if view.filters.orgs else None
deck = maps.venue_deck(ev, view.countries, view.names, view.centres, members)
widgets.actor_legend(charts.lanes(ev, 8), view.names)
if members:
    st.caption(f"Shaded: member states of {', '.join(view.filters.orgs)}.")
# A stable key keeps the reader's zoom and the selected venue across reruns.
chosen = st.pydeck_chart(deck, on_select="rerun", selection_mode="single-object", key="venue_map", height=560)
unplaced = int(ev[EV.lat].isna().sum()) if len(ev) else 0
if unplaced:
    st.caption(f"{unplaced:,} matching events have no known venue coordinates and are not on the map.")

picked = (chosen.selection.objects or {}).get(maps.VENUE_LAYER, []) if chosen else []
if picked:
    venue = picked[0]
    at = listing.events_at(ev, venue.get("venue"), venue.get("venue_country"))
    st.subheader(f"Events at {venue.get('venue')}")
    widgets.events_table(view, at, key="venue_events")
else:
    st.info("Click a venue on the map to list its events with their evidence.", icon=":material/touch_app:")
