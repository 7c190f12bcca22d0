"""The words the app and every export use for the book's things: kinds, dates, places, citations.

One module, so that the app and the printout can no longer disagree ("eu institution" in one,
"EU institution" in the other). Everything returned here is plain, unsanitised text assembled from the
briefing: pass it through `briefing.render.safety.safe_text` (or show it as literal text) before it
reaches a terminal.

Every phrase comes from a `Vocabulary` made for the book's language (`vocabulary(briefing.language)`):
English, French and Dutch, with dates from Babel's CLDR data; an unknown language gets the English
phrasing rather than an error, since a book in any language must still open.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from briefing.model import BriefingLookup, Located, OrganisationKind, PartOfDay, Person, Quote, SourceRef
from briefing.render.dates import RANGE_DASH, format_date, format_date_range
from briefing.render.phrasebooks import DUTCH, ENGLISH, FRENCH, PHRASEBOOKS, Phrasebook

if TYPE_CHECKING:
    from briefing.model import Meeting, Session

DEFAULT_LANGUAGE = "en"

__all__ = ["DUTCH", "ENGLISH", "FRENCH", "PHRASEBOOKS", "Phrasebook", "Vocabulary", "vocabulary"]


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Phrasing for one language; get one with `vocabulary(language)`."""

    language: str
    words: Phrasebook

    # Kinds

    def kind_name(self, kind: str) -> str:
        """ "key point": a kind in running text (the id itself for a kind nobody named yet)."""
        return self.words.kind_names.get(kind, kind.replace("_", " "))

    def kind_label(self, kind: str) -> str:
        """ "Key point": how the reader announces an item of this kind."""
        return self.words.kind_labels.get(kind) or self.kind_name(kind).capitalize()

    def kind_section(self, kind: str) -> str:
        """ "Key points": the heading of a list of such items."""
        return self.words.kind_sections.get(kind) or self.kind_label(kind)

    def organisation_kind(self, kind: OrganisationKind) -> str:
        """ "EU institution", "international organisation"."""
        return self.words.organisation_kinds.get(kind, kind.value.replace("-", " "))

    # Dates and places

    def date(self, day: dt.date) -> str:
        """ "11 April 2022", "11 avril 2022", "11 april 2022" (month names from Babel's CLDR data)."""
        if self.language == DEFAULT_LANGUAGE:
            return format_date(day)
        return _babel_date(day, "d MMMM y", self.language)

    def date_range(self, start: dt.date, end: dt.date) -> str:
        """ "6–7 April 2022", sharing what the two ends share, in the book's language."""
        if self.language == DEFAULT_LANGUAGE:
            return format_date_range(start, end)
        if start == end:
            return self.date(start)
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}{RANGE_DASH}{self.date(end)}"
        if start.year == end.year:
            return f"{_babel_date(start, 'd MMMM', self.language)} {RANGE_DASH} {self.date(end)}"
        return f"{self.date(start)} {RANGE_DASH} {self.date(end)}"

    def quote(self, text: str) -> str:
        """The text in the language's quotation marks."""
        opening, closing = self.words.quote_marks
        return f"{opening}{text}{closing}"

    def label(self, english: str) -> str:
        """A field label ("Issued by") in the book's language."""
        return (self.words.labels or {}).get(english, english)

    def phrase(self, english: str, **values: object) -> str:
        """A label with values filled in: `phrase("Source passages ({count})", count=3)`.

        The template is ours (never briefing text); values are inserted as they are, not re-read as
        templates, so a briefing string holding "{count}" stays literal.
        """
        return self.label(english).format(**values)

    def marking(self, classification: str, status: str) -> str:
        """The classification marking, with DRAFT (in the book's language) beside it while the book is a draft."""
        return f"{self.words.draft} · {classification}" if status == "draft" else classification

    def part_of_day(self, part: PartOfDay) -> str:
        return self.words.parts_of_day.get(part, part.value)

    def place(self, meeting: Meeting) -> str:
        """ "Luxembourg, Luxembourg": the meeting's place, and its country when given."""
        return ", ".join(filter(None, (self.place_name(meeting), meeting.country)))

    def place_name(self, meeting: Meeting) -> str:
        """The meeting's place alone ("place not stated" when the source does not say)."""
        return meeting.place or self.words.not_stated_place

    def meeting_dates(self, meeting: Meeting) -> str:
        return self.date_range(meeting.start, meeting.end)

    def session_when(self, session: Session) -> str:
        """ "11 April 2022, morning · working session": when, and what sort of session."""
        when = self.date(session.date)
        if session.part_of_day is not None:
            when += f", {self.part_of_day(session.part_of_day)}"
        if session.format:
            when += f" · {session.format}"
        return when

    def session_details(self, session: Session) -> str:
        """ "morning, working session": part of day and format, without the date (may be empty)."""
        parts = (self.part_of_day(session.part_of_day) if session.part_of_day else None, session.format)
        return ", ".join(part for part in parts if part)

    def item_date(self, located: Located) -> str:
        """The session's date, or the meeting's dates for an item about the whole meeting."""
        if located.session is not None:
            return self.date(located.session.date)
        return self.meeting_dates(located.meeting)

    def item_place(self, located: Located) -> str:
        """ "Session title, 11 April 2022", or "Meeting title, 6–7 April 2022" outside any session."""
        holder = located.session if located.session is not None else located.meeting
        return f"{holder.title}, {self.item_date(located)}"

    # People and citations

    def person_with_role(self, person: Person | None, fallback: str = "") -> str:
        """ "Sophie Wilmès, Deputy Prime Minister"; `fallback` (an id) for nobody."""
        if person is None:
            return fallback
        return f"{person.name}, {person.role}" if person.role else person.name

    def paragraph(self, ref: SourceRef) -> str:
        """ "¶7", or "¶7–8" for a range."""
        return ref.label

    def document_paragraph(self, lookup: BriefingLookup, ref: SourceRef) -> str:
        """ "Document title, ¶7": which source document, and which of its paragraphs."""
        document = lookup.sources.get(ref.document)
        return f"{document.title if document else ref.document}, {self.paragraph(ref)}"

    def source_label(self, lookup: BriefingLookup, ref: SourceRef) -> str:
        """ "¶7" when the book has one source document; "Title, ¶7" when the reader must know which."""
        if len(lookup.briefing.sources) == 1:
            return self.paragraph(ref)
        return self.document_paragraph(lookup, ref)

    def speaker_and_occasion(self, lookup: BriefingLookup, located: Located[Quote]) -> str:
        """ "Speaker, Role, Meeting title, Place, date" — who said it, where and when."""
        quote = located.item
        speaker = self.person_with_role(lookup.people.get(quote.speaker), quote.speaker)
        return f"{speaker}, {located.meeting.title}, {self.place_name(located.meeting)}, {self.item_date(located)}"

    def quote_attribution(self, lookup: BriefingLookup, located: Located[Quote]) -> str:
        """Who said it, where and when, and the source: everything after the dash of a citation."""
        return f"{self.speaker_and_occasion(lookup, located)} ({self.source_reference(lookup, located.item.source)})"

    def quote_citation(self, lookup: BriefingLookup, located: Located[Quote]) -> str:
        """ "“…” — Speaker, Role, Meeting, Place, date (source: Issuer, Title, date, ¶7)"."""
        return f"{self.quote(located.item.text)} — {self.quote_attribution(lookup, located)}"

    def source_reference(self, lookup: BriefingLookup, ref: SourceRef) -> str:
        """ "source: Issuer, Document title, 11 April 2022, ¶7" — enough to find the words in the original."""
        document = lookup.sources.get(ref.document)
        prefix = self.words.source_prefix
        if document is None:
            return f"{prefix}: {ref.document}, {self.paragraph(ref)}"
        published = self.date(document.published) if document.published else self.words.not_stated_published
        return f"{prefix}: {document.issuer}, {document.title}, {published}, {self.paragraph(ref)}"


@cache
def vocabulary(language: str = DEFAULT_LANGUAGE) -> Vocabulary:
    """The vocabulary for a BCP 47 `language` ("en", "fr-BE"); English when there is none for it."""
    primary = language.split("-")[0].split("_")[0].lower()
    if primary not in PHRASEBOOKS:
        primary = DEFAULT_LANGUAGE
    return Vocabulary(primary, PHRASEBOOKS[primary])


@cache
def _babel_date(day: dt.date, pattern: str, language: str) -> str:
    from babel.dates import format_date as babel_format_date

    return babel_format_date(day, pattern, locale=language)
