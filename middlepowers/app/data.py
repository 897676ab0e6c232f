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
from ..views import geo
from ..views.columns import AR, EV, OR
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


def _fingerprint(folder: Path, pattern: str) -> tuple:
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
        if stat.S_ISREG(st.st_mode):
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
    """The five tables (shared, read-only: pages must not modify them) and what links may select."""

    articles: pd.DataFrame
    events: pd.DataFrame
    initiatives: pd.DataFrame
    organisations: pd.DataFrame
    places: pd.DataFrame
    fingerprint: tuple
    choices: Choices
    org_options: tuple[str, ...]
    actor_options: tuple[str, ...]
    source_options: tuple[str, ...]


# cache_resource, not cache_data: cache_data would unpickle a copy of 20,000 rows on every rerun.
@st.cache_resource(show_spinner="Reading the tables…", max_entries=4)
def _read(out: str, fp: tuple) -> Tables:
    t = store.read_tables(out)
    ev, org, art = t["events"], t["organisations"], t["articles"]
    from .. import schema

    orgs = list(dict.fromkeys(list(org[OR.acronym].dropna()) + list(schema.CONTRACT_ORGANISATIONS)
                              + sorted({o for xs in ev[EV.organisations] for o in (xs or [])})))
    counts = ev[EV.actor].dropna().value_counts()
    names = geo.country_names()
    others = sorted((a for a in counts.index if a not in FIRST_ACTORS), key=lambda a: geo.name_of(a, names))
    actors = list(FIRST_ACTORS) + others
    sources = sorted(art[AR.source].dropna().unique())
    choices = Choices(orgs=frozenset(orgs), actors=frozenset(actors), sources=frozenset(sources),
                      articles=frozenset(art[AR.article_id].dropna()), dates=date_range(ev))
    return Tables(t["articles"], ev, t["initiatives"], org, t["places"], fp, choices,
                  tuple(orgs), tuple(actors), tuple(sources))


def date_range(events: pd.DataFrame) -> tuple[date, date]:
    """The date widgets' range: 1900 to 2100, widened to the events' own dates when they pass it."""
    found = []
    for col in (EV.date_start, EV.date_end):
        if col in events and len(events):
            days = pd.to_datetime(events[col], errors="coerce", format="ISO8601").dropna()
            found += [days.min().date(), days.max().date()] if len(days) else []
    return min([DATE_MIN, *found]), max([DATE_MAX, *found])


def load() -> tuple[Tables, str | None]:
    """The tables, built first when needed, and a warning when a rebuild failed but older tables
    are still there to show; raises BuildError with one line when there is nothing to show."""
    src, out = articles_dir(), data_dir()
    problem = None
    # No articles folder (a deployment that ships only tables, or tests): read what is there.
    if src.is_dir():
        try:
            _ensure_built(str(src), str(out), _fingerprint(src, "*"))
        except BuildError as err:
            problem = f"could not build the tables: {err}"
    fp = _fingerprint(out, "*.parquet")
    if not fp:
        raise BuildError(problem or f"no tables in {out} (build them with: middlepowers build --out {out})")
    try:
        return _read(str(out), fp), problem
    except AtlasError:
        raise
    except Exception as err:  # an unreadable or foreign Parquet file: one line, not a traceback
        raise BuildError(f"the tables in {out} cannot be read ({type(err).__name__}: {err})") from err


@st.cache_resource
def countries():
    """Natural Earth countries (GeoDataFrame), names and centroids, loaded once per process."""
    return geo.load_countries(), geo.country_names(), geo.centroids()
