"""Entities: the gazetteer's names and how the pipeline finds them in running text."""

from __future__ import annotations

import pytest

from middlepowers.nlp import gazetteer
from middlepowers.nlp.pipeline import analyse


@pytest.fixture(scope="module")
def gz():
    return gazetteer.load()


def mentions(text: str, published: str | None = "2024-05-15"):
    an = analyse(text, published)
    return [m for s in an.sentences for m in s.mentions]


def first(gz, surface: str):
    found = gz.lookup(surface)
    assert found, f"{surface!r} is not in the gazetteer"
    return found[0]


# --- countries -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "surface, iso3, kind",
    [
        ("Kazakhstan", "KAZ", "name"),
        ("Republic of Kazakhstan", "KAZ", "name"),
        ("Azerbaijan", "AZE", "name"),
        ("Türkiye", "TUR", "name"),
        ("Turkiye", "TUR", "name"),
        ("Turkey", "TUR", "name"),
        ("Kazakh", "KAZ", "adjective"),
        ("Azerbaijani", "AZE", "adjective"),
        ("Turkish", "TUR", "adjective"),
        ("Kazakhs", "KAZ", "demonym"),
        ("Azerbaijanis", "AZE", "demonym"),
        ("Armenian", "ARM", "adjective"),
        ("Uzbek", "UZB", "adjective"),
    ],
)
def test_entities_country_names_adjectives_demonyms(gz, surface, iso3, kind):
    e = first(gz, surface)
    assert (e.label, e.value, e.iso3, e.kind) == ("COUNTRY", iso3, iso3, kind)


@pytest.mark.parametrize(
    "text, surface, iso3",
    [
        ("Türkiye offered to host the talks.", "Türkiye", "TUR"),
        ("Turkey offered to host the talks.", "Turkey", "TUR"),
        ("The Kazakh foreign ministry said so.", "Kazakh", "KAZ"),
        ("An Azerbaijani delegation arrived.", "Azerbaijani", "AZE"),
        ("The Turkish side proposed a meeting.", "Turkish", "TUR"),
        ("The United States and the Russian Federation met.", "Russian Federation", "RUS"),
    ],
)
def test_entities_pipeline_finds_country_mentions(text, surface, iso3):
    found = [m for m in mentions(text) if m.text == surface]
    assert found, [m.text for m in mentions(text)]
    assert found[0].label == "COUNTRY" and found[0].state == iso3


# --- places: former names and capitals --------------------------------------------------------


@pytest.mark.parametrize(
    "surface, place, iso3",
    [
        ("Alma-Ata", "Almaty", "KAZ"),
        ("Almaty", "Almaty", "KAZ"),
        ("Nur-Sultan", "Astana", "KAZ"),
        ("Semipalatinsk", "Semey", "KAZ"),
        ("Semey", "Semey", "KAZ"),
    ],
)
def test_entities_old_place_names_resolve_to_current(gz, surface, place, iso3):
    e = first(gz, surface)
    assert e.label == "PLACE"
    assert (e.value, e.iso3, e.place.name) == (place, iso3, place)


def test_entities_old_names_found_in_text():
    found = {m.text: m for m in mentions("The treaty was signed in Alma-Ata, and the test site near Semipalatinsk was closed.")}
    assert found["Alma-Ata"].value == "Almaty"
    assert found["Semipalatinsk"].value == "Semey"
    ns = [m for m in mentions("Leaders gathered in Nur-Sultan in 2019.") if m.label == "PLACE"]
    assert [(m.value, m.kind, m.state) for m in ns] == [("Astana", "capital", "KAZ")]


@pytest.mark.parametrize(
    "capital, iso3",
    [("Baku", "AZE"), ("Yerevan", "ARM"), ("Moscow", "RUS"), ("Beijing", "CHN"), ("Washington", "USA"), ("Astana", "KAZ"),
     ("Tashkent", "UZB"), ("Ankara", "TUR"), ("New Delhi", "IND")],
)
def test_entities_capitals_have_kind_capital_and_stand_for_state(gz, capital, iso3):
    e = first(gz, capital)
    assert (e.label, e.value, e.iso3, e.kind) == ("PLACE", capital, iso3, "capital")
    m = [m for m in mentions(f"{capital} welcomed the proposal.") if m.text == capital]
    assert m and m[0].state == iso3


def test_entities_a_city_own_name_beats_another_city_alias(gz):
    # "New Delhi" is also an alternate name of the larger Delhi: the city of that name comes first
    assert first(gz, "New Delhi").value == "New Delhi" and first(gz, "Delhi").value == "Delhi"


def test_entities_ordinary_city_is_not_an_actor():
    (m,) = [m for m in mentions("The ministers met in Almaty.") if m.label == "PLACE"]
    assert m.kind == "city" and m.state is None


def test_entities_coordinates_come_from_the_gazetteer(gz):
    astana = first(gz, "Astana").place
    assert astana.lat == pytest.approx(51.2, abs=0.1)
    assert astana.lon == pytest.approx(71.4, abs=0.1)
    assert gz.capitals["KAZ"] == astana
    baku = first(gz, "Baku").place
    assert (baku.lat, baku.lon) == pytest.approx((40.4, 49.9), abs=0.1)


