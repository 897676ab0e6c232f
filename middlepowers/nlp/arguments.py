"""Arguments: for a candidate event, who acted, with whom, where, when and how surely.

The actor (possessor, agent phrase, subject, fronted subject, apposition, thanked host, handover,
or the state an anaphor refers back to), the parties (between, with, cue words, coordinated
lists, aid recipients), the organisations, the venue (an in/at place, a premodifying city, the
dateline), the date (the nearest date phrase, the paragraph's, the lede's) and the modality.
`ArgumentReader` holds these readings; `extract.Extractor` applies them sentence by sentence."""

from __future__ import annotations

import re

from . import context as cx
from .. import reference
from ..policy import HOSTING_TYPES, policy_of
from .classify import _force_context
from .discourse import Discourse, NEWS_SENTENCES
from .events import BASE_CONFIDENCE, Candidate, Event
from .gazetteer import Gazetteer
from .lexicon import ADOPTED, AGREEMENT_WORDS, AID_WORDS, BODY_NOUNS, CHAIR_NOUNS, FILLER, FOUNDING_NOUNS, FUNDS_WORDS, GIVE_VERBS, GOODS_WORDS, INDIRECT, INITIATIVE_NOUNS, INSTITUTION_WORDS, INVEST_WORDS, LOCATING, MEETING_NOUNS, NAME_LINKS, NP_STOP, OFFER_SUMMIT, PARTICIPANT_NOUNS, PLACE_CUES, PLACE_NOUNS, RECIPIENT_NOUNS, SETTING_CUES, SUMMIT_LINKS, TALK_NOUNS, TITLE_STOP, _SECOND_NAME, _venue_cue
from .pipeline import Analysis, Mention, Sentence
from .rules import HOST, rule_ids

# Rules that read an argument of their own (see each use).
_WITH_MEDIATION, _WHICH_HOSTED, _CO_MEDIATORS, _MEDIATED_BY, _PASSIVE_SIGNED, _EPONYM, _ON_INITIATIVE = rule_ids(
    "with_mediation", "talks_which_hosted", "co_mediators", "mediated_by", "passive_signed", "eponym", "convened_on_initiative")
# Rules whose agent comes after the sides: "Russia and Ukraine swapped prisoners in an exchange mediated by the UAE".
_AGENT_AFTER_SIDES = rule_ids("mediated_by", "talks_by")
# Rules whose gathering must have a named actor of its own to be a summit's host.
_GATHERING_RULES = rule_ids("summit", "ministerial_meeting")
# Nouns a venue city premodifies: "the Astana talks", "the Tashkent conference".
_PREMODIFIED = frozenset({"talks", "-", "peace", "summit", "process", "format", "conference", "forum", "congress", "meeting", "ministerial"})


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


def _filler(an: Analysis, i: int, j: int) -> bool:
    """'of the Gulf states on 3-4 May 2022': a name's tail and a date, no verb, between a gathering and its place."""
    return all(an.lower[k] in FILLER or an.lower[k] in NAME_LINKS or an.doc[k].text[:1].isdigit() or an.doc[k].text[:1].isupper()
               for k in range(i, j))


def _name_run(an: Analysis, i: int, j: int) -> bool:
    """Tokens i..j-1 continue a proper name: 'of Heads of State of the Organization of Turkic States', 'of the OTS'."""
    return all(an.doc[k].text[:1].isupper() or an.doc[k].text[:1].isdigit() or an.lower[k] in NAME_LINKS or an.lower[k] in ("-", "–", "'s", "’s")
               for k in range(i, j))


def _org_parents() -> dict[str, str]:
    return {acr: rec.get("parent") or "" for acr, rec in reference.organisations().items()}


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


