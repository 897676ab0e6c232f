"""DuckDB over the Parquet tables (views/query.py) answers as the pandas builders do."""

from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

from middlepowers import store
from middlepowers.synthetic import synthetic_tables
from middlepowers.views import charts, compare, filters as flt, geo, maps, query
from middlepowers.views.filters import FILTERS, Filters


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    t = synthetic_tables(600, seed=4)
    d = tmp_path_factory.mktemp("q")
    store.write_tables(t, d)
    return t, query.Atlas(store.current_set(d))


CASES = [
    Filters(), Filters(modalities=()), Filters(orgs=("SCO", "UN")), Filters(event_types=("summit", "aid")),
    Filters(actors=("KAZ",), date_from=date(2005, 1, 1), date_to=date(2015, 6, 30)),
    Filters(sources=("azernews.az",)), Filters(text="astana"), Filters(text="it's \"quoted\" %_ ; DROP TABLE events"),
    Filters(orgs=("NOPE",)),
]


@pytest.mark.parametrize("f", CASES, ids=range(len(CASES)))
def test_query_counts_and_rows_match_pandas(tables, f):
    t, q = tables
    ev = flt.apply(t["events"], t["articles"], f)
    assert q.count(f) == len(ev)
    rows = q.rows(f, limit=None)
    assert sorted(rows["event_id"]) == sorted(ev["event_id"])
    # Most recent first, undated last.
    dates = rows["date_start"].dropna().tolist()
    assert dates == sorted(dates, reverse=True) and rows["date_start"].isna().sum() == ev["date_start"].isna().sum()
    s = q.summary(f)
    assert s["articles"] == ev["article_id"].nunique() and s["actors"] == ev["actor"].nunique()


@pytest.mark.parametrize("f", CASES[:6], ids=range(6))
def test_query_aggregates_match_the_pandas_builders(tables, f):
    t, q = tables
    ev = flt.apply(t["events"], t["articles"], f)
    names = geo.country_names()
    pd.testing.assert_frame_equal(maps.venues_from_groups(q.venue_groups(f), names), maps.venues_frame(ev, names),
                                  check_dtype=False)
    centres = geo.centroids()
    a = maps.arcs_from_groups(q.arc_groups(f, list(centres), maps.HOSTED_TYPES), centres, names)
    b = maps.arcs_frame(ev, centres, names)
    assert sorted(zip(a["venue"], a["party"], a["n"])) == sorted(zip(b["venue"], b["party"], b["n"]))
    pair = replace(f, actors=compare.PAIR)
    pev = flt.apply(t["events"], t["articles"], pair)
    pd.testing.assert_frame_equal(q.type_counts(pair, compare.PAIR), compare.type_counts(pev), check_dtype=False,
                                  check_names=False)
    both = q.pair(pair, compare.PAIR, compare.HOSTING_TYPES, compare.BROKERING_TYPES, 3, 40)
    shared = compare.shared_occasions(pev)
    assert q.count(pair, query.shared_by(*compare.PAIR)) == len(shared)
    assert sorted(q.rows_of(both["shared"])["event_id"]) == sorted(shared["event_id"])
    # a page of the shared occasions, read whole along with the rest, is the page rows_of reads
    first, page = q.pair(pair, compare.PAIR, compare.HOSTING_TYPES, compare.BROKERING_TYPES, 3, 40, 1, 2)["shared_rows"]
    assert first == 1
    def plain(df):  # an empty cell reads as NaN or None depending on its column's other rows
        return df.astype(object).where(df.notna(), None)
    pd.testing.assert_frame_equal(plain(page), plain(q.rows_of(both["shared"][1:3])))
    assert both["shared_rows"][1].empty  # none asked for
    for actor in compare.PAIR:
        hosted = compare.venues_hosted(pev, actor)
        got = both["venues"][actor]
        assert dict(zip(got["venue"], got["events"])) == dict(zip(hosted["venue"], hosted["events"]))
        assert dict(zip(got["venue"], got["first"])) == dict(zip(hosted["venue"], hosted["first"]))
        parties = compare.parties_brought_together(pev, actor, {})
        assert dict(zip(both["parties"][actor]["party"], both["parties"][actor]["events"])) == \
            dict(zip(parties["party"], parties["events"]))
        shown, total, n = both["aid"][actor]
        rows, want = compare.aid(pev, actor)
        assert n == len(rows) and total == pytest.approx(want) and len(shown) == min(3, n)
    assert both["lanes"].to_dict() == pev[pev["date_start"].notna()]["actor"].value_counts().to_dict()
    assert 0 < len(both["points"]) <= 40 or not both["lanes"].sum()
    years = q.yearly(f)
    assert years.set_index(["year", "type"])["n"].to_dict() == \
        charts.yearly_counts(ev).set_index(["year", "type"])["n"].to_dict()
    tags = ev["organisations"].explode().value_counts().to_dict()
    assert q.tag_counts(f) == tags
    counts = q.actor_counts(f)
    assert counts.to_dict() == ev["actor"].value_counts().to_dict()
    assert list(counts) == sorted(counts, reverse=True)  # busiest first, as lanes expects


def test_query_timeline_sample_is_capped_and_spread(tables):
    t, q = tables
    total = int(q.actor_counts(Filters(modalities=()), dated=True).sum())
    points = q.timeline_points(Filters(modalities=()), 50, total)
    dated = t["events"][t["events"]["date_start"].notna() & t["events"]["actor"].notna()]
    assert total == len(dated) and 0 < len(points) <= 50
    assert points["date_start"].tolist() == sorted(points["date_start"])
    assert points["date_start"].min()[:4] < "2000" and points["date_start"].max()[:4] > "2020"


def test_query_values_are_bound_never_formatted(tables):
    _, q = tables
    for spec in FILTERS:
        assert f"${spec.param}" in spec.sql, spec.param  # each predicate takes its value as a parameter
    assert q.count(Filters(text="'; DROP TABLE events; --")) == 0
    assert q.n_events() == 600


def test_query_reads_tables_without_newer_columns(tmp_path):
    t = synthetic_tables(40, seed=3)
    t["events"] = t["events"].drop(columns=["actor_role", "amount_usd"])
    store.write_tables(t, tmp_path)
    import pyarrow.parquet as pq

    path = store.current_set(tmp_path) / "events.parquet"
    pq.write_table(pq.read_table(path).drop_columns(["actor_role", "amount_usd"]), path)
    q = query.Atlas(store.current_set(tmp_path))
    assert q.count(Filters(modalities=())) == 40
    assert q.pair(Filters(), compare.PAIR, compare.HOSTING_TYPES, compare.BROKERING_TYPES, 5, 40)["venues"]["KAZ"].empty
