"""Dates read "11 April 2022"; ranges share what their ends share."""

from __future__ import annotations

import datetime as dt

from briefing.render.dates import format_date, format_date_range


def test_single_date_has_no_leading_zero_and_an_english_month() -> None:
    assert format_date(dt.date(2022, 4, 6)) == "6 April 2022"
    assert format_date(dt.date(2022, 12, 31)) == "31 December 2022"


def test_one_day_range_is_a_single_date() -> None:
    assert format_date_range(dt.date(2022, 4, 11), dt.date(2022, 4, 11)) == "11 April 2022"


def test_range_within_a_month() -> None:
    assert format_date_range(dt.date(2022, 4, 6), dt.date(2022, 4, 7)) == "6–7 April 2022"


def test_range_across_months_and_years() -> None:
    assert format_date_range(dt.date(2022, 3, 30), dt.date(2022, 4, 1)) == "30 March – 1 April 2022"
    assert (
        format_date_range(dt.date(2021, 12, 31), dt.date(2022, 1, 1))
        == "31 December 2021 – 1 January 2022"
    )
