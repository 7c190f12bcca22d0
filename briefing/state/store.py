"""The reader's state: notes, bookmarks, reading position, settings, and what was read, per book.

One SQLite database (see `connection`). Every save is one short transaction (`BEGIN IMMEDIATE` …
`COMMIT`), on rows of its own: a note is a row, so two copies of the app on the same book each add
or change their own rows and never rewrite each other's. A note is changed only if nobody else has
changed it since it was read (its `revision`); otherwise the new text is kept as a separate note.

If a write fails mid-session (disk full, folder turned read-only) the store copies itself into
memory, says so once in `messages`, and carries on: a note is never lost to an error.
"""

from __future__ import annotations

import sqlite3
import threading
import uuid
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from briefing.state.connection import open_database, open_in_memory
from briefing.state.paths import database_path
from briefing.state.records import Bookmark, BookSummary, Note, Position, SaveResult, now

Result = TypeVar("Result")

NOTE_COLUMNS = "note_id, book_id, item_id, item_kind, item_label, text, created_at, updated_at, revision"


class StateStore:
    """The state database of this user. Open with `StateStore.open()`; safe to share between threads."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None, messages: list[str]) -> None:
        self._connection = connection
        self._lock = threading.RLock()
        self.path = path
        """The database file, or None when the store is in memory."""
        self.messages = messages
        """Things the user must be told once (damaged file moved aside, kept in memory); drained by the UI."""

    @classmethod
    def open(cls, path: Path | None = None) -> StateStore:
        """The user's state store (`BRIEFING_STATE_DIR`, else the platform's state folder)."""
        opened = open_database(path or database_path())
        return cls(opened.connection, opened.path, opened.messages)

    @classmethod
    def in_memory(cls) -> StateStore:
        """A store that keeps nothing after the process ends (tests, `--no-state`)."""
        opened = open_in_memory()
        return cls(opened.connection, None, opened.messages)

    @property
    def is_in_memory(self) -> bool:
        return self.path is None

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    def take_messages(self) -> list[str]:
        """The pending messages, each handed out once."""
        with self._lock:
            messages, self.messages = self.messages, []
            return messages

    # Transactions -----------------------------------------------------------------------------

    def _read(self, query: str, parameters: tuple | list = ()) -> list[tuple]:
        with self._lock:
            return self._connection.execute(query, parameters).fetchall()

    def _write(self, change: Callable[[sqlite3.Connection], Result]) -> Result:
        """Run `change` in one transaction; on a write failure, move to memory and run it there."""
        with self._lock:
            try:
                return _in_transaction(self._connection, change)
            except sqlite3.OperationalError as error:
                if "locked" in str(error) or self.path is None:
                    raise
                self._fall_back_to_memory(str(error))
                return _in_transaction(self._connection, change)

    def _fall_back_to_memory(self, reason: str) -> None:
        memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        self._connection.backup(memory)
        self._connection.close()
        self._connection = memory
        self.messages.append(
            f"Cannot write {self.path} any more ({reason}): notes, bookmarks and position are kept in "
            "memory for the rest of this session. Export your notes before quitting."
        )
        self.path = None

    # Notes --------------------------------------------------------------------------------------

    def notes(self, book_id: str | None = None, item_id: str | None = None) -> list[Note]:
        """Notes of a book (or of every book), of one item if given, oldest first."""
        query, parameters = f"SELECT {NOTE_COLUMNS} FROM notes", []
        conditions = []
        if book_id is not None:
            conditions.append("book_id = ?")
            parameters.append(book_id)
        if item_id is not None:
            conditions.append("item_id = ?")
            parameters.append(item_id)
        if conditions:
            query += " WHERE " + " AND ".join(conditions)
        return [Note(*row) for row in self._read(query + " ORDER BY created_at, note_id", parameters)]

    def note(self, note_id: str) -> Note | None:
        rows = self._read(f"SELECT {NOTE_COLUMNS} FROM notes WHERE note_id = ?", (note_id,))
        return Note(*rows[0]) if rows else None

    def note_counts(self, book_id: str) -> dict[str, int]:
        """Item id → how many notes it has, for the markers in the app."""
        rows = self._read("SELECT item_id, count(*) FROM notes WHERE book_id = ? GROUP BY item_id", (book_id,))
        return dict(rows)

    def add_note(self, book_id: str, item_id: str, text: str, kind: str = "", label: str = "") -> Note:
        """Save a new note; it is on disk when this returns."""
        stamp = now()
        note = Note(uuid.uuid4().hex, book_id, item_id, kind, label, text, stamp, stamp, 1)
        self._write(lambda connection: _insert_note(connection, note))
        return note

    def update_note(self, note: Note, text: str) -> SaveResult:
        """Change `note` (as it was when read) to `text`; empty text deletes it.

        If another process changed or deleted it meanwhile, nothing of theirs is overwritten: a
        non-empty text is saved as a new note on the same item (`conflict=True`).
        """

        def change(connection: sqlite3.Connection) -> SaveResult:
            if not text.strip():
                cursor = connection.execute(
                    "DELETE FROM notes WHERE note_id = ? AND revision = ?", (note.note_id, note.revision)
                )
                return SaveResult(None, conflict=cursor.rowcount == 0)
            stamp = now()
            cursor = connection.execute(
                "UPDATE notes SET text = ?, updated_at = ?, revision = revision + 1 "
                "WHERE note_id = ? AND revision = ?",
                (text, stamp, note.note_id, note.revision),
            )
            if cursor.rowcount == 1:
                return SaveResult(replace(note, text=text, updated_at=stamp, revision=note.revision + 1))
            copy = Note(uuid.uuid4().hex, note.book_id, note.item_id, note.item_kind, note.item_label,
                        text, stamp, stamp, 1)
            _insert_note(connection, copy)
            return SaveResult(copy, conflict=True)

        return self._write(change)

    def delete_note(self, note_id: str) -> bool:
        return self._write(
            lambda connection: connection.execute("DELETE FROM notes WHERE note_id = ?", (note_id,)).rowcount == 1
        )

    def merge_note(self, note: Note) -> str:
        """Import one note: 'added', 'updated' (newer than ours) or 'unchanged' (already here)."""

        def change(connection: sqlite3.Connection) -> str:
            row = connection.execute("SELECT updated_at FROM notes WHERE note_id = ?", (note.note_id,)).fetchone()
            if row is not None:
                if note.updated_at <= row[0]:
                    return "unchanged"
                connection.execute(
                    "UPDATE notes SET text = ?, updated_at = ?, revision = revision + 1 WHERE note_id = ?",
                    (note.text, note.updated_at, note.note_id),
                )
                return "updated"
            same = connection.execute(
                "SELECT 1 FROM notes WHERE book_id = ? AND item_id = ? AND text = ?",
                (note.book_id, note.item_id, note.text),
            ).fetchone()
            if same is not None:
                return "unchanged"
            _insert_note(connection, note)
            return "added"

        return self._write(change)

    # Bookmarks ----------------------------------------------------------------------------------

    def bookmarks(self, book_id: str) -> list[Bookmark]:
        rows = self._read(
            "SELECT item_id, item_label, created_at FROM bookmarks WHERE book_id = ? ORDER BY created_at", (book_id,)
        )
        return [Bookmark(*row) for row in rows]

    def toggle_bookmark(self, book_id: str, item_id: str, label: str = "") -> bool:
        """Bookmark the item, or remove its bookmark; True when it is bookmarked afterwards."""

        def change(connection: sqlite3.Connection) -> bool:
            cursor = connection.execute("DELETE FROM bookmarks WHERE book_id = ? AND item_id = ?", (book_id, item_id))
            if cursor.rowcount:
                return False
            connection.execute(
                "INSERT INTO bookmarks (book_id, item_id, item_label, created_at) VALUES (?, ?, ?, ?)",
                (book_id, item_id, label, now()),
            )
            return True

        return self._write(change)

    def add_bookmark(self, book_id: str, item_id: str, label: str = "", created_at: str | None = None) -> bool:
        """Bookmark the item if it is not already; True when a bookmark was added (import)."""
        return self._write(
            lambda connection: connection.execute(
                "INSERT OR IGNORE INTO bookmarks (book_id, item_id, item_label, created_at) VALUES (?, ?, ?, ?)",
                (book_id, item_id, label, created_at or now()),
            ).rowcount
            == 1
        )

    def bookmarked_books(self) -> list[str]:
        return [row[0] for row in self._read("SELECT DISTINCT book_id FROM bookmarks ORDER BY book_id")]

    # Position, settings, books ------------------------------------------------------------------

    def position(self, book_id: str) -> Position | None:
        rows = self._read("SELECT tab, item_id, scroll_y FROM positions WHERE book_id = ?", (book_id,))
        return Position(*rows[0]) if rows else None

    def save_position(self, book_id: str, position: Position) -> None:
        self._write(
            lambda connection: connection.execute(
                "INSERT INTO positions (book_id, tab, item_id, scroll_y, updated_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (book_id) DO UPDATE SET tab = excluded.tab, item_id = excluded.item_id, "
                "scroll_y = excluded.scroll_y, updated_at = excluded.updated_at",
                (book_id, position.tab, position.item_id, int(position.scroll_y), now()),
            )
        )

    def setting(self, key: str) -> str | None:
        rows = self._read("SELECT value FROM settings WHERE key = ?", (key,))
        return rows[0][0] if rows else None

    def set_setting(self, key: str, value: str) -> None:
        self._write(
            lambda connection: connection.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
        )

    def record_open(self, book_id: str, title: str) -> None:
        """Note that the book was opened now (the library's "last read")."""
        stamp = now()
        self._write(
            lambda connection: connection.execute(
                "INSERT INTO books (book_id, title, first_opened, last_opened) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (book_id) DO UPDATE SET title = excluded.title, last_opened = excluded.last_opened",
                (book_id, title, stamp, stamp),
            )
        )

    def book_summary(self, book_id: str) -> BookSummary:
        """When the book was opened, and how many notes and bookmarks it has (all zero/None if never)."""
        opened = self._read("SELECT title, first_opened, last_opened FROM books WHERE book_id = ?", (book_id,))
        title, first, last = opened[0] if opened else ("", None, None)
        notes = self._read("SELECT count(*) FROM notes WHERE book_id = ?", (book_id,))[0][0]
        marks = self._read("SELECT count(*) FROM bookmarks WHERE book_id = ?", (book_id,))[0][0]
        return BookSummary(book_id, title, first, last, notes, marks)

    def opened_books(self) -> dict[str, tuple[str, int]]:
        """Every book opened or annotated: book id → (last opened, "" if never; number of notes), in two
        queries (the library shows them for ten thousand books at once)."""
        found: dict[str, tuple[str, int]] = {
            book_id: (last or "", 0) for book_id, last in self._read("SELECT book_id, last_opened FROM books")
        }
        for book_id, count in self._read("SELECT book_id, count(*) FROM notes GROUP BY book_id"):
            found[book_id] = (found.get(book_id, ("", 0))[0], int(count))
        return found

    # Read state ---------------------------------------------------------------------------------

    def read_hashes(self, book_id: str) -> dict[str, str]:
        """Item id → content hash of the item when the reader last read it."""
        return dict(self._read("SELECT item_id, content_hash FROM read_items WHERE book_id = ?", (book_id,)))

    def read_labels(self, book_id: str) -> dict[str, str]:
        """Item id → what the item was called when read (to name items that have since gone)."""
        return dict(self._read("SELECT item_id, item_label FROM read_items WHERE book_id = ?", (book_id,)))

    def has_read(self, book_id: str) -> bool:
        """Whether anything of the book was ever recorded as read (False: a first reading)."""
        return bool(self._read("SELECT 1 FROM read_items WHERE book_id = ? LIMIT 1", (book_id,)))

    def mark_read(self, book_id: str, hashes: Mapping[str, str], labels: Mapping[str, str] | None = None,
                  version: str | None = None) -> None:
        """Record these items as read in these versions (one transaction, however many).

        `version` is the digest of the book the hashes come from: when it is the version last opened, the
        items leave its unread list; otherwise that version's unread list no longer holds and is dropped.
        """
        stamp, labels = now(), labels or {}
        rows = [(book_id, item, content_hash, stamp, labels.get(item, "")) for item, content_hash in hashes.items()]

        def change(connection: sqlite3.Connection) -> None:
            connection.executemany(
                "INSERT INTO read_items (book_id, item_id, content_hash, read_at, item_label) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (book_id, item_id) DO UPDATE SET content_hash = excluded.content_hash, "
                "read_at = excluded.read_at, item_label = excluded.item_label",
                rows,
            )
            connection.execute("DELETE FROM opened_versions WHERE book_id = ? AND digest IS NOT ?", (book_id, version))
            connection.executemany("DELETE FROM unread_items WHERE book_id = ? AND item_id = ?",
                                   [(book_id, item) for item in hashes])

        self._write(change)

    def forget_read(self, book_id: str, item_ids: list[str]) -> None:
        """Drop the read state of items that are gone from the book (reported once as removed)."""

        def change(connection: sqlite3.Connection) -> None:
            connection.executemany("DELETE FROM read_items WHERE book_id = ? AND item_id = ?",
                                   [(book_id, item) for item in item_ids])
            # The version last opened may still hold these items: its unread list no longer holds.
            connection.execute("DELETE FROM opened_versions WHERE book_id = ?", (book_id,))

        self._write(change)

    def unread_in_version(self, book_id: str, version: str) -> dict[str, str] | None:
        """Item id → 'new' or 'changed' still unread in this version of the book, if it is the version
        last opened (`save_unread`) and nothing was read in another since; else None (work it out)."""
        with self._lock:
            opened = self._read("SELECT digest FROM opened_versions WHERE book_id = ?", (book_id,))
            if not opened or opened[0][0] != version:
                return None
            return dict(self._read("SELECT item_id, state FROM unread_items WHERE book_id = ?", (book_id,)))

    def save_unread(self, book_id: str, version: str, unread: Mapping[str, str]) -> None:
        """Remember what is unread in this version of the book, as worked out from the read hashes."""

        def change(connection: sqlite3.Connection) -> None:
            connection.execute("DELETE FROM unread_items WHERE book_id = ?", (book_id,))
            connection.executemany("INSERT INTO unread_items (book_id, item_id, state) VALUES (?, ?, ?)",
                                   [(book_id, item, state) for item, state in unread.items()])
            connection.execute("INSERT INTO opened_versions (book_id, digest) VALUES (?, ?) "
                               "ON CONFLICT (book_id) DO UPDATE SET digest = excluded.digest", (book_id, version))

        self._write(change)


def _in_transaction(connection: sqlite3.Connection, change: Callable[[sqlite3.Connection], Result]) -> Result:
    connection.execute("BEGIN IMMEDIATE")
    try:
        result = change(connection)
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
    return result


def _insert_note(connection: sqlite3.Connection, note: Note) -> None:
    connection.execute(
        f"INSERT INTO notes ({NOTE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (note.note_id, note.book_id, note.item_id, note.item_kind, note.item_label, note.text,
         note.created_at, note.updated_at, note.revision),
    )
