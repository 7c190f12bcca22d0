"""The one walk over a briefing: every meeting, session and item, with where it lives.

Validation, the source check, the search index, the summary and the app's meeting view all need
"every item of a session, of which kind, at which path of the file". They all take it from here, so a
new kind of item is declared once, in `ITEM_KIND_SPECS`, and every one of them sees it.

No runtime import of `briefing.model.types`: the types' own validator (references) walks with this.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from briefing.model.types import Briefing, Meeting, Session, SourceRef

Location = tuple[str | int, ...]
"""A path into the briefing document, as Pydantic writes it: `("meetings", 0, "sessions", 2, "id")`."""

Item = TypeVar("Item")


@dataclass(frozen=True, slots=True)
class ItemKind:
    """What the walk, the source check and the index need to know about one kind of item."""

    name: str
    """The kind's id, e.g. `key_point`: used in search hits, JSON output and the vocabulary."""
    field: str
    """The tuple of a `Session` (or `Meeting`) that holds items of this kind, e.g. `key_points`."""
    text_field: str
    """The field holding what the item says (shown, searched)."""
    verbatim: bool
    """True when `text_field` is copied word for word from the cited source paragraph (checked on load)."""
    in_meeting: bool = False
    """True when a meeting may hold such items directly, outside any session."""

    def items_of(self, holder: Meeting | Session) -> tuple[Any, ...]:
        """The items of this kind a session (or meeting) holds, in document order."""
        return getattr(holder, self.field, ())


ITEM_KIND_SPECS: tuple[ItemKind, ...] = (
    ItemKind("passage", "passages", "text", verbatim=True, in_meeting=True),
    ItemKind("key_point", "key_points", "text", verbatim=False),
    ItemKind("position", "positions", "text", verbatim=False),
    ItemKind("figure", "figures", "as_written", verbatim=True),
    ItemKind("quote", "quotes", "text", verbatim=True),
)
"""Every kind of item a session holds, in the order a reader meets them. Adding a kind: one line here,
its type in `types.py`, its names in `briefing.render.vocabulary`, and its look in each renderer."""

ITEM_KIND_BY_NAME = {kind.name: kind for kind in ITEM_KIND_SPECS}

ITEM_KINDS = tuple(kind.name for kind in ITEM_KIND_SPECS)
"""The kinds of item a session holds, in reading order."""

CONTAINER_KINDS = ("meeting", "session")
"""What `iter_nodes` yields besides items."""


@dataclass(frozen=True, slots=True)
class Located(Generic[Item]):
    """An item (or a meeting or session) with the meeting and session it belongs to, and its path."""

    item: Item
    kind: str
    meeting: Meeting
    session: Session | None
    path: Location = ()
    """Where it is in the file, e.g. `("meetings", 0, "sessions", 2, "quotes", 1)`."""

    @property
    def text(self) -> str:
        """What the item says (a figure: as written; a meeting or session: its title)."""
        spec = ITEM_KIND_BY_NAME.get(self.kind)
        return getattr(self.item, spec.text_field if spec else "title")

    @property
    def sources(self) -> tuple[SourceRef, ...]:
        """The source paragraphs the item cites (none for meetings and sessions)."""
        return item_sources(self.item)


def item_sources(item: object) -> tuple[SourceRef, ...]:
    """The source references of any item: `source` (one) or `sources` (several)."""
    if (single := getattr(item, "source", None)) is not None:
        return (single,)
    return tuple(getattr(item, "sources", ()))


def iter_sessions(briefing: Briefing) -> Iterator[tuple[Meeting, Session]]:
    """Every session, with its meeting, in document order."""
    for meeting in briefing.meetings:
        for session in meeting.sessions:
            yield meeting, session


def iter_meeting_nodes(meeting: Meeting, index: int = 0) -> Iterator[Located]:
    """A meeting, its own items, then each session followed by its items, in document order.

    `index` is the meeting's position in the briefing, for the paths.
    """
    here: Location = ("meetings", index)
    yield Located(meeting, "meeting", meeting, None, here)
    for kind in ITEM_KIND_SPECS:
        if kind.in_meeting:
            for i, item in enumerate(kind.items_of(meeting)):
                yield Located(item, kind.name, meeting, None, (*here, kind.field, i))
    for s, session in enumerate(meeting.sessions):
        at: Location = (*here, "sessions", s)
        yield Located(session, "session", meeting, session, at)
        for kind in ITEM_KIND_SPECS:
            for i, item in enumerate(kind.items_of(session)):
                yield Located(item, kind.name, meeting, session, (*at, kind.field, i))


def iter_nodes(briefing: Briefing) -> Iterator[Located]:
    """Every meeting, session and item of the book, in document order (kinds: see `CONTAINER_KINDS`)."""
    for index, meeting in enumerate(briefing.meetings):
        yield from iter_meeting_nodes(meeting, index)


def iter_items(briefing: Briefing) -> Iterator[Located]:
    """Every item (passage, point, figure, quote…) with where it lives, in document order."""
    return (located for located in iter_nodes(briefing) if located.kind not in CONTAINER_KINDS)
