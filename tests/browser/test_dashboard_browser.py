"""What only a browser shows: pages load clean, the map canvas and plotly draw, links restore views."""

import re

import pytest

pytestmark = pytest.mark.browser

PAGES = [("overview", ""), ("map", "Map"), ("timeline", "Timeline"), ("compare", "Compare"),
         ("organisations", "Organisations"), ("sources", "Sources")]
TITLES = {"overview": "Middle Powers Atlas", "map": "Map of mediation venues", "timeline": "Timeline",
          "compare": "Kazakhstan versus Azerbaijan", "organisations": "Organisations", "sources": "Sources"}
ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"]'


def settle(page, title: str) -> None:
    """Wait for the page's title, then for the script run to finish."""
    page.get_by_role("heading", name=title, exact=True).first.wait_for(timeout=30_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000)
    # The sidebar's widgets are drawn after the page's main chart (sidebar.finish): wait for its last one.
    page.locator('[data-testid="stSidebar"] [data-testid="stDownloadButton"]').last.wait_for(timeout=30_000)
    page.wait_for_timeout(800)


# Opened at a page's own path (/Map), Streamlit's frontend first probes /Map/_stcore/health and
# /Map/_stcore/host-config to find its base path; those two 404s are expected, nothing else is.
_PROBES = re.compile(r"/[^/]+/_stcore/(health|host-config)$")


def open_page(page, url: str) -> list[str]:
    """Go to url and collect console errors, failed requests and error responses."""
    problems: list[str] = []

    def on_console(m):
        # A failed resource is reported by the response handler with its URL, which says more.
        if m.type == "error" and not m.text.startswith("Failed to load resource"):
            problems.append(f"console: {m.text}")

    def on_response(r):
        if r.status >= 400 and not (r.status == 404 and _PROBES.search(r.url.split("?")[0])):
            problems.append(f"{r.status} {r.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    page.on("response", on_response)
    page.goto(url)
    return problems


def screenshot(page, path: str) -> None:
    """The whole page: Streamlit scrolls inside its main block, so grow the window to fit it first."""
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": 1440, "height": min(max(int(height), 1000), 6000)})
    page.wait_for_timeout(1200)
    page.screenshot(path=path)


@pytest.mark.parametrize("name, path", PAGES)
def test_browser_each_page_loads_without_errors(page, atlas_url, output_path, name, path):
    console = open_page(page, f"{atlas_url}/{path}")
    settle(page, TITLES[name])
    if name in ("map", "organisations"):
        canvas = page.locator('[data-testid="stDeckGlJsonChart"] canvas').first
        canvas.wait_for(timeout=20_000)
        # a new canvas has the browser's default 300 x 150 until deck.gl sizes it to its container
        page.wait_for_function("""() => { const c = document.querySelector('[data-testid="stDeckGlJsonChart"] canvas');
                                          return c && c.clientWidth > 300 && c.clientHeight > 300; }""", timeout=20_000)
        box = canvas.bounding_box()
        assert box["width"] > 300 and box["height"] > 300
    if name in ("timeline", "compare"):
        page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=20_000)
        page.wait_for_timeout(500)
    if name == "organisations":  # the summary table with in-cell bars, and the members list beside the map
        assert page.locator('[data-testid="stDataFrame"]').count() >= 2
    if name == "timeline":
        assert page.locator(".js-plotly-plot").count() >= 2  # the timeline and the yearly counts
    screenshot(page, f"{output_path}/{name}.png")
    assert page.locator(ERRORS).count() == 0
    assert console == []


def test_browser_link_with_org_opens_with_it_selected(page, atlas_url, output_path):
    open_page(page, f"{atlas_url}/Map?org=SCO")
    settle(page, TITLES["map"])
    tags = page.locator('[data-testid="stSidebar"] [data-tag]')
    tags.filter(has_text="SCO").first.wait_for(timeout=20_000)
    assert "SCO" in tags.all_inner_texts()
    assert "Shaded: member states of SCO" in page.locator('[data-testid="stMain"]').inner_text()
    screenshot(page, f"{output_path}/map_org_SCO.png")


def test_browser_page_param_opens_that_page_with_filters(page, atlas_url):
    open_page(page, f"{atlas_url}/?page=timeline&actor=KAZ")
    settle(page, TITLES["timeline"])
    assert re.search(r"/Timeline\?", page.url) and "actor=KAZ" in page.url


def test_browser_changing_a_filter_updates_the_url(page, atlas_url):
    open_page(page, f"{atlas_url}/Timeline")
    settle(page, TITLES["timeline"])
    box = page.get_by_label("Search the evidence")
    box.fill("Astana")
    box.press("Enter")
    page.wait_for_url(re.compile(r"q=Astana"), timeout=20_000)
    assert "page=timeline" in page.url


def test_browser_page_links_keep_the_filters(page, atlas_url):
    open_page(page, f"{atlas_url}/?org=SCO&type=summit")
    settle(page, TITLES["overview"])
    page.locator('[data-testid="stSidebar"] a', has_text="Timeline").click()
    settle(page, TITLES["timeline"])
    assert "org=SCO" in page.url and "type=summit" in page.url and "/Timeline" in page.url
    tags = page.locator('[data-testid="stSidebar"] [data-tag]')
    tags.filter(has_text="SCO").first.wait_for(timeout=20_000)
    assert "SCO" in tags.all_inner_texts()


def test_browser_malformed_link_shows_a_notice(page, atlas_url):
    open_page(page, f"{atlas_url}/Map?from=notadate&bogus=1")
    settle(page, TITLES["map"])
    text = page.locator('[data-testid="stMain"]').inner_text()
    assert 'from="notadate" is not a date' in text
    assert page.locator(ERRORS).count() == 0
