"""Per event type, in one table: what part the acting state plays, whether it hosts where no place
is named, who else takes part, and what tells two occasions of the type apart. Read by the
extractor (arguments, merging) and by the views alike.

`actor_role` says whether the actor of a summit hosted it or only took part, whether talks were
held on its soil or only under its mediation, and so on, so that a map of venues hosted and the
comparison's "venues hosted" count only the venues a state actually hosted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .schema import EVENT_TYPES

ACTOR_ROLES: tuple[str, ...] = ("host", "mediator", "participant", "proposer", "chair", "donor", "signatory", "contributor")



@dataclass(frozen=True)
class TypePolicy:
    """What one event type means for its actor, its venue, its parties and its occasions."""

    event_type: str
    # the role its actor plays when nothing in the event says otherwise
    default_role: str | None
    # with no place named, the actor's own country is the venue ("Kazakhstan hosted the talks")
    hosts: bool
    # "A and B hosted the talks": one event per co-actor; where False (signing) the first-named
    # acts and the others are its parties
    split_co_actors: bool
    # whether the co-actors of a split event stay out of each other's parties (a handover's other
    # side is a party: "the chairmanship passed from A to B")
    co_actors_not_parties: bool
    # with no "between A and B", the states after these words are the parties
    party_cues: frozenset[str]
    # every state the sentence names takes part ("the leaders of A, B and C gathered in X")
    sentence_states_attend: bool
    # event fields whose disjoint values make two occasions of this type in one article, beside
    # the venue, the dates, the amount and the modality, which part every type:
    # "name" (two initiatives), "organisations" (two bodies' summits), "parties" (talks between
    # other sides), "planned" (the summit held and the next one to come)
    distinct_by: frozenset[str]


_TALK_CUES = frozenset({"with", "on", "over", "about", "of", "to", "and", "from"})
_SIGN_CUES = frozenset({"with", "to"})


def _policy(event_type: str, default_role: str | None, *, hosts: bool = False, split: bool = True, co_parties: bool = False,
            cues: frozenset[str] = frozenset(), attend: bool = False, distinct: tuple[str, ...] = ()) -> TypePolicy:
    return TypePolicy(event_type, default_role, hosts, split, split and not co_parties, cues, attend, frozenset(distinct))


POLICY: dict[str, TypePolicy] = {p.event_type: p for p in (
    _policy("talks_hosted", "host", hosts=True, cues=_TALK_CUES, distinct=("parties",)),
    _policy("mediation_offer", "mediator", cues=_TALK_CUES, distinct=("parties",)),
    _policy("summit", "host", hosts=True, cues=_SIGN_CUES, attend=True, distinct=("organisations", "planned")),
    _policy("initiative", "proposer", distinct=("name",)),
    _policy("leadership_role", "chair", co_parties=True, cues=frozenset({"with", "to", "from"}),
            distinct=("organisations", "planned")),
    _policy("aid", "donor", cues=frozenset({"with", "to", "in", "for"}), distinct=("organisations",)),
    _policy("agreement", "signatory", split=False, cues=_SIGN_CUES, distinct=("organisations", "parties")),
    # closing a test site or giving up weapons has no counterpart role
    _policy("disarmament", None),
    _policy("peacekeeping", "contributor"),
)}
if tuple(POLICY) != EVENT_TYPES:
    raise RuntimeError("policy.POLICY must hold one entry per contract event type, in schema.EVENT_TYPES order")

# Candidate kinds the extractor reads before they become a contract type: a meeting whose venue's
# state hosted it is talks hosted.
_CANDIDATE_TYPES = {"talks_meeting": "talks_hosted"}


def policy_of(event_type: str) -> TypePolicy:
    """The policy of a contract event type, or of the type an internal candidate kind becomes."""
    return POLICY[_CANDIDATE_TYPES.get(event_type, event_type)]


HOSTING_TYPES: frozenset[str] = frozenset(t for t, p in POLICY.items() if p.hosts)
DEFAULT_ROLE: dict[str, str | None] = {t: p.default_role for t, p in POLICY.items()}
# Roles that mean the actor's territory held the occasion: what the map draws as a hosted venue.
HOSTING_ROLES: frozenset[str] = frozenset({"host"})

_MEDIATING = re.compile(r"\b(mediat\w*|facilitat\w*|brokered|broker|shuttle|indirect|auspices|good offices)\b", re.I)
_HOSTING = re.compile(r"\b(host\w*|convene[sd]?|convening|organi[sz]e[sd]?|welcomed?|gather\w*)\b", re.I)
_SIGNING = re.compile(r"\b(sign\w*|ratif\w*|accede\w*|accession|join\w*)\b", re.I)


def actor_role(event_type: str, actor: str | None, venue_country: str | None, trigger: str | None = None,
               evidence: str | None = None) -> str | None:
    """The actor's part in one event, from its type, its venue's country and the trigger words."""
    if actor is None:
        return None
    cue = " ".join(x for x in (trigger, evidence) if isinstance(x, str))
    if event_type == "talks_hosted":
        # Talks elsewhere under its mediation (Qatar's talks in Istanbul) are mediated, not hosted.
        if isinstance(venue_country, str) and venue_country != actor:
            return "mediator"
        if not isinstance(venue_country, str) and _MEDIATING.search(trigger or ""):
            return "mediator"
        return "host"
    if event_type == "summit":
        if isinstance(venue_country, str):
            return "host" if venue_country == actor else "participant"
        return "host" if _HOSTING.search(trigger or "") else "participant"
    if event_type == "disarmament":
        return "signatory" if _SIGNING.search(trigger or cue) else None
    return DEFAULT_ROLE.get(event_type)
