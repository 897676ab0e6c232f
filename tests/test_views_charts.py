"""The plotly figures on small frames: lanes, precision, escaped hovers, counts."""

import pandas as pd
import plotly.graph_objects as go
import pytest

from middlepowers import schema
from middlepowers.views import charts, compare
from middlepowers.synthetic import synthetic_tables

NAMES = {"KAZ": "Kazakhstan", "AZE": "Azerbaijan", "TUR": "Turkey"}


def ev(i, actor, etype, start, end, precision, evidence="x"):
    return dict(event_id=str(i), article_id="a", event_type=etype, actor=actor, parties=[], organisations=[],
                date_start=start, date_end=end, date_precision=precision, evidence=evidence, evidence_start=0,
                evidence_end=1, modality="asserted", confidence=1.0)


@pytest.fixture
def events():
    return schema.conform(pd.DataFrame([
        ev(1, "TUR", "summit", "2019-05-02", "2019-05-02", "day"),
        ev(2, "KAZ", "talks_hosted", "2017-01-23", "2017-01-23", "day", "Astana <talks> & more"),
        ev(3, "AZE", "aid", "2020-01-01", "2020-12-31", "year"),
        ev(4, "KAZ", "summit", "2018-06-01", "2018-06-30", "month"),
        ev(5, "KAZ", "aid", None, None, None),
    ]), "events")


def test_charts_lanes_put_kazakhstan_and_azerbaijan_first(events):
    assert charts.lanes(events) == ["KAZ", "AZE", "TUR"]


def test_charts_timeline_draws_spans_as_bars_and_days_as_dots(events):
    fig = charts.timeline_figure(events, NAMES)
    bars = [t for t in fig.data if t.type == "bar"]
    dots = [t for t in fig.data if t.type == "scatter"]
    assert sum(len(t.x) for t in bars) == 2 and sum(len(t.x) for t in dots) == 2  # the undated one is left out
    year_bar = next(t for t in bars if t.name == "Aid")
    assert year_bar.x[0] == pytest.approx(366 * 86_400_000)  # 2020 spans all its days
    month_bar = next(t for t in bars if t.name == "Summit")
    assert month_bar.x[0] == pytest.approx(30 * 86_400_000)
    assert list(fig.layout.yaxis.ticktext) == ["Kazakhstan", "Azerbaijan", "Turkey"]


def test_charts_timeline_hover_shows_escaped_evidence(events):
    fig = charts.timeline_figure(events, NAMES)
    hovers = [h for t in fig.data for h in t.hovertext]
    talk = next(h for h in hovers if "Astana" in h)
    assert "&lt;talks&gt; &amp; more" in talk and "<talks>" not in talk
    assert any("(year precision)" in h for h in hovers)


def test_charts_timeline_samples_large_frames():
    events = synthetic_tables(600, seed=4)["events"]
    fig = charts.timeline_figure(events, NAMES, max_events=100)
    assert sum(len(t.x) for t in fig.data) == 100
    assert "100 of" in fig.layout.title.text


def test_charts_yearly_counts_by_type(events):
    fig = charts.yearly_counts_figure(events)
    totals = {}
    for t in fig.data:
        for x, y in zip(t.x, t.y):
            totals[int(x)] = totals.get(int(x), 0) + int(y)
    assert totals == {2017: 1, 2018: 1, 2019: 1, 2020: 1}


@pytest.mark.parametrize("build", [
    lambda e: charts.timeline_figure(e, NAMES), charts.yearly_counts_figure,
    lambda e: charts.type_counts_figure(compare.type_counts(e), NAMES),
])
def test_charts_empty_frames_give_a_message_not_an_error(build):
    fig = build(schema.empty_frame("events"))
    assert isinstance(fig, go.Figure) and fig.layout.annotations[0].text.startswith("No events")


def test_charts_type_counts_one_trace_per_country(events):
    fig = charts.type_counts_figure(compare.type_counts(events), NAMES)
    assert [t.name for t in fig.data] == ["Kazakhstan", "Azerbaijan"]


@pytest.mark.parametrize("build", [
    lambda e: charts.timeline_figure(e, NAMES), charts.yearly_counts_figure,
    lambda e: charts.type_counts_figure(compare.type_counts(e), NAMES),
])
@pytest.mark.parametrize("empty", [False, True])
def test_charts_figures_pass_plotly_validation(events, build, empty):
    # The builders skip plotly's validation for speed; here it runs on what they make.
    fig = build(schema.empty_frame("events") if empty else events)
    go.Figure(fig.to_dict())  # raises on an unknown or mistyped property
