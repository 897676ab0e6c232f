"""The events table: extracted rows in a stable order."""

from __future__ import annotations

import pandas as pd

from .. import schema


def events_table(rows: list[dict]) -> pd.DataFrame:
    """Event rows -> the schema's frame, ordered by article and position in the text."""
    if not rows:
        return schema.empty_frame("events")
    df = pd.DataFrame(rows)
    df = df.sort_values(["article_id", "evidence_start", "event_type", "actor"], kind="stable")
    return schema.conform(df, "events")
