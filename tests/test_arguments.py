"""Argument reading on its own: ArgumentReader given one sentence and one candidate of classify,
without the rest of the extractor (merging, headlines, the article's later sentences).

Each case is a sentence written for these tests; the reader must find who acted and how (subject,
passive agent, possessor, "at the initiative of"), the venue, the parties and the date."""

from __future__ import annotations

import pytest

from middlepowers.nlp import context as cx
from middlepowers.nlp import gazetteer
from middlepowers.nlp.arguments import ArgumentReader
from middlepowers.nlp.classify import classify
from middlepowers.nlp.discourse import Discourse, _news_context
from middlepowers.nlp.pipeline import analyse

PUBLISHED = "2024-06-01"


def read(text: str, etype: str, published: str | None = PUBLISHED):
    """The first candidate of the type in the sentence, read: (actor codes, how, the Event)."""
    an = analyse(text, published)
    s = an.sentences[0]
    disc = Discourse()
    _news_context(an, disc)
    blocked = cx.blocked_mentions(an, s)
    reader = ArgumentReader(gazetteer.load())
    c = next(c for c in classify(an, s) if c.event_type == etype)
    found, how = reader.actors(an, s, c, blocked, disc)
    mentions = [f for f in found if not isinstance(f, str)]
    codes = [getattr(f, "state", f) for f in found]
    return codes, how, reader._event(an, s, c, "t", mentions, how, disc, blocked)


@pytest.mark.parametrize("text, etype, actor, how", [
    ("Kazakhstan hosted talks between Armenia and Azerbaijan in Almaty on 25-26 October 2019.", "talks_hosted", "KAZ", "subject"),
    ("The negotiations were hosted by Oman in Muscat in April 2024.", "talks_hosted", "OMN", "agent"),
    ("Kazakhstan's initiative to create a Central Asian Water Council won wide support in 2023.", "initiative", "KAZ", "possessor"),
    ("At the initiative of Azerbaijan, the summit adopted a declaration on 5 May 2023.", "summit", "AZE", "phrase"),
    ("The chairmanship of the Organization of Turkic States passed from Azerbaijan to Kyrgyzstan in November 2023.",
     "leadership_role", "KGZ", "agent"),
])
def test_the_actor_and_how_it_was_read(text, etype, actor, how):
    codes, got_how, ev = read(text, etype)
    assert codes[0] == actor and got_how == how
    assert ev is not None and ev.actor == actor


def test_parties_from_between_and_from_a_handover():
    _, _, ev = read("Kazakhstan hosted talks between Armenia and Azerbaijan in Almaty on 25-26 October 2019.", "talks_hosted")
    assert ev.parties == ["ARM", "AZE"]
    _, _, ev = read("The chairmanship of the Organization of Turkic States passed from Azerbaijan to Kyrgyzstan in November 2023.",
                    "leadership_role")
    assert ev.parties == ["AZE"] and ev.organisations == ["OTS"]


def test_aid_recipients_are_parties_not_donors():
    codes, _, ev = read("Azerbaijan sent humanitarian aid to the people of Syria in March 2024.", "aid")
    assert codes[0] == "AZE" and ev.parties == ["SYR"]


def test_venue_from_the_in_phrase_and_from_a_city_premodifying_the_gathering():
    _, _, ev = read("Kazakhstan hosted talks between Armenia and Azerbaijan in Almaty on 25-26 October 2019.", "talks_hosted")
    assert (ev.venue, ev.venue_country, ev.geo_precision) == ("Almaty", "KAZ", "city")
    _, _, ev = read("Uzbekistan hosted the Tashkent conference on Afghanistan in July 2021.", "summit")
    assert (ev.venue, ev.venue_country) == ("Tashkent", "UZB")


def test_a_host_with_no_place_named_hosts_at_home_but_a_signer_does_not():
    _, _, ev = read("Oman hosted a round of talks between Iran and the United States in April 2024.", "talks_hosted")
    assert ev.venue is None and ev.venue_country == "OMN" and ev.geo_precision == "country"
    _, _, ev = read("Kazakhstan signed a water agreement with Uzbekistan in April 2024.", "agreement")
    assert ev.venue_country is None


def test_the_date_of_the_act_and_a_ranges_first_day():
    _, _, ev = read("Kazakhstan hosted talks between Armenia and Azerbaijan in Almaty on 25-26 October 2019.", "talks_hosted")
    assert (ev.date_start, ev.date_end, ev.date_precision) == ("2019-10-25", "2019-10-26", "day")
    _, _, ev = read("Uzbekistan hosted the Tashkent conference on Afghanistan in July 2021.", "summit")
    assert (ev.date_start, ev.date_precision) == ("2021-07-01", "month")


def test_modality_planned_and_negated():
    _, _, ev = read("Kazakhstan will host the next round of talks in Astana in September.", "talks_hosted")
    # talks still to come are an offer to host them, planned for the September after publication
    assert ev.event_type == "mediation_offer" and ev.modality == "planned" and ev.date_start == "2024-09-01"
    _, _, ev = read("Turkey did not host the talks between the two sides in 2023.", "talks_hosted")
    assert ev.modality == "negated"


def test_a_chairman_of_a_home_committee_is_no_seat_of_a_state():
    _, _, ev = read("Kazakhstan appointed a new chairman of the budget committee in 2023.", "leadership_role")
    assert ev is None
