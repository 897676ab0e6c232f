"""Timeline: events per acting country over time, and a yearly count beside it."""

import streamlit as st

from middlepowers.app import sidebar, widgets
from middlepowers.views import charts

view = sidebar.setup("timeline")
f = view.filters

st.title("Timeline")
left, right = st.columns([3, 2])
# DuckDB picks the points to draw (an even sample when there are many) and counts the years.
lanes = view.q.actor_counts(f, dated=True)
dated = int(lanes.sum())
points = view.q.timeline_points(f, charts.MAX_TIMELINE_EVENTS, dated)
left.plotly_chart(charts.timeline_from_points(points, charts.lanes_from_counts(lanes), dated, view.names),
                  key="timeline", width="stretch", config={"displaylogo": False})
years = view.q.yearly(f)
right.plotly_chart(charts.yearly_figure(years), key="yearly", width="stretch", config={"displaylogo": False})
sidebar.finish(view, pause=sidebar.PLOTLY_FIRST_PAINT_PAUSE)  # after the charts: see sidebar.finish
undated = view.n_events - int(years["n"].sum())
st.caption("Dots: events known to the day. Bars: events known only to the month or year, drawn across that span."
           + (f" {undated:,} undated events are not drawn." if undated else ""))
st.subheader("Events")
widgets.events_table(view, key="timeline_events")
