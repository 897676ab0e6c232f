"""The places table: each venue with its coordinates and number of events."""

from __future__ import annotations

import pandas as pd

from .. import schema


def places_table(events: pd.DataFrame) -> pd.DataFrame:
    """Venues named at city precision, counted; country-level venues are left to the events."""
    ev = events[events["venue"].notna() & events["lat"].notna()]
    if ev.empty:
        return schema.empty_frame("places")
    g = (ev.groupby(["venue", "venue_country"], dropna=False)
         .agg(lat=("lat", "first"), lon=("lon", "first"), n_events=("event_id", "size"))
         .reset_index()
         .sort_values(["n_events", "venue"], ascending=[False, True], kind="stable"))
    return schema.conform(g, "places")
