"""The initiatives table: named initiatives from initiative events, one row per name and proposer."""

from __future__ import annotations

import hashlib
import re

import pandas as pd

from .. import schema

_SPACE = re.compile(r"\s+")


def _key(name: str) -> str:
    name = _SPACE.sub(" ", name.strip().strip("“”\"'«» ,.").lower())
    return re.sub(r"^the ", "", name)


def initiatives_table(events: pd.DataFrame) -> pd.DataFrame:
    """Group initiative events by (normalised name, proposer); years from their dates."""
    ev = events[(events["event_type"] == "initiative") & events["name"].notna()]
    if ev.empty:
        return schema.empty_frame("initiatives")
    rows = {}
    for r in ev.itertuples(index=False):
        key = (_key(r.name), r.actor)
        year = int(r.date_start[:4]) if isinstance(r.date_start, str) and r.date_start else None
        row = rows.get(key)
        if row is None:
            rows[key] = row = {
                "initiative_id": hashlib.sha1(f"{key[0]}|{key[1]}".encode()).hexdigest()[:12],
                "name": _SPACE.sub(" ", r.name.strip().strip("“”\"")),
                "proposer": r.actor,
                "organisations": [],
                "first_year": year,
                "article_ids": [],
                "evidence": r.evidence,
            }
        row["organisations"] += [o for o in r.organisations if o not in row["organisations"]]
        if r.article_id not in row["article_ids"]:
            row["article_ids"].append(r.article_id)
        if year is not None and (row["first_year"] is None or year < row["first_year"]):
            row["first_year"] = year
    df = pd.DataFrame(sorted(rows.values(), key=lambda x: (x["proposer"] or "", x["name"].lower())))
    return schema.conform(df, "initiatives")
