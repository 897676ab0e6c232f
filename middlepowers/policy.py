"""Per event type: what part the acting state plays, read by the build and by the views alike.

`actor_role` says whether the actor of a summit hosted it or only took part, whether talks were
held on its soil or only under its mediation, and so on, so that a map of venues hosted and the
comparison's "venues hosted" count only the venues a state actually hosted.
"""

from __future__ import annotations

import re

ACTOR_ROLES: tuple[str, ...] = ("host", "mediator", "participant", "proposer", "chair", "donor", "signatory", "contributor")

# The role an event type gives its actor when nothing in the event says otherwise.
DEFAULT_ROLE: dict[str, str | None] = {
    "talks_hosted": "host",
    "mediation_offer": "mediator",
    "summit": "host",
    "initiative": "proposer",
    "leadership_role": "chair",
    "aid": "donor",
    "agreement": "signatory",
    "disarmament": None,  # closing a test site or giving up weapons has no counterpart role
    "peacekeeping": "contributor",
}
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
