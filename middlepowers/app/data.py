"""Cached loaders: build the tables when missing or stale, then read them once per change."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from .. import store
from ..errors import AtlasError, BuildError
from ..views import geo, query
from ..views.columns import OR
from ..views.filters import DATE_MAX, DATE_MIN, Choices

ROOT = Path(__file__).resolve().parents[2]
FIRST_ACTORS = ("KAZ", "AZE")


def data_dir() -> Path:
    """Where the tables live: $MIDDLEPOWERS_DATA, default data/processed beside app.py."""
    return _resolve(os.environ.get("MIDDLEPOWERS_DATA", "data/processed"))


def articles_dir() -> Path:
    """Where the articles live: $MIDDLEPOWERS_ARTICLES, default seeds beside app.py."""
    return _resolve(os.environ.get("MIDDLEPOWERS_ARTICLES", "seeds"))


def _resolve(p: str) -> Path:
    path = Path(p)
    return path if path.is_absolute() else ROOT / path


def reviewing_server() -> bool:
    """The server lets people review (MIDDLEPOWERS_REVIEW on, or a review password in its secrets)."""
    from ..views.review import ENV_FLAG

    if os.environ.get(ENV_FLAG, "").strip().lower() in ("1", "true", "yes", "on"):
        return True
    return bool(review_secret())


def review_secret() -> str | None:
    """The review password from the app's secrets, if it has one (no secrets file: None)."""
    from ..views.review import SECRET_KEY

    try:
        value = st.secrets.get(SECRET_KEY)
    except Exception:  # no secrets.toml at all
        return None
    return str(value) if value else None


def _fingerprint(folder: Path, pattern: str, skip: frozenset[str] = frozenset()) -> tuple:
    """Names, sizes and modification times: cheap, and any edit or new file changes it.

    Names are bytes (a name that is not UTF-8 cannot be hashed as text by Streamlit's cache), and
    a file that vanishes or cannot be followed between listing and stat is simply left out."""
    if not folder.is_dir():
        return ()
    out = []
    for f in folder.glob(pattern):
        try:
            st = f.stat()
        except OSError:
            continue
        if stat.S_ISREG(st.st_mode) and f.name not in skip:
            out.append((os.fsencode(f.name), st.st_size, st.st_mtime_ns))
    return tuple(sorted(out))


@st.cache_resource(show_spinner="Building the tables from the articles…")
def _ensure_built(articles: str, out: str, articles_fp: tuple) -> bool:
    """Run the pipeline's build once per change of the articles.

    A failure raises BuildError, which Streamlit does not cache: the next rerun tries again,
    so a fixed article or reference file is picked up without restarting the server."""
    try:
        from ..build import ensure_built
    except ImportError as err:
        if _fingerprint(Path(out), "*.parquet"):
            return False
        raise BuildError("the build module is not installed") from err
    try:
        return bool(ensure_built(Path(articles), Path(out)))
    except AtlasError as err:
        raise BuildError(str(err)) from err
    except Exception as err:  # a bug in the build must still leave the app standing
        raise BuildError(f"{type(err).__name__}: {err}") from err


@dataclass(frozen=True)
class Tables:
    """One table set: DuckDB over its events and articles (never loaded whole), the small tables
    in pandas (shared, read-only: pages must not modify them) and what links may select."""

    q: query.Atlas
    initiatives: pd.DataFrame
    organisations: pd.DataFrame
    places: pd.DataFrame
    n_events: int
    fingerprint: tuple
    choices: Choices
    org_options: tuple[str, ...]
    actor_options: tuple[str, ...]
    source_options: tuple[str, ...]


# cache_resource: one per table set for every session; the key is the set's folder and its files'
# sizes and times, so a rebuild (a new set behind `current`) is read afresh.
@st.cache_resource(show_spinner="Reading the tables…", max_entries=2)
def _read(folder: str, fp: tuple) -> Tables:
    from .. import schema

    q = query.Atlas(folder)
    org = q.table("organisations")
    found = q.choices()
    orgs = list(dict.fromkeys(list(org[OR.acronym].dropna()) + list(schema.CONTRACT_ORGANISATIONS) + found["tags"]))
    names = geo.country_names()
    others = sorted((a for a in found["actors"] if a not in FIRST_ACTORS), key=lambda a: geo.name_of(a, names))
    actors = list(FIRST_ACTORS) + others
    sources = found["sources"]
    choices = Choices(orgs=frozenset(orgs), actors=frozenset(actors), sources=frozenset(sources),
                      articles=found["articles"], dates=date_range(found["dates"]))
    return Tables(q, q.table("initiatives"), org, q.table("places"), q.n_events(), fp, choices,
                  tuple(orgs), tuple(actors), tuple(sources))


def date_range(found: tuple[date, date] | None) -> tuple[date, date]:
    """The date widgets' range: 1900 to 2100, widened to the events' own dates when they pass it."""
    return (min(DATE_MIN, found[0]), max(DATE_MAX, found[1])) if found else (DATE_MIN, DATE_MAX)


def load() -> tuple[Tables, str | None]:
    """The tables, built first when needed, and a warning when a rebuild failed but older tables
    are still there to show; raises BuildError with one line when there is nothing to show."""
    src, out = articles_dir(), data_dir()
    problem = None
    # No articles folder (a deployment that ships only tables, or tests): read what is there.
    if src.is_dir():
        # Where people review, their decisions are applied when a reviewer asks (the Review page's
        # button), not by a rebuild after every click; a read-only server follows reviews.csv itself.
        from ..reviews import REVIEWS

        skip = frozenset({REVIEWS, f".{REVIEWS}.lock"}) if reviewing_server() else frozenset({f".{REVIEWS}.lock"})
        try:
            _ensure_built(str(src), str(out), _fingerprint(src, "*", skip))
        except BuildError as err:
            problem = f"could not build the tables: {err}"
    fp = _fingerprint(out, "*.parquet")
    if not fp:
        raise BuildError(problem or f"no tables in {out} (build them with: middlepowers build --out {out})")
    try:
        # Resolve `current` once: every table of this view comes from the same set.
        return _read(str(store.current_set(out)), fp), problem
    except AtlasError:
        raise
    except Exception as err:  # an unreadable or foreign Parquet file: one line, not a traceback
        raise BuildError(f"the tables in {out} cannot be read ({type(err).__name__}: {err})") from err


@st.cache_resource
def countries():
    """Natural Earth countries (GeoDataFrame), names and centroids, loaded once per process."""
    return geo.load_countries(), geo.country_names(), geo.centroids()


def apply_reviews_now() -> bool:
    """Rebuild the tables with the review decisions (the Review page's button); True when it built."""
    from ..build import ensure_built

    src, out = articles_dir(), data_dir()
    try:
        built = bool(ensure_built(src, out))
    except AtlasError as err:
        raise BuildError(str(err)) from err
    return built
