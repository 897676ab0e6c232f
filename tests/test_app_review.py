"""The Review page under AppTest: read-only by default, decisions written to reviews.csv when
reviewing is on, applied by a rebuild, and the "reviewed only" filter and Overview share."""

import csv
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from middlepowers import store
from middlepowers.build import build

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
REVIEW = "pages/6_Review.py"
TIMEOUT = 90


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    """A copy of the seed articles and their tables, which the app reads and reviews."""
    arts, out = tmp_path / "articles", tmp_path / "tables"
    shutil.copytree(ROOT / "seeds", arts)
    build(arts, out)
    monkeypatch.setenv("MIDDLEPOWERS_ARTICLES", str(arts))
    monkeypatch.setenv("MIDDLEPOWERS_DATA", str(out))
    monkeypatch.delenv("MIDDLEPOWERS_REVIEW", raising=False)
    return arts, out


def review_page(params=None, secrets=None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for k, v in (secrets or {}).items():
        at.secrets[k] = v
    for k, v in (params or {}).items():
        at.query_params[k] = v
    at.run()
    at.switch_page(REVIEW).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def rows(arts: Path) -> list[dict]:
    path = arts / "reviews.csv"
    return list(csv.DictReader(path.open(encoding="utf-8"))) if path.is_file() else []


def buttons(at: AppTest, prefix: str) -> list:
    return [b for b in at.button if (b.key or "").startswith(prefix)]


def test_review_read_only_shows_the_queue_and_no_edit_control(corpus):
    arts, out = corpus
    at = review_page()
    assert at.title[0].value == "Review"
    assert any("Read-only" in i.value for i in at.info)
    assert at.get("html"), "the evidence of the queue is shown"
    assert not buttons(at, "accept_") and not buttons(at, "reject_")
    assert not any(t.key == "reviewer" for t in at.text_input)
    assert not any(s.key == "add_article" for s in at.selectbox)
    assert not rows(arts)


def test_review_queue_puts_the_least_confident_first(corpus):
    arts, out = corpus
    events = store.read_tables(out)["events"]
    at = review_page()
    first = at.get("html")[0].proto.body
    weakest = events.sort_values(["confidence", "article_id", "evidence_start"]).iloc[0]
    assert weakest["evidence"][:40] in first.replace("&#x27;", "'").replace("&quot;", '"')


def test_review_decisions_are_written_and_applied_by_a_rebuild(corpus, monkeypatch):
    arts, out = corpus
    monkeypatch.setenv("MIDDLEPOWERS_REVIEW", "1")
    before = store.read_tables(out)["events"]
    at = review_page()
    at.text_input(key="reviewer").input("Ana").run()
    reject = buttons(at, "reject_")[0]
    rejected_id = reject.key.removeprefix("reject_")
    reject.click().run()
    assert not at.exception
    (row,) = rows(arts)
    gone = before.set_index("event_id").loc[rejected_id]
    assert (row["decision"], row["reviewer"], int(row["evidence_start"]), row["event_type"]) == (
        "reject", "Ana", int(gone["evidence_start"]), gone["event_type"])

    # Correct the next event's actor through its form.
    corrected_id = buttons(at, "accept_")[1].key.removeprefix("accept_")
    form = f"correct_{corrected_id}"
    actor = next(t for t in at.text_input if t.label == "Actor (ISO3)" and form in str(t.form_id))
    actor.input("UZB")
    next(b for b in at.button if b.label == "Save the correction" and form in str(b.form_id)).click().run()
    assert not at.exception
    assert rows(arts)[-1]["decision"] == "correct" and rows(arts)[-1]["new_actor"] == "UZB"

    # Add an event on a chosen sentence.
    at.selectbox(key="add_sentence").select_index(1).run()
    add_actor = next(t for t in at.text_input if t.label == "Actor (ISO3)" and "add_event" in str(t.form_id))
    add_actor.input("MNG")
    next(b for b in at.button if b.label == "Add the event").click().run()
    assert not at.exception
    added = rows(arts)[-1]
    assert (added["decision"], added["actor"], added["reviewer"]) == ("add", "MNG", "Ana")

    # The decisions show as written, and apply when a reviewer asks.
    assert store.read_tables(out)["events"].shape[0] == before.shape[0], "no rebuild before it is asked for"
    next(b for b in at.button if b.label == "Apply the decisions").click().run()
    assert not at.exception
    after = store.read_tables(out)["events"]
    assert rejected_id not in set(after["event_id"])
    assert "MNG" in set(after["actor"]) and "UZB" in set(after["actor"])
    assert after["reviewed"].notna().sum() == 2  # the correction and the addition

    # "Reviewed only" keeps them, from a link too; the Overview counts them.
    at = review_page({"reviewed": "1"})
    assert at.sidebar.toggle(key="wf_reviewed").value is True
    assert any("2 events match" in c.value for c in at.caption)
    ov = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    metric = next(m for m in ov.metric if m.label == "Reviewed")
    assert metric.value == "2"


def test_review_a_malformed_reviewed_parameter_is_a_notice(corpus):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["reviewed"] = "maybe"
    at.run()
    assert any("reviewed" in w.value and "ignored" in w.value for w in at.warning), [w.value for w in at.warning]
    assert at.sidebar.toggle(key="wf_reviewed").value is False


def test_review_password_from_secrets_unlocks_the_controls(corpus):
    arts, out = corpus
    at = review_page(secrets={"review_password": "s3cret"})
    assert not buttons(at, "reject_")
    at.text_input(key="review_password").input("wrong").run()
    assert not buttons(at, "reject_")
    at.text_input(key="review_password").input("s3cret").run()
    assert buttons(at, "reject_")
