"""Timeline: events per acting country over time, and a yearly count beside it."""

import streamlit as st

from middlepowers.app import sidebar, widgets
from middlepowers.views import charts
from middlepowers.views.columns import EV

view = sidebar.setup("timeline")
ev = view.events

st.title("Timeline")
left, right = st.columns([3, 2])
left.plotly_chart(charts.timeline_figure(ev, view.names), key="timeline", width="stretch",
                  config={"displaylogo": False})
right.plotly_chart(charts.yearly_counts_figure(ev), key="yearly", width="stretch", config={"displaylogo": False})
undated = int(ev[EV.date_start].isna().sum()) if len(ev) else 0
st.caption("Dots: events known to the day. Bars: events known only to the month or year, drawn across that span."
           + (f" {undated:,} undated events are not drawn." if undated else ""))
st.subheader("Events")
widgets.events_table(view, ev, key="timeline_events")
