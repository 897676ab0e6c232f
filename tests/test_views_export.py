"""Downloads and highlighted text: bytes that round-trip, names after the view, escaped HTML."""

import io
import json
from datetime import date

import pandas as pd

from middlepowers import schema
from middlepowers.synthetic import synthetic_tables
from middlepowers.views import export, maps, text
from middlepowers.views.filters import Filters


def test_export_events_csv_round_trips():
    events = synthetic_tables(40, seed=5)["events"]
    back = pd.read_csv(io.BytesIO(export.events_csv(events)))
    assert len(back) == len(events) and list(back.columns) == list(schema.EVENTS)
    assert back["parties"].fillna("").iloc[0] == ";".join(events["parties"].iloc[0])


def test_export_venues_geojson_is_points():
    events = synthetic_tables(40, seed=5)["events"]
    venues = maps.venues_frame(events, {})
    gj = json.loads(export.venues_geojson(venues))
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == len(venues)
    f = gj["features"][0]
    assert f["geometry"]["type"] == "Point" and f["properties"]["n_events"] == int(venues["n_events"].iloc[0])


def test_export_file_names_follow_the_view():
    f = Filters(orgs=("SCO",), event_types=("talks_hosted",), date_from=date(2017, 1, 1), text="a/b c", page="map")
    stem = export.file_stem(f, "events")
    assert stem == "middlepowers-events_org-SCO_type-talks_hosted_from-2017-01-01_q-a-b-c"
    assert export.file_stem(Filters(), "venues") == "middlepowers-venues"


def test_text_highlight_escapes_every_piece():
    html = text.highlight("<b>A</b> & Astana talks. Rest.", [(11, 24)])
    assert html.startswith("&lt;b&gt;A&lt;/b&gt; &amp; ") and "<b>" not in html
    assert '<mark style="background:#ffe08a">Astana talks.</mark> Rest.' in html


def test_text_spans_are_clipped_and_merged():
    assert text.merge_spans([(5, 10), (0, 3), (8, 12), (50, 60), (7, 7)], 20) == [(0, 3), (5, 12)]
    assert text.highlight("abc", [(1, 99)]).count("<mark") == 1


def test_synthetic_tables_conform_and_evidence_offsets_hold():
    t = synthetic_tables(200, seed=9)
    for name, cols in schema.TABLES.items():
        assert list(t[name].columns) == list(cols)
    arts = t["articles"].set_index("article_id")["text"]
    for r in t["events"].head(50).itertuples():
        assert arts[r.article_id][r.evidence_start:r.evidence_end] == r.evidence
    assert set(t["events"]["date_precision"].dropna()) == {"day", "month", "year"}
    assert t["events"]["date_start"].dropna().str[:4].astype(int).between(1995, 2026).all()
    assert {"KAZ", "AZE"} <= set(t["events"]["actor"])
