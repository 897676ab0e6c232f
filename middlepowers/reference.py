"""Reference data under data/reference/: read once, checked, returned as plain records."""

from __future__ import annotations

import csv
import json
from functools import lru_cache
from pathlib import Path

from .errors import BuildError

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "data" / "reference"

FILES = {
    "organisations": "organisations.csv",
    "countries": "country_aliases.csv",
    "leaders": "leaders.csv",
    "places": "place_aliases.csv",
    "place_names": "place_names.csv",
    "place_stoplist": "place_stoplist.csv",
    "nonstate": "nonstate_parties.csv",
    "geometry": "ne_110m_countries.geojson",
}


def path(name: str) -> Path:
    """The path of a reference file by its short name."""
    return REFERENCE_DIR / FILES[name]


def split_list(value: str | None) -> list[str]:
    """'A|B| C' -> ['A', 'B', 'C']."""
    return [v.strip() for v in (value or "").split("|") if v.strip()]


@lru_cache(maxsize=None)
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of a reference CSV; a missing file is a BuildError naming it."""
    p = path(name)
    try:
        with p.open(encoding="utf-8", newline="") as fh:
            return tuple({k: (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(fh))
    except OSError as exc:
        raise BuildError(f"reference file {p} cannot be read: {exc.strerror or exc}") from exc


@lru_cache(maxsize=None)
def organisations() -> dict[str, dict]:
    """Canonical acronym -> record with aliases and members as lists."""
    out = {}
    for r in rows("organisations"):
        rec = dict(r)
        rec["aliases"] = split_list(r.get("aliases"))
        rec["members"] = split_list(r.get("members"))
        rec["founded"] = int(r["founded"]) if r.get("founded", "").isdigit() else None
        out[r["acronym"]] = rec
    return out


@lru_cache(maxsize=None)
def country_geometry() -> dict:
    """The bundled Natural Earth countries as a GeoJSON dict."""
    return json.loads(path("geometry").read_text(encoding="utf-8"))


def fingerprint() -> str:
    """A hash of every reference file, so caches built from them know when to rebuild."""
    import hashlib

    h = hashlib.sha1()
    for name in sorted(FILES):
        p = path(name)
        h.update(name.encode())
        if p.exists():
            h.update(p.read_bytes())
    return h.hexdigest()[:16]
