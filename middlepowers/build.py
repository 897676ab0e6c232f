"""Articles folder -> tables: read, analyse, extract, tabulate, write atomically."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import signal
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import __version__, ingest, reference, schema, store
from .errors import ArticleError, BuildError, shown
from .reviews import read_reviews, reviews_path

log = logging.getLogger(__name__)

# Show a progress bar from this many articles on.
PROGRESS_FROM = 50
_CODE_DIRS = ("nlp", "tables")


@dataclass
class BuildResult:
    """What a build did, for the command line and the stamp."""

    n_articles: int = 0
    n_events: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    fingerprint: str = ""
    skipped: list[str] = field(default_factory=list)  # article files not in the tables


def _code_fingerprint() -> str:
    h = hashlib.sha1(__version__.encode())
    base = Path(__file__).resolve().parent
    for d in _CODE_DIRS:
        for p in sorted((base / d).glob("*.py")):
            h.update(p.name.encode())
            h.update(p.read_bytes())
    for name in ("build.py", "ingest.py", "encoding.py", "html.py", "policy.py", "reviews.py", "schema.py"):
        h.update((base / name).read_bytes())
    return h.hexdigest()


def input_fingerprint(articles_dir: Path, scan: ingest.Scan | None = None) -> str:
    """A hash of the articles, the manifest, the review decisions, the reference data and the
    extractor's code."""
    h = hashlib.sha1()
    h.update(_code_fingerprint().encode())
    h.update(reference.fingerprint().encode())
    scan = scan or ingest.scan_folder(Path(articles_dir))
    extra = [p for p in (scan.manifest, reviews_path(articles_dir)) if p is not None and p.is_file()]
    for p in sorted(scan.files + extra, key=lambda p: os.fsencode(p.name)):
        h.update(os.fsencode(p.name))
        try:
            h.update(hashlib.sha1(ingest.read_limited(p)).digest())
        except ArticleError as exc:  # it will be skipped; its reason still marks the input
            h.update(str(exc).encode("utf-8", "replace"))
    return h.hexdigest()[:20]


def process_article(art: ingest.Article) -> tuple[dict, list[dict], list[str]]:
    """One article -> its articles row, its event rows and the organisations it mentions."""
    from .nlp import gazetteer
    from .nlp.extract import extract_events
    from .nlp.pipeline import analyse

    an = analyse(art.text, art.published)
    events = extract_events(an, art.article_id, gazetteer.load())
    orgs = [m.value for s in an.sentences for m in s.mentions if m.label == "ORG"]
    row = {
        "article_id": art.article_id,
        "file": art.file,
        "title": art.title,
        "source": art.source,
        "url": art.url,
        "published": art.published,
        "author": art.author,
        "n_words": sum(1 for w in an.lower if w[:1].isalnum()),
        "text": art.text,
    }
    return row, events, orgs


def _safe_process(art: ingest.Article):
    try:
        return art.file, process_article(art), None
    except Exception as exc:  # one article's failure must not sink the build
        return art.file, None, f"skipped {shown(art.file)}: extraction failed ({type(exc).__name__}: {shown(exc)})"


