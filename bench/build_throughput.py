"""Build throughput on a generated corpus: articles/s, words/s, per core, peak memory, wall time.

Usage: python bench/build_throughput.py [--articles 2000] [--workers 1 2] [--keep DIR]

The corpus is made by recombining sentences of the seed and development articles, with the
names of countries and cities, the years and the months varied per article, so every article
is distinct (checked by hash). Each configuration runs in a fresh process, so its peak memory
is its own; the pipeline is loaded there before the clock starts, and the load is shown apart.
A cold build of the seeds through the command line (loading included) is timed as well.
Target (issue 2): at least 50 articles per second per core; the seeds in under 5 s cold.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SOURCES = [ROOT / "seeds", ROOT / "tests" / "data" / "dev"]
TARGET_PER_CORE = 50.0
TARGET_SEED_SECONDS = 5.0

# Names swapped among themselves per article (each pool maps onto a shuffled copy of itself).
COUNTRIES = [
    "Kazakhstan", "Azerbaijan", "Uzbekistan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Türkiye", "Qatar", "Oman",
    "Switzerland", "Norway", "Armenia", "Georgia", "Mongolia", "Indonesia", "Brazil", "Egypt", "Saudi Arabia",
    "United Arab Emirates", "Austria", "Finland", "Malaysia", "Kenya", "Ethiopia", "Mexico",
]
CITIES = [
    "Astana", "Almaty", "Baku", "Tashkent", "Samarkand", "Bishkek", "Dushanbe", "Ashgabat", "Istanbul", "Antalya",
    "Doha", "Muscat", "Geneva", "Oslo", "Yerevan", "Tbilisi", "Ulaanbaatar", "Jakarta", "Cairo", "Riyadh",
    "Abu Dhabi", "Vienna", "Helsinki", "Kuala Lumpur", "Nairobi", "Addis Ababa", "Mexico City",
]
MONTHS_31 = ["January", "March", "May", "July", "August", "October", "December"]
MONTHS_30 = ["April", "June", "September", "November"]
OUTLETS = ["astanatimes.com", "trend.az", "inform.kz", "reuters.com", "apnews.com", "eurasianet.org", "dailysabah.com",
           "aljazeera.com", "kun.uz", "thediplomat.com"]

_SENT = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])|\n+")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-3]\d)\b")


def source_sentences() -> list[str]:
    """Sentences of the seed and dev articles, as the build reads them (HTML and Markdown stripped)."""
    from middlepowers import ingest

    out: list[str] = []
    for folder in SOURCES:
        arts, _, _ = ingest.load_articles(folder)
        for a in arts:
            for s in _SENT.split(a.text):
                s = s.strip()
                if 6 <= len(s.split()) <= 70:
                    out.append(s)
    return sorted(set(out))


def _swapper(rnd: random.Random):
    """A per-article substitution: countries, cities and months permuted, years shifted."""
    mapping: dict[str, str] = {}
    for pool in (COUNTRIES, CITIES, MONTHS_31, MONTHS_30):
        shuffled = pool[:]
        rnd.shuffle(shuffled)
        mapping.update(zip(pool, shuffled))
    names = re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(mapping, key=len, reverse=True)) + r")\b")
    shift = rnd.randint(-6, 2)

    def apply(text: str) -> str:
        text = names.sub(lambda m: mapping[m.group(1)], text)
        return _YEAR.sub(lambda m: str(min(2030, max(1950, int(m.group(1)) + shift))), text)

    return apply


def generate(n: int, folder: Path, seed: int = 2024) -> tuple[int, int]:
    """Write n distinct articles and a manifest into folder; returns (articles, words)."""
    pool = source_sentences()
    folder.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    rows = []
    words = 0
    i = 0
    while len(rows) < n:
        rnd = random.Random(seed * 100_003 + i)
        i += 1
        swap = _swapper(rnd)
        target = rnd.randint(400, 900)
        paragraphs, para, count = [], [], 0
        while count < target:
            s = swap(rnd.choice(pool))
            para.append(s)
            count += len(s.split())
            if len(para) >= rnd.randint(2, 5):
                paragraphs.append(" ".join(para))
                para = []
        if para:
            paragraphs.append(" ".join(para))
        title = paragraphs[0].split(". ")[0][:120].rstrip(".")
        body = "\n\n".join(paragraphs)
        digest = hashlib.sha1(body.encode()).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        k = len(rows)
        kind = rnd.random()
        if kind < 0.05:
            name = f"gen{k:05d}.html"
            paras = "".join(f"<p>{p}</p>" for p in paragraphs)
            content = (f"<html><head><title>{title}</title><script>var x = 'Qatar hosted talks';</script></head><body>"
                       f"<nav>Home | World | Qatar offered to mediate</nav><article><h1>{title}</h1>{paras}</article>"
                       f"<footer><p>The outlet hosted a media summit.</p></footer></body></html>")
        elif kind < 0.15:
            name = f"gen{k:05d}.md"
            content = f"# {title}\n\n{body}\n"
        else:
            name = f"gen{k:05d}.txt"
            content = f"{title}\n\n{body}\n"
        (folder / name).write_text(content, encoding="utf-8")
        words += len(title.split()) + count
        published = f"{rnd.randint(2015, 2026)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        rows.append({"file": name, "title": title, "source": rnd.choice(OUTLETS),
                     "url": f"https://example.org/bench/{name}", "published": published, "author": ""})
    with (folder / "manifest.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["file", "title", "source", "url", "published", "author"])
        w.writeheader()
        w.writerows(rows)
    return len(rows), words


def _mib(kib: int) -> float:
    return kib / 1024  # ru_maxrss is in KiB on Linux


def _cpu() -> float:
    """CPU seconds of this process and its finished children: a load-independent measure."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def child(corpus: str, out: str, workers: int) -> None:
    """Run one build in this (fresh) process and print its figures as JSON."""
    t0 = time.perf_counter()
    from middlepowers import build as build_mod
    from middlepowers import store

    build_mod._warm()
    load = time.perf_counter() - t0
    t1 = time.perf_counter()
    cpu0 = _cpu()
    res = build_mod.build(corpus, out, workers=workers)
    wall = time.perf_counter() - t1
    cpu = _cpu() - cpu0
    arts = store.read_tables(out)["articles"]
    print(json.dumps({
        "workers": workers, "articles": res.n_articles, "events": res.n_events, "warnings": len(res.warnings),
        "words": int(sum(len(t.split()) for t in arts["text"])), "wall": wall, "load": load, "cpu": cpu,
        "rss_self": _mib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss),
        "rss_children": _mib(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss),
    }))


