"""Articles folder -> tables: read, analyse, extract, tabulate, write atomically."""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import __version__, ingest, reference, schema, store
from .errors import BuildError

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


def _code_fingerprint() -> str:
    h = hashlib.sha1(__version__.encode())
    base = Path(__file__).resolve().parent
    for d in _CODE_DIRS:
        for p in sorted((base / d).glob("*.py")):
            h.update(p.name.encode())
            h.update(p.read_bytes())
    for name in ("build.py", "ingest.py", "schema.py"):
        h.update((base / name).read_bytes())
    return h.hexdigest()


def input_fingerprint(articles_dir: Path) -> str:
    """A hash of the articles, the manifest, the reference data and the extractor's code."""
    h = hashlib.sha1()
    h.update(_code_fingerprint().encode())
    h.update(reference.fingerprint().encode())
    folder = Path(articles_dir)
    files = ingest.list_article_files(folder) + [p for p in [folder / ingest.MANIFEST] if p.exists()]
    for p in sorted(files):
        h.update(p.name.encode())
        h.update(hashlib.sha1(p.read_bytes()).digest())
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
        return art.file, None, f"skipped {art.file}: extraction failed ({type(exc).__name__}: {exc})"


def _warm() -> None:
    from .nlp import gazetteer, pipeline

    gazetteer.load()
    pipeline.get_nlp()
    pipeline.get_matchers()


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
        from concurrent.futures import ProcessPoolExecutor

        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
        chunk = max(1, min(32, len(articles) // (workers * 8)))
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_warm) as pool:
            for result in pool.map(_safe_process, articles, chunksize=chunk):
                yield result
                if bar:
                    bar.update()
    finally:
        if bar:
            bar.close()


def build_tables(articles: list[ingest.Article], workers: int = 1, progress: bool = False) -> tuple[dict[str, pd.DataFrame], list[str]]:
    """Every table from loaded articles, plus warnings for articles that failed."""
    from .tables.events import events_table
    from .tables.initiatives import initiatives_table
    from .tables.organisations import organisations_table
    from .tables.places import places_table

    art_rows, event_rows, warnings = [], [], []
    mentions: dict[str, list[str]] = defaultdict(list)
    for name, result, warning in _run(articles, workers, progress):
        if warning:
            log.warning(warning)
            warnings.append(warning)
            continue
        row, evs, orgs = result
        art_rows.append(row)
        event_rows.extend(evs)
        for o in orgs:
            mentions[o].append(row["article_id"])
    articles_df = schema.conform(pd.DataFrame(art_rows), "articles") if art_rows else schema.empty_frame("articles")
    events = events_table(event_rows)
    tables = {
        "articles": articles_df,
        "events": events,
        "initiatives": initiatives_table(events),
        "organisations": organisations_table(mentions),
        "places": places_table(events),
    }
    return tables, warnings


def build(articles_dir: Path | str = "seeds", out_dir: Path | str = "data/processed", workers: int = 1,
          progress: bool = False) -> BuildResult:
    """Read every article in articles_dir and write the tables into out_dir, atomically."""
    t0 = time.perf_counter()
    folder = Path(articles_dir)
    if not folder.is_dir():
        raise BuildError(f"articles folder {folder} does not exist")
    fp = input_fingerprint(folder)
    articles, warnings = ingest.load_articles(folder)
    if not articles:
        raise BuildError(f"no readable articles (.txt, .md, .html) in {folder}")
    tables, more = build_tables(articles, workers=workers, progress=progress)
    warnings += more
    result = BuildResult(len(tables["articles"]), len(tables["events"]), 0.0, warnings, fp)
    info = {
        "fingerprint": fp,
        "articles_dir": str(folder.resolve()),
        "n_articles": result.n_articles,
        "n_events": result.n_events,
        "warnings": warnings,
        "version": __version__,
    }
    store.write_tables(tables, out_dir, info)
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
