"""plotly figures: the timeline, yearly counts and the two-country comparison."""

from __future__ import annotations

import html
import re

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from .. import schema
from .columns import EV
from .geo import name_of
from .palette import EVENT_TYPE_COLOURS, actor_hex

FIRST_ACTORS = ("KAZ", "AZE")
MAX_LANES = 12
_DAY_MS = 86_400_000
_WRAP = re.compile(r"(.{1,70})(?:\s+|$)")
MAX_HOVER = 280
MAX_TIMELINE_EVENTS = 2000  # beyond this the hover texts alone pass 500 KB per rerun
_LAYOUT = dict(font=dict(size=13), hoverlabel=dict(align="left"))


def _figure(data: list[dict], layout: dict) -> go.Figure:
    """A figure from plain dicts without plotly's per-property validation, which took most of
    each chart's build time; tests/test_views_charts.py validates every builder's output."""
    return go.Figure({"data": data, "layout": layout}, _validate=False)


def _frame(title: str, legend_rows: int = 0) -> dict:
    """Title at the top, then the legend's rows, then the plot: room is made so they never overlap."""
    return dict(
        title=dict(text=title, x=0, xanchor="left", y=1, yref="container", yanchor="top", pad=dict(t=10, l=4)),
        margin=dict(l=10, r=10, t=46 + 24 * legend_rows, b=10),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, title_text=""),
        showlegend=legend_rows > 0, **_LAYOUT,
    )


def _wrap(text: str | None) -> str:
    """Evidence for a hover label: cut, escaped (plotly reads a subset of HTML), wrapped at ~70."""
    if not text:
        return "(no evidence)"
    if len(text) > MAX_HOVER:
        text = text[: MAX_HOVER - 1] + "…"
    # A regex wrap: textwrap took most of the figure's build time at 20,000 events.
    return _WRAP.sub(r"\1<br>", html.escape(text)).removesuffix("<br>")


def lanes(events: pd.DataFrame, max_lanes: int = MAX_LANES) -> list[str]:
    """Acting countries in lane order: Kazakhstan, Azerbaijan, then the busiest others."""
    return lanes_from_counts(events[EV.actor].dropna().value_counts(), max_lanes)


def lanes_from_counts(counts: pd.Series, max_lanes: int = MAX_LANES) -> list[str]:
    """lanes() from events per actor, busiest first (as query.Atlas.actor_counts gives them)."""
    others = [a for a in counts.index if a not in FIRST_ACTORS][: max(0, max_lanes - len(FIRST_ACTORS))]
    return [a for a in FIRST_ACTORS if a in counts.index] + others


