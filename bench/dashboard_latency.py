"""Server time of a filter change at 20,000 events: the pure builders, then each page under AppTest.

Usage: python bench/dashboard_latency.py [--events 20000] [--repeat 5]
Target: under 300 ms per filter change.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from middlepowers import store  # noqa: E402
from middlepowers.synthetic import synthetic_tables  # noqa: E402
from middlepowers.views import charts, compare, filters, geo, listing, maps  # noqa: E402

TARGET_MS = 300
# Each change is what a reader does in the sidebar: one filter at a time.
CHANGES = [
    filters.Filters(),
    filters.Filters(orgs=("SCO",)),
    filters.Filters(event_types=("talks_hosted", "mediation_offer")),
    filters.Filters(actors=("KAZ", "AZE")),
    filters.Filters(text="Astana"),
]


def timed(fn, repeat: int) -> float:
    """Median wall time of fn() in milliseconds."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def builders(tables: dict, repeat: int) -> dict[str, float]:
    """Filter and build what each page draws, without Streamlit."""
    countries, names, centres = geo.load_countries(), geo.country_names(), geo.centroids()
    ev, arts, orgs = tables["events"], tables["articles"], tables["organisations"]
    link = lambda a: f"?page=sources&article={a}"  # noqa: E731

    def page(build):
        def run():
            for f in CHANGES:
                build(filters.apply(ev, arts, f), f)
        return lambda: run()

    pages = {
        "filter only": lambda e, f: None,
        "overview": lambda e, f: listing.event_rows(listing.latest(e, 15), names, link),
        "map": lambda e, f: maps.venue_deck(e, countries, names, centres,
                                            maps.members_of(orgs, f.orgs) if f.orgs else None).to_json(),
        "timeline": lambda e, f: (charts.timeline_figure(e, names).to_json(), charts.yearly_counts_figure(e).to_json(),
                                  listing.event_rows(listing.latest(e), names, link)),
        "compare": lambda e, f: (charts.type_counts_figure(compare.type_counts(e), names), compare.shared_occasions(e),
                                 charts.timeline_figure(e[e["actor"].isin(compare.PAIR).fillna(False)], names).to_json()),
    }
    return {name: timed(page(build), repeat) / len(CHANGES) for name, build in pages.items()}


def apptest(data_dir: Path, repeat: int) -> dict[str, float]:
    """Each page script rerun after a sidebar change, as Streamlit runs it (AppTest, no browser)."""
    from streamlit.testing.v1 import AppTest

    os.environ["MIDDLEPOWERS_DATA"] = str(data_dir)
    os.environ["MIDDLEPOWERS_ARTICLES"] = str(data_dir / "no-articles")
    out = {}
    for page in ["app.py", "pages/1_Map.py", "pages/2_Timeline.py", "pages/3_Compare.py", "pages/4_Organisations.py",
                 "pages/5_Sources.py"]:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
        if page != "app.py":
            at.switch_page(page).run()
        assert not at.exception, [e.value for e in at.exception]
        options = [["SCO"], ["CICA"], ["OTS"], ["UN"], []]
        times = []
        for i in range(repeat):
            widget = at.sidebar.multiselect(key="wf_org").set_value(options[i % len(options)])
            t = time.perf_counter()
            widget.run()
            times.append((time.perf_counter() - t) * 1000)
            assert not at.exception, [e.value for e in at.exception]
        out[page] = statistics.median(times)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=20_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    tables = synthetic_tables(args.events, seed=0)
    print(f"{len(tables['events']):,} events, {len(tables['articles']):,} articles; median of {args.repeat} runs\n")
    print("Pure filter + build per filter change (ms):")
    for name, ms in builders(tables, args.repeat).items():
        print(f"  {name:<16} {ms:7.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        store.write_tables(tables, tmp)
        results = apptest(Path(tmp), args.repeat)
    print("\nWhole page script rerun after changing the organisation filter (AppTest, ms):")
    worst = 0.0
    for page, ms in results.items():
        worst = max(worst, ms)
        print(f"  {page:<26} {ms:7.1f}  {'ok' if ms < TARGET_MS else 'OVER TARGET'}")
    print(f"\nslowest page: {worst:.0f} ms (target {TARGET_MS} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
