"""Dates in a release, and the year when the release leaves it out.

Month and weekday names come from Babel's CLDR data for the release's language. "Monday 11 April"
gives the year when only one nearby year has 11 April on a Monday; a year written anywhere in the
text ("In March 2022") or the publication date decides between candidates. Every inference is
written down, because the author must be able to check it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

from briefing.importer.wording import long_date, quoted, say, weekday_name


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date the text gives (`day` may be a range end), where, and whether its weekday was stated."""

    paragraph: int
    offset: int
    day: int
    month: int
    year: int | None
    weekday: int | None
    last_day: int | None = None
    end: int = 0
    """Offset just after the date's words."""


@dataclass
class Dating:
    """The dates found, resolved to full dates, with the notes that explain how the year was chosen."""

    found: list[tuple[FoundDate, dt.date, dt.date]] = field(default_factory=list)
    """Each found date with its first and last day."""
    notes: list[str] = field(default_factory=list)
    year: int | None = None
    elsewhere: set[tuple[int, int]] = field(default_factory=set)
    """(paragraph, offset) of the dates of meetings the release mentions but did not attend ("ahead of the
    European Council on 27 June"): never the dates of the meeting it reports on."""

    def in_paragraph(self, paragraph: int) -> list[tuple[dt.date, dt.date]]:
        """Dates of a paragraph, without those whose stated year is not the release's (history, not events)
        and those of meetings only mentioned."""
        return [(start, end) for found, start, end in self.found
                if found.paragraph == paragraph and (found.year is None or found.year == self.year)
                and (paragraph, found.offset) not in self.elsewhere]

    def is_dateline(self, paragraph: int, text: str) -> bool:
        """ "Dublin, Wednesday 8 March" or "Bruxelles, le 14 novembre 2023": a place and a date, nothing else."""
        dates = [found for found, _, _ in self.found if found.paragraph == paragraph]
        rest = text[dates[0].end:] if dates else ""
        # A time may follow the date: "14 November 2022 · 17:45", "le 20 mars 2023, 14h30".
        if len(dates) != 1 or len(text) > 80 or not re.fullmatch(r"[\s.]*(?:[·,|–-]?\s*\d{1,2}[:.h]\d{2}\s*)?", rest):
            return False
        return bool(re.fullmatch(r"(?:[^\W\d][\w .’'-]{1,40},?\s*(?:(?:le|den)\s+)?)?", text[:dates[0].offset]))

    def date_of_dateline(self, datelines: list[bool]) -> dt.date | None:
        """The date a dateline gives: the release's publication date when nothing else says it."""
        for found, start, _ in self.found:
            if datelines[found.paragraph]:
                return start
        return None


@cache
def _names(language: str) -> tuple[dict[str, int], dict[str, int]]:
    """Month and weekday names (wide and abbreviated, lower case) → numbers, from CLDR."""
    from babel.dates import get_day_names, get_month_names

    months: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for number, name in get_month_names(width, locale=language).items():
            months[name.lower().rstrip(".")] = number
    weekdays = {name.lower(): number for number, name in get_day_names("wide", locale=language).items()}
    return months, weekdays


@cache
def _patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    months, weekdays = _names(language)
    month = "|".join(sorted((re.escape(name) for name in months if len(name) > 2), key=len, reverse=True))
    weekday = "|".join(sorted(map(re.escape, weekdays), key=len, reverse=True))
    day_first = re.compile(
        rf"(?<![\w-])(?:(?P<weekday>{weekday})\s+)?(?:(?:the|le)\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th|er)?"
        rf"(?:\s*(?:[-–]|and|to|au|et|tot|en)\s*(?:(?:{weekday})\s+)?(?P<last>[0-3]?\d)(?:st|nd|rd|th|er)?)?"
        rf"[\s\u00a0]+(?P<month>{month})\.?(?:,?[\s\u00a0]+(?P<year>(?:19|20)\d\d))?(?!\w)",
        re.IGNORECASE,
    )
    month_year = re.compile(rf"(?<!\w)(?P<month>{month})\.?[\s\u00a0]+(?P<year>(?:19|20)\d\d)(?!\w)", re.IGNORECASE)
    return day_first, month_year


