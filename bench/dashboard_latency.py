"""Server time of each page's rerun after a filter change, and the dashboard process's peak memory.

Usage: python bench/dashboard_latency.py [--events 100000] [--repeat 5] [--tables DIR]
Synthetic tables of --events events (up to 1,000,000) are written to a temporary folder, or kept
in --tables DIR and reused when it already holds that many. The pages then run under AppTest in a
separate process, as the dashboard would (DuckDB over the Parquet files), so its peak resident
memory is the dashboard's alone, not the generator's.
Targets: under 300 ms per rerun at 1,000,000 events, under 150 ms at 100,000; under 1 GB resident.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PAGES = ["app.py", "pages/1_Map.py", "pages/2_Timeline.py", "pages/3_Compare.py", "pages/4_Organisations.py",
         "pages/5_Sources.py"]
# What a reader does in the sidebar, one change at a time, cycled through on every page.
CHANGES = [("wf_org", ["SCO"]), ("wf_type", ["talks_hosted", "mediation_offer"]), ("wf_org", ["CICA"]),
           ("wf_q", "Astana"), ("wf_actor", ["KAZ", "AZE"]), ("wf_type", []), ("wf_q", ""), ("wf_org", []),
           ("wf_actor", [])]


def target_ms(n_events: int) -> int:
    return 150 if n_events <= 100_000 else 300


def pages_child(data_dir: Path, repeat: int) -> dict:
    """Each page script rerun after sidebar changes (AppTest, no browser); run in its own process."""
    from streamlit.testing.v1 import AppTest

    os.environ["MIDDLEPOWERS_DATA"] = str(data_dir)
    os.environ["MIDDLEPOWERS_ARTICLES"] = str(data_dir / "no-articles")
    out: dict = {"pages": {}, "first": {}}
    for page in PAGES:
        t = time.perf_counter()
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300).run()
        if page != "app.py":
            at.switch_page(page).run()
        out["first"][page] = (time.perf_counter() - t) * 1000
        assert not at.exception, [e.value for e in at.exception]
        times = []
        for i in range(max(repeat, 1) * 2):
            key, value = CHANGES[i % len(CHANGES)]
            box = at.sidebar.text_input(key=key) if key == "wf_q" else at.sidebar.multiselect(key=key)
            box.set_value(value)
            t = time.perf_counter()
            at.run()
            times.append((time.perf_counter() - t) * 1000)
            assert not at.exception, [e.value for e in at.exception]
        out["pages"][page] = statistics.median(times)
    out["peak_rss_mb"] = _peak_rss_mb()
    return out


def _peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM belongs to the address space made at exec;
    ru_maxrss survives exec, so a child of a parent that generated a million events would report
    the parent's peak as its own."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def tables_in(folder: Path, n_events: int) -> Path:
    """A folder holding synthetic tables of n_events events (made only when it does not yet)."""
    from middlepowers import store

    stamp = folder / "bench-events.txt"
    if not (stamp.exists() and stamp.read_text() == str(n_events)):
        from middlepowers.synthetic import synthetic_tables

        t = time.perf_counter()
        store.write_tables(synthetic_tables(n_events, seed=0), folder)
        stamp.write_text(str(n_events))
        print(f"made {n_events:,} synthetic events in {time.perf_counter() - t:.0f} s")
    return folder


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--tables", type=Path, help="keep the synthetic tables here and reuse them")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(pages_child(args.child, args.repeat)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = tables_in(args.tables or Path(tmp), args.events)
        run = subprocess.run([sys.executable, __file__, "--child", str(folder), "--repeat", str(args.repeat)],
                             capture_output=True, text=True, check=False)
    if run.returncode:
        print(run.stderr[-3000:], file=sys.stderr)
        return run.returncode
    res = json.loads(run.stdout.strip().splitlines()[-1])
    limit = target_ms(args.events)
    print(f"{args.events:,} events; median of {max(args.repeat, 1) * 2} reruns per page, each after one filter change\n")
    print(f"  {'page':<26} {'rerun ms':>9} {'first run ms':>13}")
    for page, ms in res["pages"].items():
        print(f"  {page:<26} {ms:9.1f} {res['first'][page]:13.0f}  {'ok' if ms < limit else 'OVER TARGET'}")
    worst = max(res["pages"].values())
    print(f"\nslowest page: {worst:.0f} ms (target {limit} ms); "
          f"dashboard process peak memory: {res['peak_rss_mb']:,.0f} MB (target 1,024 MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
