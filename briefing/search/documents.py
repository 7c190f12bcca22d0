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
    extra_names: tuple[str, ...] = ()
    """What each extra is (`speaker`, `topic`, `role`…), for saying where a hit matched."""

    @property
    def searchable_texts(self) -> tuple[str, ...]:
        """Everything a query is matched against for this row."""
        return (self.text, *self.extras)

    @property
    def named_extras(self) -> tuple[tuple[str, str], ...]:
        """Each extra with its name (`extra` when the row does not say)."""
        names = self.extra_names + ("extra",) * (len(self.extras) - len(self.extra_names))
        return tuple(zip(names, self.extras, strict=False))


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
            *_named(role=person.role, country=person.country, alias=person.aliases),
        )
    for organisation in briefing.organisations:
        yield IndexedItem(
            briefing.id, None, None, "organisation", organisation.id, organisation.name,
            organisation.acronym or "organisation", HEADING,
            *_named(acronym=organisation.acronym, alias=organisation.aliases),
        )


def _rows(briefing_id: str, located: Located, speakers: dict[str, str]) -> Iterator[IndexedItem]:
    """The rows of one meeting, session or item (a meeting has two: its title and its summary)."""
    item, kind = located.item, located.kind
    session_id = located.session.id if located.session is not None else None
    where = (briefing_id, located.meeting.id, session_id, kind, item.id)
    if kind == "meeting":
        yield IndexedItem(*where, item.title, item.kind, HEADING, *_named(kind=item.kind, place=item.place, country=item.country))
        yield IndexedItem(*where, item.summary, item.title, BODY)
    elif kind == "session":
        yield IndexedItem(*where, item.title, item.title, HEADING, *_named(format=item.format))
    elif kind == "passage":
        label, column = ("heading", HEADING) if item.heading else ("passage", BODY)
        yield IndexedItem(*where, item.text, label, column)
    elif kind == "figure":
        yield IndexedItem(*where, item.counts, item.as_written, BODY, *_named(as_written=item.as_written, unit=item.unit))
    elif kind == "quote":
        speaker = speakers.get(item.speaker, item.speaker)
        yield IndexedItem(*where, item.text, speaker, QUOTE, *_named(speaker=speaker, topic=item.topics))
    else:
        # Key points, positions, and any kind added later: their text, and their topics if they have some.
        yield IndexedItem(*where, located.text, "", BODY, *_named(topic=getattr(item, "topics", ())))


def _named(**values: str | tuple[str, ...] | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """`(extras, extra_names)` from named values; a tuple gives one extra per element, empty ones left out."""
    extras: list[str] = []
    names: list[str] = []
    for name, value in values.items():
        for text in (value,) if isinstance(value, str) or value is None else value:
            if text:
                extras.append(text)
                names.append(name)
    return tuple(extras), tuple(names)
