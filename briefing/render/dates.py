"""Dates the way a briefing reader writes them: "11 April 2022", "6–7 April 2022".

Day-month-year with the month in English words is unambiguous across the services that read the book
(no 04/11 vs 11/04 confusion).
"""

from __future__ import annotations

import datetime as dt

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
"""English month names, independent of the process locale (`strftime("%B")` would follow LC_TIME)."""

NOT_STATED_PLACE = "place not stated"
NOT_STATED_PUBLISHED = "date of publication not stated"
NOT_STATED_PRINCIPAL = "no principal named"
"""What a book shows for a fact its source does not state (never an invented value)."""

RANGE_DASH = "–"
"""En dash, the typographic mark for a range."""


def format_date(day: dt.date) -> str:
    """`2022-04-11` → "11 April 2022"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def format_date_range(start: dt.date, end: dt.date) -> str:
    """A span of days, sharing what the two ends share.

    "11 April 2022" (one day), "6–7 April 2022", "30 March – 1 April 2022",
    "31 December 2021 – 1 January 2022".
    """
    if start == end:
        return format_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}{RANGE_DASH}{format_date(end)}"
    if start.year == end.year:
        return f"{start.day} {MONTHS[start.month - 1]} {RANGE_DASH} {format_date(end)}"
    return f"{format_date(start)} {RANGE_DASH} {format_date(end)}"
