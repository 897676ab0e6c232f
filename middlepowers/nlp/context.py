"""Who acts, with whom, where, when and how surely: the clause around a trigger.

Small functions over one sentence of an `Analysis`; `extract.py` calls them for each trigger.
They read token positions and gazetteer mentions only, so they stay fast and predictable.
"""

from __future__ import annotations

import re

from .pipeline import Analysis, Mention, Sentence

# A state mention right after one of these is an object, not the subject ("talks with Russia").
BLOCKING_PREPS = frozenset({
    "between", "with", "of", "to", "from", "for", "on", "against", "over", "into", "among", "amongst", "amid",
    "toward", "towards", "by", "about", "including", "like", "as", "than", "via", "in", "at", "and", "or",
    "across", "within", "without", "beyond", "per", "upon", "after", "before", "during", "under", "behind",
    "visited", "visiting", "visit", "visits", "invited", "inviting", "urged", "told", "called", "asked", "accepted",
    "joined", "counterpart", "counterparts", "both", "whereas", "unlike", "except", "beside", "besides", "near", "excluding", "excepting",
})
SKIPPABLE = frozenset({"the", "a", "an", "its", "their", "his", "her", "both", "all", "fellow", "neighbouring", "neighboring"})
# Words joining coordinated names: "Armenia and Azerbaijan", "Armenia-Azerbaijan", "Russia/Ukraine".
COORD_WORDS = frozenset({"and", ",", "&", "-", "–", "/"})
CLAUSE_BREAK = frozenset({";", ":", "—", "–", "but", "while", "whereas", "although", "though"})

# Agent phrases anywhere in the sentence: "at the invitation of X", "under the auspices of X".
AGENT_HEADS = frozenset({"invitation", "initiative", "auspices", "mediation", "facilitation", "proposal", "suggestion",
                         "behest", "urging", "sponsorship", "patronage", "hospitality", "good offices", "offices"})
# Nominal triggers whose "of X" names the actor: "the proposal of Kazakhstan".
AGENT_VERBS = frozenset({"hosted", "co-hosted", "cohosted", "sponsored", "co-sponsored", "convened", "brokered", "mediated",
                         "facilitated", "organised", "organized", "co-organised", "co-organized", "chaired", "co-chaired",
                         "initiated", "proposed", "launched", "signed", "led", "supported", "backed"})
NOMINAL_OF = frozenset({"proposal", "initiative", "offer", "invitation", "chairmanship", "presidency", "mediation",
                        "suggestion", "idea", "brainchild", "chairship", "contribution", "assistance", "aid", "donation",
                        "readiness", "willingness", "participation", "signing", "closure"})

ANAPHORS_STATE = ("the country", "the republic", "the nation", "the state", "the government", "the central asian",
                  "the south caucasus", "the caucasus", "the gulf", "the emirate", "the kingdom", "the host country",
                  "the host", "the country's", "the nation's", "the government's", "the central asian republic",
                  "the central asian nation", "the central asian country", "the caucasian", "the kingdom's", "authorities")
PRONOUNS_STATE = frozenset({"it", "its"})
EXPLETIVE = frozenset({"planned", "expected", "hoped", "reported", "said", "noted", "known", "likely", "possible", "believed",
                       "important", "necessary", "clear", "time", "been", "be", "worth", "unclear"})
ORG_ANAPHORS = frozenset({"organisation", "organization", "bloc", "movement", "grouping", "alliance", "body", "forum", "union", "group", "association", "commonwealth", "council"})

NEGATION = frozenset({"not", "n't", "never", "no", "neither", "nor", "declined", "refused", "rejected", "denied",
                      "dismissed", "ruled", "without", "cancelled", "canceled", "postponed", "failed", "halted"})