def _empty(title: str, message: str = "No events match the filters") -> go.Figure:
    note = dict(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper", font=dict(size=15))
    return _figure([], dict(annotations=[note], xaxis=dict(visible=False), yaxis=dict(visible=False), height=300,
                            **_frame(title)))


def timeline_figure(events: pd.DataFrame, names: dict[str, str], max_lanes: int = MAX_LANES,
                    max_events: int = MAX_TIMELINE_EVENTS) -> go.Figure:
    """One lane per acting country, colour by type; day-precise events are dots, month- and
    year-precise ones are bars spanning date_start..date_end so they do not read as exact days."""
    dated = events[events[EV.date_start].notna() & events[EV.actor].notna()]
    order = lanes(dated, max_lanes)
    total = len(dated)
    if len(dated) > max_events:
        # An even sample across time keeps the shape of the record and the browser responsive;
        # the yearly chart beside it still counts every event.
        dated = dated.sort_values(EV.date_start, kind="stable")
        dated = dated.iloc[np.linspace(0, len(dated) - 1, max_events).astype(int)]
    return timeline_from_points(dated, order, total, names)


def timeline_from_points(dated: pd.DataFrame, order: list[str], total: int, names: dict[str, str]) -> go.Figure:
    """timeline_figure from the points to draw (dated, with an actor), the lane order and how many
    dated events there are in all (more than drawn when the points are a sample)."""
    title = "Events over time"
    if dated.empty or not order:
        return _empty(title)
    if total > len(dated):
        title = f"Events over time ({len(dated):,} of {total:,} shown: narrow the filters to see all)"
    lane_of = {a: i for i, a in enumerate(order)}
    other = len(order)
    actor = dated[EV.actor].to_numpy(object)
    y_lane = np.array([lane_of.get(a, other) for a in actor], dtype=float)
    has_other = bool((y_lane == other).any())
    # Types spread slightly within a lane so overlapping bars of different types stay visible.
    type_idx = {t: i for i, t in enumerate(schema.EVENT_TYPES)}
    etype = dated[EV.event_type].to_numpy(object)
    y = y_lane + np.array([(type_idx.get(t, 4) - 4) * 0.08 for t in etype])
    start = pd.to_datetime(dated[EV.date_start], errors="coerce").to_numpy()
    end = pd.to_datetime(dated[EV.date_end].fillna(dated[EV.date_start]), errors="coerce").to_numpy()
    precision = dated[EV.date_precision].fillna("day").to_numpy(object)
    hover = np.array([
        f"<b>{html.escape(name_of(a, names))}</b>: {schema.EVENT_TYPE_LABELS.get(t, t)}<br>"
        f"{s if p == 'day' else (s[:7] if p == 'month' else s[:4]) + f' ({p} precision)'}"
        f"{' in ' + html.escape(v) if isinstance(v, str) else ''}<br><i>{_wrap(e)}</i>"
        for a, t, s, p, v, e in zip(actor, etype, dated[EV.date_start].to_numpy(object), precision,
                                    dated[EV.venue].to_numpy(object, na_value=None),
                                    dated[EV.evidence].to_numpy(object, na_value=None))
    ], dtype=object)
    traces = []
    for t in schema.EVENT_TYPES:
        sel = etype == t
        if not sel.any():
            continue
        colour = EVENT_TYPE_COLOURS[t]
        label = schema.EVENT_TYPE_LABELS[t]
        span = sel & (precision != "day")
        point = sel & (precision == "day")
        if span.any():
            dur = (end[span] - start[span]) / np.timedelta64(1, "ms") + _DAY_MS
            traces.append(dict(
                type="bar", orientation="h", base=start[span], x=dur, y=y[span], width=0.12, name=label,
                legendgroup=t, marker=dict(color=colour, opacity=0.45, line=dict(width=0)), hovertext=hover[span],
                hovertemplate="%{hovertext}<extra></extra>",
            ))
        if point.any():
            traces.append(dict(
                type="scatter", x=start[point], y=y[point], mode="markers", name=label, legendgroup=t,
                showlegend=not span.any(),
                marker=dict(color=colour, size=8, line=dict(width=0.5, color="white")),
                hovertext=hover[point], hovertemplate="%{hovertext}<extra></extra>",
            ))
    # Plotly reads a subset of HTML in axis and legend labels too: names are escaped like the hovers.
    ticks = [html.escape(name_of(a, names)) for a in order] + (["Other countries"] if has_other else [])
    return _figure(traces, dict(
        barmode="overlay", height=max(340, 60 * len(ticks) + 190),
        xaxis=dict(type="date", title=None), hovermode="closest",
        yaxis=dict(tickmode="array", tickvals=list(range(len(ticks))), ticktext=ticks,
                   range=[len(ticks) - 0.5, -0.5], title=None, showgrid=False, zeroline=False),
        # Thin separators between lanes, as shapes in one go (add_hline is slow per call).
        shapes=[dict(type="line", xref="paper", x0=0, x1=1, y0=i + 0.5, y1=i + 0.5,
                     line=dict(width=1, color="#e5e5e5")) for i in range(len(ticks) - 1)],
        **_frame(title, legend_rows=3),
    ))


def yearly_counts(events: pd.DataFrame) -> pd.DataFrame:
    """Dated events per year (by date_start) and type: year, type, n (query.Atlas.yearly gives the same)."""
    df = pd.DataFrame({"year": events[EV.date_start].str.slice(0, 4), "type": events[EV.event_type]}).dropna()
    return df.groupby(["year", "type"]).size().rename("n").reset_index()


def yearly_counts_figure(events: pd.DataFrame) -> go.Figure:
    """Dated events per year (by date_start), stacked by type."""
    return yearly_figure(yearly_counts(events))


def yearly_figure(long: pd.DataFrame) -> go.Figure:
    """yearly_counts_figure from the counts per year and type."""
    title = "Events per year"
    if long.empty:
        return _empty(title)
    counts = long.pivot_table(index="year", columns="type", values="n", aggfunc="sum", fill_value=0).sort_index()
    years = counts.index.astype(int).to_numpy()
    traces = [dict(type="bar", x=years, y=counts[t].to_numpy(), name=schema.EVENT_TYPE_LABELS[t],
                   marker=dict(color=EVENT_TYPE_COLOURS[t]),
                   hovertemplate="%{x}: %{y} " + html.escape(schema.EVENT_TYPE_LABELS[t]) + "<extra></extra>")
              for t in schema.EVENT_TYPES if t in counts.columns]
    # No legend: the colours are the timeline's beside it, and the hover names the type.
    return _figure(traces, dict(barmode="stack", height=420, yaxis=dict(title=dict(text="events")), **_frame(title)))


def type_counts_figure(counts: pd.DataFrame, names: dict[str, str]) -> go.Figure:
    """Grouped bars: events by type (rows) for each country (columns)."""
    title = "Events by type"
    if counts.empty or counts.to_numpy().sum() == 0:
        return _empty(title)
    labels = [schema.EVENT_TYPE_LABELS.get(t, t) for t in counts.index]
    traces = [dict(type="bar", x=labels, y=counts[actor].to_numpy(), name=html.escape(name_of(actor, names)),
                   marker=dict(color=actor_hex(actor))) for actor in counts.columns]
    return _figure(traces, dict(barmode="group", height=380, **_frame(title, legend_rows=1)))
