"""What the index holds: every searchable thing of a briefing as one row, with where it lives.

A row's `text` is what a hit shows and highlights; `extras` are searchable too (a quote's speaker, a
point's topics, an organisation's acronym) but are not part of the text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from briefing.model import Briefing, Meeting, Session

HEADING = "heading"
QUOTE = "quote"
BODY = "body"
EXTRA = "extra"

COLUMNS = (HEADING, QUOTE, BODY, EXTRA)
"""The index's text columns, in table order: a row's text goes into one of the first three."""

COLUMN_WEIGHTS = {HEADING: 10.0, QUOTE: 5.0, BODY: 1.0, EXTRA: 4.0}
"""bm25 weights: a match in a title or a name counts most, then in a quote or a speaker's name,
then in body text."""

KINDS = ("meeting", "session", "passage", "key_point", "position", "figure", "quote", "person", "organisation")
"""Every kind of hit, in the order a reader meets them in a briefing."""


@dataclass(frozen=True, slots=True)
class IndexedItem:
    """One row of the index."""

    briefing_id: str
    meeting_id: str | None
    session_id: str | None
    kind: str
    item_id: str
    text: str
    label: str
    column: str
    extras: tuple[str, ...] = ()

    @property
    def searchable_texts(self) -> tuple[str, ...]:
        """Everything a query is matched against for this row."""
        return (self.text, *self.extras)


def indexed_items(briefings: Iterable[Briefing]) -> Iterator[IndexedItem]:
    """Rows of every briefing, each briefing in document order."""
    for briefing in briefings:
        yield from briefing_items(briefing)


def briefing_items(briefing: Briefing) -> Iterator[IndexedItem]:
    """Rows of one briefing: meetings with their sessions and items, then people and organisations."""
    speakers = {person.id: person.name for person in briefing.people}
    for meeting in briefing.meetings:
        yield from _meeting_items(briefing.id, meeting, speakers)
    for person in briefing.people:
        yield IndexedItem(
            briefing.id, None, None, "person", person.id, person.name, person.role or "person", HEADING,
            _present(person.role, person.country, *person.aliases),
        )
    for organisation in briefing.organisations:
        yield IndexedItem(
            briefing.id, None, None, "organisation", organisation.id, organisation.name,
            organisation.acronym or "organisation", HEADING, _present(organisation.acronym, *organisation.aliases),
        )


def _meeting_items(briefing_id: str, meeting: Meeting, speakers: dict[str, str]) -> Iterator[IndexedItem]:
    yield IndexedItem(
        briefing_id, meeting.id, None, "meeting", meeting.id, meeting.title, meeting.kind, HEADING,
        _present(meeting.kind, meeting.place, meeting.country),
    )
    yield IndexedItem(briefing_id, meeting.id, None, "meeting", meeting.id, meeting.summary, meeting.title, BODY)
    for passage in meeting.passages:
        yield IndexedItem(
            briefing_id, meeting.id, None, "passage", passage.id, passage.text,
            "heading" if passage.heading else "passage", HEADING if passage.heading else BODY,
        )
    for session in meeting.sessions:
        yield from _session_items(briefing_id, meeting, session, speakers)


def _session_items(
    briefing_id: str, meeting: Meeting, session: Session, speakers: dict[str, str]
) -> Iterator[IndexedItem]:
    where = (briefing_id, meeting.id, session.id)
    yield IndexedItem(*where, "session", session.id, session.title, session.title, HEADING, _present(session.format))
    for passage in session.passages:
        yield IndexedItem(
            *where, "passage", passage.id, passage.text, "heading" if passage.heading else "passage",
            HEADING if passage.heading else BODY,
        )
    for point in session.key_points:
        yield IndexedItem(*where, "key_point", point.id, point.text, "key point", BODY, point.topics)
    for point in session.positions:
        yield IndexedItem(*where, "position", point.id, point.text, "position", BODY, point.topics)
    for figure in session.figures:
        yield IndexedItem(
            *where, "figure", figure.id, figure.counts, figure.as_written, BODY, (figure.as_written, figure.unit)
        )
    for quote in session.quotes:
        speaker = speakers.get(quote.speaker, quote.speaker)
        yield IndexedItem(*where, "quote", quote.id, quote.text, speaker, QUOTE, (speaker, *quote.topics))


def _present(*values: str | None) -> tuple[str, ...]:
    return tuple(value for value in values if value)
