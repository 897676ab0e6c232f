"""Classification: which candidate events a sentence proposes.

Each trigger match (rules.py) becomes a typed candidate, or none: an offer's object decides what is
offered, a meeting of many states is a conference, a capitalised "Initiative" is part of a name,
a draft is no agreement; an offer shadows the act it offers."""

from __future__ import annotations

from . import context as cx
from .events import Candidate
from .lexicon import AGREEMENT_WORDS, CHAIR_NOUNS, FUNDS_WORDS, GOODS_WORDS, MEETING_NOUNS, MULTILATERAL_CUES, OFFER_AID, OFFER_SUMMIT, OFFER_TALKS, OFFER_TROOPS, TALK_NOUNS, TALK_WORDS
from .pipeline import Analysis, Sentence


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
            out.append(Candidate("talks_hosted", rule, a, b))
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


def _agent_marker(an: Analysis, s: Sentence, a: int) -> bool:
    """'at X's initiative', 'on the initiative of X', 'at the proposal of X'."""
    if an.lower[a] not in ("initiative", "proposal", "invitation", "suggestion"):
        return False
    before = an.lower[max(s.start, a - 4):a]
    return bool(before) and before[0] in ("at", "on", "upon") or (a >= 2 and an.lower[a - 2] in ("at", "on", "upon") and an.lower[a - 1] in ("the", "his", "her", "its"))
