"""Build: articles folder -> five Parquet tables, per the contract, deterministic and atomic."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pandas as pd
import pycountry
import pytest

from middlepowers import build as build_mod
from middlepowers import reference, schema, store
from middlepowers.build import build, ensure_built, input_fingerprint, is_current
from middlepowers.errors import BuildError

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "data" / "dev"
ISO3 = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
LIST_COLUMNS = {t: [c for c, d in cols.items() if d == "object"] for t, cols in schema.TABLES.items()}

GOOD = ("Kazakhstan hosts talks\n\n"
        "Kazakhstan hosted talks between Armenia and Azerbaijan in Almaty on 10 May 2024. "
        "The Shanghai Cooperation Organisation welcomed the meeting.\n")
OTHER = ("Azerbaijan sends aid\n\n"
         "Azerbaijan sent humanitarian aid to Türkiye after the earthquake in February 2023.\n")


def _files(out: Path) -> dict[str, bytes]:
    """The output folder as a reader sees it: the contract's files (links through `current`)."""
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def _leftovers(out: Path) -> list[str]:
    """Temporary entries a build should never leave behind."""
    return sorted(p.name for p in list(out.glob(".tmp-*")) + list(out.parent.glob(".build-*")))


def _sorted(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """A frame in a canonical order, with list cells as tuples so it can be sorted and compared."""
    df = df.copy()
    for c in LIST_COLUMNS[table]:
        df[c] = df[c].map(tuple)
    return df.sort_values(list(df.columns), kind="stable").reset_index(drop=True)


@pytest.fixture(scope="session")
def dev_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("dev1")
    result = build(DEV, out, workers=1)
    return result, out, store.read_tables(out)


@pytest.fixture(scope="session")
def dev_tables(dev_build):
    return dev_build[2]


@pytest.fixture(scope="session")
def dev_build_again(tmp_path_factory, dev_build):
    out = tmp_path_factory.mktemp("dev2")
    build(DEV, out, workers=1)
    return out, store.read_tables(out)


@pytest.fixture(scope="session")
def dev_build_two_workers(tmp_path_factory, dev_build):
    out = tmp_path_factory.mktemp("dev_w2")
    build(DEV, out, workers=2)
    return store.read_tables(out)


@pytest.fixture
def small(tmp_path):
    arts = tmp_path / "articles"
    arts.mkdir()
    (arts / "good.txt").write_text(GOOD, encoding="utf-8")
    (arts / "other.txt").write_text(OTHER, encoding="utf-8")
    return arts, tmp_path / "out"


# --- tables and schema ----------------------------------------------------------------------------


def test_build_writes_all_five_tables(dev_build):
    result, out, tables = dev_build
    for name in ("articles", "events", "initiatives", "organisations", "places"):
        assert (out / f"{name}.parquet").is_file()
    assert set(tables) == set(schema.TABLES)
    assert result.n_articles == 30 == len(tables["articles"])
    assert result.n_events == len(tables["events"]) > 0
    assert result.warnings == []


@pytest.mark.parametrize("table", list(schema.TABLES))
def test_build_tables_have_exactly_the_schema_columns_and_dtypes(dev_tables, table):
    df = dev_tables[table]
    assert list(df.columns) == list(schema.TABLES[table])
    for col, dtype in schema.TABLES[table].items():
        assert str(df[col].dtype) == dtype, (table, col, df[col].dtype)
    for col in LIST_COLUMNS[table]:
        assert df[col].map(lambda v: isinstance(v, list)).all(), (table, col)


def test_build_contract_columns_are_in_the_schema():
    contract = {
        "articles": "article_id file title source url published author n_words text",
        "events": "event_id article_id event_type actor parties organisations venue venue_country lat lon geo_precision "
                  "date_start date_end date_precision evidence evidence_start evidence_end modality confidence",
        "initiatives": "initiative_id name proposer organisations first_year article_ids evidence",
        "organisations": "acronym name mentions article_ids founded headquarters members kaz_status aze_status",
        "places": "venue venue_country lat lon n_events",
    }
    for table, cols in contract.items():
        assert set(cols.split()) <= set(schema.TABLES[table]), table


def test_build_articles_table_matches_files(dev_tables):
    arts = dev_tables["articles"]
    on_disk = sorted(p.name for p in DEV.iterdir() if p.suffix in (".txt", ".md", ".html") and p.stem != "README")
    assert sorted(arts["file"]) == on_disk
    assert arts["article_id"].is_unique
    assert (arts["n_words"] > 50).all()
    assert not arts["text"].str.contains("\u00a0").any()
    row = arts.set_index("file").loc["dev08_azernews_almaty_talks.txt"]
    assert row["published"] == "2024-05-13" and row["source"] == "azernews.az"


def test_build_html_article_text_excludes_decoys(dev_tables):
    arts = dev_tables["articles"].set_index("file")
    text = arts.loc["dev19_dailysabah_antalya_meeting.html", "text"]
    assert "Türkiye hosted the first high-level meeting" in text
    assert "Global Media Summit" not in text and "gtag" not in text and "Related" not in text


# --- events -------------------------------------------------------------------------------------


def test_build_evidence_is_the_text_at_its_offsets(dev_tables):
    ev, arts = dev_tables["events"], dev_tables["articles"]
    text_of = dict(zip(arts["article_id"], arts["text"]))
    assert set(ev["article_id"]) <= set(text_of)
    for r in ev.itertuples():
        assert 0 <= r.evidence_start < r.evidence_end <= len(text_of[r.article_id])
        assert text_of[r.article_id][r.evidence_start:r.evidence_end] == r.evidence, r.event_id


def test_build_event_values_within_the_contract(dev_tables):
    ev = dev_tables["events"]
    assert set(ev["event_type"]) <= set(schema.EVENT_TYPES)
    assert set(ev["modality"]) <= set(schema.MODALITIES)
    assert set(ev["date_precision"].dropna()) <= set(schema.DATE_PRECISIONS)
    assert set(ev["geo_precision"].dropna()) <= set(schema.GEO_PRECISIONS)
    assert ev["confidence"].between(0, 1).all()
    assert ev["event_id"].is_unique
    acronyms = set(reference.organisations())
    for orgs in ev["organisations"]:
        assert set(orgs) <= acronyms
    # Several types, modalities and precisions occur on the development set.
    assert ev["event_type"].nunique() >= 6
    assert {"asserted", "planned"} <= set(ev["modality"])


def test_build_actors_and_parties_are_iso3(dev_tables):
    ev = dev_tables["events"]
    for actor in ev["actor"].dropna():
        assert actor in ISO3, actor
    for parties in ev["parties"]:
        for p in parties:
            # ISO3 codes, or lowercase names of non-state parties.
            assert p in ISO3 or p == p.lower(), p
    for c in ev["venue_country"].dropna():
        assert c in ISO3, c


def test_build_dates_are_iso_and_ordered(dev_tables):
    ev = dev_tables["events"].dropna(subset=["date_start"])
    assert len(ev) > 0
    for r in ev.itertuples():
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r.date_start) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", r.date_end)
        assert r.date_start <= r.date_end
        assert isinstance(r.date_precision, str)
        if r.date_precision == "year":
            assert r.date_start[5:] == "01-01" and r.date_end[5:] == "12-31"
        if r.date_precision == "month":
            assert r.date_start[8:] == "01" and r.date_start[:7] == r.date_end[:7]