def find_dates(paragraphs: list[str], language: str, published: dt.date | None) -> Dating:
    """Every day-month date of the text, with its year stated, or inferred and explained."""
    day_first, month_year = _patterns(language)
    months, weekdays = _names(language)
    found: list[FoundDate] = []
    stated_years: list[tuple[int, int, str]] = []
    for index, text in enumerate(paragraphs):
        for match in day_first.finditer(text):
            weekday = match.group("weekday")
            year = int(match.group("year")) if match.group("year") else None
            last = int(match.group("last")) if match.group("last") else None
            found.append(FoundDate(index, match.start(), int(match.group("day")), months[match.group("month").lower()],
                                   year, weekdays[weekday.lower()] if weekday else None, last, match.end()))
            if year:
                stated_years.append((year, index, match.group()))
        for match in month_year.finditer(text):
            stated_years.append((int(match.group("year")), index, match.group()))
    return _resolve(found, stated_years, published, language)


def _resolve(found: list[FoundDate], stated: list[tuple[int, int, str]], published: dt.date | None,
             language: str = "en") -> Dating:
    """Full dates for what was found, the year chosen as the notes (in the release's language) explain."""
    dating = Dating()
    base = stated[0][0] if stated else published.year if published else None
    undated_weekdays = [date for date in found if date.weekday is not None and date.year is None]
    anchor = None
    if undated_weekdays:
        # With no year anywhere, a release reports the past: the latest such year up to this one.
        anchor = _weekday_year(undated_weekdays[0], base) if base else _latest_weekday_year(undated_weekdays[0])
    dating.year = anchor or base or dt.date.today().year
    if stated:
        year, index, words = stated[0]
        dating.notes.append(say(language, "The text states the year {year} ({quoted}, ¶{paragraph}).", year=year,
                                quoted=quoted(language, words), paragraph=index + 1))
    elif published is not None:
        dating.notes.append(say(language, "The text states no year; the release was published in {year}.",
                                year=published.year))
    if anchor is not None and anchor != base:
        dating.notes.append(_weekday_note(undated_weekdays[0], anchor, base, language))
    if dating.year is not None and not stated and anchor is None and published is None:
        dating.notes.append(say(language, "The text states no year and no weekday: the year {year} is assumed; "
                                "check it.", year=dating.year))
    checked: list[str] = []
    for date in found:
        year = date.year or dating.year
        try:
            start = dt.date(year, date.month, date.day)
            end = dt.date(year, date.month, date.last_day) if date.last_day else start
        except ValueError:
            continue  # "31 April": not a date, whatever the text meant
        if date.weekday is not None and date.year is None:
            values = {"date": long_date(language, start), "weekday": weekday_name(language, start.weekday()),
                      "stated": weekday_name(language, date.weekday)}
            agrees = start.weekday() == date.weekday
            checked.append(say(language, "{date} was a {weekday}, as the text says" if agrees
                               else "{date} was a {weekday}, not a {stated} as the text says", **values))
        dating.found.append((date, start, min(max(end, start), start + dt.timedelta(days=31))))
    if checked:
        note = "; ".join(dict.fromkeys(checked)) + "."
        dating.notes.append(note[0].upper() + note[1:])
    return dating


def _weekday_note(first: FoundDate, anchor: int, base: int | None, language: str) -> str:
    """Why a day and month given with a weekday but no year were put in year `anchor`."""
    values = {"day_month": quoted(language, f"{first.day}/{first.month}"),
              "weekday": weekday_name(language, first.weekday or 0), "anchor": anchor, "base": base}
    if base:
        return say(language, "It gives {day_month} as a {weekday} without a year: that day fell on a {weekday} in "
                   "{anchor}, the nearest such year to {base}; {anchor} is taken for dates written without a year.",
                   **values)
    return say(language, "It gives {day_month} as a {weekday} without a year: that day fell on a {weekday} in "
               "{anchor}, the nearest such year; {anchor} is taken for dates written without a year.", **values)


def _latest_weekday_year(date: FoundDate) -> int | None:
    this_year = dt.date.today().year
    for year in range(this_year, this_year - 12, -1):
        try:
            if dt.date(year, date.month, date.day).weekday() == date.weekday:
                return year
        except ValueError:
            return None
    return None


def _weekday_year(date: FoundDate, base: int) -> int | None:
    """The year nearest `base` in which `date` falls on the weekday the text gives."""
    for distance in range(0, 12):
        for year in (base, base + distance, base - distance) if distance else (base,):
            try:
                if dt.date(year, date.month, date.day).weekday() == date.weekday:
                    return year
            except ValueError:
                return None
    return None
