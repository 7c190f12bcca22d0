"""Find things in a briefing by id, and walk its items with the meeting and session they belong to.

Search, render and the app all need "this quote, in which session of which meeting?" and "who is
`wilmes`?"; this module answers it once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Generic, TypeVar

from briefing.model.types import (
    Briefing,
    Figure,
    Meeting,
    Organisation,
    Passage,
    Person,
    Point,
    Quote,
    Session,
)

Item = TypeVar("Item", Passage, Point, Figure, Quote)

ITEM_KINDS = ("passage", "key_point", "position", "figure", "quote")
"""The kinds of item a session holds, in the order a reader meets them."""


@dataclass(frozen=True, slots=True)
class Located(Generic[Item]):
    """An item with the meeting (and session, unless it is about the whole meeting) it belongs to."""

    item: Item
    kind: str
    meeting: Meeting
    session: Session | None


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
    def meetings(self) -> dict[str, Meeting]:
        return {meeting.id: meeting for meeting in self.briefing.meetings}

    @cached_property
    def sessions(self) -> dict[str, tuple[Meeting, Session]]:
        return {session.id: (meeting, session) for meeting, session in iter_sessions(self.briefing)}

    @cached_property
    def items(self) -> dict[str, Located]:
        return {located.item.id: located for located in iter_items(self.briefing)}

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


def iter_sessions(briefing: Briefing) -> Iterator[tuple[Meeting, Session]]:
    """Every session, with its meeting, in document order."""
    for meeting in briefing.meetings:
        for session in meeting.sessions:
            yield meeting, session


def iter_items(briefing: Briefing) -> Iterator[Located]:
    """Every passage, point, figure and quote, with where it lives, in document order."""
    for meeting in briefing.meetings:
        for passage in meeting.passages:
            yield Located(passage, "passage", meeting, None)
        for session in meeting.sessions:
            yield from (Located(item, "passage", meeting, session) for item in session.passages)
            yield from (Located(item, "key_point", meeting, session) for item in session.key_points)
            yield from (Located(item, "position", meeting, session) for item in session.positions)
            yield from (Located(item, "figure", meeting, session) for item in session.figures)
            yield from (Located(item, "quote", meeting, session) for item in session.quotes)
