"""Writing the library index: a book's row in `books`, its rows, and its FTS5 entries, in batches.

On disk the writer has a connection of its own: in WAL mode readers (the library screen, searches)
see the last committed state and never wait for a refresh. A batch then holds many books, which
matters: each commit flushes an FTS5 segment that later has to be merged, and small commits made the
first build several times slower. In memory there is one connection, so batches stay short.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from briefing.library.changes import FileStamp
from briefing.library.discovery import BookSummary
from briefing.library.rows import RawRow
from briefing.search.documents import BODY, HEADING, QUOTE, IndexedItem
from briefing.search.folding import index_form
from briefing.search.index import TIERS, index_row

TIER_COLUMNS = (HEADING, QUOTE, BODY)
"""The column of the rows of each tier (`TIERS`; the last tier is also that of any other column)."""

TIER_SHIFT = 40
"""A row's rowid is its tier (titles, quotes, the rest) shifted by this, plus a running number: rowid
order is then tier order, which is how the unranked hits of a very common word come (see TIERS)."""

Row = IndexedItem | RawRow
"""A row to store: from a validated book, or from its JSON alone (`briefing.library.rows`)."""

SHARED_BATCH_SECONDS = 0.05
"""Longest a write holds the one connection of an in-memory index before letting a search in."""

OWN_BATCH_SECONDS = 1.0
"""Longest a batch runs when the writer has its own connection (nobody waits for it)."""


@dataclass(frozen=True, slots=True)
class BookRecord:
    """A book as the index stores it."""

    summary: BookSummary
    stamp: FileStamp
    digest: str
    items: Sequence[Row]
    """Empty for a book that failed validation: it is listed, not searched."""
    sources: str
    """The stamps of its source texts (`briefing.library.changes.encode_stamps`)."""
    checked: bool
    """Validated as `briefing validate` does (else only read from its JSON; see `rows.py`)."""


class IndexWriter:
    """Runs writes in transactions of at most `batch_seconds`, under `lock`."""

    def __init__(self, connection: sqlite3.Connection, lock: threading.RLock | threading.Lock, batch_seconds: float) -> None:
        self.connection = connection
        self.lock = lock
        self.batch_seconds = batch_seconds
        self.began: float | None = None
        self.next_row: int | None = None
        """The running number of the next row, kept here during a batch and stored at its end."""
        self.pending: list[list[tuple[object, ...]]] = [[] for _ in range(len(TIER_COLUMNS) + 1)]
        """FTS5 rows of this batch, one list per tier (each in rowid order), inserted tier by tier at its
        end: FTS5 flushes its buffer each time a rowid comes lower than the last one, and the tiers of
        every book interleave (3× the build). Each tier's rows are `(rowid, text, extra)` of its one
        column (TIER_COLUMNS); the last list holds `index_row`'s rows of any other column."""

    def run(self, write: Callable[[], object]) -> None:
        if self.began is None:
            self.lock.acquire()
            self.connection.execute("BEGIN IMMEDIATE")
            self.began = time.perf_counter()
        try:
            write()
        except BaseException:
            self.connection.execute("ROLLBACK")
            self._forget_pending()
            self.next_row = None
            self.began = None
            self.lock.release()
            raise
        if time.perf_counter() - self.began > self.batch_seconds:
            self.finish()

    def finish(self) -> None:
        if self.began is None:
            return
        try:
            if self.next_row is not None:
                self.connection.execute(
                    "INSERT OR REPLACE INTO counters (name, value) VALUES ('row', ?)", (self.next_row,)
                )
            # Only the row's own column and `extra` are named: the others are NULL, no text, as '' would be,
            # and binding and tokenizing two empty values a row was a tenth of FTS5's part of a first build.
            for column, rows in zip(TIER_COLUMNS, self.pending, strict=False):
                if rows:
                    self.connection.executemany(f"INSERT INTO items (rowid, {column}, extra) VALUES (?, ?, ?)", rows)
            if self.pending[-1]:
                self.connection.executemany(
                    "INSERT INTO items (rowid, heading, quote, body, extra) VALUES (?, ?, ?, ?, ?)", self.pending[-1]
                )
            self.connection.execute("COMMIT")
        except BaseException:
            if self.connection.in_transaction:
                self.connection.execute("ROLLBACK")
            raise
        finally:
            self._forget_pending()
            self.next_row = None
            self.began = None
            self.lock.release()

    def _forget_pending(self) -> None:
        for tier in self.pending:
            tier.clear()

    # The writes themselves (called through `run`) ---------------------------------------------------

    def store(self, old_id: int | None, record: BookRecord) -> None:
        if old_id is not None:
            self.delete(old_id)
        summary, stamp = record.summary, record.stamp
        first = self._number_rows(len(record.items))
        book_id = self.connection.execute(
            "INSERT INTO books (path, size, mtime_ns, hash, briefing_id, title, start, end, meetings, "
            "classification, draft, errors, message, checked, sources, first_row, row_count) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (str(summary.path), stamp.size, stamp.mtime_ns, record.digest, summary.briefing_id, summary.title,
             _iso(summary.start), _iso(summary.end), summary.meetings, summary.classification, int(summary.draft),
             json.dumps(summary.errors, ensure_ascii=False), summary.message, int(record.checked), record.sources,
             first, len(record.items)),
        ).lastrowid
        if record.items:
            self._insert_rows(int(book_id or 0), first, record.items)

    def set_checked(self, book_id: int, summary: BookSummary) -> None:
        """Record the outcome of validating a book; an invalid one leaves the search."""
        if not summary.is_valid:
            self._delete_rows(book_id)
        # An invalid book keeps the marking its file states: the library's marking bar must not drop
        # RESTRICTED because the book behind it failed a check (its problems quote its text).
        self.connection.execute(
            "UPDATE books SET checked = 1, errors = ?, message = ?, title = ?, "
            "classification = CASE WHEN ? = '' THEN classification ELSE ? END WHERE id = ?",
            (json.dumps(summary.errors, ensure_ascii=False), summary.message,
             summary.title, summary.classification, summary.classification, book_id),
        )

    def update_stamps(self, book_id: int, stamp: FileStamp, sources: str | None) -> None:
        """Same content, new times (a file touched or copied back)."""
        self.connection.execute(
            "UPDATE books SET size = ?, mtime_ns = ? WHERE id = ?", (stamp.size, stamp.mtime_ns, book_id)
        )
        if sources is not None:
            self.connection.execute("UPDATE books SET sources = ? WHERE id = ?", (sources, book_id))

    def delete(self, book_id: int) -> None:
        self._delete_rows(book_id)
        self.connection.execute("DELETE FROM books WHERE id = ?", (book_id,))

    def _number_rows(self, count: int) -> int:
        """The running number of a book's first row; its `count` rows take the numbers that follow."""
        if self.next_row is None:
            counter = self.connection.execute("SELECT value FROM counters WHERE name = 'row'").fetchone()
            self.next_row = counter[0] if counter else 0
        first = self.next_row
        self.next_row += count
        return first

    def _insert_rows(self, book_id: int, first: int, items: Sequence[Row]) -> None:
        rows = table_rows(book_id, first, items, self.pending)
        self.connection.executemany("INSERT INTO rows (rowid, book, text, fields) VALUES (?, ?, ?, ?)", rows)

    def _delete_rows(self, book_id: int) -> None:
        connection = self.connection
        found = connection.execute("SELECT first_row, row_count FROM books WHERE id = ?", (book_id,)).fetchone()
        if not found or not found[1]:
            return
        ranges = row_ranges(*found)
        where = " OR ".join("rowid BETWEEN ? AND ?" for _ in ranges)
        bounds = [bound for pair in ranges for bound in pair]
        rows = connection.execute(f"SELECT rowid, text, fields FROM rows WHERE {where}", bounds).fetchall()
        # A contentless FTS5 table forgets a row when told the exact values it indexed.
        connection.executemany(
            "INSERT INTO items (items, rowid, heading, quote, body, extra) VALUES ('delete', ?, ?, ?, ?, ?)",
            [index_row(rowid, stored_item(text, fields)) for rowid, text, fields in rows],
        )
        connection.execute(f"DELETE FROM rows WHERE {where}", bounds)


