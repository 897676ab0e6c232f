"""Events from an analysed article: each sentence's candidates (classify.py) read for their
arguments (arguments.py) with the article's memory (discourse.py), then merged (merge.py).

`extract_events` is the one entry point: an analysed article in, event rows out, in text order."""

from __future__ import annotations

import copy
import re

from ..policy import policy_of
from . import context as cx
from .arguments import ArgumentReader, _attends, _eponyms, _inside_name, _recipients, _second_name, _setting_only, initiative_name
from .classify import classify
from .discourse import Discourse, _news_context
from .events import Candidate, Event
from .gazetteer import Gazetteer
from .lexicon import AID_WORDS, ATTENDANCE_WORDS, DISARM_TREATY, GATHERING_WORDS, INSTITUTION_WORDS, LEADERS_WORDS, PROCLAIM, RATIFY
from .merge import complete, fold_headlines, merge
from .pipeline import Analysis, Mention, Sentence
from .rules import rule_ids

_EPONYM, _ON_INITIATIVE = rule_ids("eponym", "convened_on_initiative")
# What a deal between two sides ends: the sides of a truce are those of the talks around it.
_TRUCE_WORDS = frozenset({"ceasefire", "truce", "armistice", "peace", "hostages", "prisoners", "swap", "exchange"})


class Extractor(ArgumentReader):
    """Turns one analysed article into events, sentence by sentence."""

    # -- events ----------------------------------------------------------------------------
    def sentence_events(self, an: Analysis, s: Sentence, article_id: str, disc: Discourse) -> list[Event]:
        blocked = cx.blocked_mentions(an, s)
        words = set(an.lower[s.start:s.end])
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
            ev = self._event(an, s, Candidate(etype, _EPONYM, m.start, k + 1), article_id, [m], "eponym", disc, blocked, actor=m.iso3)
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
            if not found and c.event_type == "agreement" and disc.summit and words & GATHERING_WORDS:
                found, how = [disc.summit.actor], "summit"  # "the summit adopted a declaration": the host's document
            if not found:
                if c.event_type == "summit":
                    keep(self._venue_host(an, s, c, article_id, disc, blocked))
                continue
            actor_mentions = [f for f in found if isinstance(f, Mention)]
            codes = [f.state if isinstance(f, Mention) else f for f in found]
            if not policy_of(c.event_type).split_co_actors and not (c.event_type == "agreement" and set(an.lower[c.start:c.end]) & RATIFY):
                codes, extra = codes[:1], actor_mentions[1:]  # each state ratifies for itself, but the first-named signs
                if actor_mentions and how == "subject":
                    # "Israel and Hamas agreed to a truce": a movement signing beside the state is a party too
                    extra += [m for m in cx.coordinated(an, s, actor_mentions[0], states_only=False)
                              if m.label == "NONSTATE" and m not in extra]
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
        # "A, B and C deposited their instruments of ratification of the TPNW": ratifying a treaty against
        # nuclear weapons is also an act for non-proliferation, by each state that ratifies.
        if any(e.event_type == "agreement" for e in events) and words & RATIFY and _disarmament_treaty(an, s, words):
            for e in [e for e in events if e.event_type == "agreement"]:
                if ("disarmament", e.actor) not in seen:
                    twin = copy.copy(e)
                    twin.event_type, twin.parties, twin.organisations = "disarmament", [], list(e.organisations)
                    seen.add(("disarmament", e.actor))
                    events.append(twin)
        # "Kazakhstan gave Kyrgyzstan aid": the recipient of a sentence's aid is not a donor in it too.
        received = {p for e in events if e.event_type == "aid" for p in e.parties}
        if any(e.event_type == "aid" for e in events):  # "aid to the population of Kazakhstan" with its donor unread
            first_aid = next((k for k in range(s.start, s.end) if an.lower[k] in AID_WORDS), s.end)
            received |= {m.state or m.iso3 or m.value for m in _recipients(an, s, set()) if m.start > first_aid}
        events = [e for e in events if not (e.event_type == "aid" and e.actor in received)]
        for e in events:
            if e.event_type == "aid":
                disc.donor = e.actor
            if e.event_type == "agreement" and e.parties and words & _TRUCE_WORDS:
                disc.sides = [e.actor, *e.parties]  # "A and B agreed to a ceasefire": the sides of the talks that follow
            if e.event_type in ("talks_hosted", "mediation_offer"):
                if e.parties:
                    disc.sides = list(e.parties)
                elif disc.sides:  # "Norway, the co-host of the round, said ...": the sides named before
                    e.parties = [p for p in disc.sides if p != e.actor]
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
                ev = self._event(an, s, Candidate("initiative", _ON_INITIATIVE, verb, verb + 1), article_id,
                                 [convener], "phrase", disc, blocked)
                if ev is not None:
                    ev.name = name
                    keep(ev)
        if convener is not None and any(e.event_type in ("summit", "talks_hosted") for e in events):
            # "On the initiative of the President of Kazakhstan, a summit was held": a meeting convened on its initiative
            keep(self._event(an, s, Candidate("initiative", _ON_INITIATIVE, convener.start, convener.end), article_id,
                             [convener], "phrase", disc, blocked))
        disc.update(an, s, blocked, [e.actor for e in events])
        return events


def _disarmament_treaty(an: Analysis, s: Sentence, words: set[str]) -> bool:
    """A treaty against nuclear weapons named in the sentence (its `words`) or in the one before it in its paragraph."""
    named = [words]
    if s.index > 0 and an.sentences[s.index - 1].paragraph == s.paragraph:
        prev = an.sentences[s.index - 1]
        named.append(set(an.lower[prev.start:prev.end]))
    return any(w & DISARM_TREATY or {"prohibition", "nuclear"} <= w for w in named)


def extract_events(an: Analysis, article_id: str, gz: Gazetteer) -> list[dict]:
    """Event rows for one analysed article, merged and in text order."""
    ex = Extractor(gz)
    disc = Discourse()
    _news_context(an, disc)
    events: list[Event] = []
    for s in an.sentences:
        events.extend(ex.sentence_events(an, s, article_id, disc))
    out = complete(an, fold_headlines(an, merge(events)))
    return [e.row() for e in out]
