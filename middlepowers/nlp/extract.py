"""Events from an analysed article: triggers checked against their sentence, then merged.

For each trigger the Matcher found, decide the event type (an offer's object decides what is
offered), find the acting state (possessor, agent phrase, subject, fronted subject, or the
state an anaphor refers back to), then parties, organisations, venue, date and modality.
Repeated mentions of one occasion in an article are merged into one event.
"""

from __future__ import annotations

import copy
import hashlib
import re
from dataclasses import dataclass, field

from .. import reference
from . import context as cx
from .rules import AGREEMENT_N, AID_N, HOST, PARTICIPATE
from .gazetteer import Gazetteer
from .pipeline import CALENDAR_WORDS, Analysis, Mention, Sentence

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


# "the summit ... was held in Astana", "the congress takes place in Astana": verbs that place a gathering.
LOCATING = frozenset({"held", "hold", "holds", "hosted", "convened", "convenes", "place", "opened", "opens", "organised",
                      "organized", "gathered", "meet", "met", "meets", "scheduled", "underway", "kicked", "began", "begins",
                      "starts", "started", "ended", "concluded", "closed", "be"})
# A gathering named only as the setting of another act: "on the sidelines of the summit", "ahead of the summit".
SETTING_CUES = frozenset({"sidelines", "sideline", "margins", "margin", "ahead", "eve", "run-up"})


def _setting_only(an: Analysis, s: Sentence, a: int) -> bool:
    """'met on the sidelines of the SCO summit', 'At the summit, she said ...': the summit frames another act."""
    before = an.lower[max(s.start, a - 6):a]
    if set(before) & SETTING_CUES and "of" in before[-4:] + ["of"] and not set(before) & {"attend", "attended", "attending", "hosted", "hosting"}:
        k = max(i for i, w in enumerate(before) if w in SETTING_CUES)
        if not set(before[k + 1:]) & {",", ";"}:
            return True
    # a fronted "At the summit," or "During the forum," followed by a clause of its own
    if a - s.start <= 3 and an.lower[s.start] in ("at", "during", "on", "in"):
        k = a + 1
        while k < min(s.end, a + 12) and an.lower[k] != ",":
            k += 1
        return k < s.end and an.lower[k] == "," and k + 1 < s.end and not set(an.lower[a:k]) & LOCATING
    return False


def _located_place(an: Analysis, s: Sentence, b: int, limit: int = 16) -> Mention | None:
    """The place a gathering named at token b-1 happened in: right after its name ('the 12th Summit of Heads of State of
    the OTS in Bishkek'), or after a verb that places it ('..., convened in Tianjin', 'takes place in Astana')."""
    for m in s.mentions:
        if m.start < b or m.start - b > limit:
            continue
        if m.label == "COUNTRY" and m.kind == "name" and an.lower[m.start - 1] in ("in", "at"):
            pass  # "will take place in Kazakhstan": the country is known, not the city
        elif m.label != "PLACE" or m.place is None or not _venue_cue(an, s, m):
            continue
        cue = m.start - 1
        if an.lower[cue] in ("'s", "’s"):
            cue = next(x.start for x in s.mentions if x.end == cue) - 1
        between = range(b, cue)
        words = [an.lower[k] for k in between]
        if set(words) & {";", ":", "said", "says", "told", "while", "and", "where"} - ({"and"} if _name_run(an, b, cue) else set()):
            return None
        if set(words) & {"summit", "summits", "conference", "forum", "meeting", "congress"}:
            return None  # "agreed at the summit that the following summit meets in Türkiye": the nearer gathering's place
        if len(words) <= 3 or _name_run(an, b, cue) or set(an.lower[max(s.start, b - 1):cue]) & LOCATING or _filler(an, b, cue):
            return m
        return None
    return None


def _named_city(an: Analysis, s: Sentence, adj: Mention) -> Mention | None:
    """'the Austrian capital', 'the Turkish city': the last city of that state named earlier in the article."""
    if adj.end >= s.end or an.lower[adj.end] not in ("city", "capital", "town", "resort"):
        return None
    for prev in reversed(an.sentences[:s.index + 1]):
        for m in reversed(prev.mentions):
            if m.label == "PLACE" and m.place is not None and m.iso3 == adj.iso3 and m.start < adj.start:
                if an.lower[adj.end] != "capital" or m.kind == "capital":
                    return m
    return None


def _attends(an: Analysis, s: Sentence, c: Candidate) -> bool:
    """'addressed the 5th Summit of ...', 'took part in the forum': the actor's part in the gathering is stated."""
    lo = c.start
    while lo > max(s.start, c.start - 8) and an.lower[lo - 1] not in (",", ";", ":"):
        lo -= 1
    words = set(an.lower[lo:c.end])
    return bool(words & (SUMMIT_LINKS - {"held", "hold", "holds"})) and not words & (set(HOST) | {"organised", "organized", "convened"})


def _bilateral(an: Analysis, s: Sentence, c: Candidate) -> bool:
    """'the Kyrgyz-Tajik summit', 'a bilateral summit': the summit noun after two states joined by a dash."""
    k = next((i for i in range(c.start, c.end) if an.lower[i] in ("summit", "summits")), None)
    if k is None:
        return False
    if an.lower[k - 1] in ("bilateral", "two-way"):
        return True
    second = next((m for m in s.mentions if m.end == k and m.state), None)
    if second is None or an.lower[second.start - 1] not in ("-", "–"):
        return False
    first = next((m for m in s.mentions if m.end == second.start - 1 and m.state), None)
    return first is not None and first.state != second.state and not (first.start > s.start and an.lower[first.start - 1] in ("-", "–"))


FOUNDING_NOUNS = frozenset({"adoption", "creation", "establishment", "founding", "launch", "setting", "formation", "convening"})
NP_STOP = frozenset({"in", "at", "on", "during", "last", "this", "next", ",", ";", ".", "and", "which", "that", "by", "with", "to", "from"})


def _founded_thing(an: Analysis, s: Sentence, c: Candidate) -> str | None:
    """'initiated the adoption of a resolution on nuclear tests', 'proposed the creation of a youth network': the thing
    a state had adopted or set up, named in lowercase."""
    if an.lower[c.start] not in ("initiated", "initiative", "initiator", "proposed", "proposal", "initiating", "proposes"):
        return None
    k = c.end
    while k < s.end and an.lower[k] in ("the", "a", "an", "on"):
        k += 1
    if k + 1 >= s.end or an.lower[k] not in FOUNDING_NOUNS or an.lower[k + 1] not in ("of", "up"):
        return None
    k += 2
    while k < s.end and an.lower[k] in ("the", "a", "an", "of"):
        k += 1
    end = k
    while end < s.end and end - k < 6 and an.lower[end] not in NP_STOP and not an.doc[end].text[:1].isdigit():
        end += 1
    words = an.lower[k:end]
    return an.doc[k:end].text if set(words) & (INITIATIVE_NOUNS | {"resolution", "body", "network"}) else None


def _zone_name(an: Analysis, s: Sentence, c: Candidate) -> str | None:
    """'the idea of a nuclear-weapon-free zone', 'a region free of weapons of mass destruction': a zone proposed."""
    words = an.lower[c.start:min(s.end, c.end + 14)]
    for i, w in enumerate(words):
        if w in ("zone", "zones", "region") and (i >= 2 and words[i - 1] == "free" and words[i - 2] in ("-", "–")
                                                 or words[i + 1:i + 3] == ["free", "of"]):
            return "weapon-free zone"
    return None


def _summit_between(an: Analysis, s: Sentence, c: Candidate) -> bool:
    """'a summit between Armenia and Azerbaijan', 'a meeting between the two presidents'."""
    k = next((i for i in range(c.start, c.end) if an.lower[i] in ("summit", "meeting")), None)
    return k is not None and k + 1 < s.end and an.lower[k + 1] == "between"


# "aid to the people of Syria", "relief for flood victims in Pakistan": who the aid is for.
RECIPIENT_NOUNS = frozenset({"people", "population", "citizens", "residents", "victims", "refugees", "families", "children",
                             "civilians", "survivors", "inhabitants", "needy"})


GIVE_VERBS = frozenset({"give", "gave", "giving", "gives", "send", "sent", "sending", "grant", "granted", "offer", "offered", "provide"})


def _recipients(an: Analysis, s: Sentence, actors: set[str]) -> list[Mention]:
    """The states aid goes to: after "to/for/in", or after "the people of"; a place stands for its country."""
    out = []
    for m in s.mentions:
        code = m.state or (m.iso3 if m.label in ("PLACE", "COUNTRY") else None) or (m.value if m.label == "NONSTATE" else None)
        if not code or code in actors or m.kind == "demonym":
            continue
        if m.kind == "adjective" and not (m.end < s.end and an.lower[m.end] in RECIPIENT_NOUNS):
            continue  # "according to the Turkish agency"; but "to the Afghan people"
        j = cx._prev_index(an, s, m.start)
        if j is None:
            continue
        cue = an.lower[j]
        if cue == "of" and j - 1 > s.start and an.lower[j - 1] in PLACE_NOUNS | {"region", "province", "district", "strip"}:
            j = cx._prev_index(an, s, j - 1)  # "to the city of Aleppo"
            cue = an.lower[j] if j is not None else ""
        if cue in GIVE_VERBS and m.state:
            out.append(m)  # "to give Kyrgyzstan economic aid"
            continue
        if cue in ("to", "for") or (cue == "of" and j > s.start and an.lower[j - 1] in RECIPIENT_NOUNS) or (
                cue == "in" and any(an.lower[k] in RECIPIENT_NOUNS | {"affected", "flood-affected", "quake-hit", "earthquake-hit"}
                                    for k in range(max(s.start, j - 3), j))):
            out.append(m if m.state or m.label == "NONSTATE" else Mention(m.start, m.end, m.text, "COUNTRY", code, code, "recipient"))
    return out


