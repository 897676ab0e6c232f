"""Merging on its own, on hand-made Event objects: one event per (type, actor, occasion), later
mentions filling in the first, and the policy table deciding what makes two occasions."""

from __future__ import annotations

import pytest

from middlepowers import policy
from middlepowers.nlp.events import Event
from middlepowers.nlp.merge import merge
from middlepowers.nlp.pipeline import Sentence


def sentence(i: int, text: str = "A sentence.") -> Sentence:
    return Sentence(index=i, paragraph=i, start=10 * i, end=10 * i + 5, start_char=100 * i, end_char=100 * i + len(text), text=text)


def event(etype: str = "talks_hosted", actor: str = "KAZ", i: int = 0, **fields) -> Event:
    ev = Event("a", etype, actor, sentence(i), "host_talks", "hosted", "subject")
    for k, v in fields.items():
        setattr(ev, k, v)
    return ev


def test_later_mentions_fill_in_the_first():
    first = event(date_start="2024-05-01", date_end="2024-05-31", date_precision="month", parties=["ARM"], confidence=0.6)
    later = event(i=1, venue="Almaty", venue_country="KAZ", geo_precision="city", date_start="2024-05-10",
                  date_end="2024-05-10", date_precision="day", parties=["ARM", "AZE", "KAZ"], organisations=["CICA"], confidence=0.8)
    (m,) = merge([first, later])
    assert m is first and m.sentence.index == 0  # the first mention stays the evidence
    assert (m.venue, m.geo_precision) == ("Almaty", "city")
    assert (m.date_start, m.date_precision) == ("2024-05-10", "day")  # a finer date wins
    assert m.parties == ["ARM", "AZE"]  # the actor is never its own party
    assert m.organisations == ["CICA"] and m.confidence == 0.8


def test_a_city_replaces_a_country_level_venue():
    home = event(venue_country="KAZ", geo_precision="country")
    city = event(i=1, venue="Astana", venue_country="KAZ", geo_precision="city")
    (m,) = merge([home, city])
    assert (m.venue, m.geo_precision) == ("Astana", "city")


@pytest.mark.parametrize("a, b", [
    (dict(venue="Almaty"), dict(venue="Geneva")),
    (dict(date_start="2024-05-10", date_end="2024-05-10"), dict(date_start="2023-01-10", date_end="2023-01-10")),
    (dict(modality="negated"), dict(modality="asserted")),
    (dict(amount_usd=1e6), dict(amount_usd=2e6)),
    (dict(occasion="first"), dict(occasion="second")),
])
def test_what_parts_every_type_of_occasion(a, b):
    assert len(merge([event(**a), event(i=1, **b)])) == 2
    assert len(merge([event("aid", **a), event("aid", i=1, **b)])) == 2


def test_other_actors_and_other_types_never_merge():
    assert len(merge([event(actor="KAZ"), event(actor="UZB", i=1)])) == 2
    assert len(merge([event("talks_hosted"), event("summit", i=1)])) == 2


@pytest.mark.parametrize("etype", policy.POLICY)
def test_the_policy_table_says_what_else_parts_two_occasions(etype):
    distinct = policy.POLICY[etype].distinct_by
    cases = {
        "parties": (dict(parties=["ARM"]), dict(parties=["ISR"])),
        "organisations": (dict(organisations=["SCO"]), dict(organisations=["OTS"])),
        "planned": (dict(modality="asserted"), dict(modality="planned")),
        "name": (dict(name="Astana International Forum"), dict(name="Congress of Religious Leaders")),
    }
    for key, (a, b) in cases.items():
        n = len(merge([event(etype, **a), event(etype, i=1, **b)]))
        assert n == (2 if key in distinct else 1), (etype, key)


def test_overlapping_parties_or_dates_are_one_occasion():
    a = event(parties=["ARM", "AZE"], date_start="2024-05-10", date_end="2024-05-11", date_precision="day")
    b = event(i=1, parties=["AZE"], date_start="2024-05-11", date_end="2024-05-11", date_precision="day")
    assert len(merge([a, b])) == 1


def test_a_planned_summit_in_the_same_sentence_is_the_same_occasion():
    a = event("summit", modality="asserted")
    b = event("summit", modality="planned")
    b.sentence = a.sentence
    assert len(merge([a, b])) == 1
