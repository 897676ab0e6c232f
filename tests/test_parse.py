"""Argument roles read from the dependency parse, on sentences written for these tests."""

from __future__ import annotations

import pytest

parse = pytest.importorskip("middlepowers.nlp.parse")
try:
    parse.get_parser()
except parse.ParserUnavailable:
    pytest.skip("no parsing model installed", allow_module_level=True)

from middlepowers.nlp.pipeline import analyse  # noqa: E402


def roles(sentence: str, trigger: str):
    an = analyse(sentence, "2024-06-01")
    s = an.sentences[0]
    start = s.text.index(trigger)
    (doc,) = parse.parse([s.text])
    return parse.read_roles(doc, (start, start + len(trigger)), parse.names_in_sentence(an, s))


@pytest.mark.parametrize("sentence, trigger, actor, how", [
    ("Kazakhstan hosted talks between Armenia and Azerbaijan in Almaty last week.", "hosted", "KAZ", "subject"),
    ("The talks between Russia and Ukraine were hosted by Türkiye in Istanbul.", "hosted", "TUR", "agent"),
    ("Qatar has offered to host a new round of negotiations.", "host", "QAT", "subject"),
    ("Uzbekistan's proposal to create a regional transport forum won wide support.", "proposal", "UZB", "possessor"),
    ("At the initiative of Kazakhstan, a conference on interaction was convened in Almaty.", "convened", "KAZ", "initiative"),
    ("Egyptian mediation secured a pause in the fighting.", "mediation", "EGY", "possessor"),
])
def test_parse_actor(sentence, trigger, actor, how):
    r = roles(sentence, trigger)
    assert (r.actor, r.actor_how) == (actor, how)


@pytest.mark.parametrize("sentence, trigger, parties", [
    ("Kazakhstan hosted talks between Armenia and Azerbaijan in Almaty last week.", "talks", {"ARM", "AZE"}),
    ("Oman brought together Iran and the United States for indirect talks in Muscat.", "brought", {"IRN", "USA"}),
    ("Azerbaijan and Georgia signed a transit agreement with Türkiye in Baku.", "signed", {"GEO", "TUR"}),
    ("A summit was held in Astana with the participation of Kyrgyzstan and Tajikistan.", "summit", {"KGZ", "TJK"}),
])
def test_parse_parties(sentence, trigger, parties):
    assert set(roles(sentence, trigger).parties) == parties


@pytest.mark.parametrize("sentence, trigger, venue", [
    ("Kazakhstan hosted talks between Armenia and Azerbaijan in Almaty last week.", "hosted", "Almaty"),
    ("The Samarkand summit of the organisation opened on Thursday.", "summit", "Samarkand"),
    ("Saudi Arabia convened a meeting on Sudan that was held in Jeddah.", "meeting", "Jeddah"),
    ("Kazakhstan, which hosted talks in Astana, called for calm.", "talks", "Astana"),
])
def test_parse_venue(sentence, trigger, venue):
    assert roles(sentence, trigger).venue == venue


def test_parse_pronoun_subject_is_left_to_discourse():
    r = roles("It hosted talks between Armenia and Azerbaijan in Almaty.", "hosted")
    assert r.actor is None and r.actor_how == "pronoun"


def test_parse_model_is_the_checked_one():
    info = parse.model_info()
    assert info["version"] == "3.8.0" and info["license"] == "MIT"
    assert round(info["dep_uas"], 3) == 0.918 and round(info["dep_las"], 3) == 0.899