def run_config(corpus: Path, out: Path, workers: int) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--_child", str(corpus), str(out), str(workers)],
                          capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        sys.exit(f"error: build with --workers {workers} failed: {proc.stderr.strip().splitlines()[-1:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def cold_seed_build(tmp: Path) -> float:
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "middlepowers", "-q", "build", "--articles", "seeds",
                           "--out", str(tmp / "seeds_out"), "--no-progress"], capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - t
    if proc.returncode != 0:
        sys.exit(f"error: seed build failed: {proc.stderr.strip()}")
    return seconds


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--_child"]:
        child(argv[1], argv[2], int(argv[3]))
        return 0
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--articles", type=int, default=2000, help="articles to generate (default 2000)")
    p.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts to compare (default 1 2)")
    p.add_argument("--keep", help="write the corpus here and keep it (default: a temporary folder)")
    args = p.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="mp-bench-") as tmpdir:
        tmp = Path(tmpdir)
        corpus = Path(args.keep) if args.keep else tmp / "corpus"
        t = time.perf_counter()
        n, words = generate(args.articles, corpus)
        print(f"corpus: {n} distinct articles, {words:,} words ({words // n} per article) "
              f"generated in {time.perf_counter() - t:.1f} s; {os.cpu_count()} cores")

        # The gazetteer index is cached on disk; build it now if stale, so no configuration pays for it.
        subprocess.run([sys.executable, "-c", "from middlepowers.build import _warm; _warm()"], cwd=ROOT, check=True)
        results = [run_config(corpus, tmp / f"out_w{w}", w) for w in args.workers]
        seed_s = cold_seed_build(tmp)

    head = f"{'workers':>7} {'articles':>8} {'events':>7} {'wall s':>7} {'load s':>6} {'art/s':>7} {'words/s':>8} " \
           f"{'art/s/core':>10} {'art/cpu-s':>9} {'peak MiB main':>13} {'peak MiB worker':>15}"
    print(head)
    print("-" * len(head))
    for r in results:
        aps = r["articles"] / r["wall"]
        print(f"{r['workers']:>7} {r['articles']:>8} {r['events']:>7} {r['wall']:>7.2f} {r['load']:>6.2f} {aps:>7.1f} "
              f"{r['words'] / r['wall']:>8,.0f} {aps / r['workers']:>10.1f} {r['articles'] / r['cpu']:>9.1f} {r['rss_self']:>13.0f} "
              f"{(r['rss_children'] if r['workers'] > 1 else 0):>15.0f}")
        if r["warnings"]:
            print(f"        ({r['warnings']} articles skipped with a warning)")
    if len({r["events"] for r in results}) > 1:
        print("warning: the worker counts found different numbers of events")
    print(f"cold seed build (python -m middlepowers build --articles seeds, loading included): {seed_s:.2f} s "
          f"(target < {TARGET_SEED_SECONDS:.0f} s)")
    worst = min(r["articles"] / r["wall"] / r["workers"] for r in results)
    print(f"lowest articles/s per core: {worst:.1f} (target >= {TARGET_PER_CORE:.0f}); "
          f"load average now {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores (other work slows the wall-clock figures; "
          f"art/cpu-s does not depend on it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
