"""Find things in a briefing by id.

Search, render and the app all need "this quote, in which session of which meeting?", "who is
`wilmes`?" and "which document is `release`?"; this module answers it once. The walk itself is
`briefing.model.items`.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property

from briefing.model.items import ITEM_KINDS, Located, iter_items, iter_nodes, iter_sessions
from briefing.model.types import (
    Briefing,
    Figure,
    Meeting,
    Organisation,
    Passage,
    Person,
    Quote,
    Session,
    SourceDocument,
    SourceRef,
)

__all__ = ["ITEM_KINDS", "BriefingLookup", "Located", "iter_items", "iter_sessions"]


class BriefingLookup:
    """Indexes of one briefing by id, built once on first use."""

    def __init__(self, briefing: Briefing) -> None:
        self.briefing = briefing

    @cached_property
    def people(self) -> dict[str, Person]:
        return {person.id: person for person in self.briefing.people}

    @cached_property
    def organisations(self) -> dict[str, Organisation]:
        return {organisation.id: organisation for organisation in self.briefing.organisations}

    @cached_property
    def sources(self) -> dict[str, SourceDocument]:
        """Source documents by id."""
        return {document.id: document for document in self.briefing.sources}

    @cached_property
    def meetings(self) -> dict[str, Meeting]:
        return {meeting.id: meeting for meeting in self.briefing.meetings}

    @cached_property
    def sessions(self) -> dict[str, tuple[Meeting, Session]]:
        return {session.id: (meeting, session) for meeting, session in iter_sessions(self.briefing)}

    @cached_property
    def items(self) -> dict[str, Located]:
        return {located.item.id: located for located in iter_items(self.briefing)}

    def map_items(self, slice_size: int = 2_000) -> Iterator[None]:
        """Build `items` a slice at a time, yielding between two slices (nothing once it is built).

        The app builds it after the first frame between the reader's keys: on a book of 60,000 items it
        is some 100 ms, which the first tab to need it (a meeting's) spent in one go while a key waited."""
        if "items" in self.__dict__:
            return
        found: dict[str, Located] = {}
        for count, located in enumerate(iter_items(self.briefing), 1):
            found[located.item.id] = located
            if count % slice_size == 0:
                yield
                if "items" in self.__dict__:
                    return  # built meanwhile (`items` asked for by a key): the same map
        self.__dict__["items"] = found  # where `cached_property` keeps it

    @cached_property
    def item_positions(self) -> dict[str, int]:
        """Each item's place in document order (the order of `items`), by id."""
        return {item_id: position for position, item_id in enumerate(self.items)}

    @cached_property
    def passages_by_source(self) -> dict[SourceRef, list[Passage]]:
        """Every passage of the book by the source paragraph(s) it is taken from, in document order."""
        found: dict[SourceRef, list[Passage]] = {}
        for located in self.items.values():
            if located.kind == "passage":
                found.setdefault(located.item.source, []).append(located.item)
        return found

    def iter_items(self) -> Iterator[Located]:
        """Every item with its meeting, session, kind and path, in document order."""
        return iter(self.items.values())

    def iter_nodes(self) -> Iterator[Located]:
        """Every meeting, session and item, in document order."""
        return iter_nodes(self.briefing)

    @property
    def principal(self) -> Person | None:
        """The person briefed; None when the book names no one (a Council release has no principal)."""
        if self.briefing.principal is None:
            return None
        return self.people.get(self.briefing.principal)

    def actor_name(self, identifier: str) -> str:
        """The display name of a person or organisation id (the id itself if unknown)."""
        if person := self.people.get(identifier):
            return person.name
        if organisation := self.organisations.get(identifier):
            return organisation.name
        return identifier

    def quotes(self) -> list[Located[Quote]]:
        """Every quote of the book, in document order."""
        return [located for located in self.items.values() if located.kind == "quote"]

    def figures(self) -> list[Located[Figure]]:
        """Every figure of the book, in document order."""
        return [located for located in self.items.values() if located.kind == "figure"]