def test_build_geo_fields_are_consistent(dev_tables):
    ev = dev_tables["events"]
    city = ev[ev["geo_precision"] == "city"]
    assert len(city) > 0
    assert city["venue"].notna().all() and city["lat"].notna().all() and city["venue_country"].notna().all()
    assert ev["lat"].dropna().between(-90, 90).all() and ev["lon"].dropna().between(-180, 180).all()
    # No coordinates without a place or a country to hang them on; a precision only with a venue.
    assert ev.loc[ev["lat"].notna(), "venue_country"].notna().all()
    assert (ev["lat"].isna() == ev["lon"].isna()).all()
    assert ev.loc[ev["geo_precision"].notna(), "venue_country"].notna().all()
    assert ev.loc[ev["geo_precision"] == "country", "venue"].isna().all()


# --- determinism and workers ------------------------------------------------------------------------


@pytest.mark.parametrize("table", list(schema.TABLES))
def test_build_is_deterministic(dev_tables, dev_build_again, table):
    a, b = _sorted(dev_tables[table], table), _sorted(dev_build_again[1][table], table)
    assert a.equals(b)
    # Not only the same rows: the same order as written.
    key = next(iter(schema.TABLES[table]))
    assert dev_tables[table][key].tolist() == dev_build_again[1][table][key].tolist()


