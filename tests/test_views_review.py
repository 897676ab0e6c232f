"""The review queue's pure parts, on hand-made frames and texts."""

from __future__ import annotations

import pandas as pd

from middlepowers import schema
from middlepowers.reviews import _review_of
from middlepowers.views import review

TEXT = ("Talks in Almaty\n\n"
        "Kazakhstan hosted talks between Armenia and Azerbaijan in Almaty on 10 May 2024. The two sides "
        "agreed to meet again.\n\n"
        "Uzbekistan said it could host the next round <b>soon</b>.")


def ev(i, conf, reviewed=None, start=0):
    return dict(event_id=str(i), article_id="a", event_type="talks_hosted", actor="KAZ", parties=["ARM", "AZE"],
                organisations=[], evidence="x", evidence_start=start, evidence_end=start + 5, modality="asserted",
                confidence=conf, reviewed=reviewed, venue="Almaty", date_start="2024-05-10", date_precision="day")


def test_review_queue_puts_unreviewed_and_least_confident_first():
    events = schema.conform(pd.DataFrame([ev(1, 0.9), ev(2, 0.4, "accepted"), ev(3, 0.5), ev(4, 0.5, start=9)]), "events")
    assert review.queue(events)["event_id"].tolist() == ["3", "4", "1", "2"]


def test_review_evidence_is_marked_in_its_paragraph_and_escaped():
    start = TEXT.index("Uzbekistan")
    out = review.evidence_html(TEXT, start, len(TEXT))
    assert "Kazakhstan" not in out and "&lt;b&gt;soon&lt;/b&gt;" in out and "<b>" not in out
    assert out.count("<mark") == 1
    p0, p1 = review.paragraph_of(TEXT, TEXT.index("The two"), TEXT.index("again.") + 6)
    assert TEXT[p0:p1].startswith("Kazakhstan hosted") and TEXT[p0:p1].endswith("again.")


def test_review_sentences_have_their_offsets():
    sents = review.sentences(TEXT)
    assert all(TEXT[s:e] == t for s, e, t in sents)
    assert [t.split()[0] for _, _, t in sents] == ["Talks", "Kazakhstan", "The", "Uzbekistan"]


def test_review_decision_records_only_the_changes():
    e = ev(1, 0.5, start=17)
    row = review.decision(e, "a.txt", "correct", "ana", "wrong actor",
                          {"actor": "UZB", "parties": ["AZE", "ARM"], "venue": "Almaty", "date": "2024-05-10"})
    assert row["new_actor"] == "UZB" and "new_parties" not in row and "new_venue" not in row and "new_date" not in row
    parsed = _review_of({k: str(v) for k, v in row.items()}, 2)
    assert (parsed.key, parsed.actor, parsed.new) == (("a.txt", 17, 22, "talks_hosted"), "KAZ", {"actor": "UZB"})


def test_review_addition_row():
    row = review.addition("a.txt", 3, 40, "mediation_offer", "UZB", fields={"venue": "Samarkand", "parties": []})
    assert row["decision"] == "add" and row["new_venue"] == "Samarkand" and "new_parties" not in row


def test_review_is_off_unless_switched_on():
    assert not review.review_allowed({}, {}, None)
    assert review.review_allowed({"MIDDLEPOWERS_REVIEW": "1"}, {}, None)
    assert not review.review_allowed({}, {"review_password": "s3cret"}, "guess")
    assert review.review_allowed({}, {"review_password": "s3cret"}, "s3cret")
    assert not review.review_allowed({}, {"review_password": ""}, "")
