"""What the state store hands out: small immutable records, no SQLite types."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


def now() -> str:
    """A UTC timestamp as stored: ISO 8601 with microseconds, so that text order is time order."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True, slots=True)
class Note:
    """One private note of the reader on one item of a book.

    Notes are keyed by book id and item id, so they survive a new version of the book; `item_label`
    remembers what the item was, so a note whose item disappeared can still say what it was about.
    """

    note_id: str
    book_id: str
    item_id: str
    item_kind: str
    item_label: str
    text: str
    created_at: str
    updated_at: str
    revision: int


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What became of a save: the note as stored, and whether it had to become a separate note.

    `conflict` is True when another copy of the app changed (or deleted) the same note since it was
    opened in the editor: rather than overwrite that, the text was saved as a new note on the item.
    """

    note: Note | None
    conflict: bool = False


@dataclass(frozen=True, slots=True)
class Bookmark:
    item_id: str
    item_label: str
    created_at: str


@dataclass(frozen=True, slots=True)
class Position:
    """Where the reader was: the tab, the item (may be empty) and the scroll offset of that tab."""

    tab: str
    item_id: str = ""
    scroll_y: int = 0


@dataclass(frozen=True, slots=True)
class BookSummary:
    """What the library shows of a book's state: when it was last opened, how many notes and bookmarks."""

    book_id: str
    title: str
    first_opened: str | None
    last_opened: str | None
    note_count: int
    bookmark_count: int