HYPOTHETICAL = frozenset({"if", "could", "might", "would", "may", "unlikely", "possible", "possibly", "potential",
                          "potentially", "hypothetical", "perhaps", "maybe", "whether", "consider", "considering",
                          "considered", "candidate", "candidates", "hope", "hopes", "hoped", "likely", "should",
                          "mull", "mulls", "mulling", "eyeing", "eyes", "weighing", "weigh", "contemplating", "speculation",
                          "prospect", "prospects"})
PLANNED = frozenset({"will", "shall", "'ll", "plans", "plan", "planned", "planning", "intends", "intend", "intention",
                     "scheduled", "upcoming", "forthcoming", "expected", "set", "to", "prepare", "prepares", "preparing",
                     "ready", "readiness", "willing", "willingness", "offered", "offer", "offers", "proposed", "proposal",
                     "pledged", "pledge", "pledges", "promised", "promise", "announced", "agreed", "aims", "aim", "seeks",
                     "next", "coming", "invite", "invited", "invites", "invitation", "would", "going"})

_MONEY = re.compile(
    r"(?:(?:US|U\.S\.)?\s?\$|USD\s?)\s?(?P<n>\d[\d,]*(?:\.\d+)?)\s?(?P<mult>million|billion|thousand|mln|bn|m|k)?\b"
    r"|(?P<n2>\d[\d,]*(?:\.\d+)?)\s?(?P<mult2>million|billion|thousand|mln|bn)?\s?(?:US\s|U\.S\.\s)?(?:dollars|USD)\b",
    re.IGNORECASE,
)
_MULT = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}


def _prev_index(an: Analysis, s: Sentence, i: int) -> int | None:
    """The index of the nearest word before token i, skipping determiners."""
    j = i - 1
    while j >= s.start and an.lower[j] in SKIPPABLE:
        j -= 1
    return j if j >= s.start else None


def blocked_mentions(an: Analysis, s: Sentence) -> set[int]:
    """Start tokens of mentions that sit in a prepositional phrase or coordination with one."""
    blocked: set[int] = set()
    last_end: dict[int, Mention] = {}
    for m in s.mentions:
        j = _prev_index(an, s, m.start)
        prev = an.lower[j] if j is not None else ""
        if prev in ("and", ",", "&", "or") and j is not None:
            before = last_end.get(j)
            if before is not None and (before.state or before.label == "NONSTATE"):
                if before.start in blocked:
                    blocked.add(m.start)
        elif prev == "of" and j is not None and _office_of(an, s, j):
            pass  # "the foreign ministers of Armenia and Azerbaijan signed": the state acts through its officials
        elif prev in BLOCKING_PREPS:
            blocked.add(m.start)
        elif prev == "but" and j is not None and j > s.start and an.lower[j - 1] in ("all", "everyone", "every"):
            blocked.add(m.start)  # "all but Israel are parties": the one state left out
        elif prev.endswith("'s") or prev.endswith("’s"):
            blocked.add(m.start)
        last_end[m.end] = m
    return blocked


OFFICE_NOUNS = frozenset({"minister", "ministers", "president", "presidents", "leaders", "leader", "heads", "head", "government",
                          "governments", "delegation", "delegations", "representatives", "envoys", "affairs", "forces"})


def _office_of(an: Analysis, s: Sentence, of: int) -> bool:
    """The 'of' in 'the foreign ministers of X' at the head of a clause, not after a preposition."""
    k = of - 1
    if k < s.start or an.lower[k] not in OFFICE_NOUNS:
        return False
    while k >= s.start and (an.lower[k] in OFFICE_NOUNS or an.lower[k] in ("foreign", "of", "prime", "deputy", "state", "armed", "defence", "defense")):
        k -= 1
    while k >= s.start and an.lower[k] in SKIPPABLE:
        k -= 1
    return k < s.start or an.lower[k] in (",", "—", "–", ":", "when", "then", "also", "where")


