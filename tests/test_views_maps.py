"""The pydeck builders on small frames: venues, arcs, member shading, no tiles."""

import json

import pandas as pd
import pytest

from middlepowers import schema
from middlepowers.views import geo, listing, maps

NAMES = {"KAZ": "Kazakhstan", "AZE": "Azerbaijan", "SYR": "Syria", "ARM": "Armenia", "TUR": "Turkey"}


def ev(**kw):
    base = dict(event_id="e", article_id="a", event_type="talks_hosted", actor="KAZ", parties=[], organisations=[],
                evidence="x", evidence_start=0, evidence_end=1, modality="asserted", confidence=1.0)
    return {**base, **kw}


@pytest.fixture
def events():
    astana = dict(venue="Astana", venue_country="KAZ", lat=51.18, lon=71.45)
    return schema.conform(pd.DataFrame([
        ev(event_id="1", parties=["SYR", "TUR", "syrian opposition"], **astana),
        ev(event_id="2", parties=["SYR"], **astana),
        ev(event_id="3", actor="AZE", event_type="summit", **astana),
        ev(event_id="4", actor="AZE", venue="Baku", venue_country="AZE", lat=40.38, lon=49.89, parties=["ARM"]),
        ev(event_id="5", actor="AZE", venue=None, lat=None, lon=None),
    ]), "events")


@pytest.fixture(scope="module")
def countries():
    return geo.load_countries()


def test_maps_venues_one_point_per_venue_sized_and_coloured(events):
    v = maps.venues_frame(events, NAMES).set_index("venue")
    assert list(v.index) == ["Astana", "Baku"]
    assert v.at["Astana", "n_events"] == 3 and v.at["Baku", "n_events"] == 1
    assert v.at["Astana", "actor"] == "KAZ" and v.at["Baku", "actor"] == "AZE"
    assert v.at["Astana", "radius"] > v.at["Baku", "radius"]
    assert v.at["Astana", "color"][:3] != v.at["Baku", "color"][:3]
    assert "Astana (Kazakhstan): 3 events" in v.at["Astana", "label"]


def test_maps_arcs_join_venue_to_state_parties_only(events):
    a = maps.arcs_frame(events, geo.centroids(), NAMES)
    assert sorted(a["party"]) == ["ARM", "SYR", "TUR"]  # no arc to a non-state party
    syr = a[a["party"] == "SYR"].iloc[0]
    assert syr["n"] == 2 and syr["source"] == [71.45, 51.18]


def test_maps_members_shaded_from_the_organisations_table(countries):
    orgs = schema.conform(pd.DataFrame([dict(acronym="SCO", mentions=1, members=["KAZ", "CHN"]),
                                        dict(acronym="OTS", mentions=1, members=["KAZ", "AZE"])]), "organisations")
    members = maps.members_of(orgs, ["SCO", "OTS"])
    assert members == {"KAZ": ["SCO", "OTS"], "CHN": ["SCO"], "AZE": ["OTS"]}
    gj = maps.countries_geojson(countries, members)
    props = {f["properties"]["iso_a3"]: f["properties"] for f in gj["features"]}
    assert props["KAZ"]["fill"] != props["FRA"]["fill"]
    assert "member of SCO, OTS" in props["KAZ"]["label"]


def test_maps_deck_draws_countries_without_tiles(events, countries):
    deck = maps.venue_deck(events, countries, NAMES, geo.centroids(), {"KAZ": ["SCO"]})
    spec = json.loads(deck.to_json())
    assert [l["id"] for l in spec["layers"]] == ["ocean", "countries", "arcs", maps.VENUE_LAYER]
    assert "mapProvider" not in spec and spec.get("mapStyle") in (None, "__MAP_STYLE__")
    assert "\n" not in deck.to_json()  # compact JSON
    assert "cartocdn" not in deck.to_json() and "mapbox" not in deck.to_json()


def test_maps_view_does_not_depend_on_the_data(events, countries):
    a = json.loads(maps.venue_deck(events, countries, NAMES, geo.centroids()).to_json())["initialViewState"]
    b = json.loads(maps.venue_deck(events.iloc[:1], countries, NAMES, geo.centroids()).to_json())["initialViewState"]
    assert a == b


def test_maps_empty_events_still_draw_the_world(countries):
    deck = maps.venue_deck(schema.empty_frame("events"), countries, NAMES, geo.centroids())
    spec = json.loads(deck.to_json())
    assert len(spec["layers"][1]["data"]["features"]) == len(countries)


def test_maps_members_deck_shades_members(countries):
    spec = json.loads(maps.members_deck(countries, {"KAZ": ["SCO"]}).to_json())
    assert any("member of SCO" in f["properties"]["label"] for f in spec["layers"][1]["data"]["features"])


def test_maps_selected_venue_lists_its_events(events):
    assert sorted(listing.events_at(events, "Astana", "KAZ")["event_id"]) == ["1", "2", "3"]
    assert list(listing.events_at(events, "Baku", "AZE")["event_id"]) == ["4"]


def test_geo_names_and_centroids_cover_the_subjects():
    names, centres = geo.country_names(), geo.centroids()
    assert names["KAZ"] == "Kazakhstan" and names["AZE"] == "Azerbaijan"
    lon, lat = centres["KAZ"]
    assert 46 < lon < 88 and 40 < lat < 56


def test_maps_click_on_a_venue_names_it_for_the_picker(events):
    v = maps.venues_frame(events, NAMES)
    clicked = {maps.VENUE_LAYER: [v.iloc[0][["venue", "venue_country"]].to_dict()]}
    assert listing.picked_venue(clicked, maps.VENUE_LAYER) == "Astana|KAZ"
    assert listing.picked_venue({}, maps.VENUE_LAYER) is None
    assert listing.picked_venue({"arcs": [{"label": "x"}]}, maps.VENUE_LAYER) is None
