"""Dates: absolute forms, ranges and expressions relative to the publication date."""

import pytest

from middlepowers.nlp.dates import find_dates, infer_published


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("talks held on 10 May 2024 in Almaty", None, ("2024-05-10", "2024-05-10", "day")),
        ("signed on March 3, 2020, in Baku", None, ("2020-03-03", "2020-03-03", "day")),
        ("in May 2024, the sides met", None, ("2024-05-01", "2024-05-31", "month")),
        ("a non-permanent member in 2017-2018", None, ("2017-01-01", "2018-12-31", "year")),
        ("from 2017 to 2019 it chaired", None, ("2017-01-01", "2019-12-31", "year")),
        ("hosted talks since 2017", None, ("2017-01-01", "2017-12-31", "year")),
        ("Earlier this month, Azerbaijan accepted", "2024-09", ("2024-09-01", "2024-09-30", "month")),
        ("It chaired the bloc last year", "2024-09-12", ("2023-01-01", "2023-12-31", "year")),
        ("will host the summit next year", "2024-09", ("2025-01-01", "2025-12-31", "year")),
        ("The ministers met on Monday", "2024-05-15", ("2024-05-13", "2024-05-13", "day")),
        ("last September the talks began", "2024-05-15", ("2023-09-01", "2023-09-30", "month")),
        ("Less than ten days ago, the aide", "2025-10", ("2025-10-01", "2025-10-31", "month")),
        ("three days ago the minister", "2025-10-20", ("2025-10-17", "2025-10-17", "day")),
        ("on 22–23 September the assembly", "2024-09", ("2024-09-22", "2024-09-23", "day")),
        ("the leaders met in Delhi this weekend", "2023-09-10", ("2023-09-09", "2023-09-10", "day")),
        ("the talks last weekend in Jeddah", "2025-03-12", ("2025-03-08", "2025-03-09", "day")),
        ("In March, Tashkent proposed new talks", "2024-11-04", ("2024-03-01", "2024-03-31", "month")),
        ("Last September the ministers met", "2024-05-15", ("2023-09-01", "2023-09-30", "month")),
        ("the summit (31 March - 1 April 2016, Washington DC)", "2024-01", ("2016-03-31", "2016-04-01", "day")),
        ("held from June 30 to July 2, 2022 in Madrid", None, ("2022-06-30", "2022-07-02", "day")),
        ("the session of 30 December - 2 January 2024", None, ("2023-12-30", "2024-01-02", "day")),
    ],
)
def test_find_dates_resolves(text, published, expected):
    found = find_dates(text, published)
    assert found, text
    d = found[0]
    assert (d.date_start, d.date_end, d.precision) == expected


@pytest.mark.parametrize(
    "text",
    ["You may go in the march of history", "It sent $2019 and 2,000 troops", "The ministers met on Monday"],
)
def test_find_dates_ignores_non_dates_and_unresolvable(text):
    # No publication date: "on Monday" cannot be resolved and is left out, not guessed.
    assert find_dates(text, None) == []


def test_infer_published_prefers_dateline_then_latest():
    assert infer_published("ASTANA, 12 June 2024 - The minister said") == "2024-06-12"
    assert infer_published("A long story.\n" * 30 + "In May 2021 and in March 2023 talks were held.") == "2023-03"
    assert infer_published("No date here at all.") is None