def _inside_name(an: Analysis, s: Sentence, m: Mention) -> bool:
    """'the Central Asia-Japan Summit', 'the Iran-Iraq war': a state naming a thing, not attending."""
    return (m.end < s.end and an.lower[m.end] in ("-", "–")) or (m.start > s.start and an.lower[m.start - 1] in ("-", "–"))


FILLER = frozenset({"states", "countries", "member", "members", "nations", "on", "from", "to", "-", "–", ","}) | CALENDAR_WORDS


def _filler(an: Analysis, i: int, j: int) -> bool:
    """'of the Gulf states on 3-4 May 2022': a name's tail and a date, no verb, between a gathering and its place."""
    return all(an.lower[k] in FILLER or an.lower[k] in NAME_LINKS or an.doc[k].text[:1].isdigit() or an.doc[k].text[:1].isupper()
               for k in range(i, j))


def _name_run(an: Analysis, i: int, j: int) -> bool:
    """Tokens i..j-1 continue a proper name: 'of Heads of State of the Organization of Turkic States', 'of the OTS'."""
    return all(an.doc[k].text[:1].isupper() or an.doc[k].text[:1].isdigit() or an.lower[k] in NAME_LINKS or an.lower[k] in ("-", "–", "'s", "’s")
               for k in range(i, j))
INVEST_WORDS = frozenset({"investment", "investments", "invest", "invested", "trade", "revenue", "revenues", "exports",
                          "imports", "gdp", "budget", "turnover", "profit", "prices", "price"})
# Types whose actor hosts somewhere: with no named place, the actor's country is the venue.
HOSTING = frozenset({"talks_hosted", "summit"})
# Co-actors each get an event, except signers: the first-named signs, the others are parties.
SPLIT_CO_ACTORS = frozenset({"talks_hosted", "mediation_offer", "summit", "initiative", "aid", "disarmament", "peacekeeping", "leadership_role"})

# Bodies whose chair is a role even when they are not in the organisations list.
BODY_NOUNS = frozenset({"committee", "council", "commission", "board", "conference", "meeting", "assembly", "group", "forum"})
# "Russian and Ukrainian delegations met": states named with these nouns take part, they do not host.
PARTICIPANT_NOUNS = frozenset({"delegations", "delegation", "negotiators", "counterparts", "sides", "teams", "envoys"})
SUMMIT_LINKS = frozenset(PARTICIPATE) | frozenset(HOST) | frozenset({"participation", "attendance", "welcomed", "gathered",
                                                                      "held", "hold", "holds", "organised", "organized", "co-chaired", "opened"})

# The first sentences of a news article report the news of the day: undated acts there take the lede's
# date (measured on the development set: date accuracy 0.74 with 8 sentences, 0.80 with 12).
NEWS_SENTENCES = 12

BASE_CONFIDENCE = {"possessor": 0.9, "agent": 0.9, "phrase": 0.85, "subject": 0.8, "eponym": 0.75,
                   "fronted": 0.7, "anaphor": 0.6, "venue": 0.5}


@dataclass
class Candidate:
    event_type: str
    rule: str
    start: int
    end: int
    base_modality: str = "asserted"


@dataclass
class Event:
    article_id: str
    event_type: str
    actor: str
    sentence: Sentence
    rule: str
    trigger: str
    how: str
    parties: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    venue: str | None = None
    venue_country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    date_precision: str | None = None
    modality: str = "asserted"
    confidence: float = 0.5
    name: str | None = None
    amount_usd: float | None = None
    occasion: str | None = None  # what distinguishes two acts of one type and actor (not exported)
    own_date: bool = False  # the date was read from the event's own sentence

    def row(self) -> dict:
        s = self.sentence
        # What the text says, never a rule's name: renaming or splitting a rule keeps the id.
        key = f"{self.article_id}|{self.event_type}|{self.actor}|{s.start_char}|{self.trigger.lower()}|{self.occasion or ''}"
        return {
            "event_id": hashlib.sha1(key.encode()).hexdigest()[:16],
            "article_id": self.article_id,
            "event_type": self.event_type,
            "actor": self.actor,
            "parties": list(self.parties),
            "organisations": list(self.organisations),
            "venue": self.venue,
            "venue_country": self.venue_country,
            "lat": self.lat,
            "lon": self.lon,
            "geo_precision": self.geo_precision,
            "date_start": self.date_start,
            "date_end": self.date_end,
            "date_precision": self.date_precision,
            "evidence": s.text,
            "evidence_start": s.start_char,
            "evidence_end": s.end_char,
            "modality": self.modality,
            "confidence": round(self.confidence, 2),
            "trigger": self.trigger,
            "name": self.name,
            "amount_usd": self.amount_usd,
        }


class Discourse:
    """What earlier sentences of the article make available to anaphors."""

    def __init__(self) -> None:
        self.state: str | None = None
        self.person: str | None = None
        self.orgs: list[str] = []
        self.news_date = None  # the lede's date, or the publication month
        self.dateline: Mention | None = None  # "ASTANA, July 4 -", or the lede's venue: where the news happened
        self.summit: "Event | None" = None  # the last hosted summit reported, for documents adopted at it
        self.gathering: "Event | None" = None  # the last summit reported, held or planned, for later lists of who attends
        self.sides: list[str] = []  # the sides of the last talks reported, for later mentions that leave them out
        self.donor: str | None = None  # the state of the last aid reported

    def update(self, an: Analysis, s: Sentence, blocked: set[int], actors: list[str]) -> None:
        subjects = [m for m in s.mentions if m.state and m.start not in blocked and m.kind not in ("demonym",)]
        if actors:
            self.state = actors[0]
        elif subjects:
            self.state = subjects[0].state
        people = [m for m in s.mentions if m.label == "LEADER"]
        if people:
            self.person = people[-1].iso3
        orgs = [m.value for m in s.mentions if m.label == "ORG"]
        if orgs:
            self.orgs = orgs


def _org_parents() -> dict[str, str]:
    return {acr: rec.get("parent") or "" for acr, rec in reference.organisations().items()}


# Words that make "to act as a mediator" a proposal rather than a fact.
PROPOSING = frozenset({"proposed", "proposes", "propose", "proposal", "suggested", "suggests", "offered", "offers", "idea",
                       "ready", "willing", "readiness", "willingness", "prepared", "plan", "plans", "intends", "could", "would"})


def _signed_in(an: Analysis, s: Sentence, b: int) -> int | None:
    """The token after "in" when a signing is placed "in <city>" and the sentence speaks of the talks that led to it."""
    if not set(an.lower[s.start:s.end]) & (TALK_NOUNS | {"meetings"}):
        return None
    for k in range(b, min(s.end - 1, b + 8)):
        if an.lower[k] == "in":
            j = k + 1 + (an.lower[k + 1] == "the")
            if any(m.start == j and m.label == "PLACE" and m.place is not None for m in s.mentions):
                return k + 1
    return None


