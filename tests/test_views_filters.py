"""Filters: URL round trip, notices for bad links, and each filter narrowing the events."""

from datetime import date

import pandas as pd
import pytest

from middlepowers import schema
from middlepowers.views.filters import DEFAULT_MODALITIES, Choices, Filters, apply, parse_date, shown_notices


def events_frame(rows):
    base = dict(evidence_start=0, evidence_end=0, confidence=1.0, parties=[])
    return schema.conform(pd.DataFrame([{**base, **r} for r in rows]), "events")


@pytest.fixture
def small():
    events = events_frame([
        dict(event_id="a", article_id="x", event_type="talks_hosted", actor="KAZ", organisations=["SCO"],
             date_start="2017-01-23", date_end="2017-01-23", date_precision="day", evidence="Astana talks on Syria",
             modality="asserted"),
        dict(event_id="b", article_id="y", event_type="mediation_offer", actor="AZE", organisations=["OTS", "UN"],
             date_start="2020-01-01", date_end="2020-12-31", date_precision="year", evidence="Baku offered to mediate",
             modality="planned"),
        dict(event_id="c", article_id="y", event_type="summit", actor="TUR", organisations=[],
             date_start=None, date_end=None, date_precision=None, evidence="A summit in Istanbul", modality="asserted"),
    ])
    articles = schema.conform(pd.DataFrame([dict(article_id="x", source="astanatimes.com", n_words=1),
                                            dict(article_id="y", source="azernews.az", n_words=1)]), "articles")
    return events, articles


def ids(df):
    return sorted(df["event_id"])


def test_filters_round_trip_through_the_url():
    f = Filters(orgs=("SCO", "CICA"), event_types=("talks_hosted",), actors=("KAZ",), date_from=date(2017, 1, 1),
                date_to=date(2020, 6, 30), modalities=("planned", "asserted"), sources=("astanatimes.com",),
                text="Astana", page="map")
    back, notices = Filters.from_query(f.to_query())
    assert back == f and notices == []


def test_filters_defaults_are_left_out_of_the_url():
    assert Filters().to_query() == {"page": ["overview"]}
    assert Filters(modalities=()).to_query()["modality"] == [""]
    assert Filters.from_query({"modality": [""]})[0].modalities == ()
    assert Filters.from_query({})[0].modalities == DEFAULT_MODALITIES


def test_filters_accept_comma_separated_and_lowercase_values():
    f, notices = Filters.from_query({"org": "sco,CICA", "type": "Talks_Hosted", "page": "MAP"})
    assert f.orgs == ("SCO", "CICA") and f.event_types == ("talks_hosted",) and f.page == "map"
    assert notices == []


@pytest.mark.parametrize("params, fragment", [
    ({"zzz": "1"}, 'unknown parameter "zzz"'),
    ({"type": "war"}, 'type="war"'),
    ({"from": "yesterday"}, 'from="yesterday" is not a date'),
    ({"to": "2020-13"}, 'to="2020-13" is not a date'),
    ({"page": "nowhere"}, 'page="nowhere" is not a page'),
    ({"modality": "maybe"}, 'modality="maybe"'),
    ({"org": "NATO"}, 'org="NATO"'),
    ({"actor": "XXX"}, 'actor="XXX"'),
    ({"article": "missing"}, 'article="missing"'),
    ({"q": "x" * 500}, "q is longer"),
])
def test_filters_malformed_params_give_notices_not_exceptions(params, fragment):
    choices = Choices(orgs=frozenset({"SCO"}), actors=frozenset({"KAZ"}), sources=frozenset(), articles=frozenset({"a"}))
    f, notices = Filters.from_query(params, choices)
    assert any(fragment in n for n in notices), notices
    assert isinstance(f, Filters)


@pytest.mark.parametrize("raw, field, expected, fragment", [
    ({"from": "1800"}, "date_from", date(1900, 1, 1), 'from="1800" is outside the dates'),
    ({"from": "0001"}, "date_from", date(1900, 1, 1), 'from="0001" is outside the dates'),
    ({"to": "2200"}, "date_to", date(2100, 12, 31), 'to="2200" is outside the dates'),
    ({"to": "1899-12-31"}, "date_to", date(1900, 1, 1), 'to="1899-12-31" is outside the dates'),
    ({"from": "99999"}, "date_from", None, 'from="99999" is not a date'),
    ({"from": "2020-02-30"}, "date_from", None, 'from="2020-02-30" is not a date'),
    ({"from": "2020-13"}, "date_from", None, 'from="2020-13" is not a date'),
    ({"to": "2021-00"}, "date_to", None, 'to="2021-00" is not a date'),
    ({"from": "0000"}, "date_from", None, 'from="0000" is not a date'),
    ({"from": "\u0662\u0660\u0662\u0660"}, "date_from", None, "is not a date"),  # Arabic-Indic digits
])
def test_filters_link_dates_stay_within_the_widgets_range(raw, field, expected, fragment):
    f, notices = Filters.from_query(raw)
    assert getattr(f, field) == expected
    assert any(fragment in n for n in notices), notices