def test_build_deterministic_files_except_the_stamp(dev_build, dev_build_again):
    a, b = _files(dev_build[1]), _files(dev_build_again[0])
    assert a.keys() == b.keys()
    for name in a:
        if name.endswith(".parquet"):
            assert pd.read_parquet(dev_build[1] / name).equals(pd.read_parquet(dev_build_again[0] / name)), name


@pytest.mark.parametrize("table", list(schema.TABLES))
def test_build_two_workers_give_the_same_tables(dev_tables, dev_build_two_workers, table):
    assert _sorted(dev_tables[table], table).equals(_sorted(dev_build_two_workers[table], table))


# --- atomicity ------------------------------------------------------------------------------------


def test_build_failing_write_leaves_previous_tables_intact(small, monkeypatch):
    arts, out = small
    build(arts, out)
    before = _files(out)
    (arts / "third.txt").write_text("Uzbekistan hosted a conference\n\nUzbekistan hosted a conference on Afghanistan in Tashkent in 2022.\n")
    calls = {"n": 0}
    real = pd.DataFrame.to_parquet

    def flaky(self, *a, **k):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(28, "No space left on device")
        return real(self, *a, **k)

    monkeypatch.setattr(pd.DataFrame, "to_parquet", flaky)
    with pytest.raises(BuildError) as err:
        build(arts, out)
    assert calls["n"] == 3
    assert "No space left on device" in str(err.value) and "\n" not in str(err.value)
    assert _files(out) == before
    assert not _leftovers(out), "temporary folder left behind"


@pytest.mark.parametrize("exc", [RuntimeError("extractor crashed"), KeyboardInterrupt()])
def test_build_interrupted_before_writing_leaves_previous_tables(small, monkeypatch, exc):
    arts, out = small
    build(arts, out)
    before = _files(out)
    (arts / "good.txt").write_text(GOOD.replace("Almaty", "Astana"), encoding="utf-8")

    def boom(*a, **k):
        raise exc

    monkeypatch.setattr(build_mod, "build_tables", boom)
    with pytest.raises(type(exc)):
        build(arts, out)
    assert _files(out) == before
    assert not is_current(arts, out)
    assert not _leftovers(out)


def test_build_overwrites_tables_on_success(small):
    arts, out = small
    build(arts, out)
    (arts / "other.txt").unlink()
    res = build(arts, out)
    assert res.n_articles == 1
    assert store.read_tables(out)["articles"]["file"].tolist() == ["good.txt"]


# --- ensure_built and the fingerprint --------------------------------------------------------------


def test_build_ensure_built_rebuilds_only_when_inputs_change(small):
    arts, out = small
    assert ensure_built(arts, out) is True
    assert is_current(arts, out)
    assert ensure_built(arts, out) is False
    (arts / "other.txt").write_text(OTHER.replace("February 2023", "March 2023"), encoding="utf-8")
    assert not is_current(arts, out)
    assert ensure_built(arts, out) is True
    assert "March 2023" in store.read_tables(out)["articles"].set_index("file").loc["other.txt", "text"]
    assert ensure_built(arts, out) is False


def test_build_ensure_built_notices_a_manifest_and_a_missing_table(small):
    arts, out = small
    assert ensure_built(arts, out) is True
    (arts / "manifest.csv").write_text("file,title,source,url,published,author\ngood.txt,T,s,u,2024-05,\n")
    assert ensure_built(arts, out) is True
    (out / "places.parquet").unlink()
    assert ensure_built(arts, out) is True
    assert (out / "places.parquet").exists()


def test_build_fingerprint_ignores_files_that_are_not_articles(small):
    arts, _ = small
    fp = input_fingerprint(arts)
    (arts / "README.md").write_text("# Notes\n")
    (arts / "notes.csv").write_text("a\n1\n")
    assert input_fingerprint(arts) == fp


# --- bad folders ------------------------------------------------------------------------------------