def coordinated(an: Analysis, s: Sentence, head: Mention, states_only: bool = True) -> list[Mention]:
    """The mentions coordinated with head: 'Kazakhstan, Uzbekistan and Turkmenistan'."""
    group = [head]
    by_end = {m.end: m for m in s.mentions}
    by_start = {m.start: m for m in s.mentions}
    # leftwards
    cur = head
    while True:
        j = _unit_start(an, s, cur, by_end) - 1
        while j >= s.start and an.lower[j] in SKIPPABLE:
            j -= 1
        if j < s.start or an.lower[j] not in COORD_WORDS:
            break
        k = j - 1
        while k >= s.start and an.lower[k] in SKIPPABLE:
            k -= 1
        prev = by_end.get(k + 1)
        steps = 0
        while prev is None and k >= s.start and steps < 6 and (an.doc[k].text[:1].isupper() or an.lower[k] in ("-", ".")):
            k -= 1  # skip the title and name after a state's adjective
            steps += 1
            prev = by_end.get(k + 1)
        if prev is None or (states_only and prev.state is None):
            break
        group.insert(0, prev)
        cur = prev
    cur = head
    while True:
        j = cur.end
        if j >= s.end or an.lower[j] not in COORD_WORDS:
            break
        k = j + 1
        if k < s.end and an.lower[k] == "and":
            k += 1
        while k < s.end and an.lower[k] in SKIPPABLE:
            k += 1
        nxt = by_start.get(k)
        if nxt is None or (states_only and nxt.state is None and nxt.label != "NONSTATE"):
            break
        group.append(nxt)
        cur = nxt
    return group


# Titles between a state's adjective and its leader's name: "Tajik President Emomali Rahmon".
TITLES = frozenset({"president", "prime", "minister", "foreign", "deputy", "vice", "king", "emir", "amir", "crown", "prince",
                    "chancellor", "premier", "sheikh", "sultan", "leader", "counterpart", "envoy", "ambassador", "secretary"})


def _unit_start(an: Analysis, s: Sentence, m: Mention, by_end: dict[int, Mention]) -> int:
    """Where the phrase naming m's state begins: back over titles to an adjective of the same state."""
    k = m.start
    while k - 1 >= s.start and an.lower[k - 1] in TITLES:
        k -= 1
    adj = by_end.get(k)
    if k < m.start and adj is not None and adj.state == m.state:
        return adj.start
    return m.start


def possessor(an: Analysis, s: Sentence, a: int) -> Mention | None:
    """'Kazakhstan's proposal', "Azerbaijan's long-standing support for": a state right before the trigger."""
    for m in s.mentions:
        if m.state and m.end < s.end and an.lower[m.end] in ("'s", "’s", "'") and 0 <= a - m.end <= 4:
            if not any(an.lower[k] in CLAUSE_BREAK or an.lower[k] == "," for k in range(m.end, a)):
                return m
    return None


def agent_after(an: Analysis, s: Sentence, a: int, b: int) -> Mention | None:
    """'hosted by Kazakhstan', 'the proposal of Azerbaijan': the agent right after a trigger."""
    if an.lower[b - 1] == "by":
        b -= 1
    for k in range(b, min(b + 4, s.end)):
        w = an.lower[k]
        if w == "by" or (w == "of" and an.lower[b - 1] in NOMINAL_OF):
            for m in s.mentions:
                if m.state and k < m.start <= k + 6 and not any(an.lower[x] in (",", ";") or an.lower[x] in PLACE_PREPS for x in range(k + 1, m.start)):
                    return m  # "hosted by the Government of Uganda", not "hit by an earthquake in Nepal"
            return None
        if w == "," and k + 1 < s.end and an.lower[k + 1] in AGENT_VERBS:
            continue  # "The Summit, hosted by the Government of Uganda"
        if w in (",", ";", "and"):
            return None
    return None


PLACE_PREPS = frozenset({"in", "at", "on", "to", "from", "with", "for", "near", "across"})


