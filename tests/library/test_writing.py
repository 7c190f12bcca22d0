"""Writing the library index: the FTS5 rows of a batch reach SQLite in rowid order."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from briefing.library.changes import FileStamp
from briefing.library.discovery import BookSummary
from briefing.library.store import open_store
from briefing.library.writing import BookRecord, IndexWriter
from briefing.search.documents import BODY, HEADING, QUOTE, IndexedItem
from briefing.search.index import index_row


class RecordingConnection:
    """A connection that remembers the rowids of every FTS5 insert it passes on."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.fts_rowids: list[int] = []

    def executemany(self, sql: str, rows: Iterable[Any]) -> sqlite3.Cursor:
        rows = list(rows)
        if sql.startswith("INSERT INTO items (rowid"):
            self.fts_rowids.extend(row[0] for row in rows)
        return self.connection.executemany(sql, rows)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.connection, name)


def _book(name: str) -> BookRecord:
    items = [
        IndexedItem(name, "m", None, "meeting", "m", f"Council {name}", "meeting", HEADING),
        IndexedItem(name, "m", None, "meeting", "m", f"Summary {name}", "Council", BODY),
        IndexedItem(name, "m", "s", "quote", "q", f"We said {name}", "Ann", QUOTE, ("Ann",), ("speaker",)),
        IndexedItem(name, "m", "s", "session", "s", f"Breakfast {name}", "Breakfast", HEADING),
    ]
    return BookRecord(BookSummary(Path(f"/library/{name}.json"), name, name), FileStamp(1, 1), name, items, "", False)


def test_the_fts_rows_of_a_batch_reach_sqlite_in_rowid_order() -> None:
    """FTS5 flushes its buffer whenever a rowid comes lower than the last one; every book's rows span
    the three tiers, so a batch's rows must be handed over tier by tier, not book by book."""
    store = open_store(None)
    recording = RecordingConnection(store.connection)
    writer = IndexWriter(recording, threading.Lock(), batch_seconds=60.0)  # type: ignore[arg-type]
    for name in ("alpha", "beta", "gamma"):
        writer.run(lambda name=name: writer.store(None, _book(name)))
    writer.finish()
    assert len(recording.fts_rowids) == 12
    assert recording.fts_rowids == sorted(recording.fts_rowids)
    found = store.connection.execute("SELECT rowid FROM items WHERE items MATCH 'beta'").fetchall()
    assert len(found) == 4


def test_nothing_is_bound_as_null_while_building() -> None:
    """Python's sqlite3 looks for an adapter for every None it binds (and formats an error it drops):
    empty columns and absent sessions are '' (a twentieth of a first build)."""
    store = open_store(None)
    writer = IndexWriter(store.connection, threading.Lock(), batch_seconds=60.0)
    book = _book("alpha")
    for item in book.items:
        assert None not in index_row(1, item), item.column
    writer.run(lambda: writer.store(None, book))
    writer.finish()
    nulls = store.connection.execute(
        "SELECT count(*) FROM rows WHERE meeting_id IS NULL OR session_id IS NULL"
    ).fetchone()[0]
    assert nulls == 0
