"""The actor's role per event type: host or guest, host or mediator, and the plain defaults."""

from __future__ import annotations

import pandas as pd
import pytest

from middlepowers import policy, schema, store
from middlepowers.tables.events import events_table
from middlepowers.views import maps


@pytest.mark.parametrize("etype, actor, venue_country, trigger, role", [
    ("summit", "KAZ", "KAZ", "held", "host"),
    ("summit", "AZE", "EGY", "attended", "participant"),
    ("summit", "AZE", None, "hosted", "host"),
    ("summit", "AZE", None, "took part in", "participant"),
    ("talks_hosted", "QAT", "TUR", "talks", "mediator"),
    ("talks_hosted", "KAZ", "KAZ", "hosted", "host"),
    ("talks_hosted", "SAU", None, "mediated", "mediator"),
    ("talks_hosted", "OMN", None, "hosted", "host"),
    ("mediation_offer", "TUR", None, "offered", "mediator"),
    ("initiative", "KAZ", None, "proposed", "proposer"),
    ("leadership_role", "AZE", None, "chair", "chair"),
    ("aid", "AZE", "TUR", "sent", "donor"),
    ("agreement", "KAZ", None, "signed", "signatory"),
    ("peacekeeping", "KAZ", "LBN", "troops", "contributor"),
    ("disarmament", "KAZ", None, "ratified", "signatory"),
    ("disarmament", "KAZ", None, "closed", None),
    ("summit", None, "KAZ", "held", None),
])
def test_policy_actor_role(etype, actor, venue_country, trigger, role):
    assert policy.actor_role(etype, actor, venue_country, trigger) == role


def test_policy_every_event_type_has_a_default_and_roles_are_known():
    assert set(policy.DEFAULT_ROLE) == set(schema.EVENT_TYPES)
    assert {r for r in policy.DEFAULT_ROLE.values() if r} <= set(policy.ACTOR_ROLES)


def _row(i, etype, actor, venue, country, lat, lon, **kw):
    return dict(event_id=str(i), article_id="a", event_type=etype, actor=actor, venue=venue, venue_country=country,
                lat=lat, lon=lon, evidence="x", evidence_start=i, evidence_end=i + 1, trigger="attended", **kw)


def test_policy_events_table_fills_the_role_unless_the_extractor_set_one():
    ev = events_table([_row(0, "summit", "AZE", "Sharm el-Sheikh", "EGY", 27.9, 34.3),
                       _row(1, "summit", "KAZ", "Astana", "KAZ", 51.2, 71.4, actor_role="host")])
    assert ev["actor_role"].tolist() == ["participant", "host"]


def test_policy_map_colours_a_venue_by_its_host_not_its_guests():
    rows = [_row(i, "summit", "AZE", "Sharm el-Sheikh", "EGY", 27.9, 34.3, actor_role="participant") for i in range(3)]
    rows.append(_row(9, "summit", "EGY", "Sharm el-Sheikh", "EGY", 27.9, 34.3, actor_role="host"))
    v = maps.venues_frame(schema.conform(pd.DataFrame(rows), "events"), {"AZE": "Azerbaijan", "EGY": "Egypt"})
    assert v.loc[0, "actor"] == "EGY" and v.loc[0, "n_events"] == 4


def test_policy_tables_written_before_the_role_column_still_read(tmp_path):
    out = tmp_path / "out"
    store.write_tables({"events": events_table([_row(0, "summit", "AZE", "Baku", "AZE", 40.4, 49.9)])}, out)
    ev = pd.read_parquet(out / "events.parquet").drop(columns=["actor_role"])
    ev.to_parquet(store.current_set(out) / "events.parquet", index=False)
    again = store.read_tables(out)["events"]
    assert list(again.columns) == list(schema.EVENTS) and again["actor_role"].isna().all()


def test_the_policy_table_covers_every_contract_type_once():
    assert tuple(policy.POLICY) == schema.EVENT_TYPES
    assert set(policy.DEFAULT_ROLE) == set(schema.EVENT_TYPES)
    assert {r for r in policy.DEFAULT_ROLE.values() if r} <= set(policy.ACTOR_ROLES)


def test_policy_says_who_hosts_and_who_signs_for_the_others():
    assert policy.HOSTING_TYPES == {"talks_hosted", "summit"}
    assert not policy.POLICY["agreement"].split_co_actors  # the first-named signs, the others are parties
    assert policy.POLICY["aid"].split_co_actors
    # a handover's other side stays a party of the chair's event
    assert not policy.POLICY["leadership_role"].co_actors_not_parties
    assert policy.policy_of("talks_meeting") is policy.POLICY["talks_hosted"]
    with pytest.raises(KeyError):
        policy.policy_of("rumour")
