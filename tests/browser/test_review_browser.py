"""The review loop in a real browser: reject, correct and add on the Review page, two reviewers at
once, `middlepowers build` again, and the pages showing the corrections; a read-only server shows
no edit control."""

import csv
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from middlepowers import store
from middlepowers.build import build

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]


def ready(page):
    page.get_by_role("heading", name="Review", exact=True).first.wait_for(timeout=30_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000)
    # and the app's own run state: the next click should not land while a rerun is still drawing
    page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for(timeout=30_000)
    # the sidebar is drawn after the page's content (sidebar.finish): wait for its last widget too
    page.locator('[data-testid="stSidebar"] [data-testid="stDownloadButton"]').last.wait_for(timeout=30_000)
    page.wait_for_timeout(600)


def rows(arts: Path) -> list[dict]:
    path = arts / "reviews.csv"
    return list(csv.DictReader(path.open(encoding="utf-8"))) if path.is_file() else []


def wait_rows(page, arts: Path, n: int) -> list[dict]:
    for _ in range(60):
        got = rows(arts)
        if len(got) >= n:
            return got
        page.wait_for_timeout(250)
    raise AssertionError(f"reviews.csv has {len(rows(arts))} rows, expected {n}")


def event_ids(page) -> list[str]:
    keys = page.locator("[class*='st-key-queued_']").evaluate_all(
        "els => els.map(e => [...e.classList].find(c => c.startsWith('st-key-queued_')))")
    return [k.removeprefix("st-key-queued_") for k in keys if k]


@pytest.fixture
def corpus(tmp_path):
    arts, out = tmp_path / "articles", tmp_path / "tables"
    shutil.copytree(ROOT / "seeds", arts)
    build(arts, out)
    return arts, out


def test_browser_review_reject_correct_add_then_rebuild(browser, browser_context_args, serve_atlas, corpus, tmp_path):
    arts, out = corpus
    before = store.read_tables(out)["events"].set_index("event_id")
    with serve_atlas(out, arts, tmp_path, {"MIDDLEPOWERS_REVIEW": "1"}) as url:
        one = browser.new_context(**browser_context_args)
        two = browser.new_context(**browser_context_args)
        try:
            a, b = one.new_page(), two.new_page()
            for p in (a, b):
                p.goto(f"{url}/Review")
                ready(p)
            ids = event_ids(a)
            assert len(ids) >= 4
            a.locator(".st-key-reviewer input").fill("Ana")
            a.locator(".st-key-reviewer input").press("Enter")
            b.locator(".st-key-reviewer input").fill("Bo")
            b.locator(".st-key-reviewer input").press("Enter")
            a.wait_for_timeout(800)
            # Two reviewers decide at the same moment, on different events.
            a.locator(f".st-key-reject_{ids[0]} button").click()
            b.locator(f".st-key-accept_{ids[3]} button").click()
            got = wait_rows(a, arts, 2)
            assert {(r["decision"], r["reviewer"]) for r in got} == {("reject", "Ana"), ("accept", "Bo")}
            ready(a)

            # Ana corrects the second event's actor.
            box = a.locator(f".st-key-queued_{ids[1]}")
            box.get_by_text("Correct this event").click()
            actor = box.get_by_label("Actor (ISO3)")
            actor.fill("UZB")
            box.get_by_role("button", name=re.compile("Save the correction")).click()
            got = wait_rows(a, arts, 3)
            assert got[-1]["decision"] == "correct" and got[-1]["new_actor"] == "UZB"
            ready(a)

            # And adds an event the extractor missed, on the first sentence offered.
            form = a.locator("[data-testid='stForm']").last  # the page's last form adds an event
            form.get_by_label("Actor (ISO3)").fill("MNG")
            form.get_by_role("button", name=re.compile("Add the event")).click()
            got = wait_rows(a, arts, 4)
            assert (got[-1]["decision"], got[-1]["actor"]) == ("add", "MNG")
        finally:
            one.close()
            two.close()

        # The command-line build applies the decisions; the running app reads the new tables.
        subprocess.run([sys.executable, "-m", "middlepowers.cli", "build", "--articles", str(arts), "--out", str(out), "-q"],
                       check=True, cwd=ROOT, timeout=300)
        after = store.read_tables(out)["events"]
        assert ids[0] not in set(after["event_id"])
        assert {"UZB", "MNG"} <= set(after["actor"])
        context = browser.new_context(**browser_context_args)
        try:
            page = context.new_page()
            for path, main in (("Map", '[data-testid="stDeckGlJsonChart"] canvas'), ("Timeline", ".js-plotly-plot .main-svg")):
                page.goto(f"{url}/{path}?reviewed=1")
                page.locator(main).first.wait_for(timeout=30_000)
                page.get_by_text(re.compile(r"^3 of \d+ events match the filters")).wait_for(timeout=30_000)
            page.goto(f"{url}/Review?reviewed=1&actor=UZB")
            ready(page)
            page.get_by_text("Reviewed: corrected").wait_for(timeout=20_000)
            page.goto(f"{url}/?reviewed=1&actor=MNG")
            page.get_by_text(re.compile(r"^1 of \d+ events match the filters")).wait_for(timeout=30_000)
        finally:
            context.close()
    assert ids[0] in before.index


def test_browser_review_read_only_shows_no_edit_control(page, serve_atlas, corpus, tmp_path):
    arts, out = corpus
    with serve_atlas(out, arts, tmp_path, {"MIDDLEPOWERS_REVIEW": ""}) as url:
        page.goto(f"{url}/Review")
        ready(page)
        page.get_by_text("Read-only", exact=False).first.wait_for(timeout=20_000)
        assert event_ids(page), "the queue is shown"
        for label in ("Accept", "Reject", "Save the correction", "Add the event"):
            assert page.get_by_role("button", name=re.compile(label)).count() == 0, label
        assert page.locator(".st-key-reviewer").count() == 0
    assert not rows(arts)