def table_rows(
    book_id: int, first: int, items: Sequence[Row], pending: list[list[tuple[object, ...]]]
) -> list[tuple[int, int, str, str]]:
    """A book's lines of the `rows` table, numbered from `first`; its FTS5 rows are added to `pending`,
    by tier, as `IndexWriter.pending` keeps them (the values of `index_row`, without its empty columns)."""
    # One pass, with `pack_fields` and `index_row` written out for the usual row: a first build makes
    # 65 rows a book, and their function calls were a tenth of its CPU.
    rows, other_tier = [], len(TIERS)
    for number, item in enumerate(items, first):
        column, text, extras = item.column, item.text, item.extras
        tier = TIERS.get(column, other_tier)
        rowid = (tier << TIER_SHIFT) | number
        # No meeting or session is '' (ids are never empty), not NULL: see `index_row` on binding None.
        fields = (item.kind, item.item_id, column, item.meeting_id or "", item.session_id or "", item.label, *extras)
        packed = FIELDS_SEPARATOR.join(fields)
        if packed.count(FIELDS_SEPARATOR) != len(fields) - 1 or FIELDS_AS_JSON in packed:
            packed = pack_fields(*fields[:6], extras)
        rows.append((rowid, book_id, text, packed))
        folded = text.lower() if text.isascii() else index_form(text)  # `index_form`'s own shortcut, inline
        spaced = " \n ".join(extras) if extras else ""
        extra = spaced.lower() if spaced.isascii() else index_form(spaced)
        if column == TIER_COLUMNS[tier]:
            pending[tier].append((rowid, folded, extra))
        else:
            pending[-1].append(index_row(rowid, item))  # type: ignore[arg-type]  # a RawRow has the same fields
    return rows