def classify(an: Analysis, s: Sentence) -> list[Candidate]:
    """Typed candidates from the sentence's trigger matches (one per type and position)."""
    out: list[Candidate] = []
    offers: list[Candidate] = []
    for label, rule, a, b in s.matches:
        if label == "offer":
            window = set(an.lower[b - 1:min(s.end, b + 10)])
            if window & OFFER_TROOPS:
                etype = "peacekeeping"
            elif window & OFFER_SUMMIT and not window & {"talks", "negotiations", "mediation", "mediate", "between", "peace"} and not (
                    len({m.state for m in cx.between_parties(an, s) if m.state}) == 2):  # "a summit between Armenia and Azerbaijan" is talks
                etype = "summit"
            elif window & OFFER_TALKS:
                etype = "mediation_offer"
            elif window & OFFER_AID:
                etype = "aid"
            else:
                continue
            offers.append(Candidate(etype, rule, a, b, "planned"))
        elif label == "leadership_role" and set(an.lower[b:min(s.end, b + 5)]) & OFFER_SUMMIT and not set(an.lower[a:b]) & CHAIR_NOUNS:
            out.append(Candidate("summit", rule, a, b))  # "will co-chair a UN conference": a gathering, not an office
        elif (label == "leadership_role" and an.lower[a] in ("chaired", "chairs", "chairing", "presided", "co-chaired")
              and set(an.lower[b:min(s.end, b + 4)]) & (TALK_NOUNS | {"meeting"}) and not set(an.lower[s.start:s.end]) & MULTILATERAL_CUES
              and not any(an.lower[k] == "of" and an.lower[k - 1] in MEETING_NOUNS for k in range(b, min(s.end, b + 5)))):
            out.append(Candidate("talks_hosted", rule, a, b))  # "Fidan chaired the talks in Istanbul": a host, not an office
        elif label == "talks_role" and set(an.lower[max(s.start, a - 14):a]) & PROPOSING:
            offers.append(Candidate("mediation_offer", rule, a, b, "planned"))  # "proposed a group of states to act as mediator"
        elif label in ("talks_hosted", "talks_role"):
            window = set(an.lower[a:min(s.end, b + 6)])
            if (window & MEETING_NOUNS and not window & TALK_WORDS and
                    (set(an.lower[s.start:s.end]) & MULTILATERAL_CUES or len({m.state for m in s.mentions if m.state}) >= 4)):
                out.append(Candidate("summit", rule, a, b))  # a meeting of many states is a conference
            elif window & OFFER_SUMMIT and not window & TALK_WORDS:
                out.append(Candidate("summit", rule, a, b))  # "played host to an international conference"
            else:
                out.append(Candidate("talks_hosted", rule, a, b))
        elif label in ("talks_mediation", "talks_comediators"):
            out.append(Candidate("talks_hosted", label, a, b))
        elif label == "talks_meeting":
            out.append(Candidate("talks_meeting", rule, a, b))
        elif label == "invited_to":
            out.append(Candidate("invited_to", rule, a, b))
        elif label == "talks_where":
            out.append(Candidate("talks_where", rule, a, b))
        elif label == "summit_meeting":
            words = set(an.lower[b:min(s.end, b + 8)])
            if words & {"states", "countries", "member", "members", "nations"} or any(
                    m.label == "ORG" and b <= m.start <= b + 8 for m in s.mentions):
                out.append(Candidate("summit", rule, a, b))  # "a meeting of interior ministers of the Gulf states"
        elif label == "agreement" and any(an.lower[k] == "draft" and set(an.lower[k + 1:k + 4]) & AGREEMENT_WORDS
                                          for k in range(s.start, b)):
            continue  # "the draft convention was agreed": a text still to be signed, no agreement yet
        elif label == "agreement" and (at := _signed_in(an, s, b)) is not None:
            # "A and B signed an accord in Cairo after three days of talks": the venue's state hosted the talks
            out.append(Candidate("talks_meeting", rule, a, at))
            out.append(Candidate(label, rule, a, b))
        elif label == "initiative" and a > s.start and an.doc[a].text[:1].isupper():
            continue  # a capitalised "Initiative" is part of a name ("Belt and Road Initiative"), not an act
        elif label == "initiative" and _agent_marker(an, s, a):
            continue  # "convened at Azerbaijan's initiative" names who acted, not an initiative
        elif label == "initiative" and an.lower[a] in ("founding", "founder") and b < s.end and an.lower[b] in ("member", "members", "state", "states"):
            continue  # "a founding member of the CICA": membership, not an initiative
        else:
            out.append(Candidate(label, rule, a, b))
    # An offer covers the act it offers: "proposed to provide a platform for talks" is no hosting.
    kept = []
    for c in out:
        if c.event_type == "aid" and _concrete_aid(an, s, c):
            kept.append(c)  # "and to send humanitarian aid to Afghanistan": aid of its own, beside the offer of talks
            continue
        shadow = any(o.start <= c.end and c.start <= o.end + 8 and (o.event_type == c.event_type or
                     (o.event_type == "mediation_offer" and (c.event_type in ("talks_hosted", "talks_meeting", "aid") or (
                         c.event_type == "summit" and not set(an.lower[c.start:c.end]) & MEETING_NOUNS))))
                     for o in offers)
        if not shadow:
            kept.append(c)
    return offers + kept


def _concrete_aid(an: Analysis, s: Sentence, c: Candidate) -> bool:
    """Aid with a kind, an amount or a recipient ('humanitarian aid to Afghanistan'), not 'any assistance'."""
    window = an.lower[c.start:min(s.end, c.end + 6)]
    if set(window) & (FUNDS_WORDS | GOODS_WORDS | {"humanitarian"}):
        return True
    return any(m.state and an.lower[m.start - 1] == "to" and c.end <= m.start <= c.end + 4 for m in s.mentions)


def _force_context(an: Analysis, s: Sentence) -> bool:
    """A peacekeeping or stabilisation force named in this sentence or the one before it in the paragraph."""
    words = {"force", "forces", "mission", "peacekeeping", "peacekeepers", "contingent", "stabilisation", "stabilization"}
    if set(an.lower[s.start:s.end]) & words:
        return True
    prev = an.sentences[s.index - 1] if s.index > 0 else None
    return prev is not None and prev.paragraph == s.paragraph and (
        any(label == "peacekeeping" for label, _, _, _ in prev.matches) or bool(set(an.lower[prev.start:prev.end]) & words))


INSTITUTION_WORDS = INITIATIVE_NOUNS | {"academy", "foundation", "parliamentary", "youth"}
_SECOND_NAME = re.compile(r"\s*,?\s+and\s+(?:the\s+)?((?:[A-Z][\w’'-]*)(?:\s+(?:of|for|and|on|the|[A-Z][\w’'-]*))*)")


def _second_name(s: Sentence, name: str) -> str | None:
    """'the X Network and the Y Organization': the second named institution coordinated with the first."""
    at = s.text.find(name)
    if at < 0:
        return None
    m = _SECOND_NAME.match(s.text, at + len(name))
    if not m:
        return None
    second = re.sub(r"\s+(?:of|for|and|on|the)$", "", m.group(1).strip())
    words = second.lower().split()
    return second if len(words) >= 2 and set(words) & INSTITUTION_WORDS and second != name else None


def _body_after(an: Analysis, s: Sentence, b: int) -> bool:
    """'chairs the Ad Hoc Liaison Committee': a named body right after a chair word."""
    k = b
    while k < s.end and an.lower[k] in ("the", "a", "an", "over", "of"):
        k += 1
    if k >= s.end or not an.doc[k].text[:1].isupper():
        return False
    span = _title_span(an, s, k, {m.start: m for m in s.mentions})
    return span is not None and bool(set(an.lower[span[0]:span[1]]) & BODY_NOUNS)


def _agent_marker(an: Analysis, s: Sentence, a: int) -> bool:
    """'at X's initiative', 'on the initiative of X', 'at the proposal of X'."""
    if an.lower[a] not in ("initiative", "proposal", "invitation", "suggestion"):
        return False
    before = an.lower[max(s.start, a - 4):a]
    return bool(before) and before[0] in ("at", "on", "upon") or (a >= 2 and an.lower[a - 2] in ("at", "on", "upon") and an.lower[a - 1] in ("the", "his", "her", "its"))


def _eponyms(an: Analysis, s: Sentence) -> list[tuple[str, Mention, int]]:
    """'the Astana talks', 'the Baku Process': a city named in the name of talks or an initiative."""
    out = []
    for m in s.mentions:
        if m.label != "PLACE" or m.end >= s.end:
            continue
        k = m.end
        if an.lower[k] in ("-", "–") and k + 1 < s.end:
            k += 1
        nxt = an.lower[k]
        if nxt == "peace" and k + 1 < s.end:
            nxt = an.lower[k + 1]
        word = an.doc[k].text
        if nxt in ("talks", "negotiations", "format", "hosted", "round") or (nxt == "process" and not word[:1].isupper()):
            out.append(("talks_hosted", m, k))
        elif nxt == "summit" and m.kind in ("capital", "city"):
            out.append(("summit", m, k))
        elif nxt in ("declaration", "communiqué", "communique") and word[:1].isupper() and m.kind in ("capital", "city") and set(
                an.lower[s.start:s.end]) & ADOPTED and not any(x.label == "LEADER" for x in s.mentions):
            out.append(("agreement", m, k))  # "the summit adopted the Tashkent Declaration": the host's document
        elif word[:1].isupper() and nxt in ("process", "initiative", "forum", "dialogue", "platform", "group", "agenda", "principles"):
            if m.kind == "capital":
                out.append(("initiative", m, k))
    return out


def _title_span(an: Analysis, s: Sentence, i: int, mention_at: dict[int, Mention]) -> tuple[int, int] | None:
    """A capitalised name starting at token i: 'Astana International Forum for Dialogue and Peace'."""
    doc = an.doc
    if not doc[i].text[:1].isupper() or an.lower[i] in TITLE_STOP:
        return None
    j = i
    last_cap = i
    while j < s.end:
        t = doc[j].text
        if t[:1].isupper() or (t[:1].isdigit() and j > i):
            if an.lower[j] in TITLE_STOP and j > i:
                break
            last_cap = j
        elif an.lower[j] in NAME_LINKS and j + 1 < s.end and (doc[j + 1].text[:1].isupper() or an.lower[j + 1] in ("the", "-")):
            pass
        elif an.lower[j] == "-" and j > i:
            pass
        else:
            break
        j += 1
    end = last_cap + 1
    words = [an.lower[k] for k in range(i, end) if an.doc[k].text[:1].isupper()]
    if len(words) < 2 and not (end - i == 1 and i in mention_at and mention_at[i].label == "ORG"):
        return None
    if not any(w in INITIATIVE_NOUNS for w in an.lower[i:end]) and not (i in mention_at and mention_at[i].label == "ORG"):
        return None
    return i, end


def _setting_name(an: Analysis, s: Sentence, k: int) -> bool:
    """'presented the idea at the Munich Security Conference': a name after 'at the' is where it was said, not what."""
    j = k - 1
    if j >= s.start and an.lower[j] == "the":
        j -= 1
    return j >= s.start and an.lower[j] in ("at", "during", "on", "sidelines")