def agents_by(an: Analysis, s: Sentence) -> list[Mention]:
    """Every state after 'hosted by', 'co-sponsored by', 'convened by', 'brokered by' in the sentence."""
    out: list[Mention] = []
    for k in range(s.start + 1, s.end - 1):
        if an.lower[k] == "by" and an.lower[k - 1] in AGENT_VERBS:
            first = next((m for m in s.mentions if m.state and k < m.start <= k + 6
                          and not any(an.lower[x] in (",", ";") for x in range(k, m.start))), None)
            if first is not None:
                out.extend(x for x in coordinated(an, s, first) if x.state and x not in out)
    return out


def partners(an: Analysis, s: Sentence, group: list[Mention]) -> list[Mention]:
    """'Qatar, together with Egypt and the United States, mediated': the partners of a subject."""
    end = group[-1].end
    words = an.lower[end:end + 4]
    for cue in (["together", "with"], ["along", "with"], ["jointly", "with"], ["alongside"], ["in", "cooperation", "with"]):
        k = end + (1 if words[:1] == [","] else 0)
        if an.lower[k:k + len(cue)] == cue:
            first = next((m for m in s.mentions if m.state and k + len(cue) <= m.start <= k + len(cue) + 3), None)
            return [x for x in coordinated(an, s, first) if x.state] if first is not None else []
    return []


def thanked_for(an: Analysis, s: Sentence, a: int) -> list[Mention]:
    """'thanked Uzbekistan for presiding over the SCO', 'grateful to Norway and Oman for hosting the rounds':
    the states thanked for the act are its actors."""
    j = a - 1
    while j >= s.start and an.lower[j] in SKIPPABLE:
        j -= 1
    if j < s.start + 1 or an.lower[j] != "for":
        return []
    last = next((m for m in s.mentions if m.state and m.end == j), None)
    if last is None:
        return []
    return [x for x in coordinated(an, s, last) if x.state]


HANDOVER_V = frozenset({"passed", "pass", "passes", "passing", "transferred", "transfer", "transfers", "transferring",
                        "handed", "hand", "hands", "handing", "handover", "hand-over", "ceded", "cede", "cedes"})


def handover(an: Analysis, s: Sentence, a: int, b: int) -> tuple[Mention, Mention | None, int] | None:
    """'the chairmanship passed from Kyrgyzstan to Azerbaijan', 'Brazil handed over the presidency to South Africa':
    (the new holder, the previous one if named after 'from', the verb's token)."""
    lo, hi = max(s.start, a - 8), min(s.end, b + 10)
    verb = next((k for k in range(lo, hi) if an.lower[k] in HANDOVER_V), None)
    if verb is None:
        return None
    new = old = None
    for k in range(verb + 1, min(s.end, verb + 14)):
        if an.lower[k] in (";", "but", "while"):
            break
        if an.lower[k] in ("to", "from"):
            j = k + 1
            while j < s.end and an.lower[j] in SKIPPABLE:
                j += 1
            m = next((x for x in s.mentions if x.start == j and x.state), None)
            if m is not None and an.lower[k] == "to" and new is None:
                new = m
            elif m is not None and an.lower[k] == "from" and old is None:
                old = m
    return (new, old, verb) if new is not None else None


ROLE_NOUNS = frozenset({"host", "hosts", "co-host", "mediator", "mediators", "co-mediator", "facilitator", "chair", "chairman",
                        "organiser", "organizer", "convener", "initiator", "sponsor", "guarantor", "broker"})


def apposition(an: Analysis, s: Sentence, a: int) -> Mention | None:
    """'a statement issued by Oman, the host of the talks, ...': a state named just before its role."""
    if an.lower[a] not in ROLE_NOUNS:
        return None
    j = a - 1
    while j >= s.start and an.lower[j] in ("the", "a", "an", "its", "current", "main", "chief", "key"):
        j -= 1
    if j <= s.start or an.lower[j] != ",":
        return None
    return next((m for m in s.mentions if m.state and m.end == j), None)


UNIT_NOUNS = frozenset({"contingents", "contingent", "units", "troops", "soldiers", "servicemen", "personnel", "forces", "battalions",
                        "military", "peacekeepers", "officers"})


