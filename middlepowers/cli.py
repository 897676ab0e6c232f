"""The `middlepowers` command: build | evaluate | fetch | export."""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
from pathlib import Path

from . import __version__
from .errors import AtlasError, shown


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
    which = e.add_mutually_exclusive_group(required=True)
    which.add_argument("--gold", help="gold events (JSON list, see CONTRACT.md)")
    which.add_argument("--reviews", help="a reviews.csv: score against the accepted, corrected and added events")
    e.add_argument("--articles", default="seeds", help="folder of the gold's articles (default: seeds)")
    e.add_argument("--workers", type=int, default=1)
    e.add_argument("--json", action="store_true", help="print the figures as JSON")
    e.add_argument("--errors", action="store_true", help="list every miss, extra, wrong venue or date, and missing party or organisation")

    f = sub.add_parser("fetch", help="download web pages into an articles folder and add them to its manifest",
                       parents=[common])
    f.add_argument("urls", nargs="*", metavar="URL", help="pages to fetch")
    f.add_argument("--urls", dest="url_file", metavar="FILE", help="a file of URLs, one a line (# starts a comment)")
    f.add_argument("--articles", default="articles", help="folder to save the pages in (default: articles)")
    f.add_argument("--refresh", action="store_true", help="fetch pages again that were fetched before")
    f.add_argument("--delay", type=float, default=2.0, help="seconds between two requests to one host (default: 2)")
    f.add_argument("--timeout", type=float, default=15.0, help="seconds to connect and between reads (default: 15)")
    f.add_argument("--no-progress", action="store_true", help="no progress bar")

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
        notes = []
        if res.skipped:
            notes.append(f"{len(res.skipped)} skipped")
        if len(res.warnings) > len(res.skipped):
            notes.append(f"{len(res.warnings) - len(res.skipped)} other warnings")
        print(f"built {res.n_articles} articles, {res.n_events} events into {shown(args.out)} in {res.seconds:.2f} s"
              + (f" ({', '.join(notes)})" if notes else ""))
    return 0


def cmd_evaluate(args) -> int:
    from .evaluate import evaluate, evaluate_reviews

    if args.reviews:
        s = evaluate_reviews(args.reviews, args.articles, workers=_workers(args.workers))
    else:
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
        sys.stdout.flush()
        return 0
    target = Path(args.csv)
    # Written beside the target and moved into place: a full disk never leaves half a CSV.
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        ev.to_csv(tmp, index=False)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise AtlasError(f"cannot write {shown(args.csv)}: {exc.strerror or exc}") from exc
    return 0


def cmd_fetch(args) -> int:
    from .fetch import fetch, read_url_list

    urls = list(args.urls) + (read_url_list(args.url_file) if args.url_file else [])
    if not urls:
        raise AtlasError("no URLs: give them as arguments or with --urls FILE")
    if args.delay < 0 or args.timeout <= 0:
        raise AtlasError("--delay must be 0 or more and --timeout more than 0")
    outcomes = fetch(urls, args.articles, refresh=args.refresh, delay=args.delay, timeout=args.timeout,
                     progress=not args.no_progress and not args.quiet)
    for o in outcomes:
        if o.status == "failed":
            print(f"failed: {shown(o.url, 300)}: {o.reason}", file=sys.stderr)
        elif not args.quiet:
            print(f"{o.status}: {shown(o.url, 300)} -> {o.file}" + (f" ({o.reason})" if o.reason else ""))
    counts = {k: sum(o.status == k for o in outcomes) for k in ("fetched", "skipped", "failed")}
    if not args.quiet:
        print(f"{counts['fetched']} fetched, {counts['skipped']} already there, {counts['failed']} failed; "
              f"articles in {shown(args.articles)}")
    return 1 if counts["failed"] else 0


def _stop(signum, frame) -> None:
    # SIGTERM and SIGHUP end the command as Ctrl-C does: workers stopped, temporary files removed.
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    args.quiet = getattr(args, "quiet", False)
    logging.basicConfig(level=logging.ERROR if args.quiet else logging.WARNING, format="%(levelname)s: %(message)s")
    # Warnings for skipped articles are printed once by the command, not also by the logger.
    logging.getLogger("middlepowers.build").setLevel(logging.ERROR)
    logging.getLogger("middlepowers.ingest").setLevel(logging.ERROR)
    for sig in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, sig):
            signal.signal(getattr(signal, sig), _stop)
    try:
        return {"build": cmd_build, "evaluate": cmd_evaluate, "fetch": cmd_fetch, "export": cmd_export}[args.command](args)
    except AtlasError as exc:
        print(f"error: {shown(exc, 400)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted; the previous tables are unchanged", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of stdout went away (`export --csv - | head`): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except OSError as exc:  # anything the commands did not word themselves: still one line
        print(f"error: {shown(exc.strerror or exc, 400)}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
