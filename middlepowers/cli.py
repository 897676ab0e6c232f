"""The `middlepowers` command: build | evaluate | export."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from . import __version__
from .errors import AtlasError


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS, help="only errors on stderr")
    p = argparse.ArgumentParser(prog="middlepowers", description="Turn articles about middle-power diplomacy into tables.",
                                parents=[common])
    p.add_argument("--version", action="version", version=f"middlepowers {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="read a folder of articles and write the Parquet tables", parents=[common])
    b.add_argument("--articles", default="seeds", help="folder of .txt/.md/.html articles (default: seeds)")
    b.add_argument("--out", default="data/processed", help="output folder for the tables (default: data/processed)")
    b.add_argument("--workers", type=int, default=1, help="processes to use (default: 1; 0 = all cores)")
    b.add_argument("--no-progress", action="store_true", help="no progress bar")

    e = sub.add_parser("evaluate", help="build in a temporary folder and score against a gold file", parents=[common])
    e.add_argument("--gold", required=True, help="gold events (JSON list, see CONTRACT.md)")
    e.add_argument("--articles", default="seeds", help="folder of the gold's articles (default: seeds)")
    e.add_argument("--workers", type=int, default=1)
    e.add_argument("--json", action="store_true", help="print the figures as JSON")
    e.add_argument("--errors", action="store_true", help="list every miss, extra and wrong venue or date")

    x = sub.add_parser("export", help="write the events table of a built folder as CSV", parents=[common])
    x.add_argument("--out", default="data/processed", help="folder of built tables (default: data/processed)")
    x.add_argument("--csv", required=True, help="CSV file to write ('-' for stdout)")
    return p


def _workers(n: int) -> int:
    return (os.cpu_count() or 1) if n == 0 else max(1, n)


def _fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def cmd_build(args) -> int:
    from .build import build

    res = build(args.articles, args.out, workers=_workers(args.workers), progress=not args.no_progress and not args.quiet)
    for w in res.warnings:
        print(f"warning: {w}", file=sys.stderr)
    if not args.quiet:
        print(f"built {res.n_articles} articles, {res.n_events} events into {args.out} in {res.seconds:.2f} s"
              + (f" ({len(res.warnings)} skipped)" if res.warnings else ""))
    return 0


def cmd_evaluate(args) -> int:
    from .evaluate import evaluate

    s = evaluate(args.gold, args.articles, workers=_workers(args.workers))
    if args.json:
        print(json.dumps(s.as_dict(), indent=2))
    else:
        print(f"precision {s.precision:.3f}  recall {s.recall:.3f}  F1 {s.f1:.3f}  (tp {s.tp}, fp {s.fp}, fn {s.fn})")
        print(f"venue accuracy {_fmt(s.venue_accuracy)} (n={s.venue_total})  date accuracy {_fmt(s.date_accuracy)} (n={s.date_total})")
        print(f"organisation recall {_fmt(s.organisation_recall)}  party recall {_fmt(s.party_recall)}")
        for t, (tp, fp, fn) in sorted(s.by_type.items()):
            print(f"  {t:<16} tp {tp:>3}  fp {fp:>3}  fn {fn:>3}")
    if args.errors:
        for line in s.errors:
            print(line)
    return 0


def cmd_export(args) -> int:
    from . import store

    ev = store.read_tables(args.out)["events"].copy()
    for c in ("parties", "organisations"):
        ev[c] = ev[c].map(lambda v: "|".join(v))
    if args.csv == "-":
        ev.to_csv(sys.stdout, index=False)
    else:
        try:
            ev.to_csv(Path(args.csv), index=False)
        except OSError as exc:
            raise AtlasError(f"cannot write {args.csv}: {exc.strerror or exc}") from exc
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    args.quiet = getattr(args, "quiet", False)
    logging.basicConfig(level=logging.ERROR if args.quiet else logging.WARNING, format="%(levelname)s: %(message)s")
    # Warnings for skipped articles are printed once by the command, not also by the logger.
    logging.getLogger("middlepowers.build").setLevel(logging.ERROR)
    logging.getLogger("middlepowers.ingest").setLevel(logging.ERROR)
    try:
        return {"build": cmd_build, "evaluate": cmd_evaluate, "export": cmd_export}[args.command](args)
    except AtlasError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted; the previous tables are unchanged", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