def contributors(an: Analysis, s: Sentence, a: int, b: int) -> list[Mention]:
    """'contingents from Chile, Peru and Uruguay', 'troops from the armies of Nepal, Ghana and Fiji':
    every state a force's units come from contributes to it."""
    for k in range(max(s.start, a - 2), min(s.end - 1, b + 8)):
        if an.lower[k] not in UNIT_NOUNS:
            continue
        j = k + 1
        if an.lower[j] not in ("from", "of"):
            continue
        j += 1
        while j < s.end and (an.lower[j] in SKIPPABLE or an.lower[j] in ("armed", "forces", "of", "army", "armies", "military")):
            j += 1
        first = next((m for m in s.mentions if m.start == j and m.state), None)
        if first is not None:
            return [x for x in coordinated(an, s, first) if x.state]
    return []


def initiative_agent(an: Analysis, s: Sentence) -> Mention | None:
    """'on the initiative of the President of Kazakhstan', 'at Azerbaijan's initiative', 'upon Qatar's proposal':
    the state that had a gathering convened."""
    for k in range(s.start + 1, s.end):
        if an.lower[k] not in ("initiative", "proposal", "suggestion"):
            continue
        if k + 1 < s.end and an.lower[k + 1] == "of" and an.lower[k - 1] == "the" and k >= 2 and an.lower[k - 2] in ("on", "at", "upon"):
            m = next((m for m in s.mentions if m.state and k + 1 < m.start <= k + 6), None)
            if m is not None:
                return m
        for m in s.mentions:
            if m.state and m.end < k and an.lower[m.end] in ("'s", "’s") and k - m.end <= 2 and m.start > s.start and an.lower[m.start - 1] in ("at", "on", "upon"):
                return m
    return None


def agent_phrase(an: Analysis, s: Sentence) -> Mention | None:
    """'at the invitation of X', 'under the auspices of X', 'thanks to X's mediation'."""
    for k in range(s.start, s.end - 1):
        if an.lower[k] in AGENT_HEADS and an.lower[k + 1] == "of":
            for m in s.mentions:
                if m.state and k + 1 < m.start <= k + 4:
                    return m
    return None


def left_subject(an: Analysis, s: Sentence, a: int, blocked: set[int]) -> Mention | None:
    """The nearest state mention before the trigger that is not the object of a preposition."""
    best = None
    for m in s.mentions:
        if m.end > a:
            break
        if m.state is None:
            continue
        if _relative_antecedent(an, m, a):
            return m  # "... to South Africa, which will host next year's summit"
        if m.start in blocked or _inside_name(an, m, a):
            continue
        best = m
    return best


def _relative_antecedent(an: Analysis, m: Mention, a: int) -> bool:
    return an.lower[m.end:m.end + 2] in ([",", "which"], [",", "who"]) and a - m.end <= 10


NAMED_BY_CITY = frozenset({"protocol", "protocols", "treaty", "declaration", "agreement", "agreements", "accords", "accord",
                           "process", "initiative", "format", "group", "principles", "convention", "charter", "statement",
                           "communique", "communiqué", "memorandum", "agenda", "forum", "dialogue", "summit", "talks"})


def city_named(an: Analysis, m: Mention) -> bool:
    """'the Minsk agreements', 'the Astana format', 'the Paris Agreement': a capital naming a thing, not its state."""
    return m.label == "PLACE" and m.end < len(an.lower) and an.lower[m.end] in NAMED_BY_CITY


def _inside_name(an: Analysis, m: Mention, a: int) -> bool:
    """'the China-Central Asia Summit', 'the Russia-Ukraine talks': a state naming the occasion."""
    if city_named(an, m) and m.end <= a:
        return True
    between = range(m.end, a)
    if not between:
        return m.start > 0 and an.lower[m.start - 1] in ("-", "–")  # the second half: "Armenia-Azerbaijan talks"
    if (m.start > 1 and an.lower[m.start - 1] in ("-", "–") and an.doc[m.start - 2].text[:1].isupper()
            and not an.doc[m.start - 2].whitespace_ and not an.doc[m.start - 1].whitespace_):
        return True  # the second half of a compound: "the Central Asia-Japan dialogue"
    return len(between) <= 4 and an.lower[m.end] in ("-", "–") and all(
        an.doc[k].text[:1].isupper() or an.lower[k] in ("-", "–") for k in between)


