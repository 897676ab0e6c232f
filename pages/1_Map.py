"""Map of mediation venues: points per venue, arcs to the parties, member states shaded."""

import streamlit as st

from middlepowers.app import sidebar, widgets
from middlepowers.views import charts, listing, maps, query
from middlepowers.views.text import md_escape

PICK = "venue_pick"

view = sidebar.setup("map")
f = view.filters


def _from_map() -> None:
    # A click on a venue selects it in the picker below; a click on empty sea clears it.
    selection = st.session_state["venue_map"]["selection"]
    st.session_state[PICK] = listing.picked_venue(selection["objects"], maps.VENUE_LAYER)


st.title("Map of mediation venues")
members = maps.members_of(view.tables.organisations, f.orgs) if f.orgs else None
# DuckDB counts per venue and per arc; only those small frames reach the builders.
venues = maps.venues_from_groups(view.q.venue_groups(f), view.names)
arcs = maps.arcs_from_groups(view.q.arc_groups(f, list(view.centres), maps.HOSTED_TYPES), view.centres, view.names)
deck = maps.venue_deck(None, view.countries, view.names, view.centres, members, venues, arcs)
widgets.actor_legend(charts.lanes_from_counts(view.q.actor_counts(f), 8), view.names)
if members:
    st.caption(md_escape(f"Shaded: member states of {', '.join(f.orgs)}."))
# A stable key and a constant initial view keep the reader's zoom and centre across reruns.
st.pydeck_chart(deck, on_select=_from_map, selection_mode="single-object", key="venue_map", height=560)
sidebar.finish(view)  # after the map: see sidebar.setup
unplaced = view.q.unplaced(f) if view.n_events else 0
if unplaced:
    st.caption(f"{unplaced:,} matching events have no known venue coordinates and are not on the map.")

keys = [listing.venue_key(v, c) for v, c in zip(venues["venue"], venues["venue_country"])]
labels = {k: f"{v} ({view.names.get(c, c or '?')}): {n:,} events"
          for k, v, c, n in zip(keys, venues["venue"], venues["venue_country"], venues["n_events"])}
if st.session_state.get(PICK) not in keys:
    st.session_state[PICK] = None  # the venue dropped out of the filtered events
# The picker is the keyboard's way to what a click on the map does.
pick = st.selectbox("Venue", keys, key=PICK, format_func=labels.get,
                    placeholder="Click a venue on the map, or choose one here")
if pick:
    venue, _, country = pick.partition("|")
    st.subheader(md_escape(f"Events at {venue}"))
    widgets.events_table(view, key="venue_events", subset=query.at_venue(venue, country or None))
else:
    st.info("Click a venue on the map, or choose one above, to list its events with their evidence.",
            icon=":material/touch_app:")