def row_ranges(first: int, count: int) -> list[tuple[int, int]]:
    """The rowid ranges (inclusive) that hold the rows numbered `first` to `first + count - 1`: one per tier."""
    last = first + count - 1
    return [((tier << TIER_SHIFT) | first, (tier << TIER_SHIFT) | last) for tier in range(len(TIERS) + 1)]


FIELDS_SEPARATOR = "\x1f"
"""Between the fields of a row kept in the one `fields` column (`pack_fields`): the unit separator, a
control character no id, kind or name of a valid book holds."""

FIELDS_AS_JSON = "\x1e"
"""Starts the fields of a row one of which does hold the separator (untrusted text may): then they are JSON."""


def pack_fields(
    kind: str, item_id: str, column: str, meeting_id: str, session_id: str, label: str, extras: tuple[str, ...],
) -> str:
    """A row's fields other than its text, as one string: its kind, id and column first (so that SQL
    finds a heading by how its fields begin: `heading_start`), then the rest, each extra a field."""
    # One column instead of seven: SQLite encodes and Python binds one value, not seven (the `rows`
    # table of a first build took 0.13 s of CPU per 1,000 books with ten columns, 0.09 with four).
    tail = (meeting_id, session_id, label, *extras)
    head = heading_start(kind, item_id, column)
    if head is None:
        return FIELDS_AS_JSON + json.dumps((kind, item_id, column, *tail), ensure_ascii=False)
    rest = FIELDS_SEPARATOR.join(tail)
    if rest.count(FIELDS_SEPARATOR) != len(tail) - 1 or rest.startswith(FIELDS_AS_JSON):
        rest = FIELDS_AS_JSON + json.dumps(tail, ensure_ascii=False)
    return head + rest


def heading_start(kind: str, item_id: str, column: str) -> str | None:
    """How the packed fields of a row of this kind, id and column begin (None: they are all JSON)."""
    head = f"{kind}{FIELDS_SEPARATOR}{item_id}{FIELDS_SEPARATOR}{column}{FIELDS_SEPARATOR}"
    return head if head.count(FIELDS_SEPARATOR) == 3 and not head.startswith(FIELDS_AS_JSON) else None


Fields = tuple[str, str, str, str, str, str, tuple[str, ...]]
"""`(kind, item_id, column, meeting_id, session_id, label, extras)`, as `pack_fields` took them."""


def unpack_fields(packed: str) -> Fields:
    if packed.startswith(FIELDS_AS_JSON):
        fields = json.loads(packed[1:])
    else:
        kind, item_id, column, rest = packed.split(FIELDS_SEPARATOR, 3)
        tail = json.loads(rest[1:]) if rest.startswith(FIELDS_AS_JSON) else rest.split(FIELDS_SEPARATOR)
        fields = [kind, item_id, column, *tail]
    kind, item_id, column, meeting_id, session_id, label = fields[:6]
    return kind, item_id, column, meeting_id, session_id, label, tuple(fields[6:])


def stored_item(text: str, packed: str, briefing_id: str = "") -> IndexedItem:
    """The row a `rows` line holds (no meeting or session is None again, as in a single book's index)."""
    kind, item_id, column, meeting_id, session_id, label, extras = unpack_fields(packed)
    return IndexedItem(briefing_id, meeting_id or None, session_id or None, kind, item_id, text, label, column, extras)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def iso_date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else None