REPORTING = frozenset({"said", "says", "say", "stated", "noted", "announced", "told", "added", "confirmed", "reported"})
GROUP_NOUNS = frozenset({"parties", "sides", "two", "both", "countries", "leaders", "delegations", "states", "nations", "governments"})


def reported_group(an: Analysis, s: Sentence, m: Mention, a: int) -> bool:
    """'Umerov said the parties agreed to ...': the speaker's state is not the subject of what he reports."""
    for k in range(m.end, a):
        if an.lower[k] in REPORTING:
            rest = [w for w in an.lower[k + 1:a] if w not in ("that", "the", "all")]
            return bool(rest) and rest[0] in GROUP_NOUNS and len(rest) <= 6 and not set(rest) & {",", ";", "and", "but"}
    return False


FRONTING = frozenset({"after", "following", "before", "having", "while", "when", "as", "since", "upon", "on", "in", "at",
                      "during", "with", "by", "despite", "through", "under", "alongside", "apart", "besides", "among",
                      "speaking", "addressing", "according", "for", "from", "within", "to", "amid", "given", "once", "if"})


def first_person_speaker(an: Analysis, s: Sentence, a: int) -> Mention | None:
    """'"Today we hosted both delegations," the Omani foreign minister said': 'we' is the speaker's state."""
    lo = max(s.start, a - 20)
    we = [k for k in range(lo, a) if an.lower[k] == "we"]
    if not we or any(an.lower[k] in (",", ";", ":") for k in range(we[-1], a)):
        return None  # "we hosted A and B and mediated talks": the clause's own subject
    for k in range(a, s.end):
        if an.lower[k] in REPORTING:
            near = [m for m in s.mentions if m.state and abs(m.start - k) <= 6 and m.start > a]
            return near[0] if near else None
    return None


def right_subject(an: Analysis, s: Sentence, b: int, blocked: set[int]) -> Mention | None:
    """'After closing the test site in 1991, Kazakhstan ...': the subject after a fronted clause.

    Only a clause that opens like a fronted one (a preposition, a subordinator, a participle, a quote) has its
    subject after the comma; in "Summit adopts declaration, Russia to chair ..." the comma joins two headlines.
    """
    first = an.lower[s.start]
    fronted = first in FRONTING or first.endswith("ing") or first.endswith("ed") or first in ('"', "“", "'", "‘")
    comma = None
    for k in range(b, s.end):
        if an.lower[k] == ",":
            comma = k
            break
    if comma is None:
        return None
    relative = comma + 1 < s.end and an.lower[comma + 1] in ("which", "that", "where", "whose")
    if not (fronted or relative) and not set(an.lower[comma:min(s.end, comma + 10)]) & REPORTING:
        return None  # not a fronted clause, a relative clause ("the summit, which Kazakhstan hosted") or an attribution
    for m in s.mentions:
        if m.start > comma and m.state and m.start not in blocked:
            return m if m.start - comma <= 6 else None
    return None


def anaphor(an: Analysis, s: Sentence, a: int) -> str | None:
    """'state' or 'person' when the clause before the trigger refers back: 'It hosted', 'the country's'."""
    window = " ".join(an.lower[max(s.start, a - 25):a])
    words = set(an.lower[max(s.start, a - 12):a])
    lo = max(s.start, a - 12)
    if any(an.lower[k] == "it" and an.lower[k + 1:k + 3] and an.lower[k + 1] in ("is", "was", "has", "had", "will", "would")
           and set(an.lower[k + 2:k + 4]) & EXPLETIVE for k in range(lo, a - 1)) and "its" not in words:
        words = words - {"it"}  # "it is expected to approve": no state behind the pronoun
    if words & PRONOUNS_STATE or any(p in window for p in ANAPHORS_STATE):
        return "state"
    if {"he", "she", "his", "her"} & words or any(p in window for p in ("the president", "the minister", "the leader")):
        return "person"
    if a - s.start <= 3 and an.lower[s.start] in ("also", "additionally", "moreover", "furthermore", "meanwhile"):
        return "state"
    return None


