"""Every table's columns and dtypes, in one place (see CONTRACT.md)."""

from __future__ import annotations

EVENT_TYPES: tuple[str, ...] = (
    "talks_hosted",
    "mediation_offer",
    "summit",
    "initiative",
    "leadership_role",
    "aid",
    "agreement",
    "disarmament",
    "peacekeeping",
)

EVENT_TYPE_LABELS: dict[str, str] = {
    "talks_hosted": "Talks hosted",
    "mediation_offer": "Mediation offer",
    "summit": "Summit",
    "initiative": "Initiative",
    "leadership_role": "Leadership role",
    "aid": "Aid",
    "agreement": "Agreement",
    "disarmament": "Disarmament",
    "peacekeeping": "Peacekeeping",
}

MODALITIES: tuple[str, ...] = ("asserted", "planned", "hypothetical", "negated")
DATE_PRECISIONS: tuple[str, ...] = ("day", "month", "year")
GEO_PRECISIONS: tuple[str, ...] = ("city", "country")
ORG_STATUSES: tuple[str, ...] = ("member", "observer", "dialogue partner", "partner", "chair", "none")

# Canonical organisation acronyms named by the contract; reference data may add more.
CONTRACT_ORGANISATIONS: tuple[str, ...] = (
    "SCO", "CICA", "NAM", "OTS", "UN", "UNSC", "UNGA", "EAEU", "CIS", "OSCE",
    "OIC", "BRICS", "G20", "EU", "WHO", "CSTO", "ASEAN",
)

# Column name -> pandas dtype. "object" columns hold Python lists.
ARTICLES: dict[str, str] = {
    "article_id": "string",
    "file": "string",
    "title": "string",
    "source": "string",
    "url": "string",
    "published": "string",
    "author": "string",
    "n_words": "int64",
    "text": "string",
}

EVENTS: dict[str, str] = {
    "event_id": "string",
    "article_id": "string",
    "event_type": "string",
    "actor": "string",
    "parties": "object",
    "organisations": "object",
    "venue": "string",
    "venue_country": "string",
    "lat": "float64",
    "lon": "float64",
    "geo_precision": "string",
    "date_start": "string",
    "date_end": "string",
    "date_precision": "string",
    "evidence": "string",
    "evidence_start": "int64",
    "evidence_end": "int64",
    "modality": "string",
    "confidence": "float64",
    # Extensions beyond the contract.
    "trigger": "string",
    "name": "string",
    "amount_usd": "float64",
    "actor_role": "string",  # the actor's part: one of policy.ACTOR_ROLES, or null
    "reviewed": "string",  # accepted, corrected or added by a reviewer (reviews.csv), or null
}

INITIATIVES: dict[str, str] = {
    "initiative_id": "string",
    "name": "string",
    "proposer": "string",
    "organisations": "object",
    "first_year": "Int64",
    "article_ids": "object",
    "evidence": "string",
}

ORGANISATIONS: dict[str, str] = {
    "acronym": "string",
    "name": "string",
    "mentions": "int64",
    "article_ids": "object",
    "founded": "Int64",
    "headquarters": "string",
    "members": "object",
    "kaz_status": "string",
    "aze_status": "string",
    "source_url": "string",
}

PLACES: dict[str, str] = {
    "venue": "string",
    "venue_country": "string",
    "lat": "float64",
    "lon": "float64",
    "n_events": "int64",
}

# Columns beyond the contract: tables written before one was added still read, with it empty.
EXTENSION_COLUMNS: dict[str, tuple[str, ...]] = {
    "events": ("trigger", "name", "amount_usd", "actor_role", "reviewed"),
}

TABLES: dict[str, dict[str, str]] = {
    "articles": ARTICLES,
    "events": EVENTS,
    "initiatives": INITIATIVES,
    "organisations": ORGANISATIONS,
    "places": PLACES,
}


def empty_frame(table: str):
    """An empty DataFrame with the table's columns and dtypes."""
    import pandas as pd

    cols = TABLES[table]
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in cols.items()})


def conform(df, table: str):
    """Order columns as the schema says and cast them to its dtypes."""
    import pandas as pd

    cols = TABLES[table]
    out = pd.DataFrame(index=df.index)
    for c, t in cols.items():
        s = df[c] if c in df.columns else pd.Series([None] * len(df), index=df.index)
        if t == "object":
            out[c] = s.map(lambda v: list(v) if v is not None and not isinstance(v, float) else [])
        else:
            out[c] = s.astype(t)
    return out.reset_index(drop=True)
