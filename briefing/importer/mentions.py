"""Meetings a release mentions but the principal did not (yet) attend: "the next summit in Madrid",
"le prochain Conseil des affaires étrangères", "de volgende top". They become `referenced_meetings`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.importer.actors import _city_names
from briefing.importer.dates import Dating

_NEXT = (
    r"(?i:the next|the upcoming|the forthcoming|next week[’']s|will attend the|will take part in the|"
    r"le prochain|la prochaine|du prochain|au prochain|participera au|de volgende|de komende|op de volgende|"
    r"zal deelnemen aan de)"
)
_MEETING = (
    r"(?:summit|Summit|European Council|Foreign Affairs Council|General Affairs Council|Council|meeting|ministerial|"
    r"conference|Conference|sommet|Sommet|Conseil européen|Conseil des affaires étrangères|Conseil|réunion|conférence|"
    r"top|Europese Raad|Raad Buitenlandse Zaken|Raad|vergadering|conferentie)"
)
MENTION = re.compile(
    rf"\b{_NEXT}\s+(?P<title>(?:[\w’'-]+\s+){{0,3}}?{_MEETING}(?:\s+(?:of|on|des|de|van)\s+[\w’'-]+)?)"
    rf"(?:\s+(?:aura lieu\s+)?(?:in|à|te|en)\s+(?P<place>[A-ZÀ-Þ][\w’'-]+))?"
)


@dataclass(frozen=True, slots=True)
class MentionedMeeting:
    paragraph: int
    title: str
    place: str | None
    start: str | None
    end: str | None


def find_mentioned_meetings(paragraphs: list[str], dating: Dating) -> list[MentionedMeeting]:
    """Each upcoming or other meeting the text names with "next", once per title."""
    found: dict[str, MentionedMeeting] = {}
    for index, text in enumerate(paragraphs):
        for match in MENTION.finditer(text):
            title = match.group("title").strip()
            title = title[0].upper() + title[1:]
            # A date written just after the mention ("… in Luxembourg on 24 April") is the meeting's.
            start, end = next(((day.isoformat(), last.isoformat()) for date, day, last in dating.found
                               if date.paragraph == index and 0 <= date.offset - match.end() <= 40), (None, None))
            place = match.group("place") if match.group("place") in _city_names() else None
            found.setdefault(title.lower(), MentionedMeeting(index, title, place, start, end))
    return list(found.values())