def test_filters_date_bounds_follow_the_choices():
    wide = Choices(dates=(date(1850, 1, 1), date(2100, 12, 31)))
    f, notices = Filters.from_query({"from": "1860", "to": "1800"}, wide)
    assert (f.date_from, f.date_to) == (date(1850, 1, 1), date(1860, 12, 31))
    assert any('to="1800" is outside the dates the atlas shows (1850-01-01 to 2100-12-31)' in n for n in notices)
    assert any("swapped" in n for n in notices)


def test_filters_repeated_bad_values_give_one_notice():
    f, notices = Filters.from_query({"org": ["NOPE"] * 1000, "actor": ["X"] * 3, "bogus": "1"},
                                    Choices(orgs=frozenset({"SCO"}), actors=frozenset({"KAZ"})))
    assert notices == ['unknown parameter "bogus" ignored', 'org="NOPE" is not a known value: ignored',
                       'actor="X" is not a known value: ignored']


def test_filters_shown_notices_are_capped_with_a_count():
    notices = [f"n{i}" for i in range(12)] + ["n0", "n1"]
    assert shown_notices(notices) == ["In the link: n0", "In the link: n1", "In the link: n2", "In the link: n3",
                                      "In the link: n4", "… and 7 more problems with the link"]
    assert shown_notices(["a", "a", "b"]) == ["In the link: a", "In the link: b"]
    many = Filters.from_query({"org": [f"BAD{i}" for i in range(1000)]}, Choices(orgs=frozenset()))[1]
    assert shown_notices(many)[-1] == "… and 995 more problems with the link"


def test_filters_notice_values_are_one_line_quoted_and_cut():
    value = "A\nB\r\x00\u202e" + "z" * 300
    _, notices = Filters.from_query({"org": value}, Choices(orgs=frozenset()))
    (notice,) = notices
    assert "\n" not in notice and notice.isprintable()
    assert notice.startswith('org="A\\nB\\r\\x00\\u202e') and '…"' in notice
    assert len(notice) < 80 + 60


def test_filters_swap_reversed_dates_with_a_notice():
    f, notices = Filters.from_query({"from": "2020", "to": "2017"})
    assert (f.date_from, f.date_to) == (date(2017, 1, 1), date(2020, 12, 31))
    assert any("swapped" in n for n in notices)


def test_filters_embed_params_are_not_ours_to_judge():
    assert Filters.from_query({"embed": "true", "embed_options": "x"})[1] == []


@pytest.mark.parametrize("raw, end, expected", [
    ("2017", False, date(2017, 1, 1)), ("2017", True, date(2017, 12, 31)),
    ("2024-02", True, date(2024, 2, 29)), ("2024-05-07", False, date(2024, 5, 7)),
])
def test_filters_parse_date_at_each_precision(raw, end, expected):
    assert parse_date(raw, end=end) == expected


def test_filters_apply_default_keeps_asserted_events(small):
    events, articles = small
    assert ids(apply(events, articles, Filters())) == ["a", "c"]
    assert ids(apply(events, articles, Filters(modalities=()))) == ["a", "b", "c"]


@pytest.mark.parametrize("filters, expected", [
    (Filters(orgs=("UN",), modalities=()), ["b"]),
    (Filters(orgs=("SCO", "OTS"), modalities=()), ["a", "b"]),
    (Filters(event_types=("summit",), modalities=()), ["c"]),
    (Filters(actors=("KAZ", "AZE"), modalities=()), ["a", "b"]),
    (Filters(date_from=date(2018, 1, 1), modalities=()), ["b"]),
    (Filters(date_to=date(2017, 12, 31), modalities=()), ["a"]),
    (Filters(date_from=date(2020, 6, 1), date_to=date(2020, 6, 30), modalities=()), ["b"]),  # a year overlaps June
    (Filters(modalities=("planned",)), ["b"]),
    (Filters(sources=("azernews.az",), modalities=()), ["b", "c"]),
    (Filters(text="ASTANA", modalities=()), ["a"]),
    (Filters(text="no such words", modalities=()), []),
])
def test_filters_apply_each_filter_narrows(small, filters, expected):
    events, articles = small
    assert ids(apply(events, articles, filters)) == expected


def test_filters_apply_on_empty_tables():
    out = apply(schema.empty_frame("events"), schema.empty_frame("articles"), Filters(orgs=("SCO",), text="x"))
    assert out.empty


@pytest.mark.parametrize("raw, expected", [("1", True), ("true", True), ("0", False), ("", False)])
def test_filters_reviewed_only_reads_one_or_zero(raw, expected):
    f, notices = Filters.from_query({"reviewed": raw})
    assert f.reviewed_only is expected and not notices
    assert f.to_query().get("reviewed") == (["1"] if expected else None)


def test_filters_reviewed_only_keeps_reviewed_events():
    events = pd.DataFrame({"event_id": ["a", "b", "c"], "reviewed": [None, "accepted", "added"],
                           "modality": ["asserted"] * 3})
    kept = apply(events, pd.DataFrame({"article_id": [], "source": []}), Filters(reviewed_only=True))
    assert kept["event_id"].tolist() == ["b", "c"]
    f, notices = Filters.from_query({"reviewed": "perhaps"})
    assert f.reviewed_only is False and notices == ['reviewed="perhaps" is not 1 or 0: ignored']