def initiative_name(an: Analysis, s: Sentence, a: int, b: int) -> str | None:
    """The named thing an initiative trigger is about: a quoted phrase, an organisation or a Title Case name."""
    doc = an.doc
    lo, hi = max(s.start, a - 12), min(s.end, b + 14)
    # Quoted names: “...” or "..."
    for k in range(lo, hi):
        if doc[k].text in ("“", '"', "«"):
            for e in range(k + 1, min(s.end, k + 16)):
                if doc[e].text in ("”", '"', "»"):
                    if e - k > 1:
                        name = doc[k + 1:e].text.strip(" ,")
                        # "a “holistic Eurasian security” architecture": the noun after belongs to it
                        if e + 1 < s.end and an.lower[e + 1] in INITIATIVE_NOUNS:
                            name = f"{name} {doc[e + 1].text}"
                        return name
                    break
    mention_at = {m.start: m for m in s.mentions}
    candidates = []
    k = lo
    while k < hi:
        m = mention_at.get(k)
        if m is not None and m.label == "ORG":
            span = _title_span(an, s, k, mention_at)
            name = doc[span[0]:span[1]].text if span and span[1] > m.end else m.value
            candidates.append((abs(k - b), k, name, m.value))
            k = max(m.end, span[1] if span else m.end)
            continue
        if m is not None and m.label in ("COUNTRY", "LEADER"):
            k = m.end
            continue
        span = _title_span(an, s, k, mention_at)
        if span is not None:
            if not _setting_name(an, s, k):
                candidates.append((abs(k - b), k, doc[span[0]:span[1]].text, None))
            k = span[1]
            continue
        k += 1
    if not candidates:
        return None
    candidates.sort(key=lambda c: (c[0], c[1]))
    return candidates[0][2]


