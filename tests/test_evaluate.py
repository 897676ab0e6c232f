"""Scoring: one-to-one matching per article, venue and date accuracy, counts per type."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from middlepowers.errors import GoldError
from middlepowers.evaluate import load_gold, score

ARTICLES = pd.DataFrame({"article_id": ["a1", "a2"], "file": ["one.txt", "two.txt"]})


def pred(event_type="talks_hosted", actor="KAZ", venue=None, date=None, precision=None, article="a1",
         organisations=(), parties=()):
    if date is not None and precision is None:
        precision = {4: "year", 7: "month", 10: "day"}[len(date)]
        date = {4: f"{date}-01-01", 7: f"{date}-01"}.get(len(date), date)
    return {"article_id": article, "event_type": event_type, "actor": actor, "venue": venue, "date_start": date,
            "date_precision": precision, "organisations": list(organisations), "parties": list(parties), "evidence": "..."}


def gold(event_type="talks_hosted", actor="KAZ", venue=None, date=None, file="one.txt", organisations=(), parties=()):
    return {"file": file, "event_type": event_type, "actor": actor, "venue_city": venue, "venue_country": None,
            "date": date, "organisations": list(organisations), "parties": list(parties), "evidence": "..."}


def run(preds, golds):
    # dtype=object keeps missing values as None, as in the tables read from Parquet.
    return score(pd.DataFrame(preds, dtype=object), ARTICLES, golds)


# --- matching -----------------------------------------------------------------------------------


def test_evaluate_exact_match_is_one_true_positive():
    s = run([pred(venue="Almaty", date="2024-05-10")], [gold(venue="Almaty", date="2024-05-10")])
    assert (s.tp, s.fp, s.fn) == (1, 0, 0)
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)
    assert (s.venue_accuracy, s.date_accuracy) == (1.0, 1.0)


def test_evaluate_matching_is_one_to_one():
    # Two predictions of one gold event: one match, one false positive.
    s = run([pred(), pred()], [gold()])
    assert (s.tp, s.fp, s.fn) == (1, 1, 0)
    # Two gold events and one prediction: one match, one false negative.
    s = run([pred()], [gold(), gold()])
    assert (s.tp, s.fp, s.fn) == (1, 0, 1)


@pytest.mark.parametrize("field, value", [("event_type", "summit"), ("actor", "AZE")])
def test_evaluate_type_and_actor_must_both_agree(field, value):
    p = pred(venue="Almaty")
    p[field] = value
    s = run([p], [gold(venue="Almaty")])
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)


def test_evaluate_matches_only_within_the_same_article():
    s = run([pred(article="a2")], [gold(file="one.txt")])
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)
    s = run([pred(article="a2")], [gold(file="two.txt")])
    assert (s.tp, s.fp, s.fn) == (1, 0, 0)


def test_evaluate_tie_broken_by_venue():
    s = run([pred(venue="Baku"), pred(venue="Almaty")], [gold(venue="Almaty")])
    assert (s.tp, s.fp) == (1, 1)
    assert s.venue_accuracy == 1.0


def test_evaluate_tie_broken_by_date():
    s = run([pred(date="2023-05-10"), pred(date="2024-05-10")], [gold(date="2024-05")])
    assert (s.tp, s.fp) == (1, 1)
    assert s.date_accuracy == 1.0


def test_evaluate_two_occasions_pair_up_by_venue_and_date():
    preds = [pred(venue="Baku", date="2023-10"), pred(venue="Almaty", date="2024-05-10")]
    golds = [gold(venue="Almaty", date="2024-05"), gold(venue="Baku", date="2023-10-12")]
    s = run(preds, golds)
    assert (s.tp, s.fp, s.fn) == (2, 0, 0)
    assert s.venue_accuracy == 1.0
    # The Baku prediction is month precision, coarser than the day-precision gold.
    assert (s.date_hits, s.date_total) == (1, 2)


def test_evaluate_more_specific_gold_picks_first():
    # The only Almaty prediction must go to the gold that names Almaty, not to the vaguer gold.
    preds = [pred(venue="Almaty", date="2024-05-10"), pred()]
    golds = [gold(), gold(venue="Almaty", date="2024-05-10")]
    s = run(preds, golds)
    assert s.tp == 2
    assert (s.venue_hits, s.venue_total, s.date_hits, s.date_total) == (1, 1, 1, 1)


# --- dates ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "pred_date, precision, gold_date, ok",
    [
        ("2024-05-10", "day", "2024-05-10", True),
        ("2024-05-11", "day", "2024-05-10", False),
        ("2024-05-10", "day", "2024-05", True),
        ("2024-05-01", "month", "2024-05", True),
        ("2024-06-01", "month", "2024-05", False),
        ("2024-01-01", "year", "2024-05", False),  # a year does not count for a month gold
        ("2024-05-01", "month", "2024-05-10", False),  # nor a month for a day gold
        ("2024-01-01", "year", "2024", True),
        ("2024-09-12", "day", "2024", True),
        ("2023-12-31", "day", "2024", False),
        (None, None, "2024", False),
    ],
)
def test_evaluate_date_at_gold_precision_and_not_coarser(pred_date, precision, gold_date, ok):
    s = run([pred(date=pred_date, precision=precision)], [gold(date=gold_date)])
    assert s.tp == 1
    assert (s.date_hits, s.date_total) == (int(ok), 1)


def test_evaluate_gold_without_date_is_not_counted():
    s = run([pred(date="2024-05-10")], [gold(date=None)])
    assert s.date_total == 0 and s.date_accuracy is None


# --- venues -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "pred_venue, gold_venue, ok",
    [
        ("Geneva", "Geneva", True),
        ("Genève", "Geneve", True),
        ("Geneve", "Genève", True),
        ("Nur-Sultan", "Nur Sultan", True),
        ("sao tome", "São Tomé", True),
        ("Almaty", "Astana", False),
        (None, "Astana", False),
    ],
)
def test_evaluate_venue_accent_and_case_insensitive(pred_venue, gold_venue, ok):
    s = run([pred(venue=pred_venue)], [gold(venue=gold_venue)])
    assert (s.venue_hits, s.venue_total) == (int(ok), 1)


def test_evaluate_gold_without_city_is_not_counted_for_venue():
    s = run([pred(venue="Astana")], [gold(venue=None)])
    assert s.venue_total == 0 and s.venue_accuracy is None


# --- counts ----------------------------------------------------------------------------------------


def test_evaluate_unmatched_are_false_positives_and_negatives():
    preds = [pred(), pred(event_type="aid", actor="AZE"), pred(event_type="summit", actor="UZB", article="a2")]
    golds = [gold(), gold(event_type="agreement", actor="TUR"), gold(event_type="summit", actor="UZB", file="two.txt"),
             gold(event_type="peacekeeping", actor="KAZ", file="three.txt")]
    s = run(preds, golds)
    assert (s.tp, s.fp, s.fn) == (2, 1, 2)
    assert s.precision == pytest.approx(2 / 3)
    assert s.recall == pytest.approx(2 / 4)
    assert s.f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert any(e.startswith("missed") and "three.txt" in e for e in s.errors)
    assert any(e.startswith("extra") and "aid AZE" in e for e in s.errors)


def test_evaluate_counts_per_type():
    preds = [pred(), pred(), pred(event_type="aid", actor="AZE"), pred(event_type="summit")]
    golds = [gold(), gold(event_type="aid", actor="AZE"), gold(event_type="aid", actor="KAZ")]
    s = run(preds, golds)
    assert s.by_type == {"talks_hosted": [1, 1, 0], "aid": [1, 0, 1], "summit": [0, 1, 0]}
    d = s.as_dict()["by_type"]
    assert d["aid"] == {"tp": 1, "fp": 0, "fn": 1}
    assert sum(v[0] for v in s.by_type.values()) == s.tp
    assert sum(v[1] for v in s.by_type.values()) == s.fp
    assert sum(v[2] for v in s.by_type.values()) == s.fn


def test_evaluate_organisation_and_party_recall():
    s = run([pred(organisations=["SCO"], parties=["ARM", "AZE", "RUS"])],
            [gold(organisations=["SCO", "CICA"], parties=["ARM", "AZE"])])
    assert s.organisation_recall == 0.5
    assert s.party_recall == 1.0


def test_evaluate_empty_inputs():
    s = score(pd.DataFrame(columns=["article_id", "event_type", "actor"]), ARTICLES, [])
    assert (s.tp, s.fp, s.fn, s.precision, s.recall, s.f1) == (0, 0, 0, 0.0, 0.0, 0.0)
    s = score(pd.DataFrame(columns=["article_id", "event_type", "actor"]), ARTICLES, [gold()])
    assert (s.fn, s.recall) == (1, 0.0)


# --- gold files -------------------------------------------------------------------------------------


def test_evaluate_load_gold_reads_a_list(tmp_path):
    p = tmp_path / "g.json"
    p.write_text(json.dumps([gold()]), encoding="utf-8")
    assert load_gold(p) == [gold()]


@pytest.mark.parametrize("content", ["", "[", '{"a": 1}', '[{"file": "x"}]', "[1, 2]"])
def test_evaluate_load_gold_rejects_malformed(tmp_path, content):
    p = tmp_path / "g.json"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(GoldError) as exc:
        load_gold(p)
    assert "\n" not in str(exc.value) and "g.json" in str(exc.value)


def test_evaluate_load_gold_missing_file(tmp_path):
    with pytest.raises(GoldError) as exc:
        load_gold(tmp_path / "absent.json")
    assert "absent.json" in str(exc.value)


def test_evaluate_missing_venue_as_nan_is_a_miss_not_a_crash():
    import pandas as pd

    from middlepowers.evaluate import score

    events = pd.DataFrame([{"article_id": "a", "event_type": "summit", "actor": "AZE", "venue": float("nan"), "date_start": None,
                            "date_precision": None, "parties": [], "organisations": [], "evidence": "x"}])
    articles = pd.DataFrame([{"article_id": "a", "file": "a.txt"}])
    gold = [{"file": "a.txt", "event_type": "summit", "actor": "AZE", "venue_city": "Baku", "date": None}]
    s = score(events, articles, gold)
    assert (s.tp, s.venue_hits, s.venue_total) == (1, 0, 1)


def test_evaluate_errors_name_missing_parties_and_organisations():
    s = run([pred(parties=["RUS"], organisations=["SCO"])],
            [gold(parties=["RUS", "UKR"], organisations=["SCO"])])
    assert (s.party_hits, s.party_total) == (1, 2)
    assert [e for e in s.errors if e.startswith("party")] == ["party  one.txt talks_hosted KAZ: got ['RUS'], gold ['RUS', 'UKR']"]
    assert not [e for e in s.errors if e.startswith("org")]
