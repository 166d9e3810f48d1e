"""Dates: header, dateline, text, inference from tenures and dated events, and their refusals."""

import pytest

from defcoop.reading.dates import find_dates, parse_dateline, parse_header
from tests.conftest import doc


@pytest.mark.parametrize(
    ("prefix", "date", "precision", "source"),
    [
        ("000", "2018-11-15", "day", "header"),
        # no header, no dateline, "a March 28 reception": Quang was president 2016-04-02..2018-09-21
        # and Semashko deputy PM until 2018-08, leaving 2017 and 2018; "his official visit to Belarus
        # in June last year" matches Quang's visit of 26-28 June 2017 in events.csv -> 2018.
        ("001", "2018-03-28", "day", "inferred"),
        ("002", "2024-12-17", "day", "header"),
        ("003", "2024-12-17", "day", "dateline"),  # "December 17, 2024 - 17:01"
        ("004", "2020-07-03", "day", "header"),  # the dateline 05/07/2020 is the republication
    ],
)
def test_seed_dates(seeds, prefix, date, precision, source):
    d = doc(seeds, prefix)
    assert (d["date"], d["date_precision"], d["date_source"]) == (date, precision, source)


def test_header_dateline_conflict_is_reported(seeds):
    d = doc(seeds, "004")
    assert d["dateline_date"] == "2020-07-05"
    assert "header date 2020-07-03 differs from dateline 2020-07-05" in d["warnings"]


def test_header_month_precision_and_invalid_header():
    assert parse_header(" date 2019-05 Title").value.iso == "2019-05"
    bad = parse_header(" date 2019-02-30 Title")
    assert bad is not None and bad.value is None


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("December 17, 2024 - 17:01", "2024-12-17"),
        ("05/07/2020 \u00a0 00:30 GMT+7", "2020-07-05"),
        ("26.04.2016", "2016-04-26"),
        ("Published: 2022-03-04", "2022-03-04"),
        ("Thursday, 12/09/2023 09:15", "2023-09-12"),
        ("17 December 2024", "2024-12-17"),
    ],
)
def test_datelines(line, iso):
    assert parse_dateline(line).value.iso == iso


def test_prose_with_a_date_is_not_a_dateline():
    assert parse_dateline("The talks took place on December 17, 2024 in Hanoi.") is None
    assert parse_dateline("31/02/2020") is None  # not a calendar date


def test_yearless_date_with_two_possible_years_is_left_undated(write_corpus):
    import defcoop

    # Nguyen Xuan Phuc was prime minister 2016-04-07..2021-04-05: "May 10" fits 2016..2020.
    root = write_corpus(
        {
            "a.txt": "Talks in Hanoi\n\nPrime Minister Nguyen Xuan Phuc received Russian Defence Minister "
            "Sergei Shoigu in Hanoi on May 10. Phuc said the two countries value defence ties."
        }
    )
    d = defcoop.load(root).docs.iloc[0]
    # Shoigu (defence minister 2012-11-06..2024-05-12) does not narrow it further.
    assert (d["date"], d["date_precision"], d["date_source"]) == ("", "none", "none")
    assert "year-less date 'May 10': 5 candidate years (2016, 2017, 2018, 2019, 2020)" in d["warnings"]


def test_yearless_date_with_one_possible_year_is_inferred(write_corpus):
    import defcoop

    # Vo Van Thuong was president 2023-03-02..2024-03-21: "on February 5" can only be 2024.
    root = write_corpus(
        {
            "a.txt": "Visit\n\nPresident Vo Van Thuong received Belarusian Defence Minister Viktor Khrenin on "
            "February 5 in Hanoi. Thuong praised the defence cooperation between the two countries."
        }
    )
    d = defcoop.load(root).docs.iloc[0]
    assert (d["date"], d["date_source"]) == ("2024-02-05", "inferred")


def test_find_dates_forms():
    hits = find_dates("on November 15, 26.04.2016, 05/07/2020 and in June last year")
    assert [(h.year, h.month, h.day, h.relative) for h in hits] == [
        (None, 11, 15, ""),
        (2016, 4, 26, ""),
        (2020, 7, 5, ""),
        (None, 6, None, "last year"),
    ]