class Extractor:
    """Turns one analysed article into event rows."""

    def __init__(self, gz: Gazetteer) -> None:
        self.gz = gz
        self.parents = _org_parents()

    # -- actor -----------------------------------------------------------------------------
    def actors(self, an: Analysis, s: Sentence, c: Candidate, blocked: set[int], disc: Discourse) -> tuple[list[Mention | str], str]:
        if c.rule == "talks_mediation":  # "with US mediation", "under the auspices of Qatar"
            inside = [m for m in s.mentions if c.start < m.start < c.end and m.state]
            after = [m for m in s.mentions if c.end <= m.start <= c.end + 3 and m.state]
            found = inside or after
            return (found[:1], "phrase") if found else ([], "")
        if c.rule == "pattern_talks_which_hosted":  # "the talks on Syria, which Kazakhstan hosted"
            rel = max(k for k in range(c.start, c.end) if an.lower[k] in ("which", "that"))
            inside = [m for m in s.mentions if rel < m.start < c.end and m.state]
            if inside:
                return cx.coordinated(an, s, inside[0]), "subject"
        if c.rule == "talks_comediators":  # "with Qatar, Turkey and the United States as co-mediators"
            before = [m for m in s.mentions if m.state and c.start - 3 <= m.end <= c.start]
            return (cx.coordinated(an, s, before[-1]), "phrase") if before else ([], "")
        if c.rule == "pattern_mediated_by":  # "a swap mediated by the UAE": the agent or no one
            m = cx.agent_after(an, s, c.start, c.end)
            return ([m], "agent") if m is not None else ([], "")
        speaker = cx.first_person_speaker(an, s, c.start)
        if speaker is not None:
            return [speaker], "agent"
        thanked = cx.thanked_for(an, s, c.start)
        if thanked and "bilateral" in an.lower[c.start:c.end + 2]:
            return [], ""  # "thanked Uzbekistan for hosting the bilateral meeting": a visit, not talks between others
        if thanked and c.event_type == "talks_hosted" and not cx.between_parties(an, s):
            thanker = cx.left_subject(an, s, thanked[0].start, blocked)
            sides = (cx.coordinated(an, s, thanker) if thanker is not None else []) + [
                m for m in cx.cue_parties(an, s, frozenset({"with"})) if m.start > c.start]
            if len({m.state for m in sides if m.state} - {m.state for m in thanked}) < 2:
                return [], ""  # "Tokayev thanked Xi for hosting the meeting in Beijing": his own visit, not talks of others
        if thanked:
            return thanked, "agent"
        if c.event_type == "leadership_role":
            turn = cx.handover(an, s, c.start, c.end)
            if turn is not None:  # the new holder; the giver is a party: "Brazil handed over ... to South Africa"
                held = set(an.lower[c.start:turn[2]]) & {"took", "assumed", "holds", "held", "takes", "assumes", "chairs", "chaired"}
                own = cx.left_subject(an, s, c.start, blocked) if held and turn[1] is None else None
                # "Hungary took over the presidency in July and will pass it to Poland": Hungary's own term too
                return ([own] if own is not None and own.state != turn[0].state else []) + [turn[0]], "agent"
        if c.event_type == "peacekeeping":
            units = cx.contributors(an, s, c.start, c.end)
            if units:
                return units, "agent"
        m = cx.possessor(an, s, c.start) or cx.apposition(an, s, c.start)
        if m is not None:
            return [m], "possessor"
        m = cx.agent_after(an, s, c.start, c.end)
        if m is not None:
            group = [x for x in cx.coordinated(an, s, m) if x.state]
            if c.event_type in ("talks_hosted", "summit", "mediation_offer"):
                group += [x for x in cx.agents_by(an, s) if x not in group]  # "co-hosted by X and Y and convened by Z"
            return group, "agent"
        m = cx.agent_phrase(an, s)
        if m is not None and c.event_type in ("talks_hosted", "summit", "initiative", "mediation_offer", "agreement"):
            return [m], "phrase"
        m = cx.left_subject(an, s, c.start, blocked)
        if c.rule == "pattern_passive_signed":
            sides = [x for x in cx.between_parties(an, s) if x.state]  # "the treaty between A and B was signed"
            if sides:
                return [sides[0]], "subject"
        if m is not None and c.event_type == "agreement" and set(an.lower[m.end:m.end + 3]) & set(HOST):
            sides = [x for x in cx.between_parties(an, s) if x.state]  # "Qatar hosted the signing of a deal between A and B"
            if sides:
                return [sides[0]], "subject"
        if m is not None and cx.reported_group(an, s, m, c.start):
            return [], ""
        if m is not None:
            group = [g for g in cx.coordinated(an, s, m) if g.state and g.start not in blocked] or [m]
            last = group[-1]
            if c.event_type in ("talks_hosted", "mediation_offer") and last.end < s.end and an.lower[last.end] in PARTICIPANT_NOUNS:
                return [], ""
            return group + [x for x in cx.partners(an, s, group) if x not in group], "subject"
        if c.event_type == "agreement":  # "an agreement between the DRC and Rwanda": the first-named signs
            sides = [x for x in cx.between_parties(an, s) if x.state]
            if sides:
                return [sides[0]], "subject"
        ref = cx.anaphor(an, s, c.start)
        if ref == "state" and "its" in an.lower[max(s.start, c.start - 4):c.start]:
            # "a chance for Kazakhstan to show its readiness": the state just named in the sentence
            near = [m for m in s.mentions if m.state and m.end <= c.start and m.label == "COUNTRY" and m.kind == "name"]
            if near:
                return [near[-1]], "anaphor"
        if ref == "state" and disc.state:
            return [disc.state], "anaphor"
        if ref == "person" and (disc.person or disc.state):
            return [disc.person or disc.state], "anaphor"
        m = cx.right_subject(an, s, c.end, blocked)
        if m is not None:
            return [m], "fronted"
        return [], ""

    # -- fields ----------------------------------------------------------------------------
    def venue(self, an: Analysis, s: Sentence, c: Candidate, actor_mentions: list[Mention]) -> tuple:
        """(venue, venue_country, lat, lon, precision) from the sentence's places."""
        used = {m.start for m in actor_mentions}
        best = None
        for m in s.mentions:
            if m.label != "PLACE" or m.place is None:
                continue
            if m.start - 1 >= s.start and an.lower[m.start - 1] in PLACE_CUES and not _venue_cue(an, s, m):
                continue  # "a ceasefire in Gaza"
            cue = _venue_cue(an, s, m)
            if m.start in used and not cue and c.event_type not in HOSTING:
                continue
            if m.kind == "capital" and not cue and m.start not in used and not (m.end < s.end and an.lower[m.end] in ("talks", "-", "peace", "summit", "process", "format")):
                continue  # "talks between Baku and Yerevan": capitals as parties, not venues
            score = (0 if cue else 1, abs(m.start - c.start))
            if best is None or score < best[0]:
                best = (score, m)
        if best is not None:
            p = best[1].place
            return p.name, p.iso3, p.lat, p.lon, "city"
        for m in s.mentions:
            if m.label == "COUNTRY" and m.kind == "name" and m.start - 1 >= s.start and an.lower[m.start - 1] in PLACE_CUES:
                pt = self.gz.country_points.get(m.iso3)
                return None, m.iso3, pt[0] if pt else None, pt[1] if pt else None, "country"
        return None, None, None, None, None

    def organisations(self, s: Sentence, c: Candidate, disc: Discourse, an: Analysis) -> list[str]:
        orgs = [m.value for m in s.mentions if m.label == "ORG"]
        if not orgs and c.event_type == "leadership_role":
            window = set(an.lower[max(s.start, c.start - 3):min(s.end, c.end + 5)])
            definite = (an.lower[c.start] in CHAIR_NOUNS and c.start > s.start and an.lower[c.start - 1] == "the"
                        and cx.handover(an, s, c.start, c.end) is not None)
            if window & cx.ORG_ANAPHORS or definite:  # "the organisation", or "the chairmanship" of the body just named
                orgs = list(disc.orgs[:1])
        if not orgs and c.event_type in ("peacekeeping", "summit") and s.index > 0:
            prev = an.sentences[s.index - 1]
            if prev.paragraph == s.paragraph and (c.event_type == "peacekeeping" or an.lower[c.start - 1] == "the"):
                # "the force", "the summit": the organisation of the sentence before, in the same paragraph
                orgs = [m.value for m in prev.mentions if m.label == "ORG"][:1]
        if not orgs and c.event_type == "peacekeeping" and an.lower[c.start] in ("include", "includes", "included", "comprises", "comprise"):
            orgs = list(disc.orgs[:1])  # "It includes units from A and B": the force of the organisation just named
        out: list[str] = []
        for o in orgs:
            for x in (o, self.parents.get(o)):
                if x and x not in out:
                    out.append(x)
        return out

    def parties(self, an: Analysis, s: Sentence, c: Candidate, actors: set[str], extra: list[Mention]) -> list[str]:
        found = cx.between_parties(an, s)
        t = c.event_type
        if t == "leadership_role":
            turn = cx.handover(an, s, c.start, c.end)
            if turn is not None:
                prev = turn[1] or cx.left_subject(an, s, c.start, cx.blocked_mentions(an, s))
                other = turn[0] if prev is not None and prev.state in actors else prev
                return cx.party_codes([other] if other is not None else [], actors)
        thanked = cx.thanked_for(an, s, c.start)
        if thanked:  # the thankers took part: "Armenia thanked Kazakhstan for hosting the talks"
            subj = cx.left_subject(an, s, thanked[0].start, cx.blocked_mentions(an, s))
            found = found + (cx.coordinated(an, s, subj) if subj is not None else [])
        if not found and t in ("talks_hosted", "mediation_offer", "talks_meeting"):
            found = cx.cue_parties(an, s, frozenset({"with", "on", "over", "about", "of", "to", "and", "from"}))
            if t == "talks_hosted" and c.rule in ("pattern_mediated_by", "pattern_talks_by"):
                # "Russia and Ukraine swapped prisoners in an exchange mediated by the UAE": the subjects are the sides
                subj = cx.left_subject(an, s, c.start, cx.blocked_mentions(an, s))
                found = found + (cx.coordinated(an, s, subj) if subj is not None else [])
        elif not found and t in ("agreement", "leadership_role", "aid", "summit"):
            cues = {"leadership_role": {"with", "to", "from"}, "aid": {"with", "to", "in", "for"}}.get(t, {"with", "to"})
            found = cx.cue_parties(an, s, frozenset(cues))
        if t == "aid":
            found = found + _recipients(an, s, actors)
        if t == "summit":
            # the states named in a summit's sentence attend it: "the leaders of A, B and C gathered in X"
            found = found + [m for m in s.mentions if m.label in ("COUNTRY", "LEADER") and m.kind != "demonym"
                             and not _inside_name(an, s, m)]
        return cx.party_codes(extra + found, actors, an)

    # -- events ----------------------------------------------------------------------------
    def sentence_events(self, an: Analysis, s: Sentence, article_id: str, disc: Discourse) -> list[Event]:
        blocked = cx.blocked_mentions(an, s)
        cands = classify(an, s)
        events: list[Event] = []
        seen: set[tuple[str, str]] = set()

        def keep(ev: Event | None) -> None:
            """One event per (type, actor) in a sentence: the first reading wins."""
            if ev is not None and (ev.event_type, ev.actor) not in seen:
                seen.add((ev.event_type, ev.actor))
                events.append(ev)

        for etype, m, k in _eponyms(an, s):
            name = an.doc[m.start:k + 1].text if etype == "initiative" else None
            ev = self._event(an, s, Candidate(etype, "eponym", m.start, k + 1), article_id, [m], "eponym", disc, blocked, actor=m.iso3)
            if ev is not None and etype == "initiative":
                ev.name = ev.name or name
            keep(ev)

        for c in cands:
            if c.event_type == "talks_meeting":
                keep(self._meeting(an, s, c, article_id, disc, blocked))
                continue
            if c.event_type == "invited_to":
                keep(self._invited(an, s, c, article_id, disc, blocked))
                continue
            if c.event_type == "talks_where":
                ev = self._talks_where(an, s, c, article_id, disc, blocked)
                if ev is not None and (ev.event_type, ev.actor, "where") not in seen:
                    seen.add((ev.event_type, ev.actor, "where"))
                    events.append(ev)  # another round at the same place, an occasion of its own
                continue
            if c.event_type == "summit" and _setting_only(an, s, c.start):
                continue
            found, how = self.actors(an, s, c, blocked, disc)
            if not found and c.event_type == "aid" and disc.donor and an.lower[c.end - 1] in ("delivered", "sent", "shipped", "dispatched",
                                                                                         "airlifted", "handed", "transferred", "flown"):
                found, how = [disc.donor], "anaphor"  # "40 tonnes of aid were delivered to Aleppo": by the donor just named
            if not found and c.event_type == "agreement" and disc.summit and set(an.lower[s.start:s.end]) & GATHERING_WORDS:
                found, how = [disc.summit.actor], "summit"  # "the summit adopted a declaration": the host's document
            if not found:
                if c.event_type == "summit":
                    keep(self._venue_host(an, s, c, article_id, disc, blocked))
                continue
            actor_mentions = [f for f in found if isinstance(f, Mention)]
            codes = [f.state if isinstance(f, Mention) else f for f in found]
            if c.event_type not in SPLIT_CO_ACTORS and not (c.event_type == "agreement" and set(an.lower[c.start:c.end]) & RATIFY):
                codes, extra = codes[:1], actor_mentions[1:]  # each state ratifies for itself, but the first-named signs
            else:
                extra = []
            for code in dict.fromkeys(codes):
                if not code or (c.event_type, code) in seen:
                    continue
                ev = self._event(an, s, c, article_id, actor_mentions, how, disc, blocked, actor=code, extra=extra, co=set(codes))
                if ev is not None:
                    seen.add((c.event_type, code))
                    events.append(ev)
            if c.event_type == "summit" and how != "venue" and _attends(an, s, c):
                # "Aliyev addressed the OTS summit in Bishkek": the state it was held in hosted it
                host = self._venue_host(an, s, c, article_id, disc, blocked)
                if host is not None and host.actor not in codes and host.modality == "asserted":
                    host.parties = [x for x in dict.fromkeys(codes) if x and x != host.actor]
                    keep(host)
        # "Kazakhstan gave Kyrgyzstan aid": the recipient of a sentence's aid is not a donor in it too.
        received = {p for e in events if e.event_type == "aid" for p in e.parties}
        if any(e.event_type == "aid" for e in events):  # "aid to the population of Kazakhstan" with its donor unread
            first_aid = next((k for k in range(s.start, s.end) if an.lower[k] in AID_WORDS), s.end)
            received |= {m.state or m.iso3 or m.value for m in _recipients(an, s, set()) if m.start > first_aid}
        events = [e for e in events if not (e.event_type == "aid" and e.actor in received)]
        for e in events:
            if e.event_type == "aid":
                disc.donor = e.actor
            if e.event_type in ("talks_hosted", "mediation_offer"):
                if e.parties:
                    disc.sides = list(e.parties)
                elif disc.sides:  # "Norway, the co-host of the round, said ...": the sides named before
                    e.parties = [p for p in disc.sides if p != e.actor]
        words = set(an.lower[s.start:s.end])
        if disc.gathering is not None and not any(e.event_type == "summit" for e in events) and words & ATTENDANCE_WORDS and (
                any(c.event_type == "summit" for c in cands) or words & (GATHERING_WORDS | LEADERS_WORDS)):
            # "Guests at the summit also included the leaders of A and B", "the leaders of A and B will arrive for it",
            # "the president of A then addressed the event": more attendees of the summit just reported
            g = disc.gathering
            extra = cx.party_codes([m for m in s.mentions if m.label in ("COUNTRY", "LEADER") and m.kind != "demonym"
                                    and not _inside_name(an, s, m)], {g.actor}, an)
            g.parties += [p for p in extra if p not in g.parties]
        for e in list(events):
            if e.event_type == "initiative" and e.name:
                halves = re.split(r",?\s+and\s+(?:the\s+)?", e.name, maxsplit=1)
                if len(halves) == 2 and all(len(h.split()) >= 2 and set(h.lower().split()) & INSTITUTION_WORDS for h in halves):
                    e.name = halves[0]  # "the X Forum and the Y Fund" named as one: two institutions
            second = _second_name(s, e.name) if e.event_type == "initiative" and e.name else None
            if second and not any(o.event_type == "initiative" and o.actor == e.actor and o.name == second for o in events):
                twin = copy.copy(e)  # "the establishment of the X Network and the Y Organisation": two institutions
                twin.name, twin.parties, twin.organisations = second, list(e.parties), list(e.organisations)
                e.occasion, twin.occasion = e.name, second  # two institutions are two occasions, even in one sentence
                events.append(twin)
        hosts = [e for e in events if e.event_type == "summit" and (e.how in ("venue", "agent", "possessor", "phrase")
                                                                    or e.actor == e.venue_country) and e.modality == "asserted"]  # documents are signed at the summit held, not the next one
        if hosts:
            disc.summit = hosts[0]
        held = [e for e in events if e.event_type == "summit" and (e.how in ("venue", "agent", "possessor", "phrase")
                                                                   or e.actor == e.venue_country)]
        if held:
            disc.gathering = held[0]
        for e in events:
            if e.how == "summit" and e.venue is None and disc.summit is not None:
                m = disc.summit
                e.venue, e.venue_country, e.lat, e.lon, e.geo_precision = m.venue, m.venue_country, m.lat, m.lon, m.geo_precision
        convener = cx.initiative_agent(an, s)
        if convener is not None and not events:
            # "At the initiative of Kazakhstan, the UN declared 29 August the International Day against Nuclear Tests"
            verb = next((k for k in range(s.start, s.end) if an.lower[k] in PROCLAIM), None)
            name = initiative_name(an, s, verb, verb + 1) if verb is not None else None
            if name is not None and not any(e.label in ("COUNTRY", "LEADER", "PLACE") for e in self.gz.lookup(name)):
                ev = self._event(an, s, Candidate("initiative", "convened_on_initiative", verb, verb + 1), article_id,
                                 [convener], "phrase", disc, blocked)
                if ev is not None:
                    ev.name = name
                    keep(ev)
        if convener is not None and any(e.event_type in ("summit", "talks_hosted") for e in events):
            # "On the initiative of the President of Kazakhstan, a summit was held": a meeting convened on its initiative
            keep(self._event(an, s, Candidate("initiative", "convened_on_initiative", convener.start, convener.end), article_id,
                             [convener], "phrase", disc, blocked))
        disc.update(an, s, blocked, [e.actor for e in events])
        return events

    def _event(self, an, s, c, article_id, actor_mentions, how, disc, blocked, actor=None, extra=(), co=()):
        if actor is None:
            actor = actor_mentions[0].state if actor_mentions else None
        if not actor:
            return None
        t = c.event_type
        name = None
        if t == "initiative" and c.rule == "convened_on_initiative":
            name = next((an.doc[k].text for k in range(s.start, s.end) if an.lower[k] in OFFER_SUMMIT | MEETING_NOUNS | {"talks"}), None)
        elif t == "initiative" and c.rule != "eponym":
            name = initiative_name(an, s, c.start, c.end) or _zone_name(an, s, c) or _founded_thing(an, s, c)
            if name is None:
                return None
            if any(e.label in ("COUNTRY", "LEADER", "PLACE") for e in self.gz.lookup(name)):
                return None
            if name.split()[-1].lower() in ("summit", "meeting") and not name[:1].isupper() and an.lower[c.start] in (
                    "proposed", "proposes", "propose", "proposal"):
                t, name = "summit", None  # 'proposed an "online summit" of the bloc for the spring': a summit to come
        if t == "summit" and c.rule in ("pattern_summit", "pattern_ministerial_meeting") and how in ("subject", "fronted", "anaphor") and not set(an.lower[s.start:s.end]) & SUMMIT_LINKS:
            return None  # "a deal at COP29": a summit is named, but no one hosts or attends it here
        if t == "summit" and _bilateral(an, s, c):
            return None  # "the Uzbek-Kazakh summit": two states meeting is a visit, not a summit
        if t == "summit" and _summit_between(an, s, c):
            t = "talks_hosted"  # "to host a summit between the leaders of Armenia and Azerbaijan": a meeting of two sides is talks
        if c.rule == "pattern_passive_signed" and (not set(an.lower[s.start:c.start]) & AGREEMENT_WORDS
                                                   or set(an.lower[max(s.start, c.start - 3):c.start]) & {"which", "that"}):
            return None  # "was signed" needs the document named before it, and not in a clause about one already reported
        if t == "agreement" and any(an.lower[k] in AGREEMENT_WORDS and k > s.start and an.lower[k - 1] == "draft" for k in range(c.start, c.end)):
            return None  # "a draft agreement awaiting signature": nothing signed yet
        if t == "agreement" and an.lower[c.start] in ("concluded", "conclude", "concludes") and set(an.lower[c.start:c.end]) & TALK_NOUNS:
            return None  # "concluded a round of negotiations on a peace agreement": talks ended, nothing signed
        if t == "peacekeeping" and an.lower[c.start] in ("include", "includes", "included", "including", "comprise", "comprises",
                                                         "comprised", "consists", "consisted") and not _force_context(an, s):
            return None  # "they include units from A and B" counts only where a force was just named
        orgs = self.organisations(s, c, disc, an)
        if t == "leadership_role" and not orgs and not _body_after(an, s, c.end):
            return None
        if t == "leadership_role" and c.start > s.start and an.lower[c.start - 1] in ("honorary", "honourable", "honorable", "life"):
            return None  # "honorary chairman of the Turkic Council": a person's title, not a state's office
        if t == "leadership_role" and an.lower[c.start] in ("chairman", "chairperson", "chairwoman") and not any(
                m.label == "ORG" and c.end <= m.start <= c.end + 6 for m in s.mentions):
            return None  # "chairman of the budget committee": a person's office at home, not a state's seat
        if t == "aid" and an.lower[c.end - 1] in ("of", "worth", "totalling", "totaling") and not any(
                an.doc[k].text[:1].isdigit() or an.lower[k] in AID_WORDS for k in range(c.end, min(s.end, c.end + 5))):
            return None  # "the constructive contribution of the two delegations": a part played, not a gift
        if t == "aid" and set(an.lower[s.start:s.end]) & INVEST_WORDS and not set(an.lower[s.start:s.end]) & {"humanitarian", "aid", "assistance", "relief"}:
            return None
        ev = Event(article_id, t, actor, s, c.rule, an.doc[c.start:c.end].text, how)
        ev.name = name
        ev.organisations = orgs
        ev.parties = self.parties(an, s, c, {actor, *co} if t in SPLIT_CO_ACTORS and t != "leadership_role" else {actor}, list(extra))
        ev.venue, ev.venue_country, ev.lat, ev.lon, ev.geo_precision = self.venue(an, s, c, actor_mentions)
        if ev.venue_country is None and t in HOSTING and how not in ("anaphor",):
            pt = self.gz.country_points.get(actor)
            ev.venue_country, ev.geo_precision = actor, "country"
            ev.lat, ev.lon = (pt if pt else (None, None))
        ev.modality = cx.modality(an, s, c.start, c.end, "planned" if t == "summit" and c.event_type == "initiative" else c.base_modality)
        turn = cx.handover(an, s, c.start, c.end) if t == "leadership_role" else None
        if turn is not None and turn[2] > c.start and ev.modality == "asserted" and turn[0].state == actor:
            ev.modality = cx.modality(an, s, turn[2], turn[2] + 1)  # "the presidency will pass from A to B"
            if ev.modality == "asserted" and turn[2] - 1 > c.start and an.lower[turn[2] - 1] == "to":
                ev.modality = "planned"  # "takes over the presidency, to pass it to B in December": the handover to come
        if t == "talks_hosted" and ev.modality in ("planned", "hypothetical"):
            ev.event_type = t = "mediation_offer"  # talks not yet held: "will host the next round"
        self._date(an, s, c, ev, disc)
        if ev.modality == "asserted" and ev.date_start and an.published and ev.date_start[:len(an.published)] > an.published:
            ev.modality = "planned"
            if t == "talks_hosted":
                ev.event_type = t = "mediation_offer"  # "the next round will be held from December 21": not yet held
        if t == "aid":
            ev.amount_usd = cx.amount_usd(s.text)
            words = set(an.lower[s.start:s.end])
            funds, goods = bool(words & FUNDS_WORDS or ev.amount_usd), bool(words & GOODS_WORDS)
            ev.occasion = "funds" if funds and not goods else "goods" if goods and not funds else None
        if t == "disarmament":
            ev.occasion = _disarmament_occasion(set(an.lower[c.start:c.end]))
        self._dateline(ev, disc, an)
        if t == "talks_hosted" and c.rule not in ("eponym",) and how != "venue" and not ev.parties and ev.geo_precision != "city" and not s.dates:
            return None  # "a venue for mediating tensions": no parties, place or time, no occasion
        conf = BASE_CONFIDENCE.get(how, 0.5)
        if ev.modality != "asserted":
            conf -= 0.05
        if t in ("summit", "agreement") and not ev.organisations and not ev.venue:
            conf -= 0.1
        ev.confidence = max(0.1, min(1.0, conf))
        return ev

    def _date(self, an, s, c, ev, disc):
        trig_char = an.doc[c.start].idx
        turn = cx.handover(an, s, c.start, c.end) if ev.event_type == "leadership_role" else None
        if turn is not None and turn[0].state == ev.actor:
            last = an.doc[turn[0].end - 1]
            trig_char = last.idx + len(last.text)  # "took over in July and will pass it to Poland in December": Poland's date
        dates = s.dates
        if ev.modality in ("asserted", "negated") and an.published:
            # "ratified on 6 December" in a January paper: last December; "a nuclear-free world by 2045" is no date of an act done
            dates = [_year_before(d) if d.date_start[: len(an.published)] > an.published else d for d in dates]
            dates = [d for d in dates if d.date_start[: len(an.published)] <= an.published]
        d = min(dates, key=lambda d: (min(abs(d.start - trig_char), abs(d.end - trig_char)), d.relative)) if dates else None
        if d is not None and ev.modality == "planned" and d.relative and d.precision == "day" and an.published and (
                d.date_start < an.published[:10]) and _WEEKDAY.search(d.text):
            d = _week_later(d)  # "will host the talks on Monday", in a Saturday paper: the Monday to come
        ev.own_date = d is not None
        if d is None:  # the latest date earlier in the same paragraph
            for prev in reversed(an.sentences[:s.index]):
                if prev.paragraph != s.paragraph:
                    break
                if prev.dates:
                    d = prev.dates[-1]
                    break
        if d is None and disc.news_date is not None and s.index < NEWS_SENTENCES:
            d = disc.news_date
        if d is not None:
            ev.date_start, ev.date_end, ev.date_precision = d.date_start, d.date_end, d.precision

    def _dateline(self, ev: Event, disc: Discourse, an: Analysis | None = None) -> None:
        """An undated or same-day act with no place of its own happened where the news is datelined."""
        d = disc.dateline

        def ev_lower(k: int) -> str:
            return an.lower[k] if an is not None else ""

        if d is None or d.place is None or ev.geo_precision == "city":
            return
        # A state offering to host talks, in news datelined from its own city, offers that city.
        offer_home = ev.event_type == "mediation_offer" and d.iso3 == ev.actor and "host" in ev.trigger.lower()
        if not (ev.event_type in ("summit", "agreement", "leadership_role", "initiative") or offer_home
                or (ev.event_type == "talks_hosted" and d.iso3 == ev.actor)):
            return
        news = disc.news_date
        if ev.date_start and not (news is not None and ev.date_start[:7] == news.date_start[:7]):
            return
        if ev.venue_country and ev.venue_country != d.place.iso3 and any(
                m.label == "COUNTRY" and m.iso3 == ev.venue_country and m.start > ev.sentence.start and ev_lower(m.start - 1) == "in"
                for m in ev.sentence.mentions):
            return  # "the next summit will be held in Turkey": not where today's news is datelined
        p = d.place
        ev.venue, ev.venue_country, ev.lat, ev.lon, ev.geo_precision = p.name, p.iso3, p.lat, p.lon, "city"

    def _meeting(self, an, s, c, article_id, disc, blocked):
        """'The ministers of Armenia and Azerbaijan met in Almaty': the venue's state hosted."""
        k = c.end  # the token after "in"/"at"
        while k < s.end and an.lower[k] in ("the",):
            k += 1
        place = next((m for m in s.mentions if m.start == k), None)
        if place is not None and place.label == "COUNTRY" and place.kind == "adjective":
            # "in the Saudi capital Riyadh" names the city; "again in the Austrian capital" the one named before
            after = next((m for m in s.mentions if m.label == "PLACE" and m.iso3 == place.iso3 and 0 < m.start - place.end <= 3), None)
            place = after or _named_city(an, s, place)
        if place is None or place.label not in ("PLACE", "COUNTRY") or not place.iso3:
            return None
        if place.label == "COUNTRY" and an.lower[place.end:place.end + 2] in (["'s", "capital"], ["’s", "capital"]):
            city = next((m for m in s.mentions if m.label == "PLACE" and m.iso3 == place.iso3 and 0 < m.start - place.end <= 4), None)
            place = city or place  # "met in Qatar's capital, Doha"
        host = place.iso3
        inviter = cx.agent_phrase(an, s) or next((m for m in s.mentions if m.state and m.end < s.end and an.lower[m.end] in ("'s", "’s")
                                                 and m.end + 1 < s.end and an.lower[m.end + 1] == "invitation"), None)
        if inviter is not None and inviter.state == host:
            return self._hosted_meeting(an, s, c, article_id, disc, blocked, place, host, [])
        # The sides must be named as such: "between X and Y", or "X and Y" as the subject.
        sides = cx.between_parties(an, s)
        if not sides:
            subj = cx.left_subject(an, s, c.start, blocked)
            sides = cx.coordinated(an, s, subj) if subj is not None else []
        if not sides:  # "the foreign ministers of Armenia and Azerbaijan met"
            sides = [m for m in cx.cue_parties(an, s, frozenset({"of"})) if m.end <= c.start]
        if not sides:  # "Fatah and Hamas signed ... in Cairo": non-state sides as the subject
            first = next((m for m in s.mentions if m.start == s.start and m.label == "NONSTATE"), None)
            sides = cx.coordinated(an, s, first, states_only=False) if first is not None else []
        codes = cx.party_codes(sides, set())
        word = an.lower[c.start]
        if c.start > s.start and an.lower[c.start - 1] in INDIRECT and host in codes:
            # "Qatar held indirect talks with Israel and Hamas in Doha": the mediator between the sides hosts
            others = cx.party_codes(cx.between_parties(an, s) + cx.cue_parties(an, s, frozenset({"with"})), {host})
            return self._hosted_meeting(an, s, c, article_id, disc, blocked, place, host, others) if others else None
        apposed = {m.start for m in s.mentions if m.start == place.end + 1 and an.lower[place.end] == ","}  # "Geneva, Switzerland"
        if len(codes) < 2 and word in TALK_NOUNS and not any(m.state == host for m in s.mentions if m is not place and m.start not in apposed):
            # "a round of negotiations was held in Geneva": talks held in a state none of whose names takes part
            return self._hosted_meeting(an, s, c, article_id, disc, blocked, place, host, codes) if not cx.anaphor(an, s, c.start) else None
        if len(codes) < 2 and c.start - s.start <= 5 and an.lower[s.start] in ("they", "both", "the") and (
                an.lower[s.start] == "they" or set(an.lower[s.start:c.start]) & cx.GROUP_NOUNS):
            # "The two sides will convene again in the Austrian capital": the sides were named before
            return self._hosted_meeting(an, s, c, article_id, disc, blocked, place, host, codes) if host not in codes else None
        if host in codes or len(codes) < 2 or cx.anaphor(an, s, c.start):
            return None
        return self._hosted_meeting(an, s, c, article_id, disc, blocked, place, host, codes)

    def _talks_where(self, an, s, c, article_id, disc, blocked):
        """'talks in Vienna, where the first round took place in May': talks at the place before the comma."""
        place = next((m for m in s.mentions if m.end == c.start and m.label == "PLACE" and m.place is not None), None)
        if place is None:
            return None
        subj = cx.left_subject(an, s, place.start, blocked)
        codes = cx.party_codes((cx.coordinated(an, s, subj) if subj is not None else []) + cx.between_parties(an, s), set())
        if place.iso3 in codes:
            return None
        noun = c.end - 1  # date the round by the words of its own clause
        return self._hosted_meeting(an, s, Candidate("talks_hosted", c.rule, noun, c.end), article_id, disc, blocked, place,
                                    place.iso3, codes)

    def _invited(self, an, s, c, article_id, disc, blocked):
        """'Palestinian factions are expected to be invited to Cairo': sides invited to a state's city, an offer of talks."""
        place = next((m for m in s.mentions if m.start == c.end and m.label == "PLACE" and m.place is not None), None)
        if place is None:
            return None
        sides = cx.party_codes(cx.between_parties(an, s) + [m for m in s.mentions if (m.state or m.label == "NONSTATE")
                                                            and m.end <= c.end], {place.iso3})
        if len(sides) < 2 and not set(an.lower[s.start:c.end]) & (cx.GROUP_NOUNS | {"factions", "rivals", "groups", "movements"}):
            return None  # "Tokayev was invited to Moscow": a visit, not talks between sides
        ev = self._hosted_meeting(an, s, Candidate("talks_hosted", c.rule, c.start, c.end, "planned"), article_id, disc, blocked,
                                  place, place.iso3, sides)
        if ev is not None:
            ev.event_type, ev.modality = "mediation_offer", "planned"
        return ev

    def _hosted_meeting(self, an, s, c, article_id, disc, blocked, place, host, codes):
        ev = self._event(an, s, Candidate("talks_hosted", c.rule, c.start, c.end), article_id, [], "venue", disc, blocked, actor=host)
        if ev is None:
            return None
        if ev.modality in ("planned", "hypothetical"):
            ev.event_type = "mediation_offer"  # "the next round will be held in Mexico City"
        ev.parties = [x for x in codes if x != host] or ev.parties
        if place.label == "PLACE" and place.place:
            p = place.place
            ev.venue, ev.venue_country, ev.lat, ev.lon, ev.geo_precision = p.name, p.iso3, p.lat, p.lon, "city"
        ev.confidence = BASE_CONFIDENCE["venue"]
        return ev

    def _venue_host(self, an, s, c, article_id, disc, blocked):
        """'The SCO summit in Astana ...' with no named actor: the host country of the venue."""
        m = _located_place(an, s, c.end)
        if m is None:
            return None
        ev = self._event(an, s, c, article_id, [], "venue", disc, blocked, actor=m.iso3)
        if ev is not None and ev.modality == "asserted" and set(an.lower[c.end:m.start]) & {"will", "shall", "'ll", "scheduled", "expected"}:
            ev.modality = "planned"  # "the following summit will take place in Türkiye"
            self._date(an, s, c, ev, disc)  # read again: a planned act's "12 August" lies ahead, not a year back
        if ev is not None:
            if m.place is not None:
                p = m.place
                ev.venue, ev.venue_country, ev.lat, ev.lon, ev.geo_precision = p.name, p.iso3, p.lat, p.lon, "city"
            ev.confidence = BASE_CONFIDENCE["venue"]
        return ev


