"""Markup in articles and links stays text in a real browser, and no page fetches anything from outside."""

import csv
from urllib.parse import urlencode, urlsplit

import pytest

from test_dashboard_browser import ERRORS, TITLES, settle  # tests/browser is on sys.path (no package)

pytestmark = pytest.mark.browser

# Addresses nothing listens on: a request to either, or an element pointing at them, is a failure.
HOST = "127.0.0.1:9"
FAR = "atlas-payload.invalid"
LINK = f"[Session expired - sign in](http://{HOST}/mp-link)"
IMAGE = f"![logo](http://{HOST}/mp-image.png)"
HTML_IMAGE = f"<img src=https://{FAR}/mp-html.png>"
HEADING = "# Payload heading"
LATEX = "$x^2 + y^2$"
AUTOLINK = f"see https://{FAR}/mp-bare and www.{FAR}"
PAYLOADS = [LINK, IMAGE, HTML_IMAGE, HEADING, LATEX, AUTOLINK]

ARTICLE = ("Kazakhstan hosted talks on Syria in Astana on 23 January 2017, bringing together Russia, Turkey and Iran. "
           "Azerbaijan offered to mediate between Armenia and Iran in Baku in 2019.\n")


@pytest.fixture(scope="module")
def payload_atlas(tmp_path_factory, serve_atlas):
    """Tables the project's own build makes from articles whose metadata carry the payloads."""
    from middlepowers.build import build

    src = tmp_path_factory.mktemp("payload-articles")
    # Manifest metadata: title, source, author and a javascript: address.
    with open(src / "manifest.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["file", "title", "source", "url", "published", "author"])
        w.writerow(["a_manifest.txt", f"{HEADING} {LINK} {LATEX}", f"{HTML_IMAGE} {IMAGE}", "javascript:alert(1)",
                    "2017-01", f"{AUTOLINK} {LINK}"])
        w.writerow(["b_data.txt", "Data address", "example.org", "data:text/html,<script>alert(1)</script>",
                    "2019", ""])
    (src / "a_manifest.txt").write_text(ARTICLE * 3, encoding="utf-8")
    (src / "b_data.txt").write_text(ARTICLE * 2, encoding="utf-8")
    # An HTML page's <title> and <h1>, and a text file's first line, become titles.
    (src / "c_page.html").write_text(
        f"<html><head><title>{IMAGE} {LATEX}</title></head><body><h1>{HEADING} {LINK}</h1>"
        f"<p>{ARTICLE}</p><p>{ARTICLE}</p></body></html>", encoding="utf-8")
    (src / "d_first_line.txt").write_text(f"{HEADING} {IMAGE} {HTML_IMAGE}\n\n{ARTICLE}{ARTICLE}", encoding="utf-8")
    out = tmp_path_factory.mktemp("payload-tables")
    build(src, out)
    from middlepowers import store

    ids = list(store.read_tables(out)["articles"]["article_id"])
    with serve_atlas(out, src, tmp_path_factory.mktemp("payload-server")) as url:
        yield url, ids


def check_page(page, origin: str) -> None:
    """No element the payloads could have made: links or images elsewhere, their heading, KaTeX."""
    here = urlsplit(origin).netloc
    hrefs = page.eval_on_selector_all("a[href]", "es => es.map(e => e.href)")
    for href in hrefs:
        parts = urlsplit(href)
        assert parts.scheme in ("http", "https") and parts.netloc == here, href
        assert "mp-" not in parts.path, href
    srcs = page.eval_on_selector_all("img, image, source, iframe, video, audio",
                                     "es => es.map(e => e.src || e.getAttribute('href') || '')")
    for src in srcs:
        assert src.startswith(("data:", "blob:")) or urlsplit(src).netloc == here, src
        assert "mp-" not in src, src
    for h in page.eval_on_selector_all("h1, h2, h3, h4, h5, h6", "es => es.map(e => e.textContent.trim())"):
        assert not h.startswith("Payload heading"), h
    assert page.locator(".katex, .katex-display, math").count() == 0
    assert page.locator(ERRORS).count() == 0
    text = page.locator('[data-testid="stMain"]').inner_text()
    assert "Traceback" not in text


def test_browser_payloads_stay_text_and_nothing_is_fetched_from_outside(shared_context, payload_atlas):
    origin, ids = payload_atlas
    requests: list[str] = []
    tab = shared_context.new_page()
    tab.on("request", lambda r: requests.append(r.url))
    link = {"org": LINK, "q": IMAGE, "source": HEADING, "actor": LATEX, "type": HTML_IMAGE, "author": AUTOLINK}
    visits = [(name, {"page": name, **link}) for name in TITLES if name != "sources"]
    visits += [("sources", {"page": "sources", "article": a, "org": LINK, "modality": ""}) for a in ids]
    try:
        for name, params in visits:
            tab.goto(f"{origin}/?{urlencode(params)}")
            settle(tab, TITLES[name])
            check_page(tab, origin)
            main = tab.locator('[data-testid="stMain"]').inner_text()
            if name != "sources":
                # The notice shows the link's value as written, not as markup.
                assert LINK in main.replace("\u2060", ""), main[:500]
            else:
                assert tab.get_by_role("link", name="Open the original").count() == 0
        shown = tab.locator('[data-testid="stMain"]').inner_text().replace("\u2060", "")
        assert any(p in shown for p in PAYLOADS), "the payload titles are on the page, as text"
    finally:
        tab.close()
    here = urlsplit(origin).netloc
    outside = [u for u in requests if not u.startswith(("data:", "blob:")) and urlsplit(u).netloc != here]
    assert outside == [], outside
    assert len(ids) == 4