def test_entities_country_points_cover_key_states(gz):
    for iso3 in ("KAZ", "AZE", "ARM", "TUR"):
        lat, lon = gz.country_points[iso3]
        assert -90 <= lat <= 90 and -180 <= lon <= 180
    lat, lon = gz.country_points["KAZ"]
    assert 40 < lat < 56 and 46 < lon < 88  # inside Kazakhstan's bounding box


# --- leaders -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "surface, iso3",
    [
        ("Tokayev", "KAZ"), ("Kassym-Jomart Tokayev", "KAZ"), ("Aliyev", "AZE"), ("Ilham Aliyev", "AZE"),
        ("Pashinyan", "ARM"), ("Bayramov", "AZE"), ("Mirzoyan", "ARM"), ("Nurtleu", "KAZ"), ("Putin", "RUS"),
        ("Zelensky", "UKR"), ("Erdoğan", "TUR"), ("Erdogan", "TUR"), ("Xi Jinping", "CHN"),
    ],
)
def test_entities_leaders_resolve_to_their_state(gz, surface, iso3):
    e = first(gz, surface)
    assert e.label == "LEADER" and e.iso3 == iso3


def test_entities_leader_in_text_stands_for_state():
    found = {m.text: m.state for m in mentions("Tokayev proposed talks, and Erdogan and President Xi Jinping agreed.")}
    assert found["Tokayev"] == "KAZ"
    assert found["Erdogan"] == "TUR"
    assert found["Xi Jinping"] == "CHN"


# --- organisations --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "surface, acronym",
    [
        ("Shanghai Cooperation Organization", "SCO"),
        ("Shanghai Cooperation Organisation", "SCO"),
        ("SCO", "SCO"),
        ("Non-Aligned Movement", "NAM"),
        ("Turkic Council", "OTS"),
        ("Organization of Turkic States", "OTS"),
        ("Organisation of Turkic States", "OTS"),
        ("UN Security Council", "UNSC"),
        ("CICA", "CICA"),
        ("Conference on Interaction and Confidence Building Measures in Asia", "CICA"),
        ("WHO", "WHO"),
    ],
)
def test_entities_organisation_aliases_resolve_to_acronyms(gz, surface, acronym):
    e = first(gz, surface)
    assert (e.label, e.value) == ("ORG", acronym)


@pytest.mark.parametrize(
    "text, acronym",
    [
        ("Kazakhstan joined the Shanghai Cooperation Organization in 2001.", "SCO"),
        ("The Non-Aligned Movement met in Baku.", "NAM"),
        ("The Turkic Council was renamed.", "OTS"),
        ("It won a seat on the UN Security Council.", "UNSC"),
        ("Astana hosted the CICA summit.", "CICA"),
    ],
)
def test_entities_organisations_found_in_text(text, acronym):
    assert acronym in [m.value for m in mentions(text) if m.label == "ORG"]


def test_entities_acronyms_are_case_sensitive(gz):
    assert gz.lookup("who") == []
    assert gz.lookup("Who") == []
    orgs = [m.value for m in mentions("Who knows who will attend? The WHO said the minister who came was late.") if m.label == "ORG"]
    assert orgs == ["WHO"]


# --- things that are not places ----------------------------------------------------------------


@pytest.mark.parametrize("surface", ["New York City", "New York"])
def test_entities_a_venue_takes_its_usual_english_name_not_the_geonames_one(surface):
    places = [m for m in mentions(f"The conference opened in {surface} on Monday.") if m.label == "PLACE"]
    assert [(p.value, p.iso3) for p in places] == [("New York", "USA")]


def test_entities_a_listed_alias_beats_a_larger_citys_alternate_name():
    places = [m for m in mentions("Orban will hold talks with Trump at the White House on Friday.") if m.label == "PLACE"]
    assert [(p.value, p.iso3) for p in places] == [("Washington", "USA")]


def test_entities_month_is_not_a_place():
    found = mentions("The summit took place in May 2024 in Astana.")
    assert [m.value for m in found if m.label == "PLACE"] == ["Astana"]
    assert all(m.text != "May" for m in found)


@pytest.mark.parametrize("surface", ["Gabala", "Qabala"])
def test_entities_gabala_after_in_is_the_azerbaijani_town(surface):
    places = [m for m in mentions(f"The talks were held in {surface} on Monday.") if m.label == "PLACE"]
    assert len(places) == 1
    p = places[0]
    assert (p.value, p.iso3) == ("Gabala", "AZE")
    assert p.place.lat == pytest.approx(40.98, abs=0.1) and p.place.lon == pytest.approx(47.85, abs=0.1)


def test_entities_long_organisation_names_also_match_with_the(gz):
    assert first(gz, "Cooperation Council of the Turkic Speaking States").value == "OTS"
    assert first(gz, "Conference on the Interaction and Confidence Building Measures in Asia").value == "CICA"
    # short names keep their one spelling: "the" is not inserted where it would make another name
    assert gazetteer._article_variants("Group of Twenty") == set()
