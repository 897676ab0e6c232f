"""The organisations table: reference data for every organisation, with mention counts."""

from __future__ import annotations

import pandas as pd

from .. import reference, schema


def organisations_table(mentions: dict[str, list[str]]) -> pd.DataFrame:
    """mentions: acronym -> article ids (one per mention). Every reference organisation gets a row."""
    rows = []
    for acr, rec in sorted(reference.organisations().items()):
        arts = mentions.get(acr, [])
        rows.append({
            "acronym": acr,
            "name": rec.get("name") or acr,
            "mentions": len(arts),
            "article_ids": sorted(set(arts)),
            "founded": rec.get("founded"),
            "headquarters": rec.get("headquarters") or None,
            "members": list(rec.get("members") or []),
            "kaz_status": rec.get("kaz_status") or "none",
            "aze_status": rec.get("aze_status") or "none",
            "source_url": rec.get("source_url") or None,
        })
    if not rows:
        return schema.empty_frame("organisations")
    return schema.conform(pd.DataFrame(rows), "organisations")
