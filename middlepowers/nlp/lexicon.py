"""Word lists the extractor's questions share: what cues a place, a meeting, an offer's object, a
gathering, a document, aid in money or in kind. Plain sets, read by classify, arguments, discourse and merge, and the one
cue test built on them that several read (`_venue_cue`: is a place named as where something is?)."""

from __future__ import annotations

import re

from .pipeline import CALENDAR_WORDS, Analysis, Mention, Sentence
from .rules import AGREEMENT_N, AID_N, DISARM_N, HOST, PARTICIPATE


# What an offer is an offer of, read from the words after it.
OFFER_TALKS = frozenset({"talks", "negotiations", "negotiation", "mediate", "mediation", "mediator", "platform", "venue",
                         "dialogue", "consultations", "round", "meeting", "peace", "facilitate", "broker", "intermediary",
                         "offices", "host", "hosting", "sides", "parties"})


OFFER_SUMMIT = frozenset({"summit", "conference", "forum", "ministerial", "cop29", "congress"})


OFFER_AID = frozenset({"aid", "assistance", "relief", "humanitarian", "supplies", "funds", "funding", "donate", "allocate", "$", "million"})


OFFER_TROOPS = frozenset({"troops", "peacekeepers", "peacekeeping", "contingent", "soldiers", "personnel"})


CHAIR_NOUNS = frozenset({"chairmanship", "chairship", "presidency", "helm", "chairpersonship"})


MEETING_NOUNS = frozenset({"meeting", "meetings", "gathering"})


MULTILATERAL_CUES = frozenset({"brought", "gathered", "neighbours", "neighbors", "counterparts", "ministerial", "multilateral", "regional"})


TALK_WORDS = frozenset({"talks", "negotiations", "negotiation", "consultations", "mediation", "ceasefire", "truce", "exchange", "swap", "between"})


INITIATIVE_NOUNS = frozenset({
    "initiative", "forum", "day", "congress", "conference", "programme", "program", "process", "platform", "architecture",
    "dialogue", "group", "centre", "center", "fund", "declaration", "strategy", "year", "decade", "partnership", "council",
    "organisation", "organization", "network", "agenda", "corridor", "route", "format", "mechanism", "coalition", "zone",
    "hub", "institute", "university", "agency", "week", "award", "prize", "alliance", "charter", "concept", "plan",
    "club", "community", "bank", "commission", "committee", "assembly", "office", "union", "movement", "manifesto",
    "pact", "roadmap", "treaty", "convention", "network", "secretariat", "summit", "compact", "vision", "doctrine",
    "belt", "road", "bridge", "meeting", "dialogue", "framework", "order", "architecture", "security", "cooperation",
})


TITLE_STOP = frozenset({"president", "minister", "foreign", "prime", "deputy", "secretary", "general", "mr", "ms", "mrs",
                        "dr", "ambassador", "spokesperson", "spokesman", "spokeswoman", "king", "emir", "sheikh", "crown",
                        "prince", "chancellor", "premier", "chairman", "envoy", "special", "representative", "the", "his", "her"})


NAME_LINKS = frozenset({"of", "for", "and", "on", "the", "against", "in", "to", "&", "-", "between"})


PLACE_CUES = frozenset({"in", "at", "near", "outside"})


# "the Saudi capital Riyadh", "the resort town of Gabala": words that introduce a place.
PLACE_NOUNS = frozenset({"capital", "city", "town", "resort", "port", "village"})


# "a ceasefire in Gaza", "the war in Sudan": the place is the topic, not where the act happened.
TOPIC_NOUNS = frozenset({"ceasefire", "truce", "war", "conflict", "crisis", "situation", "peace", "fighting", "violence",
                         "hostilities", "stability", "reconstruction", "hostages", "offensive", "invasion", "strip"})


# "the summit ... was held in Astana", "the congress takes place in Astana": verbs that place a gathering.
LOCATING = frozenset({"held", "hold", "holds", "hosted", "convened", "convenes", "place", "opened", "opens", "organised",
                      "organized", "gathered", "meet", "met", "meets", "scheduled", "underway", "kicked", "began", "begins",
                      "starts", "started", "ended", "concluded", "closed", "be"})


# A gathering named only as the setting of another act: "on the sidelines of the summit", "ahead of the summit".
SETTING_CUES = frozenset({"sidelines", "sideline", "margins", "margin", "ahead", "eve", "run-up"})


FOUNDING_NOUNS = frozenset({"adoption", "creation", "establishment", "founding", "launch", "setting", "formation", "convening"})


NP_STOP = frozenset({"in", "at", "on", "during", "last", "this", "next", ",", ";", ".", "and", "which", "that", "by", "with", "to", "from"})


# "aid to the people of Syria", "relief for flood victims in Pakistan": who the aid is for.
RECIPIENT_NOUNS = frozenset({"people", "population", "citizens", "residents", "victims", "refugees", "families", "children",
                             "civilians", "survivors", "inhabitants", "needy"})


GIVE_VERBS = frozenset({"give", "gave", "giving", "gives", "send", "sent", "sending", "grant", "granted", "offer", "offered", "provide"})


