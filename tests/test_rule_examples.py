"""Every trigger rule's own example sentences, run through the extractor: each must fire its rule
and yield an event of the type it names, read by that rule (not merely found by another one).

The examples live beside the patterns in `middlepowers/nlp/rules.py`; a rule whose patterns are
edited so that its own examples no longer fire fails here by its id."""

from __future__ import annotations

import pytest

from middlepowers import schema
from middlepowers.nlp import gazetteer, rules
from middlepowers.nlp.discourse import Discourse, _news_context
from middlepowers.nlp.extract import Extractor
from middlepowers.nlp.pipeline import analyse

PUBLISHED = "2024-06-01"
ALL_RULES = rules.RULES + rules.CODED_RULES


def _read(text: str):
    """The sentence-level events of one text (before merging) and the ids of the rules that fired."""
    an = analyse(text, PUBLISHED)
    ex, disc = Extractor(gazetteer.load()), Discourse()
    _news_context(an, disc)
    events = [e for s in an.sentences for e in ex.sentence_events(an, s, "example", disc)]
    fired = {rule for s in an.sentences for (_, rule, _, _) in s.matches}
    return events, fired


@pytest.mark.parametrize("rule, text, etype", [
    pytest.param(r, text, etype, id=f"{r.id}-{i}") for r in ALL_RULES for i, (text, etype) in enumerate(r.examples)])
def test_each_example_fires_its_rule_and_yields_its_type(rule, text, etype):
    events, fired = _read(text)
    if rule.patterns:
        assert rule.id in fired, f"{rule.id} does not match its own example"
    got = [(e.rule, e.event_type) for e in events]
    assert (rule.id, etype) in got, f"{rule.id} should yield {etype} here; the sentence gave {got}"


def test_rule_ids_are_unique_and_every_pattern_rule_has_patterns():
    ids = [r.id for r in ALL_RULES]
    assert len(ids) == len(set(ids))
    assert all(r.patterns for r in rules.RULES) and not any(r.patterns for r in rules.CODED_RULES)
    assert set(rules.RULE_BY_ID) == set(ids)


def test_rules_yield_only_contract_types_and_need_two_examples():
    assert {t for r in ALL_RULES for t in r.yields} <= set(schema.EVENT_TYPES)
    with pytest.raises(ValueError, match="outside the contract"):
        rules.Rule("x", "talks_hosted", ("rumour",), patterns=(), examples=(("a", "rumour"), ("b", "rumour")))
    with pytest.raises(ValueError, match="two or more examples"):
        rules.Rule("x", "aid", ("aid",), patterns=(), examples=(("Kazakhstan sent aid.", "aid"),))


def test_code_names_rules_only_by_checked_ids():
    assert rules.rule_ids("mediated_by") == "mediated_by"
    assert rules.rule_ids("talks_by", "eponym") == ("talks_by", "eponym")
    with pytest.raises(KeyError, match="pattern_mediated_by"):
        rules.rule_ids("pattern_mediated_by")


def test_matches_on_one_span_come_in_the_rules_order():
    # Both "Kazakhstan hosted ... talks" rules end on the same token; the order of the table decides,
    # never a hash of the rules' names, so renaming a rule cannot reorder what the extractor reads.
    an = analyse("Kazakhstan hosted talks.", PUBLISHED)
    order = {r.id: i for i, r in enumerate(rules.RULES)}
    spans = [(a, b, order[rule]) for s in an.sentences for (_, rule, a, b) in s.matches]
    assert spans and spans == sorted(spans)