def between_parties(an: Analysis, s: Sentence) -> list[Mention]:
    """States and non-state parties in 'between X and Y' or 'among X, Y and Z'."""
    out: list[Mention] = []
    for k in range(s.start, s.end):
        if an.lower[k] in ("between", "among", "amongst"):
            first = next((m for m in s.mentions if k < m.start <= k + 3 and (m.state or m.label == "NONSTATE")), None)
            if first is not None:
                out.extend(coordinated(an, s, first))
    return out


def cue_parties(an: Analysis, s: Sentence, cues: frozenset[str]) -> list[Mention]:
    """States and non-state parties after the given cue words, with their coordinations."""
    out: list[Mention] = []
    for m in s.mentions:
        if not (m.state or m.label == "NONSTATE"):
            continue
        j = _prev_index(an, s, m.start)
        if j is not None and an.lower[j] in cues:
            out.extend(coordinated(an, s, m))
    return out


def party_codes(mentions: list[Mention], exclude: set[str], an: Analysis | None = None) -> list[str]:
    out: list[str] = []
    for m in mentions:
        if an is not None and city_named(an, m):
            continue
        code = m.state or (m.value if m.label == "NONSTATE" else None)
        if code and code not in exclude and code not in out:
            out.append(code)
    return out


def modality(an: Analysis, s: Sentence, a: int, b: int, base: str = "asserted") -> str:
    """negated, hypothetical, planned or asserted, from the words of the clause before the trigger."""
    lo = a
    while lo > s.start and an.lower[lo - 1] not in CLAUSE_BREAK and a - lo < 10:
        lo -= 1
    before = an.lower[lo:a]
    near = an.lower[max(lo, a - 5):a]
    trig = an.lower[a:b]
    if set(near) & NEGATION or set(trig[:1]) & {"declined", "refused", "rejected"} or "no" in trig or "not" in trig:
        return "negated"
    hypo = set(before) & HYPOTHETICAL
    if hypo == {"may"} and "may" not in [t.text for t in an.doc[lo:a]]:
        hypo = set()  # "May" the month
    if hypo:
        return "hypothetical"
    if base == "planned":
        return "planned"
    plan_words = set(before) & PLANNED - {"to", "offered", "offer", "offers", "proposed", "proposal", "agreed", "announced", "invited", "invitation", "set"}
    if plan_words:
        return "planned"
    if "set" in before and "to" in before:
        return "planned"
    if before[-1:] == ["to"] and lo == s.start and len(before) <= 4 and an.doc[lo].text[:1].isupper():
        return "planned"  # a headline: "Norway to host Sudan talks next week"
    if before[-2:] == ["is", "to"] or before[-2:] == ["are", "to"] or before[-3:-1] == ["to", "be"] or any(
            before[i:i + 3] in (["is", "to", w], ["are", "to", w]) for i in range(len(before) - 2) for w in ("begin", "start", "be", "resume", "meet", "take")):
        return "planned"
    return "asserted"


def amount_usd(text: str) -> float | None:
    """The first US-dollar amount in a sentence: '$1 million' -> 1000000.0."""
    m = _MONEY.search(text)
    if not m:
        return None
    num = m.group("n") or m.group("n2")
    mult = (m.group("mult") or m.group("mult2") or "").lower()
    try:
        value = float(num.replace(",", ""))
    except ValueError:
        return None
    if mult == "m" and not re.search(r"\d\s?m\b", m.group(0)):
        mult = ""
    return value * _MULT.get(mult, 1.0)
