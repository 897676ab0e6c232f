"""Every SQL the dashboard runs: DuckDB (embedded, in-process) over one table set's Parquet files.

The pages ask for what they draw (counts, per-venue groups, the rows of the visible table page,
the timeline's points) and get small pandas frames back for the pure builders; the tables are
read in place, never loaded whole. Values are always bound parameters (`$name`), never formatted
into the SQL; the only names put into a string are column names from schema.py and the filter
specs' own predicates (views/filters.py). The evidence and article texts are read only for the
rows shown.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from .. import schema
from ..policy import HOSTING_ROLES
from .filters import FILTERS, Filters

_SQL_TYPES = {"str": "VARCHAR", "object": "VARCHAR[]", "float64": "DOUBLE", "Float64": "DOUBLE", "int64": "BIGINT",
              "Int64": "BIGINT", "bool": "BOOLEAN", "boolean": "BOOLEAN"}
# What an events table shows per row (listing.event_rows) and what the downloads carry.
ROW_COLUMNS = ("event_id", "article_id", "event_type", "actor", "parties", "organisations", "venue", "venue_country",
               "lat", "lon", "date_start", "date_end", "date_precision", "evidence", "evidence_start", "evidence_end",
               "modality", "name", "amount_usd", "actor_role", "confidence", "reviewed")
LIST_COLUMNS = frozenset(c for t in schema.TABLES.values() for c, d in t.items() if d == "object")
MAX_MEMOS = 64  # text searches kept (a few hundred KB each at a million events)
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_OCCASION = ("coalesce(lower(name), coalesce(event_type, '') || '|' || coalesce(venue, '?') || '|' "
             "|| coalesce(date_start, '?'))")
_LATEST = "date_start DESC NULLS LAST, event_id"
_VENUE = "coalesce(nullif(coalesce(venue, venue_country, ''), ''), 'unnamed place')"


@dataclass(frozen=True)
class Subset:
    """A narrowing beyond the sidebar's filters (one venue, one organisation, one article...):
    a predicate over the filtered events and its bound parameters."""

    sql: str = "TRUE"
    params: dict = field(default_factory=dict)
    memo: bool = False  # costly (a self-join): its rows are found once per filters and kept


ALL = Subset()


def at_venue(venue: str, venue_country: str | None) -> Subset:
    """The events at one venue of the map (as maps.venues_frame names it)."""
    sql = f"{_VENUE} = $s_venue AND lat IS NOT NULL"
    params = {"s_venue": venue}
    if venue_country:
        sql += " AND venue_country = $s_country"
        params["s_country"] = venue_country
    return Subset(sql, params)


def tagged(acronym: str) -> Subset:
    """The events tagged with one organisation."""
    return Subset("list_contains(organisations, $s_org)", {"s_org": acronym})


def of_article(article_id: str) -> Subset:
    """The events read from one article."""
    return Subset("article_id = $s_article", {"s_article": article_id})


def shared_by(a: str, b: str) -> Subset:
    """Occasions both countries appear in (compare.shared_occasions): both act on the same
    occasion (its name, else type, venue and start date), or one acts with the other as a party."""
    sql = ("((actor = $s_a OR actor = $s_b) AND occasion IN (SELECT occasion FROM ev WHERE actor = $s_a "
           "INTERSECT SELECT occasion FROM ev WHERE actor = $s_b)) "
           "OR (actor = $s_a AND list_contains(parties, $s_b)) OR (actor = $s_b AND list_contains(parties, $s_a))")
    return Subset(sql, {"s_a": a, "s_b": b}, memo=True)


def where(filters: Filters, vocab: dict[str, list[str]] | None = None, memo=None) -> tuple[str, dict]:
    """The filters as one SQL predicate over the events, from the filter specs, and its
    parameters. `vocab` names the values of each list column kept as a bit mask; `memo(spec,
    value)`, when given, names a table of the rows an expensive predicate keeps."""
    parts, params = [], {}
    for spec, value in filters.active():
        bound = spec.bound(value)
        if spec.memo and memo is not None:
            parts.append(f"(rid IN (SELECT rid FROM {memo(spec, bound)}))")
        elif spec.bits and vocab and spec.bits in vocab:
            words = vocab[spec.bits]
            parts.append(f"(({_q(spec.bits + '_bits')} & ${spec.param}) <> 0)")
            params[spec.param] = sum(1 << words.index(v) for v in bound if v in words)
        else:
            parts.append(f"({spec.sql})")
            params[spec.param] = bound
    return " AND ".join(parts) or "TRUE", params


def _type_table(df: pd.DataFrame, actors: Sequence[str]) -> pd.DataFrame:
    wide = df.pivot(index="event_type", columns="actor", values="n") if len(df) else pd.DataFrame()
    return wide.reindex(index=list(schema.EVENT_TYPES), columns=list(actors), fill_value=0).fillna(0).astype(int)


def _q(name: str) -> str:
    """A column name from schema.py, quoted as an SQL identifier."""
    if '"' in name:
        raise ValueError(name)
    return f'"{name}"'


def _used(sql: str, params: dict | None) -> dict:
    # DuckDB refuses parameters a statement does not name; queries share one dict of them.
    names = set(_PARAM.findall(sql))
    return {k: v for k, v in (params or {}).items() if k in names}


def _lists(df: pd.DataFrame) -> pd.DataFrame:
    # DuckDB hands list columns over as numpy arrays; the builders expect lists, as store reads them.
    for c in df.columns:
        if c in LIST_COLUMNS and df[c].dtype == object:
            df[c] = [x.tolist() if isinstance(x, np.ndarray) else list(x) if isinstance(x, (list, tuple)) else []
                     for x in df[c]]
    return df


def _ints(value) -> list[int]:
    """A list of rids from a DuckDB list cell (None or NaN when the list is NULL)."""
    return [int(r) for r in value] if isinstance(value, (list, tuple, np.ndarray)) else []


class Atlas:
    """DuckDB views over the Parquet tables of one set (store.current_set), and the queries."""

    def __init__(self, folder: Path | str, memory_limit: str = "512MB", threads: int = 2):
        self.folder = Path(folder)
        self._con = duckdb.connect(":memory:", config={"memory_limit": memory_limit, "threads": threads})
        self._memos: OrderedDict[tuple, str] = OrderedDict()
        self._made = 0
        self._lock = threading.RLock()  # one connection: DuckDB's Python connection is not for two threads at once
        for table, columns in schema.TABLES.items():
            rel = self._con.read_parquet(str(self.folder / f"{table}.parquet"))
            present = set(rel.columns)
            # A table written before a column was added reads with it empty, as store.read_tables does;
            # every column gets its schema type (an empty table's Parquet file has untyped columns).
            select = ", ".join(f'CAST({_q(c) if c in present else "NULL"} AS {_SQL_TYPES.get(t, "VARCHAR")}) AS {_q(c)}'
                               for c, t in columns.items())
            rel.project(select).create_view(f"{table}_file" if table == "events" else table)
        # The events' columns the pages read, once, into DuckDB's own columnar memory, in the
        # order the tables list them (most recent first): a page of rows is then the first
        # matches of a scan, and an even sample across time is every k-th position. The other
        # columns (and the article texts) stay in the Parquet files.
        cols = ", ".join(_q(c) for c in ROW_COLUMNS)
        # List columns a filter reads (organisations) are also kept as a bit mask when they hold
        # at most 63 distinct values: a mask test is several times faster than a list search.
        self.vocab: dict[str, list[str]] = {}
        masks, params = "", {}
        for spec in FILTERS:
            if spec.bits:
                words = [w for (w,) in self._con.execute(
                    f"SELECT DISTINCT w FROM (SELECT unnest({_q(spec.bits)}) AS w FROM events_file) "
                    "WHERE w IS NOT NULL ORDER BY w").fetchall()]
                if len(words) <= 63:
                    self.vocab[spec.bits] = words
                    name = f"v_{len(params)}"
                    params[name] = words or [""]
                    masks += (f", coalesce(list_sum(list_transform({_q(spec.bits)}, lambda w: (1::UBIGINT << "
                              f"(list_position(${name}, w) - 1)::INTEGER))), 0)::UBIGINT AS {_q(spec.bits + '_bits')}")
        # What makes two events one occasion (compare.occasion_key), hashed once for shared_by.
        masks += f", hash({_OCCASION}) AS occasion"
        self._con.execute(f"CREATE TABLE events AS SELECT row_number() OVER (ORDER BY {_LATEST}) AS rid, {cols}{masks} "
                          f"FROM events_file ORDER BY rid", params)

    def _memo(self, spec, value) -> str:
        """The temporary table of the rows (rid) spec's predicate keeps for value, made once."""
        sql = f"SELECT rid FROM events WHERE {spec.sql}"
        return self._kept(sql, _used(sql, {spec.param: value}))

    def _kept(self, sql: str, params: dict) -> str:
        """A temporary table holding what sql (a SELECT of rid) returns with these parameters:
        made on first use, then reused (the last MAX_MEMOS are kept)."""
        key = (sql, repr(sorted(params.items())))
        with self._lock:
            name = self._memos.get(key)
            if name is None:
                self._made += 1
                name = f"memo_{self._made}"  # our own counter, never a value from the reader
                self._con.execute(f"CREATE TEMP TABLE {name} AS {sql}", params)
                self._memos[key] = name
                if len(self._memos) > MAX_MEMOS:
                    _, old = self._memos.popitem(last=False)
                    self._con.execute(f"DROP TABLE IF EXISTS {old}")
            else:
                self._memos.move_to_end(key)
            return name

    def _df(self, sql: str, params: dict | None = None) -> pd.DataFrame:
        with self._lock:
            return _lists(self._con.execute(sql, _used(sql, params)).df())

    def _one(self, sql: str, params: dict | None = None) -> tuple:
        with self._lock:
            return self._con.execute(sql, _used(sql, params)).fetchone()

    def _where(self, filters: Filters, subset: Subset = ALL) -> tuple[str, dict]:
        """The filters and the subset as one predicate over `events` (no CTE: a plain scan keeps
        the table's order, which rows() and timeline_points() rely on)."""
        pred, params = where(filters, self.vocab, self._memo)
        sub = subset.sql.replace("FROM ev WHERE ", f"FROM events WHERE ({pred}) AND ")
        params = {**params, **subset.params}
        if subset.memo:
            sql = f"SELECT rid FROM events WHERE ({pred}) AND ({sub})"
            return f"(rid IN (SELECT rid FROM {self._kept(sql, _used(sql, params))}))", {}
        return f"({pred}) AND ({sub})", params

    # --- what every page needs -------------------------------------------------------------

    def table(self, name: str) -> pd.DataFrame:
        """A small table whole (organisations, initiatives, places)."""
        return self._df(f"SELECT * FROM {schema_table(name)}")

    def n_events(self) -> int:
        """Every event in the set."""
        return int(self._one("SELECT count(*) FROM events")[0])

    def choices(self) -> dict:
        """What the sidebar and links may select: organisations tagged, actors by count, sources,
        article ids, and the earliest and latest dates the events have."""
        tags = self._df("SELECT DISTINCT unnest(organisations) AS o FROM events ORDER BY o")["o"].dropna().tolist()
        actors = self._df("SELECT actor, count(*) AS n FROM events WHERE actor IS NOT NULL GROUP BY actor "
                          "ORDER BY n DESC, actor")
        sources = self._df("SELECT DISTINCT source FROM articles WHERE source IS NOT NULL ORDER BY source")["source"]
        ids = self._df("SELECT article_id FROM articles WHERE article_id IS NOT NULL")["article_id"]
        lo, hi = self._one("SELECT min(d), max(d) FROM (SELECT try_cast(date_start AS DATE) AS d FROM events "
                           "UNION ALL SELECT try_cast(date_end AS DATE) FROM events)")
        return {"tags": tags, "actors": actors["actor"].tolist(), "sources": sources.tolist(),
                "articles": frozenset(ids), "dates": (lo, hi) if lo is not None else None}

    def count(self, filters: Filters, subset: Subset = ALL) -> int:
        """How many events the filters (and the subset) keep."""
        pred, params = self._where(filters, subset)
        return int(self._one(f"SELECT count(*) FROM events WHERE {pred}", params)[0])

    def summary(self, filters: Filters) -> dict[str, int]:
        """Events, articles, venues and acting countries the filters keep."""
        pred, params = self._where(filters)
        sql = ("SELECT count(*), count(DISTINCT article_id), count(DISTINCT venue), count(DISTINCT actor), "
               f"count(reviewed) FROM events WHERE {pred}")
        n, arts, venues, actors, reviewed = self._one(sql, params)
        return {"events": n, "articles": arts, "venues": venues, "actors": actors, "reviewed": reviewed}

    def review_queue(self, filters: Filters, limit: int, offset: int = 0) -> pd.DataFrame:
        """One page of the filtered events to review: not yet reviewed first, then least confident,
        then in text order; with each event's article file, title and address (not its text)."""
        pred, params = self._where(filters)
        cols = ", ".join(f"e.{_q(c)}" for c in ROW_COLUMNS)
        sql = (f"SELECT {cols}, a.file, coalesce(a.title, a.file) AS title, a.url FROM "
               f"(SELECT * FROM events WHERE {pred}) e LEFT JOIN articles a USING (article_id) "
               "ORDER BY e.reviewed IS NOT NULL, e.confidence NULLS FIRST, e.article_id, e.evidence_start, e.event_id "
               "LIMIT $q_limit OFFSET $q_offset")
        return self._df(sql, {**params, "q_limit": int(limit), "q_offset": int(offset)})

    def rows(self, filters: Filters, subset: Subset = ALL, limit: int | None = 500, offset: int = 0,
             columns: Sequence[str] = ROW_COLUMNS) -> pd.DataFrame:
        """The events to show, most recent first (undated last): one page of them. The table is
        stored in that order and a plain scan keeps it (DuckDB's preserve_insertion_order)."""
        pred, params = self._where(filters, subset)
        cols = ", ".join(_q(c) for c in columns if c in ROW_COLUMNS)
        sql = f"SELECT {cols} FROM events WHERE {pred}"
        if limit is not None:
            sql += " LIMIT $q_limit OFFSET $q_offset"
            params = {**params, "q_limit": int(limit), "q_offset": int(offset)}
        return self._df(sql, params)

    def rows_of(self, rids: Sequence[int], columns: Sequence[str] = ROW_COLUMNS) -> pd.DataFrame:
        """The events with these rids (from pair()), in table order: most recent first."""
        cols = ", ".join(_q(c) for c in columns if c in ROW_COLUMNS)
        return self._df(f"SELECT {cols} FROM events WHERE rid IN (SELECT unnest($q_rids)) ORDER BY rid",
                        {"q_rids": [int(r) for r in rids]})

    def all_rows(self, filters: Filters) -> pd.DataFrame:
        """Every filtered event with every column, from the Parquet file, for the CSV download
        (only made on a click)."""
        pred, params = where(filters)
        return self._df(f"SELECT * FROM events_file WHERE {pred}", params)

    def actor_counts(self, filters: Filters, dated: bool = False, subset: Subset = ALL) -> pd.Series:
        """Events per acting country, busiest first (charts.lanes_from_counts reads it)."""
        pred, params = self._where(filters, subset)
        extra = " AND date_start IS NOT NULL" if dated else ""
        df = self._df(f"SELECT actor, count(*) AS n FROM events WHERE {pred} AND actor IS NOT NULL{extra} "
                      "GROUP BY actor ORDER BY n DESC, actor", params)
        return pd.Series(df["n"].to_numpy(int), index=df["actor"].tolist(), dtype=int)

    # --- map ---------------------------------------------------------------------------------

    def venue_groups(self, filters: Filters) -> pd.DataFrame:
        """Per venue and acting country: events, how many hosted, coordinates (maps.venues_from_groups)."""
        pred, params = self._where(filters)
        sql = (f"SELECT {_VENUE} AS venue, coalesce(venue_country, '') AS venue_country, coalesce(actor, '?') AS actor, "
               "count(*) AS n, count(*) FILTER (WHERE list_contains($q_roles, actor_role)) AS hosted, "
               f"any_value(lat) AS lat, any_value(lon) AS lon FROM events WHERE {pred} "
               "AND lat IS NOT NULL AND lon IS NOT NULL GROUP BY ALL")
        return self._df(sql, {**params, "q_roles": sorted(HOSTING_ROLES)})

    def arc_groups(self, filters: Filters, parties: Sequence[str], types: Sequence[str]) -> pd.DataFrame:
        """Per venue and state party of the talks hosted there (maps.arcs_from_groups)."""
        pred, params = self._where(filters)
        sql = ("SELECT venue, party, any_value(lat) AS lat, any_value(lon) AS lon, any_value(actor) AS actor, "
               "count(*) AS n FROM (SELECT venue, lat, lon, actor, unnest(parties) AS party "
               f"FROM events WHERE {pred} AND list_contains($q_types, event_type) AND lat IS NOT NULL "
               "AND venue IS NOT NULL) WHERE list_contains($q_parties, party) GROUP BY venue, party ORDER BY venue, party")
        return self._df(sql, {**params, "q_parties": list(parties), "q_types": list(types)})

    def unplaced(self, filters: Filters) -> int:
        """Filtered events without coordinates."""
        pred, params = self._where(filters)
        return int(self._one(f"SELECT count(*) FROM events WHERE {pred} AND lat IS NULL", params)[0])

    # --- timeline ------------------------------------------------------------------------------

    def timeline_points(self, filters: Filters, max_events: int, total: int,
                        subset: Subset = ALL) -> pd.DataFrame:
        """At most about max_events dated events with an actor, oldest first: an even sample
        across time when `total` (how many there are: the sum of actor_counts(dated=True)) is
        more, every k-th position of the date order."""
        pred, params = self._where(filters, subset)
        base = f"FROM events WHERE {pred} AND date_start IS NOT NULL AND actor IS NOT NULL"
        cols = "event_id, actor, event_type, date_start, date_end, date_precision, venue, evidence"
        step = max(1, -(-total // max_events)) if total else 1
        # rid numbers every event of the set in date order; the matches are spread over it, so
        # every step-th position keeps about total/step of them, evenly across time.
        sql = f"SELECT {cols} {base} AND rid % $q_step = 0 ORDER BY rid DESC LIMIT $q_limit"
        if step == 1:
            sql = f"SELECT {cols} {base} ORDER BY rid DESC"
        return self._df(sql, {**params, "q_step": step, "q_limit": int(max_events)})

    def yearly(self, filters: Filters) -> pd.DataFrame:
        """Dated events per year and type (charts.yearly_figure; its sum is every dated event)."""
        pred, params = self._where(filters)
        sql = ("SELECT substr(date_start, 1, 4) AS year, event_type AS type, count(*) AS n "
               f"FROM events WHERE {pred} AND date_start IS NOT NULL GROUP BY ALL ORDER BY year")
        return self._df(sql, params)

    # --- compare -------------------------------------------------------------------------------

    def type_counts(self, filters: Filters, actors: Sequence[str]) -> pd.DataFrame:
        """Events by type (rows, schema order) and actor (columns), as compare.type_counts."""
        pred, params = self._where(filters)
        df = self._df(f"SELECT event_type, actor, count(*) AS n FROM events WHERE {pred} "
                      "AND list_contains($q_actors, actor) GROUP BY ALL", {**params, "q_actors": list(actors)})
        return _type_table(df, actors)

    def pair(self, filters: Filters, actors: Sequence[str], hosting: Sequence[str], brokering: Sequence[str],
             limit: int, max_points: int, shared_first: int = 0, shared_limit: int = 0) -> dict:
        """Everything the comparison draws below its first chart (type_counts, asked first so the
        chart is not kept waiting), in one statement over the actors' filtered events (read once):
        venues hosted (policy.HOSTING_ROLES), parties of the talks brokered, stated aid (total,
        count, the `limit` most recent rows), the timeline (dated events per actor, at most about
        max_points of them to draw) and the shared occasions (their rids, most recent first, for
        rows_of). The `shared_limit` shared occasions from position `shared_first` on come whole
        too, as (shared_first, rows) in "shared_rows", so that the rows drawn, listed and shown
        are read in one scan of the events."""
        pred, params = self._where(filters)
        params = {**params, "q_actors": list(actors), "q_hosting": list(hosting), "q_brokering": list(brokering),
                  "q_roles": sorted(HOSTING_ROLES), "q_limit": int(limit), "q_points": int(max_points),
                  "q_a": actors[0], "q_b": actors[-1]}
        sql = (f"WITH p AS MATERIALIZED (SELECT rid, actor, event_type, venue, actor_role, date_start, parties, "
               f"amount_usd, occasion FROM events WHERE {pred} AND list_contains($q_actors, actor)), "
               "d AS (SELECT greatest(1, ceil(count(*) / $q_points))::BIGINT AS step FROM p WHERE date_start IS NOT NULL) "
               "SELECT 'venue' AS kind, actor, venue AS k, count(*) AS n, min(date_start) AS first, "
               "max(date_start) AS last FROM p WHERE list_contains($q_hosting, event_type) AND venue IS NOT NULL "
               "AND list_contains($q_roles, actor_role) GROUP BY ALL "
               "UNION ALL BY NAME SELECT 'party' AS kind, actor, party AS k, count(*) AS n FROM (SELECT actor, "
               "unnest(parties) AS party FROM p WHERE list_contains($q_brokering, event_type)) "
               "WHERE party IS NOT NULL GROUP BY ALL "
               # The rows to read in full come as lists of rids, one row each: a few dozen rows in
               # all rather than a row per rid.
               "UNION ALL BY NAME SELECT 'aid' AS kind, actor, count(*) AS n, sum(amount_usd) AS amount, "
               "list_slice(list(rid ORDER BY rid), 1, $q_limit) AS rids FROM p "
               "WHERE event_type = 'aid' AND amount_usd IS NOT NULL GROUP BY ALL "
               "UNION ALL BY NAME SELECT 'lane' AS kind, actor, count(*) AS n FROM p WHERE date_start IS NOT NULL "
               "GROUP BY ALL "
               "UNION ALL BY NAME SELECT 'point' AS kind, list_slice(list(rid ORDER BY rid DESC), 1, $q_points) AS rids "
               "FROM p WHERE date_start IS NOT NULL AND rid % (SELECT step FROM d) = 0 "
               # Shared occasions of the first two (shared_by): both act on it, or one with the other as a party.
               "UNION ALL BY NAME SELECT 'shared' AS kind, list(rid ORDER BY rid) AS rids FROM p WHERE occasion IN "
               "(SELECT occasion FROM p WHERE actor = $q_a INTERSECT SELECT occasion FROM p WHERE actor = $q_b) "
               "OR (actor = $q_a AND list_contains(parties, $q_b)) OR (actor = $q_b AND list_contains(parties, $q_a))")
        agg = self._df(sql, params)
        kind = agg["kind"]
        rids = {k: _ints(agg.loc[kind == k, "rids"].iloc[0] if (kind == k).any() else None) for k in ("point", "shared")}
        aid_rids = {a: _ints(v) for a, v in zip(agg.loc[kind == "aid", "actor"], agg.loc[kind == "aid", "rids"])}
        # The few rows drawn, listed or shown, with their evidence, in one more read.
        first = max(int(shared_first), 0)
        page = rids["shared"][first:first + max(int(shared_limit), 0)]
        picked = sorted(set(rids["point"]).union(page, *aid_rids.values()))
        cols = ", ".join(_q(c) for c in ROW_COLUMNS)
        detail = self._df(f"SELECT rid, {cols} FROM events WHERE rid IN (SELECT unnest($q_rids))",
                          {"q_rids": picked}).set_index("rid")
        # The few dozen aggregate rows, split per kind and actor in plain Python (pandas' masks and
        # sorts cost about a millisecond each on frames this small).
        groups: dict[tuple, list[tuple]] = {}
        for row in zip(*(agg[c].tolist() for c in ("kind", "actor", "k", "n", "first", "last", "amount"))):
            groups.setdefault(row[:2], []).append(row[2:])
        lanes = sorted(((a, int(n)) for (kd, a), rs in groups.items() if kd == "lane" for _, n, *_ in rs),
                       key=lambda an: (-an[1], str(an[0])))
        out = {"venues": {}, "parties": {}, "aid": {}, "shared": rids["shared"],
               "shared_rows": (first, detail.loc[page].reset_index(drop=True)),
               "lanes": pd.Series([n for _, n in lanes], index=[a for a, _ in lanes], dtype=int),
               "points": detail.loc[rids["point"], ["event_id", "actor", "event_type", "date_start", "date_end",
                                                    "date_precision", "venue", "evidence"]].reset_index(drop=True)}
        for a in actors:
            v = sorted(groups.get(("venue", a), []), key=lambda r: (-int(r[1]), str(r[0])))
            out["venues"][a] = pd.DataFrame({"venue": pd.Series([r[0] for r in v], dtype=object),
                                             "events": pd.Series([int(r[1]) for r in v], dtype=int),
                                             "first": pd.Series([r[2] for r in v], dtype=object),
                                             "last": pd.Series([r[3] for r in v], dtype=object)})
            pt = sorted(groups.get(("party", a), []), key=lambda r: (-int(r[1]), str(r[0])))
            out["parties"][a] = pd.DataFrame({"party": pd.Series([r[0] for r in pt], dtype=object),
                                              "events": pd.Series([int(r[1]) for r in pt], dtype=int)})
            aid = groups.get(("aid", a), [])
            shown = detail.loc[aid_rids.get(a, []), ["date_start", "amount_usd", "parties", "evidence"]].reset_index(drop=True)
            out["aid"][a] = (shown, float(sum(r[4] for r in aid)), int(sum(int(r[1]) for r in aid)))
        return out

    def tag_counts(self, filters: Filters) -> dict[str, int]:
        """Filtered events tagged with each organisation."""
        pred, params = self._where(filters)
        df = self._df(f"SELECT o, count(*) AS n FROM (SELECT unnest(organisations) AS o FROM events WHERE {pred}) "
                      "GROUP BY o", params)
        return dict(zip(df["o"], df["n"].astype(int)))

    # --- sources -------------------------------------------------------------------------------

    def article_list(self, sources: Sequence[str], limit: int, keep: str | None = None) -> tuple[pd.DataFrame, int]:
        """Article ids and titles (title, else file) of these sources (all when empty), in table
        order: the first `limit`, plus `keep` when it is one of them; and how many there are."""
        pred = "list_contains($q_sources, source)" if sources else "TRUE"
        params = {"q_sources": list(sources)} if sources else {}
        n = int(self._one(f"SELECT count(*) FROM articles WHERE {pred}", params)[0])
        sql = (f"SELECT article_id, coalesce(title, file) AS title FROM (SELECT *, row_number() OVER () AS i "
               f"FROM articles WHERE {pred}) WHERE i <= $q_limit OR article_id = $q_keep ORDER BY i")
        return self._df(sql, {**params, "q_limit": int(limit), "q_keep": keep or ""}), n

    def article(self, article_id: str) -> dict | None:
        """One article's row, its text included."""
        df = self._df("SELECT * FROM articles WHERE article_id = $q_id LIMIT 1", {"q_id": article_id})
        return None if df.empty else df.iloc[0].to_dict()

    def article_counts(self, filters: Filters, ids: Sequence[str]) -> dict[str, int]:
        """Filtered events per article, for these articles."""
        pred, params = self._where(filters)
        df = self._df(f"SELECT article_id, count(*) AS n FROM events WHERE {pred} AND list_contains($q_ids, article_id) "
                      "GROUP BY article_id", {**params, "q_ids": list(ids)})
        return dict(zip(df["article_id"], df["n"].astype(int)))


def schema_table(name: str) -> str:
    """A table name from schema.py (never anything else) for a FROM clause."""
    if name not in schema.TABLES:
        raise KeyError(name)
    return name

