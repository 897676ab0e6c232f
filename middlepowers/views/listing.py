"""Event rows for display: readable columns and a link back to each source."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from .. import schema
from .columns import EV
from .geo import name_of

MAX_ROWS = 500


def latest(events: pd.DataFrame, n: int = MAX_ROWS) -> pd.DataFrame:
    """The n most recent events (undated last)."""
    return events.sort_values(EV.date_start, ascending=False, na_position="last", kind="stable").head(n)


def event_rows(events: pd.DataFrame, names: dict[str, str], link: Callable[[str], str]) -> pd.DataFrame:
    """Date, type, actor, venue, parties, organisations, evidence and a source link per event."""
    def when(s, p):
        if not isinstance(s, str):
            return "undated"
        return s if p == "day" else (s[:7] if p == "month" else s[:4])

    return pd.DataFrame({
        "date": [when(s, p) for s, p in zip(events[EV.date_start].to_numpy(object, na_value=None),
                                             events[EV.date_precision].to_numpy(object, na_value=None))],
        "type": [schema.EVENT_TYPE_LABELS.get(t, t) for t in events[EV.event_type].to_numpy(object, na_value=None)],
        "actor": [name_of(a, names) for a in events[EV.actor].to_numpy(object, na_value=None)],
        "venue": events[EV.venue].fillna("").to_numpy(object),
        "parties": [", ".join(name_of(p, names) for p in (ps or [])) for ps in events[EV.parties]],
        "organisations": [", ".join(o or []) for o in events[EV.organisations]],
        "modality": events[EV.modality].fillna("").to_numpy(object),
        "evidence": events[EV.evidence].fillna("").to_numpy(object),
        "source": [link(a) for a in events[EV.article_id].to_numpy(object, na_value="")],
    })


def events_at(events: pd.DataFrame, venue: str, venue_country: str | None) -> pd.DataFrame:
    """The events at one venue of the map (as venues_frame names it)."""
    name = events[EV.venue].fillna(events[EV.venue_country]).fillna("unnamed place")
    mask = (name == venue) & events[EV.lat].notna()
    if venue_country:
        mask &= (events[EV.venue_country] == venue_country).fillna(False)
    return events[mask.fillna(False).astype(bool)]


def venue_key(venue: str | None, venue_country: str | None) -> str:
    """One string naming a venue of the map, e.g. `Astana|KAZ` (the picker's value)."""
    return f"{venue or ''}|{venue_country or ''}"


def picked_venue(selection_objects: dict | None, layer: str) -> str | None:
    """The venue key of the point clicked on the map, from st.pydeck_chart's selection.objects."""
    picked = (selection_objects or {}).get(layer) or []
    if not picked:
        return None
    return venue_key(picked[0].get("venue"), picked[0].get("venue_country"))