class ArgumentReader:
    """Reads the arguments of candidate events: actor, parties, organisations, venue, date, modality."""

    def __init__(self, gz: Gazetteer) -> None:
        self.gz = gz
        self.parents = _org_parents()

    # -- actor -----------------------------------------------------------------------------
    def actors(self, an: Analysis, s: Sentence, c: Candidate, blocked: set[int], disc: Discourse) -> tuple[list[Mention | str], str]:
        if c.rule == _WITH_MEDIATION:  # "with US mediation", "under the auspices of Qatar"
            inside = [m for m in s.mentions if c.start < m.start < c.end and m.state]
            after = [m for m in s.mentions if c.end <= m.start <= c.end + 3 and m.state]
            found = inside or after
            return (found[:1], "phrase") if found else ([], "")
        if c.rule == _WHICH_HOSTED:  # "the talks on Syria, which Kazakhstan hosted"
            rel = max(k for k in range(c.start, c.end) if an.lower[k] in ("which", "that"))
            inside = [m for m in s.mentions if rel < m.start < c.end and m.state]
            if inside:
                return cx.coordinated(an, s, inside[0]), "subject"
        if c.rule == _CO_MEDIATORS:  # "with Qatar, Turkey and the United States as co-mediators"
            before = [m for m in s.mentions if m.state and c.start - 3 <= m.end <= c.start]
            return (cx.coordinated(an, s, before[-1]), "phrase") if before else ([], "")
        if c.rule == _MEDIATED_BY:  # "a swap mediated by the UAE": the agent or no one
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
            # the sides may be named in the sentence or be those of the talks reported before it
            known = {m.state for m in sides if m.state} | set(disc.sides)
            if len(known - {m.state for m in thanked}) < 2:
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
        if c.rule == _PASSIVE_SIGNED:
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
            if m.start in used and not cue and c.event_type not in HOSTING_TYPES:
                continue
            if m.kind == "capital" and not cue and m.start not in used and not (m.end < s.end and an.lower[m.end] in _PREMODIFIED):
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
        if not orgs and c.event_type in ("summit", "agreement") and disc.orgs and any(
                an.lower[k] in cx.ORG_ANAPHORS and an.lower[k - 1] in ("the", "this") for k in range(s.start + 1, s.end)):
            orgs = list(disc.orgs[:1])  # "the annual summit of the grouping", "the bloc adopted a declaration"
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
        pol = policy_of(t)
        if not found and pol.party_cues:
            found = cx.cue_parties(an, s, pol.party_cues)
            if pol.event_type == "talks_hosted" and c.rule in _AGENT_AFTER_SIDES:
                # "Russia and Ukraine swapped prisoners in an exchange mediated by the UAE": the subjects are the sides
                subj = cx.left_subject(an, s, c.start, cx.blocked_mentions(an, s))
                found = found + (cx.coordinated(an, s, subj) if subj is not None else [])
        if t == "aid":
            found = found + _recipients(an, s, actors)
        if pol.sentence_states_attend:
            # the states named in a summit's sentence attend it: "the leaders of A, B and C gathered in X"
            found = found + [m for m in s.mentions if m.label in ("COUNTRY", "LEADER") and m.kind != "demonym"
                             and not _inside_name(an, s, m)]
        return cx.party_codes(extra + found, actors, an)


    def _event(self, an, s, c, article_id, actor_mentions, how, disc, blocked, actor=None, extra=(), co=()):
        if actor is None:
            actor = actor_mentions[0].state if actor_mentions else None
        if not actor:
            return None
        t = c.event_type
        name = None
        if t == "initiative" and c.rule == _ON_INITIATIVE:
            name = next((an.doc[k].text for k in range(s.start, s.end) if an.lower[k] in OFFER_SUMMIT | MEETING_NOUNS | {"talks"}), None)
        elif t == "initiative" and c.rule != _EPONYM:
            name = initiative_name(an, s, c.start, c.end) or _zone_name(an, s, c) or _founded_thing(an, s, c)
            if name is None:
                return None
            if any(e.label in ("COUNTRY", "LEADER", "PLACE") for e in self.gz.lookup(name)):
                return None
            if name.split()[-1].lower() in ("summit", "meeting") and not name[:1].isupper() and an.lower[c.start] in (
                    "proposed", "proposes", "propose", "proposal"):
                t, name = "summit", None  # 'proposed an "online summit" of the bloc for the spring': a summit to come
        if t == "summit" and c.rule in _GATHERING_RULES and how in ("subject", "fronted", "anaphor") and not set(an.lower[s.start:s.end]) & SUMMIT_LINKS:
            return None  # "a deal at COP29": a summit is named, but no one hosts or attends it here
        if t == "summit" and _bilateral(an, s, c):
            return None  # "the Uzbek-Kazakh summit": two states meeting is a visit, not a summit
        if t == "summit" and _summit_between(an, s, c):
            t = "talks_hosted"  # "to host a summit between the leaders of Armenia and Azerbaijan": a meeting of two sides is talks
        if c.rule == _PASSIVE_SIGNED and (not set(an.lower[s.start:c.start]) & AGREEMENT_WORDS
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
        ev.parties = self.parties(an, s, c, {actor, *co} if policy_of(t).co_actors_not_parties else {actor}, list(extra))
        ev.venue, ev.venue_country, ev.lat, ev.lon, ev.geo_precision = self.venue(an, s, c, actor_mentions)
        if ev.venue_country is None and t in HOSTING_TYPES and how not in ("anaphor",):
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
        if t == "talks_hosted" and c.rule != _EPONYM and how != "venue" and not ev.parties and ev.geo_precision != "city" and not s.dates:
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