ADOPTED = frozenset({"adopted", "adopts", "adopt", "adoption", "approved", "endorsed"})
AGREEMENT_WORDS = frozenset(AGREEMENT_N)
AID_WORDS = frozenset(AID_N) | {"us$", "usd"}
RATIFY = frozenset({"ratified", "ratify", "ratifies", "ratification", "ratifications", "acceded", "accede", "accedes", "accession"})
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


def _disarmament_occasion(words: set[str]) -> str | None:
    if words & {"test", "testing", "polygon"}:
        return "test site"
    if words & {"treaty", "tpnw", "npt", "ctbt", "prohibition", "non-proliferation", "nonproliferation", "test-ban"}:
        return "treaty"
    if words & {"arsenal", "warheads", "weapons", "uranium", "missiles"}:
        return "arsenal"
    return None


_WEEKDAY = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)


def _week_later(d):
    """A weekday read as the one before publication, moved to the one after."""
    from dataclasses import replace
    from datetime import date, timedelta

    a = (date.fromisoformat(d.date_start) + timedelta(days=7)).isoformat()
    b = (date.fromisoformat(d.date_end) + timedelta(days=7)).isoformat()
    return replace(d, date_start=a, date_end=b)


def _year_before(d):
    """A date written without its year that fell after publication, moved to the year before."""
    import re
    from dataclasses import replace

    if re.search(r"\b\d{4}\b", d.text) or d.relative:
        return d
    try:
        return replace(d, date_start=f"{int(d.date_start[:4]) - 1}{d.date_start[4:]}", date_end=f"{int(d.date_end[:4]) - 1}{d.date_end[4:]}")
    except ValueError:
        return d


