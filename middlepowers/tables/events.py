"""The events table: extracted rows in a stable order."""

from __future__ import annotations

import pandas as pd

from .. import schema
from ..policy import actor_role


def events_table(rows: list[dict]) -> pd.DataFrame:
    """Event rows -> the schema's frame, ordered by article and position in the text, each with the
    actor's role (policy.actor_role) unless the extractor set one."""
    if not rows:
        return schema.empty_frame("events")
    df = pd.DataFrame(rows)
    df["actor_role"] = [
        r.get("actor_role") or actor_role(r["event_type"], r.get("actor"), r.get("venue_country"), r.get("trigger"), r.get("evidence"))
        for r in rows
    ]
    df = df.sort_values(["article_id", "evidence_start", "event_type", "actor"], kind="stable")
    return schema.conform(df, "events")
