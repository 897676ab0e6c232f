"""Kazakhstan versus Azerbaijan tables on a hand-made frame."""

import pandas as pd
import pytest

from middlepowers import schema
from middlepowers.views import compare

NAMES = {"KAZ": "Kazakhstan", "AZE": "Azerbaijan", "ARM": "Armenia", "SYR": "Syria"}


def ev(i, actor, etype, **kw):
    base = dict(event_id=str(i), article_id="a", event_type=etype, actor=actor, parties=[], organisations=[],
                evidence="x", evidence_start=0, evidence_end=1, modality="asserted", confidence=1.0)
    return {**base, **kw}


@pytest.fixture
def events():
    return schema.conform(pd.DataFrame([
        ev(1, "KAZ", "talks_hosted", venue="Astana", parties=["SYR", "syrian opposition"], date_start="2017-01-23",
           actor_role="host"),
        ev(2, "KAZ", "talks_hosted", venue="Almaty", parties=["ARM", "AZE"], date_start="2024-05-10", actor_role="host"),
        ev(3, "AZE", "aid", amount_usd=1_000_000.0, parties=["SYR"], date_start="2023-02-10", actor_role="donor"),
        ev(4, "AZE", "aid", amount_usd=None, actor_role="donor"),
        ev(5, "AZE", "summit", name="OTS summit 2022", venue="Samarkand", date_start="2022-11-11", actor_role="participant"),
        ev(6, "KAZ", "summit", name="OTS Summit 2022", venue="Samarkand", date_start="2022-11-11", actor_role="participant"),
        ev(7, "KAZ", "summit", name="CICA Summit 2022", venue="Astana", date_start="2022-10-12", actor_role="host"),
    ]), "events")


def test_compare_type_counts_side_by_side(events):
    c = compare.type_counts(events)
    assert list(c.columns) == ["KAZ", "AZE"] and list(c.index) == list(schema.EVENT_TYPES)
    assert c.at["talks_hosted", "KAZ"] == 2 and c.at["aid", "AZE"] == 2 and c.at["aid", "KAZ"] == 0


def test_compare_venues_hosted(events):
    hosted = compare.venues_hosted(events, "KAZ")
    # Samarkand's summit was only attended: a guest's venue is not a venue hosted.
    assert sorted(hosted["venue"]) == ["Almaty", "Astana"]
    assert hosted.set_index("venue").at["Astana", "events"] == 2
    assert compare.venues_hosted(events, "AZE").empty


def test_compare_parties_brought_together_include_non_state(events):
    p = compare.parties_brought_together(events, "KAZ", NAMES)
    assert set(p["party"]) == {"Syria", "syrian opposition", "Armenia", "Azerbaijan"}


def test_compare_aid_only_where_amount_is_stated(events):
    rows, total = compare.aid(events, "AZE")
    assert len(rows) == 1 and total == 1_000_000.0


def test_compare_shared_occasions(events):
    ids = sorted(compare.shared_occasions(events)["event_id"])
    assert ids == ["2", "5", "6"]  # AZE a party of KAZ's talks; both at the same named summit


def test_compare_memberships_mark_what_both_share():
    orgs = schema.conform(pd.DataFrame([
        dict(acronym="OTS", mentions=0, kaz_status="member", aze_status="member"),
        dict(acronym="SCO", mentions=0, kaz_status="member", aze_status="dialogue partner"),
        dict(acronym="EAEU", mentions=0, kaz_status="member", aze_status="none"),
    ]), "organisations")
    m = compare.memberships(orgs).set_index("acronym")
    assert m.at["OTS", "shared"] and m.at["SCO", "shared"] and not m.at["EAEU", "shared"]
    assert m.at["SCO", "AZE"] == "dialogue partner"


def test_compare_initiatives_of_proposer():
    ini = schema.conform(pd.DataFrame([dict(initiative_id="i1", name="CICA", proposer="KAZ", first_year=1992),
                                       dict(initiative_id="i2", name="Baku Process", proposer="AZE", first_year=2008)]),
                         "initiatives")
    assert list(compare.initiatives_of(ini, "AZE")["name"]) == ["Baku Process"]