def _published_month(pub: str):
    """The publication month as a date mention: the date of undated news."""
    from .dates import DateMention, parse_iso, span_of

    d, prec = parse_iso(pub)
    a, b = span_of(d, prec)
    return DateMention(0, 0, pub, a, b, prec, True)


def _date_line(s: Sentence) -> bool:
    """A line that is nothing but a date: 'Wednesday October 26 2022', '09 August, 2018, 14:06'."""
    rest = s.text
    for d in s.dates:
        rest = rest.replace(d.text, " ")
    return len(re.sub(r"[\W\d_]+", "", rest)) < 4


def _news_context(an: Analysis, disc: Discourse) -> None:
    """The lede's date (or the publication month) and the dateline's place, if any."""
    pub = an.published
    if pub:
        for s in an.sentences[:4]:
            for d in s.dates:
                if _date_line(s) and any(x.relative for x in an.sentences[min(s.index + 1, len(an.sentences) - 1)].dates):
                    continue  # a date line standing alone above a lede dated "on Tuesday": the act's day is the lede's
                if d.precision in ("day", "month") and d.date_start[:len(pub)] <= pub and d.date_start[:4] == pub[:4]:
                    disc.news_date = d
                    break
            if disc.news_date is not None:
                break
        if disc.news_date is None and len(pub) >= 7:
            disc.news_date = _published_month(pub)
    # The lede's gathering "in <city>" ("The summit of the SCO in Samarkand concluded"), else the dateline.
    for s in an.sentences[:3]:
        if not any(label in ("summit", "talks_hosted", "talks_meeting") for label, _, _, _ in s.matches):
            continue
        for m in s.mentions:
            if m.label == "PLACE" and m.place is not None and m.start > s.start and _venue_cue(an, s, m):
                disc.dateline = m
                return
    for s in an.sentences[:3]:
        for m in s.mentions:
            if m.label == "PLACE" and m.start == s.start and m.end < s.end and an.lower[m.end] in (",", "(", "—", "–", "-", ":"):
                disc.dateline = m
                return


