"""The app's side of `briefing.state`: what this reader has noted, bookmarked and read in this book.

One `ReaderState` per app. It loads the little the screen needs at start-up (note counts, bookmarks,
what is new or changed) in a few queries, and turns every change into one short store transaction.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from dataclasses import replace

from textual.content import Content

from briefing.diff import BookItem
from briefing.model import Briefing
from briefing.render.vocabulary import vocabulary
from briefing.state import (
    ChangesSinceRead,
    Note,
    Position,
    SaveResult,
    StateStore,
    finish_reading,
    mark_read,
    open_reading,
)

THEME_SETTING = "theme"
START_AT_TOP_SETTING = "start-at-top"


class ReaderState:
    """Notes, bookmarks, read marks and position of one book, backed by a `StateStore`."""

    def __init__(self, store: StateStore, briefing: Briefing, version: str | None = None) -> None:
        self.store = store
        self.book_id = briefing.id
        self.version = version
        """The digest of the book's file (`briefing.loading.LoadedBook`), or None if unknown."""
        self.words = vocabulary(briefing.language)
        self._reading = open_reading(store, briefing, version)
        self.items: dict[str, BookItem] = self._reading.items
        self.changes: ChangesSinceRead = self._reading.changes
        self._briefing = briefing
        self._finish_lock = threading.Lock()
        self.unread: dict[str, str] = self.changes.unread
        """Item id → 'new' or 'changed', until the reader reads it."""
        self.note_counts: dict[str, int] = store.note_counts(self.book_id)
        self.bookmarked: set[str] = {mark.item_id for mark in store.bookmarks(self.book_id)}
        self.saved_position: Position | None = store.position(self.book_id)
        """Where the reader was when the book was last closed (read at start-up, before anything moves)."""

    def label(self, item_id: str) -> str:
        item = self.items.get(item_id)
        return item.label if item else item_id

    def describe(self, item_id: str) -> str:
        """The item's label and where it is: for the editor's heading and the notes list."""
        item = self.items.get(item_id)
        if item is None:
            return item_id
        label = self.item_label(item)
        return f"{label} ({item.location})" if item.location and item.kind != "meeting" else label

    def item_label(self, item: BookItem) -> str:
        """ "key point: The EU must…", the kind in the book's language ("point clé: …")."""
        return f"{self.words.kind_name(item.kind)}: {item.short_text}"

    # Notes --------------------------------------------------------------------------------------

    def notes(self, item_id: str | None = None) -> list[Note]:
        return self.store.notes(self.book_id, item_id)

    def latest_note(self, item_id: str) -> Note | None:
        notes = self.notes(item_id)
        return max(notes, key=lambda note: note.updated_at) if notes else None

    def save_note(self, item_id: str, note: Note | None, text: str) -> SaveResult:
        """Save `text` as the item's note: a new note, a change of `note`, or (empty) its deletion."""
        if note is None:
            if not text.strip():
                return SaveResult(None)
            item = self.items.get(item_id)
            saved = self.store.add_note(self.book_id, item_id, text, item.kind if item else "", self.describe(item_id))
            result = SaveResult(saved)
        else:
            result = self.store.update_note(note, text)
        self.note_counts = self.store.note_counts(self.book_id)
        return result

    def delete_note(self, note: Note) -> None:
        self.store.delete_note(note.note_id)
        self.note_counts = self.store.note_counts(self.book_id)

    def detached(self) -> list[Note]:
        """Notes on items this version of the book does not have."""
        return [note for note in self.notes() if note.item_id not in self.items]

    # Bookmarks, reading -------------------------------------------------------------------------

    def toggle_bookmark(self, item_id: str) -> bool:
        now_marked = self.store.toggle_bookmark(self.book_id, item_id, self.describe(item_id))
        (self.bookmarked.add if now_marked else self.bookmarked.discard)(item_id)
        return now_marked

    def bookmark_entries(self) -> list[tuple[str, str, bool]]:
        """(item id, label, still in the book) of each bookmark, oldest first."""
        return [
            (mark.item_id, self.describe(mark.item_id) if mark.item_id in self.items else mark.item_label or mark.item_id,
             mark.item_id in self.items)
            for mark in self.store.bookmarks(self.book_id)
        ]

    @property
    def pending(self) -> str | None:
        """What the opening left for after the first frame (`briefing.state.reading`): a first reading's
        baseline (`FIRST_READING`), the comparison with the version last read (`COMPARISON`), or None."""
        return self._reading.pending

    def finish_opening(self, pause: Callable[[], None] | None = None) -> ChangesSinceRead | None:
        """Do what the opening left, once (a worker after the first frame; `pause` gives way to keys and
        may raise to give up); the changes found, or None when there was nothing left to do."""
        with self._finish_lock:
            if self._reading.pending is None:
                return None
            try:
                changes = finish_reading(self.store, self._briefing, self._reading, self.version, pause)
            except sqlite3.Error:
                return None  # the store is locked by another copy: again on closing, or at the next opening
            self._reading = replace(self._reading, pending=None)
            return changes

    def take_changes(self, changes: ChangesSinceRead) -> None:
        """The comparison's result, on the UI thread: the notice and the marks show it from now on."""
        self.changes = changes
        self.unread = changes.unread

    def read(self, item_id: str) -> bool:
        """The reader has seen this item: clear its new/changed mark. True when there was one."""
        if item_id not in self.unread or item_id not in self.items:
            return False
        mark_read(self.store, self.book_id, [self.items[item_id]], self.version)
        del self.unread[item_id]
        return True

    def save_position(self, position: Position) -> None:
        self.store.save_position(self.book_id, position)

    # Settings -----------------------------------------------------------------------------------

    @property
    def theme(self) -> str | None:
        return self.store.setting(THEME_SETTING)

    def save_theme(self, theme: str) -> None:
        if self.store.setting(THEME_SETTING) != theme:
            self.store.set_setting(THEME_SETTING, theme)

    @property
    def start_at_top(self) -> bool:
        return self.store.setting(START_AT_TOP_SETTING) == "yes"


def marks_of(reader: ReaderState | None, item_id: str) -> Content:
    """The marks shown before an item: ✎ noted, ★ bookmarked, NEW / CHANGED until read."""
    if reader is None:
        return Content("")
    parts: list[Content] = []
    if unread := reader.unread.get(item_id):
        parts.append(Content(f" {unread.upper()} ").stylize("bold reverse"))
    if count := reader.note_counts.get(item_id):
        parts.append(Content("✎" if count == 1 else f"✎{count}").stylize("bold"))
    if item_id in reader.bookmarked:
        parts.append(Content("★").stylize("bold"))
    return Content(" ").join(parts) + " " if parts else Content("")