def _warm() -> None:
    from .nlp import gazetteer, pipeline

    gazetteer.load()
    pipeline.get_nlp()
    pipeline.get_matchers()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _worker_init(parent: int) -> None:
    """Workers die with the build: the kernel kills them when it dies (Linux), and a watcher
    thread ends them within a second elsewhere, so a killed build leaves no process behind."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError, TypeError):
        pass
    if os.getppid() != parent:  # the build died before the line above ran
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    # Ctrl-C is the build's to handle, not each worker's; the pool ends workers with SIGTERM,
    # which must not run the command's own handler inherited through fork.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for sig in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, sig):
            signal.signal(getattr(signal, sig), signal.SIG_DFL)
    _warm()


def _run(articles: list[ingest.Article], workers: int, progress: bool):
    bar = None
    if progress and len(articles) >= PROGRESS_FROM:
        from tqdm import tqdm

        bar = tqdm(total=len(articles), unit="article", desc="Extracting", leave=False)
    _warm()  # loaded once here; forked workers inherit it
    try:
        if workers <= 1 or len(articles) < 2 * workers:
            for art in articles:
                yield _safe_process(art)
                if bar:
                    bar.update()
            return
        import multiprocessing as mp

        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
        chunk = max(1, min(32, len(articles) // (workers * 8)))
        # Leaving the block for any reason (an error, Ctrl-C, SIGTERM) terminates the workers.
        with ctx.Pool(workers, initializer=_worker_init, initargs=(os.getpid(),)) as pool:
            for result in pool.imap(_safe_process, articles, chunksize=chunk):
                yield result
                if bar:
                    bar.update()
            pool.close()
            pool.join()
    finally:
        if bar:
            bar.close()


def build_tables(articles: list[ingest.Article], workers: int = 1, progress: bool = False,
                 reviews: list | None = None) -> tuple[dict[str, pd.DataFrame], list[str], list[str]]:
    """Every table from loaded articles, the warnings for articles that failed, and their names.

    Review decisions, when given, are applied to the events before the derived tables are made."""
    from .tables.events import events_table
    from .tables.initiatives import initiatives_table
    from .tables.organisations import organisations_table
    from .tables.places import places_table

    art_rows, event_rows, warnings, failed = [], [], [], []
    mentions: dict[str, list[str]] = defaultdict(list)
    for name, result, warning in _run(articles, workers, progress):
        if warning:
            log.warning(warning)
            warnings.append(warning)
            failed.append(name)
            continue
        row, evs, orgs = result
        art_rows.append(row)
        event_rows.extend(evs)
        for o in orgs:
            mentions[o].append(row["article_id"])
    articles_df = schema.conform(pd.DataFrame(art_rows), "articles") if art_rows else schema.empty_frame("articles")
    events = events_table(event_rows)
    if reviews:
        from .reviews import apply_reviews

        events, more = apply_reviews(events, articles_df, reviews)
        warnings.extend(more)
    tables = {
        "articles": articles_df,
        "events": events,
        "initiatives": initiatives_table(events),
        "organisations": organisations_table(mentions),
        "places": places_table(events),
    }
    return tables, warnings, failed


class _Janitor:
    """A small child process that removes what a build left in its output folder if the build
    dies (even by SIGKILL) before it is dismissed: it waits on a pipe that closes when the build
    and its workers are gone."""

    def __init__(self, out: Path):
        self.pid, self.fd = None, None
        build_pid = os.getpid()
        if not hasattr(os, "fork"):
            return
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the janitor
            try:
                os.close(w)
                for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
                    signal.signal(sig, signal.SIG_IGN)
                if os.read(r, 1) != b"d":
                    store.abandon(out, build_pid)
            finally:
                os._exit(0)
        os.close(r)
        self.pid, self.fd = pid, w

    def dismiss(self) -> None:
        if self.fd is None:
            return
        try:
            os.write(self.fd, b"d")
        except OSError:
            pass
        os.close(self.fd)
        os.waitpid(self.pid, 0)
        self.fd = None


def _no_articles(folder: Path, skipped: list[str], warnings: list[str]) -> BuildError:
    if not skipped:
        return BuildError(f"no articles (.txt, .md, .html) in {shown(folder)}")
    reasons = [w.removeprefix("skipped ") for w in warnings if w.startswith("skipped ") and not w.endswith("are not read")]
    more = f"; {len(reasons) - 3} more" if len(reasons) > 3 else ""
    return BuildError(f"no readable articles in {shown(folder)}: {len(skipped)} skipped ({'; '.join(reasons[:3])}{more})")


def build(articles_dir: Path | str = "seeds", out_dir: Path | str = "data/processed", workers: int = 1,
          progress: bool = False, use_reviews: bool = True) -> BuildResult:
    """Read every article in articles_dir and write the tables into out_dir, atomically, with the
    review decisions of articles_dir/reviews.csv applied (unless use_reviews is False)."""
    t0 = time.perf_counter()
    folder = Path(articles_dir)
    if not folder.is_dir():
        raise BuildError(f"articles folder {shown(folder)} does not exist")
    scan = ingest.scan_folder(folder)
    fp = input_fingerprint(folder, scan)
    loaded = ingest.load_articles(folder, scan)
    reviews, review_warnings = ([], []) if not use_reviews else read_reviews(reviews_path(folder))
    loaded.warnings.extend(review_warnings)
    if not loaded.articles:
        raise _no_articles(folder, loaded.skipped, loaded.warnings)
    tmp = store.new_temp_dir(out_dir)  # fails early, before the work, when out_dir is unusable
    janitor = _Janitor(Path(out_dir))
    try:
        tables, more, failed = build_tables(loaded.articles, workers=workers, progress=progress, reviews=reviews)
        warnings = loaded.warnings + more
        skipped = loaded.skipped + failed
        if tables["articles"].empty:  # never replace the previous tables with empty ones
            raise _no_articles(folder, skipped, warnings)
        result = BuildResult(len(tables["articles"]), len(tables["events"]), 0.0, warnings, fp, skipped)
        info = {
            "fingerprint": fp,
            "articles_dir": str(folder.resolve()),
            "n_articles": result.n_articles,
            "n_events": result.n_events,
            "skipped": skipped,
            "warnings": warnings,
            "version": __version__,
        }
        store.write_tables(tables, out_dir, info, tmp=tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        janitor.dismiss()
    result.seconds = time.perf_counter() - t0
    return result


def is_current(articles_dir: Path | str, out_dir: Path | str) -> bool:
    """True when out_dir holds every table, built from exactly these inputs."""
    out = Path(out_dir)
    if not all(store.table_path(out, t).exists() for t in schema.TABLES):
        return False
    return store.read_info(out).get("fingerprint") == input_fingerprint(Path(articles_dir))


def ensure_built(articles_dir: Path | str, out_dir: Path | str) -> bool:
    """Build when the tables are missing or older than the inputs; True when it built."""
    if is_current(articles_dir, out_dir):
        return False
    workers = max(1, min(4, (os.cpu_count() or 1)))
    build(articles_dir, out_dir, workers=workers)
    return True
