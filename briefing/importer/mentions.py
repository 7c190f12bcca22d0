"""Meetings a release mentions but the principal did not attend there: upcoming ("the next summit in
Madrid", "ahead of the European Council", "en vue du Conseil européen", "met het oog op de Europese
Raad") and past ("the last European Council", "at the March summit", "lors du dernier Conseil
européen", "tijdens de vorige top"). They become `referenced_meetings`.

A mention needs a cue (next, last, ahead of, a month before the meeting's name…) right before a
meeting's name: "the Council" alone is the meeting the release reports on, never a mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from briefing.importer.actors import _city_names
from briefing.importer.dates import Dating

UPCOMING, PAST, MONTH = "upcoming", "past", "month"
"""How a mention was cued: an upcoming meeting, a past one, or one named by its month (either)."""

_UPCOMING = (
    r"the next|the upcoming|the forthcoming|next week[’']s|next month[’']s|will attend the|will take part in the|"
    r"ahead of the|in view of the|in preparation for the|to prepare the|in the run-up to the|"
    r"le prochain|la prochaine|du prochain|au prochain|participera au|participera à la|en vue du|en vue de la|"
    r"en préparation du|en préparation de la|à l[’']approche du|"
    r"de volgende|de komende|op de volgende|zal deelnemen aan de|met het oog op de|in aanloop naar de|"
    r"ter voorbereiding van de"
)
_PAST = (
    r"the last|the previous|the recent|last week[’']s|last month[’']s|"
    r"lors du dernier|lors de la dernière|le dernier|la dernière|du dernier|au dernier|de la dernière|"
    r"de vorige|de laatste|tijdens de vorige|op de vorige|sinds de vorige"
)
_MEETING = (
    r"(?:summit|Summit|European Council|Foreign Affairs Council|General Affairs Council|Council|meeting|ministerial|"
    r"Ministerial|conference|Conference|sommet|Sommet|Conseil européen|Conseil des affaires étrangères|Conseil|"
    r"réunion|conférence|Conférence|top|Top|Europese Raad|Raad Buitenlandse Zaken|Raad|vergadering|conferentie)"
)
_FILLER = (
    r"(?:(?:[A-ZÀ-Þ0-9][\w’'-]*|informal|extraordinary|formal|annual|high-level|ministerial|intergovernmental|"
    r"joint|special|plenary|bilateral|trilateral|regular|informel|informelle|"
    r"extraordinaire|ministérielle|annuel|informele|buitengewone|jaarlijkse)\s+){0,3}?"
)
"""Words allowed between the cue and the meeting's name: names ("NATO", "EU-Africa", "G7") and a few
adjectives — never "time" or "years", so "the last time the Council met" is not a mention."""

_PLACE = r"(?:\s+(?:aura lieu\s+|will be held\s+|zal plaatsvinden\s+)?(?:in|à|te|en)\s+(?P<place>[A-ZÀ-Þ][\w’'-]+))?"


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    months = "|".join(_month_names())
    # "… of Ministers", "… on Ukraine", "… des Nations": a name's end, never a date ("on 23 March", "de juin").
    title = rf"(?P<title>{_FILLER}{_MEETING}(?:\s+(?:of|on|des|de|van)\s+(?!(?:{months})\b)[^\W\d][\w’'-]*)?)"
    of_month = rf"(?:\s+(?:of|de|d[’']|van)\s*(?P<month>{months})\b)?"
    return [
        (UPCOMING, re.compile(rf"\b(?i:{_UPCOMING})\s+{title}{of_month}{_PLACE}")),
        (PAST, re.compile(rf"\b(?i:{_PAST})\s+{title}{of_month}{_PLACE}")),
        # "at the March summit", "the June European Council"
        (MONTH, re.compile(rf"\b(?i:at the|during the|since the|the)\s+(?P<month>{months})\s+{title}{_PLACE}")),
        # "lors du sommet de mars", "au Conseil européen de juin", "tijdens de top van maart"
        (MONTH, re.compile(rf"\b(?i:lors du|lors de la|au|du|tijdens de|op de|sinds de)\s+{title}"
                           rf"\s+(?:de|d[’']|van)\s*(?P<month>{months})\b")),
    ]


@cache
def _month_names() -> tuple[str, ...]:
    """Month names in English, French and Dutch (Babel's CLDR data), longest first."""
    from babel.dates import get_month_names

    names = {str(name) for language in ("en", "fr", "nl") for name in get_month_names("wide", locale=language).values()}
    return tuple(sorted(names, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class MentionedMeeting:
    paragraph: int
    title: str
    place: str | None
    start: str | None
    end: str | None
    cue: str = UPCOMING
    """UPCOMING, PAST or MONTH: how the release pointed at the meeting."""
    month: str | None = None
    """The month a MONTH mention names ("March", "mars")."""
    wording: str = ""
    """The words of the release that mention it ("ahead of the European Council")."""


def find_mentioned_meetings(paragraphs: list[str], dating: Dating) -> list[MentionedMeeting]:
    """Each meeting the text points at with a cue (next, last, ahead of, a month), once per title and cue."""
    found: dict[tuple[str, str], MentionedMeeting] = {}
    for index, text in enumerate(paragraphs):
        taken: list[tuple[int, int]] = []  # "ahead of the March summit" is one mention, not two
        for cue, pattern in _patterns():
            for match in pattern.finditer(text):
                if any(start < match.end() and match.start() < end for start, end in taken):
                    continue
                taken.append(match.span())
                mention = _mention(index, match, cue, dating)
                _keep(found, mention)
    return sorted(found.values(), key=lambda mention: mention.paragraph)


def _keep(found: dict[tuple[str, str], MentionedMeeting], mention: MentionedMeeting) -> None:
    """One mention per meeting: "the June European Council" and "ahead of the European Council on 27 June"
    are one meeting (the month merges into the cued mention); "the last" and "the next" are two."""
    title = mention.title.lower()
    cued = [key for key in found if key[0] == title and key[1] != MONTH]
    if mention.cue == MONTH and cued:
        return
    if mention.cue != MONTH and (title, MONTH) in found:
        month = found.pop((title, MONTH)).month
        mention = replace(mention, month=mention.month or month)
    found.setdefault((title, mention.cue), mention)


def _mention(index: int, match: re.Match[str], cue: str, dating: Dating) -> MentionedMeeting:
    title = match.group("title").strip()
    month = match.groupdict().get("month")
    first, _, rest = title.partition(" ")
    if month is None and first in _month_names() and rest:  # "ahead of the March summit": the month is no title
        month, title = first, rest
    title = title[0].upper() + title[1:]
    # A date written just after the mention ("… in Luxembourg on 24 April") is the meeting's.
    dated = next(((date, day, last) for date, day, last in dating.found
                  if date.paragraph == index and 0 <= date.offset - match.end() <= 40), None)
    start, end = (dated[1].isoformat(), dated[2].isoformat()) if dated else (None, None)
    if dated:
        dating.elsewhere.add((index, dated[0].offset))  # the mentioned meeting's date, not the release's
    place = match.groupdict().get("place")
    place = place if place in _city_names() else None
    return MentionedMeeting(index, title, place, start, end, cue, month, match.group(0).strip())