FILLER = frozenset({"states", "countries", "member", "members", "nations", "on", "from", "to", "-", "–", ","}) | CALENDAR_WORDS


INVEST_WORDS = frozenset({"investment", "investments", "invest", "invested", "trade", "revenue", "revenues", "exports",
                          "imports", "gdp", "budget", "turnover", "profit", "prices", "price"})


# Bodies whose chair is a role even when they are not in the organisations list.
BODY_NOUNS = frozenset({"committee", "council", "commission", "board", "conference", "meeting", "assembly", "group", "forum"})


# "Russian and Ukrainian delegations met": states named with these nouns take part, they do not host.
PARTICIPANT_NOUNS = frozenset({"delegations", "delegation", "negotiators", "counterparts", "sides", "teams", "envoys"})


SUMMIT_LINKS = frozenset(PARTICIPATE) | frozenset(HOST) | frozenset({"participation", "attendance", "welcomed", "gathered",
                                                                      "held", "hold", "holds", "organised", "organized", "co-chaired", "opened"})


INSTITUTION_WORDS = INITIATIVE_NOUNS | {"academy", "foundation", "parliamentary", "youth"}


_SECOND_NAME = re.compile(r"\s*,?\s+and\s+(?:the\s+)?((?:[A-Z][\w’'-]*)(?:\s+(?:of|for|and|on|the|[A-Z][\w’'-]*))*)")


ADOPTED = frozenset({"adopted", "adopts", "adopt", "adoption", "approved", "endorsed"})


AGREEMENT_WORDS = frozenset(AGREEMENT_N)


AID_WORDS = frozenset(AID_N) | {"us$", "usd"}


RATIFY = frozenset({"ratified", "ratify", "ratifies", "ratification", "ratifications", "acceded", "accede", "accedes", "accession"})


# A treaty against nuclear weapons, by its short names and the words of its long ones.
DISARM_TREATY = frozenset(DISARM_N) | {"test-ban", "nuclear-weapon-free", "nuclear-free"}


# Aid in money and aid in kind are two occasions: "allocated $1m" and "a plane with 55 tonnes".
FUNDS_WORDS = frozenset({"$", "usd", "dollars", "million", "billion", "allocate", "allocated", "allocation", "funds", "funding",
                         "grant", "manat", "tenge", "euros"})


GOODS_WORDS = frozenset({"tonnes", "tons", "tonne", "ton", "cargo", "supplies", "aircraft", "plane", "planes", "ship", "trucks",
                         "flight", "tents", "blankets", "food", "medicines", "rescuers", "convoy", "kg", "kilograms"})


# Verbs by which a body proclaims what a state proposed: "the Assembly declared 29 August the Day against Nuclear Tests".
PROCLAIM = frozenset({"declared", "proclaimed", "established", "adopted", "created", "launched", "founded", "set", "instituted"})


# Words that list who attended a gathering.
ATTENDANCE_WORDS = frozenset({"included", "include", "attended", "participants", "speakers", "joined", "delegations", "guests",
                              "addressed", "arrive", "arrived", "arrives", "participated", "attend", "attending"})


# Who a list of attendees is made of: "the leaders of A, B and C".
LEADERS_WORDS = frozenset({"leaders", "heads", "presidents", "delegations", "ministers"})


# Words for a gathering a document may be adopted at.
GATHERING_WORDS = frozenset({"summit", "forum", "conference", "meeting", "event", "session", "congress", "ministerial", "gathering"})


# Talks a mediator holds with each side apart.
INDIRECT = frozenset({"indirect", "proximity", "shuttle", "separate"})


# Nouns for talks themselves, not a meeting of anyone with anyone ("met", "meeting").
TALK_NOUNS = frozenset({"talks", "negotiations", "consultations", "round", "discussions"})

def _venue_cue(an: Analysis, s: Sentence, m: Mention) -> bool:
    """A place named as where something is: 'in Astana', 'at Doha', 'the Saudi capital Riyadh', 'the town of Gabala',
    "in China's Tianjin"."""
    j = m.start - 1
    if j < s.start:
        return False
    w = an.lower[j]
    if w in PLACE_CUES:
        return not (j - 1 >= s.start and an.lower[j - 1] in TOPIC_NOUNS)
    if w in ("'s", "’s"):
        owner = next((x for x in s.mentions if x.end == j and x.label == "COUNTRY" and x.iso3 == m.iso3), None)
        return owner is not None and owner.start - 1 >= s.start and an.lower[owner.start - 1] in PLACE_CUES
    if w == "," and j - 1 >= s.start and an.lower[j - 1] in PLACE_NOUNS:
        return True  # "in Oman's capital, Muscat"
    if w == "," and m.end < s.end and an.lower[m.end] == ")" and any(
            d.end <= an.doc[j].idx and d.start >= an.doc[max(s.start, j - 12)].idx for d in s.dates):
        return True  # "the summit (31 March - 1 April 2016, Washington DC)": the date and place of a gathering
    return w in PLACE_NOUNS or (w == "of" and j - 1 >= s.start and an.lower[j - 1] in PLACE_NOUNS)
