"""Downloads: the filtered events as CSV, the venues as GeoJSON, file names after the view."""

from __future__ import annotations

import json
import re

import pandas as pd

from .columns import EV
from .filters import Filters

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def events_csv(events: pd.DataFrame) -> bytes:
    """The events as UTF-8 CSV; list columns joined with ';'."""
    out = events.copy()
    for c in (EV.parties, EV.organisations):
        out[c] = out[c].map(lambda xs: ";".join(xs) if xs is not None else "")
    return out.to_csv(index=False).encode("utf-8")


def venues_geojson(venues: pd.DataFrame) -> bytes:
    """The venues as a GeoJSON FeatureCollection of points (lon, lat)."""
    feats = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [float(r.lon), float(r.lat)]},
            "properties": {"venue": r.venue, "venue_country": r.venue_country or None, "n_events": int(r.n_events),
                           "main_actor": r.actor},
        }
        for r in venues.itertuples(index=False)
    ]
    return json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False).encode("utf-8")


def file_stem(filters: Filters, what: str) -> str:
    """A file name that says which view it came from, e.g. `middlepowers-events_org-SCO_from-2017-01-01`."""
    parts = [f"middlepowers-{what}"]
    for name, values in filters.to_query(with_page=False).items():
        if name in ("article",):
            continue
        joined = "+".join(v for v in values if v) or "all"
        parts.append(f"{name}-{joined}")
    stem = _UNSAFE.sub("-", "_".join(parts)).strip("-")
    return stem[:150]