def _compatible(a: Event, b: Event) -> bool:
    if a.venue and b.venue and a.venue != b.venue:
        return False
    if a.date_start and b.date_start:
        # the same occasion: one date range inside the other
        if not (a.date_start <= b.date_start <= (a.date_end or a.date_start) or b.date_start <= a.date_start <= (b.date_end or b.date_start)):
            return False
    if a.event_type == "initiative" and a.name and b.name and a.name.lower() != b.name.lower() and a.sentence is not b.sentence:
        return False
    if a.event_type in ("leadership_role", "summit", "agreement", "aid") and a.organisations and b.organisations and not set(a.organisations) & set(b.organisations):
        return False
    if a.event_type in ("talks_hosted", "mediation_offer", "agreement") and a.parties and b.parties and not set(a.parties) & set(b.parties):
        return False
    if a.amount_usd and b.amount_usd and a.amount_usd != b.amount_usd:
        return False
    if (a.modality == "negated") != (b.modality == "negated"):
        return False
    if a.event_type in ("summit", "leadership_role") and (a.modality == "planned") != (b.modality == "planned") and a.sentence is not b.sentence:
        return False  # a summit held and the next one to come are two occasions
    if a.occasion and b.occasion and a.occasion != b.occasion:
        return False
    return True


def merge(events: list[Event]) -> list[Event]:
    """One event per (type, actor, occasion): later compatible mentions fill in the first."""
    out: list[Event] = []
    for ev in events:
        target = next((o for o in out if o.event_type == ev.event_type and o.actor == ev.actor and _compatible(o, ev)), None)
        if target is None:
            out.append(ev)
            continue
        for f in ("venue", "venue_country", "lat", "lon", "geo_precision", "name", "amount_usd"):
            if getattr(target, f) is None and getattr(ev, f) is not None:
                setattr(target, f, getattr(ev, f))
        if target.geo_precision == "country" and ev.geo_precision == "city":
            target.venue, target.venue_country, target.lat, target.lon, target.geo_precision = ev.venue, ev.venue_country, ev.lat, ev.lon, "city"
        if target.date_start is None or (ev.date_precision and _finer(ev.date_precision, target.date_precision)):
            if ev.date_start:
                target.date_start, target.date_end, target.date_precision = ev.date_start, ev.date_end, ev.date_precision
        target.parties += [p for p in ev.parties if p not in target.parties and p != target.actor]
        target.organisations += [o for o in ev.organisations if o not in target.organisations]
        target.confidence = max(target.confidence, ev.confidence)
    return out


def _near_in_time(a: Event, b: Event, days: int = 45) -> bool:
    """Two dates of one news story: within a few weeks of each other (or one of them unknown)."""
    from datetime import date

    if not a.date_start or not b.date_start:
        return True
    try:
        return abs((date.fromisoformat(a.date_start) - date.fromisoformat(b.date_start)).days) <= days
    except ValueError:
        return False


def _finer(a: str, b: str | None) -> bool:
    order = {"year": 0, "month": 1, "day": 2}
    return b is None or order[a] > order[b]


_AFTER_DAYS = re.compile(r"\bafter\s+(\w+)[\s-]+days?\s+of\s+(?:\w+\s+)?(?:talks|negotiations|meetings|consultations|discussions)\b", re.I)
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _first_day_of_talks(e: Event) -> None:
    """'signed on Thursday after three days of talks': the talks began two days before the signing."""
    from datetime import date, timedelta

    if e.event_type != "talks_hosted" or e.date_precision != "day" or not e.own_date:
        return
    m = _AFTER_DAYS.search(e.sentence.text)
    n = (int(m.group(1)) if m.group(1).isdigit() else _NUMBER_WORDS.get(m.group(1).lower())) if m else None
    if n and 1 < n <= 30:
        first = (date.fromisoformat(e.date_start) - timedelta(days=n - 1)).isoformat()
        e.date_start, e.date_end = first, e.date_end or e.date_start


def _headline_count(an: Analysis) -> int:
    """How many sentences open the article as headlines (title, kicker, subtitle, date line) before its first
    sentence of prose: a full sentence of a dozen words or more."""
    for s in an.sentences[:6]:
        if len(s.text.split()) >= 12 and s.text.rstrip().endswith((".", "!", "?", '"', "”", "’")):
            return s.index
    return 1


def _signed_at_summit(an: Analysis, events: list[Event]) -> None:
    """A document its host adopts at a summit, with no signatories named, has the summit's attendees as parties,
    and without a date of its own, the summit's date."""
    for e in events:
        if e.event_type != "agreement" or (e.parties and e.own_date):
            continue
        if e.how != "summit" and not set(an.lower[e.sentence.start:e.sentence.end]) & GATHERING_WORDS:
            continue
        held = [o for o in events if o.event_type == "summit" and o.actor == e.actor and (o.venue_country in (None, o.actor))]
        if len(held) != 1:
            continue
        if not e.parties:
            e.parties = [p for p in held[0].parties if p != e.actor]
        if not e.own_date and held[0].own_date:  # "to be signed at the summit": on the summit's day
            e.date_start, e.date_end, e.date_precision = held[0].date_start, held[0].date_end, held[0].date_precision


def extract_events(an: Analysis, article_id: str, gz: Gazetteer) -> list[dict]:
    """Event rows for one analysed article, merged and in text order."""
    ex = Extractor(gz)
    disc = Discourse()
    _news_context(an, disc)
    events: list[Event] = []
    for s in an.sentences:
        events.extend(ex.sentence_events(an, s, article_id, disc))
    merged = merge(events)
    # A title's act dated only by the day's news is the act the body reports with its own date: only where the
    # body reports one such act, so the title cannot be folded into the wrong one.
    out = []
    top = _headline_count(an)
    for e in merged:
        same = [o for o in merged if o is not e and o.sentence.index >= top and (o.event_type, o.actor) == (e.event_type, e.actor)]
        if e.sentence.index < top and len(same) == 1 and _near_in_time(e, same[0], 10 if e.own_date else 45):
            target = same[0]
            target.parties += [p for p in e.parties if p not in target.parties]
            target.organisations += [o for o in e.organisations if o not in target.organisations]
            for f in ("venue", "venue_country", "lat", "lon", "geo_precision"):
                if getattr(target, f) is None:
                    setattr(target, f, getattr(e, f))
            continue
        out.append(e)
    _signed_at_summit(an, out)
    for e in out:
        _first_day_of_talks(e)
    return [e.row() for e in out]
