"""What the index holds: every searchable thing of a briefing as one row, with where it lives.

A row's `text` is what a hit shows and highlights; `extras` are searchable too (a quote's speaker, a
point's topics, an organisation's acronym) but are not part of the text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from briefing.model import ITEM_KINDS, Briefing, Located, iter_nodes
from briefing.model.items import CONTAINER_KINDS

HEADING = "heading"
QUOTE = "quote"
BODY = "body"
EXTRA = "extra"

COLUMNS = (HEADING, QUOTE, BODY, EXTRA)
"""The index's text columns, in table order: a row's text goes into one of the first three."""

COLUMN_WEIGHTS = {HEADING: 10.0, QUOTE: 5.0, BODY: 1.0, EXTRA: 4.0}
"""bm25 weights: a match in a title or a name counts most, then in a quote or a speaker's name,
then in body text."""

KINDS = (*CONTAINER_KINDS, *ITEM_KINDS, "person", "organisation")
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
    for located in iter_nodes(briefing):
        yield from _rows(briefing.id, located, speakers)
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


def _rows(briefing_id: str, located: Located, speakers: dict[str, str]) -> Iterator[IndexedItem]:
    """The rows of one meeting, session or item (a meeting has two: its title and its summary)."""
    item, kind = located.item, located.kind
    session_id = located.session.id if located.session is not None else None
    where = (briefing_id, located.meeting.id, session_id, kind, item.id)
    if kind == "meeting":
        yield IndexedItem(*where, item.title, item.kind, HEADING, _present(item.kind, item.place, item.country))
        yield IndexedItem(*where, item.summary, item.title, BODY)
    elif kind == "session":
        yield IndexedItem(*where, item.title, item.title, HEADING, _present(item.format))
    elif kind == "passage":
        label, column = ("heading", HEADING) if item.heading else ("passage", BODY)
        yield IndexedItem(*where, item.text, label, column)
    elif kind == "figure":
        yield IndexedItem(*where, item.counts, item.as_written, BODY, (item.as_written, item.unit))
    elif kind == "quote":
        speaker = speakers.get(item.speaker, item.speaker)
        yield IndexedItem(*where, item.text, speaker, QUOTE, (speaker, *item.topics))
    else:
        # Key points, positions, and any kind added later: their text, and their topics if they have some.
        yield IndexedItem(*where, located.text, "", BODY, tuple(getattr(item, "topics", ())))


def _present(*values: str | None) -> tuple[str, ...]:
    return tuple(value for value in values if value)
