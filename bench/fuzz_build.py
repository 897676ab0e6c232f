"""Fuzz the build: thousands of broken and odd article files, then kills at random moments.

Usage: python bench/fuzz_build.py [--per-kind 1500] [--seed 1] [--kills 20] [--workers 2]

1. Writes per-kind files of each kind in tests/fuzzing.py (random bytes, cut UTF-8, legacy code
   pages, UTF-16, tag soup, Markdown noise, odd file names) and builds them through the command
   line, counting tracebacks, multi-line warnings, articles read and files skipped.
2. Starts `middlepowers build --workers N` on the same folder over and over, kills it with SIGKILL
   at a random moment, and checks each time that the tables read back whole (all old or all new),
   that no worker outlives it by 5 s, and that nothing temporary is left in the output folder.
Prints the figures; exits non-zero when any check failed.
"""

from __future__ import annotations

import argparse
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from fuzzing import KINDS, make_corpus  # noqa: E402

from middlepowers import store  # noqa: E402


def _cmd(articles: Path, out: Path, workers: int) -> list[str]:
    return [sys.executable, "-m", "middlepowers", "build", "--articles", str(articles), "--out", str(out),
            "--workers", str(workers), "--no-progress"]


def _children(pid: int) -> list[int]:
    kids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    kids.append(int(entry.name))
            except (OSError, ValueError, IndexError):
                pass
    return kids


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except OSError:
        return False


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-kind", type=int, default=1500)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    failures = 0
    with tempfile.TemporaryDirectory(prefix="mp-fuzz-") as tmp:
        folder, out = Path(tmp) / "articles", Path(tmp) / "out"
        n = make_corpus(folder, args.per_kind, args.seed)
        t0 = time.perf_counter()
        proc = subprocess.run(_cmd(folder, out, args.workers), capture_output=True, text=True, cwd=ROOT)
        seconds = time.perf_counter() - t0
        warnings = [ln for ln in proc.stderr.splitlines() if ln.startswith("warning:")]
        stray = [ln for ln in proc.stderr.splitlines() if ln and not ln.startswith("warning:")]
        tracebacks = proc.stderr.count("Traceback")
        tables = store.read_tables(out) if proc.returncode == 0 else None
        n_articles = len(tables["articles"]) if tables is not None else 0
        n_skipped = sum(1 for w in warnings if w.startswith("warning: skipped "))
        print(f"fuzzed files: {n} ({args.per_kind} each of {len(KINDS)} kinds), built in {seconds:.1f} s, exit {proc.returncode}")
        print(f"  articles read {n_articles}, files skipped {n_skipped}, warnings {len(warnings)}, "
              f"lines that are not one-line warnings {len(stray)}, tracebacks {tracebacks}")
        if proc.returncode != 0 or tracebacks or stray or n_articles + n_skipped != n:
            failures += 1
            print("  FAILED:", (stray or [proc.stderr[-300:]])[:3])

        # Kills at random moments: each leaves one whole set and no process or temporary folder.
        rnd = random.Random(args.seed)
        small = Path(tmp) / "small"
        shutil.copytree(ROOT / "tests" / "data" / "dev", small)
        for i in range(8):  # enough work for the workers to be killed mid-way
            for p in (ROOT / "tests" / "data" / "dev").glob("*.txt"):
                shutil.copy(p, small / f"copy{i}-{p.name}")
        outcomes = {"old": 0, "new": 0}
        leftovers = survivors = torn = 0
        for k in range(args.kills):
            (small / "marker.txt").write_text(f"Kazakhstan hosted talks in Astana in {1990 + k}.\n\nRun {k}.", encoding="utf-8")
            p = subprocess.Popen(_cmd(small, out, args.workers), cwd=ROOT, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
            time.sleep(rnd.uniform(0.3, 6.0))
            kids = _children(p.pid)
            p.send_signal(signal.SIGKILL)
            p.wait()
            time.sleep(5)
            survivors += sum(1 for c in kids if _alive(c))
            leftovers += len(list(out.glob(".tmp-*")))
            try:
                t = store.read_tables(out)
                ok = set(t["events"]["article_id"]) <= set(t["articles"]["article_id"])
                marker = t["articles"].loc[t["articles"]["file"] == "marker.txt", "text"]
                outcomes["new" if len(marker) and f"Run {k}." in marker.iloc[0] else "old"] += 1
            except Exception as exc:  # noqa: BLE001 - any failure to read back counts as torn
                ok = False
                print("  unreadable after a kill:", exc)
            torn += not ok
        print(f"kills: {args.kills} SIGKILLs at random moments with {args.workers} workers: "
              f"old set in force {outcomes['old']}, new set {outcomes['new']}, torn sets {torn}, "
              f"workers alive 5 s later {survivors}, temporary entries left {leftovers}")
        if torn or survivors or leftovers:
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
