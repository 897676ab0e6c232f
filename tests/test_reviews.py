"""Review decisions: appended safely, applied by the build after any rule change, and turned into
gold for `evaluate --reviews`."""

from __future__ import annotations

import csv
import multiprocessing as mp
from pathlib import Path

import pytest

from middlepowers import build as build_mod
from middlepowers import store
from middlepowers.build import build, is_current
from middlepowers.cli import main
from middlepowers.evaluate import evaluate_reviews
from middlepowers.reviews import COLUMNS, REVIEWS, ReviewError, append_review, read_reviews

ARTICLE = ("Talks in Almaty\n\n"
           "Kazakhstan hosted talks between Armenia and Azerbaijan in Almaty on 10 May 2024.\n\n"
           "Azerbaijan sent humanitarian aid to Türkiye after the earthquake in February 2023.\n\n"
           "Uzbekistan later said it was ready to welcome a further round of negotiations in Samarkand.\n")


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "articles"
    d.mkdir()
    (d / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    build(d, out)
    return d, out, store.read_tables(out)


def _event(tables, etype):
    ev = tables["events"]
    return ev[ev["event_type"] == etype].iloc[0]


def _key(e, **kw):
    return {"file": "a.txt", "evidence_start": int(e["evidence_start"]), "evidence_end": int(e["evidence_end"]),
            "event_type": e["event_type"], "actor": e["actor"], "reviewer": "tester", **kw}


def test_reviews_file_has_one_row_per_decision_with_who_and_when(corpus):
    arts, _, tables = corpus
    e = _event(tables, "talks_hosted")
    append_review(arts, _key(e, decision="accept", note="checked against the\nministry's statement"))
    append_review(arts, _key(e, decision="reject"))
    with (arts / REVIEWS).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(COLUMNS) and [r["decision"] for r in rows] == ["accept", "reject"]
    assert rows[0]["reviewer"] == "tester" and rows[0]["reviewed_at"][:4].isdigit()
    assert rows[0]["note"] == "checked against the ministry's statement"  # one line per decision


@pytest.mark.parametrize("bad, needle", [
    ({"decision": "maybe"}, "not one of"),
    ({"decision": "correct", "new_event_type": "party"}, "unknown event type"),
    ({"decision": "correct", "new_date": "May 2024"}, "not YYYY"),
    ({"decision": "correct", "new_modality": "rumoured"}, "unknown modality"),
    ({"decision": "accept", "evidence_end": 0}, "no evidence span"),
])
def test_reviews_malformed_decisions_are_refused(corpus, bad, needle):
    arts, _, tables = corpus
    with pytest.raises(ReviewError, match=needle):
        append_review(arts, {**_key(_event(tables, "talks_hosted")), **bad})
    assert not (arts / REVIEWS).exists()


def test_reviews_build_applies_reject_correct_accept_and_add(corpus):
    arts, out, tables = corpus
    talks, aid = _event(tables, "talks_hosted"), _event(tables, "aid")
    text = tables["articles"].iloc[0]["text"]
    start = text.index("Uzbekistan later")
    end = text.index("Samarkand.") + len("Samarkand.")
    append_review(arts, _key(aid, decision="reject", note="a private charity, not the state"))
    append_review(arts, _key(talks, decision="correct", new_actor="UZB", new_venue="Tashkent", new_date="2024-05"))
    append_review(arts, {"file": "a.txt", "evidence_start": start, "evidence_end": end, "event_type": "mediation_offer",
                         "actor": "UZB", "decision": "add", "new_venue": "Samarkand", "new_modality": "planned"})
    assert not is_current(arts, out)  # the decisions are an input: the dashboard rebuilds
    build(arts, out)
    ev = store.read_tables(out)["events"]
    assert (ev["event_type"] == "aid").sum() == 0
    fixed = ev[ev["event_type"] == "talks_hosted"].iloc[0]
    assert (fixed["actor"], fixed["venue"], fixed["venue_country"], fixed["date_start"], fixed["date_precision"]) == \
        ("UZB", "Tashkent", "UZB", "2024-05-01", "month")
    assert fixed["reviewed"] == "corrected" and fixed["actor_role"] == "host" and fixed["lat"] == pytest.approx(41.3, abs=0.2)
    added = ev[ev["reviewed"] == "added"].iloc[0]
    assert (added["event_type"], added["actor"], added["venue"], added["modality"]) == ("mediation_offer", "UZB", "Samarkand", "planned")
    assert added["evidence"] == text[start:end]
    assert set(ev.loc[ev["reviewed"].isna(), "event_type"]) <= {"talks_hosted", "aid", "mediation_offer"} - {"aid"}


def test_reviews_latest_decision_wins(corpus):
    arts, out, tables = corpus
    aid = _event(tables, "aid")
    append_review(arts, _key(aid, decision="reject"))
    append_review(arts, _key(aid, decision="accept", note="on second thought"))
    build(arts, out)
    ev = store.read_tables(out)["events"]
    assert ev.loc[ev["event_type"] == "aid", "reviewed"].tolist() == ["accepted"]


def test_reviews_still_apply_after_the_rules_change(corpus, monkeypatch):
    # Decisions are keyed by file, offsets and type: a rule renamed (new event ids and triggers)
    # or an actor read differently still finds its event.
    arts, out, tables = corpus
    aid = _event(tables, "aid")
    append_review(arts, _key(aid, decision="correct", new_parties=["TUR", "SYR"]))
    real = build_mod.process_article

    def changed_rules(art):
        row, events, orgs = real(art)
        for e in events:
            e["event_id"], e["trigger"] = "renamed-" + e["event_id"], "other words"
            if e["event_type"] == "aid":
                e["actor"] = "TUR"  # the new rules read the actor differently
        return row, events, orgs

    monkeypatch.setattr(build_mod, "process_article", changed_rules)
    res = build(arts, out)
    ev = store.read_tables(out)["events"]
    fixed = ev[ev["event_type"] == "aid"].iloc[0]
    assert fixed["reviewed"] == "corrected" and sorted(fixed["parties"]) == ["SYR", "TUR"]
    assert not [w for w in res.warnings if REVIEWS in w]


def test_reviews_that_find_no_event_warn_and_build(corpus):
    arts, out, tables = corpus
    append_review(arts, {"file": "a.txt", "evidence_start": 1, "evidence_end": 5, "event_type": "summit",
                         "actor": "KAZ", "decision": "reject"})
    res = build(arts, out)
    assert any(REVIEWS in w and "not applied" in w for w in res.warnings)
    assert len(store.read_tables(out)["events"]) == len(tables["events"])


def _append_many(args):
    arts, worker = args
    for i in range(40):
        append_review(arts, {"file": "a.txt", "evidence_start": i, "evidence_end": i + 1, "event_type": "aid",
                             "actor": "AZE", "decision": "accept", "reviewer": f"reviewer-{worker}"})


def test_reviews_concurrent_reviewers_keep_every_decision(corpus):
    arts = corpus[0]
    ctx = mp.get_context("fork")
    with ctx.Pool(2) as pool:
        pool.map(_append_many, [(arts, 1), (arts, 2)])
    reviews, warnings = read_reviews(arts / REVIEWS)
    assert warnings == [] and len(reviews) == 80
    assert {r.reviewer for r in reviews} == {"reviewer-1", "reviewer-2"}


def test_reviews_evaluate_scores_the_extractor_on_a_reviewed_corpus(corpus, capsys):
    arts, _, tables = corpus
    talks, aid = _event(tables, "talks_hosted"), _event(tables, "aid")
    n_other = len(tables["events"]) - 2
    append_review(arts, _key(talks, decision="accept"))
    append_review(arts, _key(aid, decision="reject"))
    text = tables["articles"].iloc[0]["text"]
    start = text.index("Uzbekistan later")
    append_review(arts, {"file": "a.txt", "evidence_start": start, "evidence_end": len(text), "event_type": "summit",
                         "actor": "UZB", "decision": "add"})
    s = evaluate_reviews(arts / REVIEWS, arts)
    # Gold: the accepted talks and the added summit. The rejected aid and any unreviewed
    # extraction in the reviewed article count against precision.
    assert (s.tp, s.fn) == (1, 1) and s.fp == 1 + n_other
    assert main(["evaluate", "--reviews", str(arts / REVIEWS), "--articles", str(arts)]) == 0
    assert "precision" in capsys.readouterr().out


def test_reviews_evaluate_without_a_reviews_file_is_one_line(tmp_path, capsys):
    assert main(["evaluate", "--reviews", str(tmp_path / "none.csv"), "--articles", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: reviews file") and "\n" not in err