def test_build_empty_folder_is_one_line_build_error(tmp_path):
    (tmp_path / "arts").mkdir()
    with pytest.raises(BuildError) as exc:
        build(tmp_path / "arts", tmp_path / "out")
    msg = str(exc.value)
    assert "\n" not in msg and "arts" in msg
    assert not (tmp_path / "out").exists()


def test_build_missing_folder_is_one_line_build_error(tmp_path):
    with pytest.raises(BuildError) as exc:
        build(tmp_path / "nope", tmp_path / "out")
    assert "\n" not in str(exc.value) and "nope" in str(exc.value)


def test_build_folder_of_only_broken_articles_is_build_error(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(BuildError):
        build(tmp_path, tmp_path / "out")


def test_build_skips_broken_article_and_builds_the_good_one(small):
    arts, out = small
    (arts / "other.txt").unlink()
    (arts / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    res = build(arts, out)
    assert res.n_articles == 1
    assert len(res.warnings) == 1 and "broken.txt" in res.warnings[0]
    tables = store.read_tables(out)
    assert tables["articles"]["file"].tolist() == ["good.txt"]
    assert len(tables["events"]) >= 1


def test_build_article_whose_extraction_fails_is_skipped_by_name(small, monkeypatch):
    arts, out = small
    real = build_mod.process_article

    def picky(art):
        if art.file == "other.txt":
            raise ValueError("bad token")
        return real(art)

    monkeypatch.setattr(build_mod, "process_article", picky)
    res = build(arts, out)
    assert res.n_articles == 1
    assert any("other.txt" in w and "ValueError" in w for w in res.warnings)


# --- organisations and places ------------------------------------------------------------------------


def _reference_rows() -> dict[str, dict[str, str]]:
    with (ROOT / "data" / "reference" / "organisations.csv").open(encoding="utf-8", newline="") as fh:
        return {r["acronym"]: r for r in csv.DictReader(fh)}


def test_build_organisations_table_has_every_contract_acronym(dev_tables):
    orgs = dev_tables["organisations"].set_index("acronym")
    ref = _reference_rows()
    assert set(schema.CONTRACT_ORGANISATIONS) <= set(orgs.index)
    assert set(orgs.index) == set(ref)
    for acr in schema.CONTRACT_ORGANISATIONS:
        row, r = orgs.loc[acr], ref[acr]
        assert row["members"] == [m for m in r["members"].split("|") if m], acr
        assert row["kaz_status"] == (r["kaz_status"] or "none")
        assert row["aze_status"] == (r["aze_status"] or "none")
        assert row["kaz_status"] in schema.ORG_STATUSES and row["aze_status"] in schema.ORG_STATUSES
        assert isinstance(row["source_url"], str) and row["source_url"].startswith("http")


def test_build_organisations_known_memberships(dev_tables):
    orgs = dev_tables["organisations"].set_index("acronym")
    assert "KAZ" in orgs.loc["SCO", "members"] and orgs.loc["SCO", "kaz_status"] == "member"
    assert {"KAZ", "AZE", "TUR", "KGZ", "UZB"} <= set(orgs.loc["OTS", "members"])
    assert "AZE" not in orgs.loc["CSTO", "members"] and orgs.loc["CSTO", "aze_status"] == "none"
    assert orgs.loc["NAM", "aze_status"] == "member"


def test_build_organisation_mentions_are_counted(dev_tables):
    orgs = dev_tables["organisations"].set_index("acronym")
    arts = dev_tables["articles"].set_index("file")
    sco_article = arts.loc["dev10_tass_sco_astana.txt", "article_id"]
    assert orgs.loc["SCO", "mentions"] >= 1
    assert sco_article in orgs.loc["SCO", "article_ids"]
    assert (orgs["mentions"] >= orgs["article_ids"].map(len)).all()
    assert set().union(*orgs["article_ids"]) <= set(arts["article_id"])


def test_build_places_table_counts_events_per_venue(dev_tables):
    places, ev = dev_tables["places"], dev_tables["events"]
    located = ev[ev["venue"].notna() & ev["lat"].notna()]
    expected = located.groupby("venue").size().to_dict()
    assert dict(zip(places["venue"], places["n_events"])) == expected
    assert places["n_events"].sum() == len(located)
    assert places["venue"].is_unique
    # Most events first.
    assert places["n_events"].is_monotonic_decreasing
    astana = places.set_index("venue").loc["Astana"]
    assert astana["venue_country"] == "KAZ"
    assert astana["lat"] == pytest.approx(51.2, abs=0.1) and astana["lon"] == pytest.approx(71.4, abs=0.1)


def test_build_initiatives_link_back_to_events(dev_tables):
    ini, ev = dev_tables["initiatives"], dev_tables["events"]
    assert ini["initiative_id"].is_unique
    initiative_events = ev[ev["event_type"] == "initiative"]
    for r in ini.itertuples():
        assert r.proposer in ISO3
        assert set(r.article_ids) <= set(initiative_events["article_id"])


def test_build_stamp_records_the_fingerprint(small):
    arts, out = small
    res = build(arts, out)
    info = store.read_info(out)
    assert info["fingerprint"] == res.fingerprint == input_fingerprint(arts)
    assert info["n_articles"] == 2 and info["n_events"] == res.n_events


def test_build_read_tables_of_missing_folder_is_build_error(tmp_path):
    with pytest.raises(BuildError) as exc:
        store.read_tables(tmp_path / "none")
    assert "\n" not in str(exc.value)


def test_build_copy_of_tables_reads_back(dev_build, tmp_path):
    _, out, tables = dev_build
    shutil.copytree(out, tmp_path / "copy")
    again = store.read_tables(tmp_path / "copy")
    for name in tables:
        assert _sorted(tables[name], name).equals(_sorted(again[name], name))


@pytest.mark.parametrize("legacy, at_call, expect_new", [(False, 1, False), (True, 1, False), (True, 3, True)])
def test_build_interrupted_while_switching_leaves_one_whole_set(small, monkeypatch, legacy, at_call, expect_new):
    # The first rename is the switch of `current`: before it the old set is in force, after it the
    # new one, whole. A folder written before sets were kept (plain files) then has its files
    # replaced by links through `current`; an interruption there still reads the new set whole.
    arts, out = small
    build(arts, out)
    if legacy:
        shutil.copytree(out, out.with_name("plain"), symlinks=False, ignore=shutil.ignore_patterns("v-*", "current"))
        shutil.rmtree(out)
        out.with_name("plain").rename(out)
        assert not (out / store.CURRENT).exists()
    old = store.read_tables(out)
    (arts / "third.txt").write_text("Uzbekistan hosted a conference on Afghanistan in Tashkent in 2022.\n", encoding="utf-8")
    real = store.os.replace
    calls = {"n": 0}

    def interrupted(src, dst):
        calls["n"] += 1
        if calls["n"] == at_call:
            raise KeyboardInterrupt
        return real(src, dst)

    monkeypatch.setattr(store.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build(arts, out)
    monkeypatch.undo()
    now = store.read_tables(out)
    files = sorted(now["articles"]["file"])
    assert files == (["good.txt", "other.txt", "third.txt"] if expect_new else sorted(old["articles"]["file"]))
    assert set(now["events"]["article_id"]) <= set(now["articles"]["article_id"])
    assert is_current(arts, out) is expect_new
    assert not _leftovers(out)
    assert ensure_built(arts, out) is (not expect_new)


def test_build_keeps_the_previous_set_and_removes_older_ones(small):
    arts, out = small
    for _ in range(4):
        (arts / "good.txt").write_text(GOOD + f"\n{_}\n", encoding="utf-8")
        build(arts, out)
    sets = sorted(p.name for p in out.iterdir() if p.name.startswith(store.VERSION_PREFIX))
    assert len(sets) == 2 and store.current_set(out).name == sets[-1]


def test_build_event_id_does_not_name_the_rule(small, monkeypatch):
    # Renaming or splitting a rule function must not change the ids a link or a review refers to.
    from dataclasses import replace as dc_replace

    from middlepowers.nlp import extract

    arts, out = small
    build(arts, out)
    before = store.read_tables(out)["events"][["event_id", "event_type", "actor", "evidence_start"]]
    real = extract.Event.row

    def renamed(self):
        return real(dc_replace(self, rule=f"renamed_{self.rule}"))

    monkeypatch.setattr(extract.Event, "row", renamed)
    build(arts, out)
    after = store.read_tables(out)["events"][["event_id", "event_type", "actor", "evidence_start"]]
    assert before.equals(after)
