"""Time from opening a link to each page's main chart or map, in headless Chromium, beside a
minimal Streamlit app (one plotly chart, one table) served the same way; prints the ratio.

Usage: python bench/first_paint.py [--repeat 3] [--data DIR] [--events N]
Without --data the seed articles are built into a temporary folder (--events N: synthetic
tables of N events instead). Each visit is a new browser context (nothing cached in the
browser) to a server that has already served one visit, as a reader arriving from a link; the
two apps are served at once, with the same Streamlit settings (the Atlas's .streamlit/config.toml),
and visited in turn, page and minimal app, so each ratio compares visits made under the same load.
Each visit is timed twice. The page's own clock (the figure judged against the target) runs from
the start of navigation to the first animation frame with the element drawn (a canvas once
sized). The driver's clock runs from goto until Playwright sees the element visible; its check
runs in the page, so it waits for the page's main thread, which on a page that goes on laying
out tables and widgets after its chart lags the chart by up to a second and tracks when the
page settles (one visit to the map: drawn at 2.34 s, seen by the driver at 3.44 s).
Beside each page's figures, "sidebar s" (driver's clock) is the time until its sidebar's last
widget is visible (the filters can be changed), which each page draws after its main chart.
Target: every page within 1.3x the minimal app.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CHROMIUM = "/usr/bin/chromium"
TARGET = 1.3
PLOT = ".js-plotly-plot .main-svg"
CANVAS = '[data-testid="stDeckGlJsonChart"] canvas'
TABLE = '[data-testid="stDataFrame"] canvas, [data-testid="stDataFrame"] [role="grid"]'
# The sidebar's last widget, drawn after each page's main chart: when the reader can change filters.
SIDEBAR = '[data-testid="stSidebar"] [data-testid="stDownloadButton"]'
# (page, path, what counts as its main chart)
PAGES = [("overview", "", TABLE), ("map", "Map", CANVAS), ("timeline", "Timeline", PLOT), ("compare", "Compare", PLOT),
         ("organisations", "Organisations", CANVAS), ("sources", "Sources", '[data-testid="stHtml"] mark, [data-testid="stHtml"]'),
         ("review", "Review", '[data-testid="stHtml"] mark')]
MINIMAL = '''
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

st.title("Minimal")
st.plotly_chart(go.Figure(go.Bar(x=list("abcdef"), y=[3, 1, 4, 1, 5, 9])))
st.dataframe(pd.DataFrame({"a": range(15), "b": list("abcdefghijklmno")}))
'''


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("localhost", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(script: Path, env: dict, cwd: Path):
    """`streamlit run script` on localhost; yields its address."""
    port = _free_port()
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.address", "localhost", "--server.port",
         str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=cwd, env={**os.environ, **env}, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://localhost:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                raise RuntimeError(f"streamlit did not start: {log.read()[-2000:].decode(errors='replace')}")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


# Watches every animation frame from the page's first script on, and notes when the first element
# matching the selector has a box on screen (a canvas only once it has been sized: deck.gl's and
# the table's start at the default 300 x 150 and are drawn after they are sized). The time is
# the page's own clock from the start of navigation, so it does not depend on how often the test
# driver looks: Playwright's visibility polling lagged the map's sized canvas by up to a second.
WATCH = """(() => {
  const selector = %s;
  const drawn = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && !(el.tagName === "CANVAS" && el.width === 300 && el.height === 150);
  };
  const look = () => {
    if ([...document.querySelectorAll(selector)].some(drawn)) { window.__firstChart = performance.now(); return; }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();"""


def visit(browser, url: str, selector: str, sidebar: bool = False) -> tuple[float, float, float | None]:
    """One visit in a fresh context (cold browser cache): seconds to the selector drawn by the
    page's own clock (WATCH), seconds until Playwright sees it visible (the driver's clock), and
    with sidebar, seconds until the sidebar's last widget is visible (driver's clock), else None."""
    ctx = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = ctx.new_page()
    page.add_init_script(WATCH % json.dumps(selector))
    t = time.perf_counter()
    page.goto(url)
    page.locator(selector).first.wait_for(state="visible", timeout=60_000)
    driver = time.perf_counter() - t
    done = None
    if sidebar:
        page.locator(SIDEBAR).last.wait_for(state="visible", timeout=60_000)
        done = time.perf_counter() - t
    page.wait_for_function("window.__firstChart !== undefined", timeout=60_000, polling=100)
    own = page.evaluate("window.__firstChart") / 1000
    ctx.close()
    return own, driver, done


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--data", type=Path, help="a folder of tables (default: build the seed articles)")
    ap.add_argument("--events", type=int, help="synthetic tables of this many events instead of the seeds")
    ap.add_argument("--pages", nargs="*", help="only these pages (overview, map, ...)")
    ap.add_argument("--verbose", action="store_true", help="print every visit's time")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        data = args.data
        if data is None:
            data = tmp / "tables"
            if args.events:
                from middlepowers import store
                from middlepowers.synthetic import synthetic_tables

                store.write_tables(synthetic_tables(args.events, seed=0), data)
            else:
                from middlepowers.build import build

                build(ROOT / "seeds", data)
        minimal = tmp / "minimal.py"
        minimal.write_text(MINIMAL, encoding="utf-8")
        # Served as the Atlas is (theme, toolbar, no source watcher): the ratio is then what the
        # pages add, not what the settings do.
        (tmp / ".streamlit").mkdir()
        (tmp / ".streamlit" / "config.toml").write_bytes((ROOT / ".streamlit" / "config.toml").read_bytes())
        env = {"MIDDLEPOWERS_DATA": str(data), "MIDDLEPOWERS_ARTICLES": str(tmp / "no-articles")}
        # (page's clock, driver's clock, sidebar or None) per visit
        results: dict[str, list[tuple[float, float, float | None]]] = {}
        beside: dict[str, list[tuple[float, float, float | None]]] = {}  # the minimal app's visits taken alongside each page's
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
            with serve(minimal, {}, tmp) as base_url, serve(ROOT / "app.py", env, ROOT) as url:
                visit(browser, base_url, PLOT)  # each server's first session
                visit(browser, url, TABLE)
                for name, path, selector in PAGES:
                    if args.pages and name not in args.pages:
                        continue
                    # Visits alternate between the minimal app and the page, so a drift of the
                    # machine's load over the run weighs on both sides of each ratio alike.
                    for _ in range(args.repeat):
                        beside.setdefault(name, []).append(visit(browser, base_url, PLOT))
                        results.setdefault(name, []).append(visit(browser, f"{url}/{path}", selector, sidebar=True))
            browser.close()
    print(f"time to the main chart or map, median of {args.repeat} fresh browser contexts (s), each page beside "
          f"the minimal app visited in turn with it; page clock: drawn, by the page's own clock; driver: "
          f"Playwright sees it visible; sidebar: Playwright sees the sidebar's last widget\n")
    print(f"  {'':<14} {'page clock':^34}  {'driver':^23}  {'sidebar':>7}")
    print(f"  {'page':<14} {'page s':>6} {'minimal s':>9}  {'ratio':>5}  {'':<11}  {'page s':>6} {'minimal s':>9}  "
          f"{'ratio':>5}  {'page s':>7}")
    worst = 0.0
    med = lambda visits, i: statistics.median(v[i] for v in visits)  # noqa: E731
    for name, _, _ in PAGES:
        if name not in results:
            continue
        page, base = results[name], beside[name]
        ratio = med(page, 0) / med(base, 0)
        worst = max(worst, ratio)
        print(f"  {name:<14} {med(page, 0):6.2f} {med(base, 0):9.2f}  {ratio:4.2f}x  "
              f"{'ok' if ratio <= TARGET else 'OVER TARGET':<11}  {med(page, 1):6.2f} {med(base, 1):9.2f}  "
              f"{med(page, 1) / med(base, 1):4.2f}x  {med(page, 2):7.2f}")
        if args.verbose:
            for i, clock in enumerate(("page clock", "driver")):
                print(f"  {'':<14} {clock}: page {[round(v[i], 2) for v in page]} minimal {[round(v[i], 2) for v in base]}")
    print(f"\nworst ratio by the page clock: {worst:.2f}x (target {TARGET}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
