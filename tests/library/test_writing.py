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
from briefing.library.writing import (
    TIER_COLUMNS,
    BookRecord,
    IndexWriter,
    heading_start,
    pack_fields,
    table_rows,
    unpack_fields,
)
from briefing.search.documents import BODY, HEADING, QUOTE, IndexedItem
from briefing.search.index import TIERS, create_items_table, index_row


class RecordingConnection:
    """A connection that remembers the rowids of every FTS5 insert it passes on."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.fts_rowids: list[int] = []
        self.bound: list[tuple[Any, ...]] = []
        self.fts_statements: list[str] = []

    def executemany(self, sql: str, rows: Iterable[Any]) -> sqlite3.Cursor:
        rows = list(rows)
        self.bound.extend(rows)
        if sql.startswith("INSERT INTO items (rowid"):
            self.fts_rowids.extend(row[0] for row in rows)
            self.fts_statements.append(sql)
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
    # One statement per tier, naming its column alone (two empty values a row less to bind and tokenize).
    assert recording.fts_statements == [
        f"INSERT INTO items (rowid, {column}, extra) VALUES (?, ?, ?)" for column in ("heading", "quote", "body")
    ]
    found = store.connection.execute("SELECT rowid FROM items WHERE items MATCH 'beta'").fetchall()
    assert len(found) == 4


def test_nothing_is_bound_as_null_while_building() -> None:
    """Python's sqlite3 looks for an adapter for every None it binds (and formats an error it drops):
    empty columns and absent sessions are '' (a twentieth of a first build)."""
    store = open_store(None)
    recording = RecordingConnection(store.connection)
    writer = IndexWriter(recording, threading.Lock(), batch_seconds=60.0)  # type: ignore[arg-type]
    book = _book("alpha")
    for item in book.items:
        assert None not in index_row(1, item), item.column
    writer.run(lambda: writer.store(None, book))
    writer.finish()
    assert len(recording.bound) == 8  # the rows table's and the FTS5 table's
    assert all(None not in row for row in recording.bound)


def test_the_fields_of_a_row_come_back_as_they_went_in_whatever_they_hold() -> None:
    """Kind, id, column, meeting, session, label and extras share one column, split by a control
    character that untrusted text may hold: then they are kept as JSON, and still come back."""
    odd = ["", "a\x1fb", "\x1eodd", "x\x1e", "\x1f", '"q"', "[1]", "plain"]
    for text in odd:
        for position in range(7):
            fields = ["quote", "q-1", "quote", "m", "s", "Ann", ("Ann", "sanctions")]
            fields[position] = (text,) if position == 6 else text
            packed = pack_fields(*fields)  # type: ignore[arg-type]
            assert unpack_fields(packed) == tuple(fields), (text, position)
    for extras in [(), ("Ann",), ("",), ("a\x1fb", "c"), ("\x1eodd",), ("x\x1e", "\x1f")]:
        assert unpack_fields(pack_fields("point", "p", "body", "", "", "", extras))[6] == extras


def test_a_heading_is_found_by_how_its_fields_begin_whatever_its_label() -> None:
    """`LibraryIndex.titles` finds a meeting's or a session's title by the start of its fields: a
    label or extras holding the separator must not move the kind, id and column from there."""
    for label in ("Plenary", "Plenary\x1fone", "\x1eJSON"):
        packed = pack_fields("session", "s-1", HEADING, "m-1", "s-1", label, ("closed\x1f",))
        start = heading_start("session", "s-1", HEADING)
        assert start is not None and packed.startswith(start), label
    assert heading_start("session", "odd\x1fid", HEADING) is None


def test_the_rows_of_a_book_are_those_index_row_and_pack_fields_make() -> None:
    """`table_rows` writes out `index_row` and `pack_fields` for speed: it must make the same rows,
    for ASCII and other text, every column, and fields that need JSON."""
    texts = ["Sanctions on Moldova", "Wilmès’ “Court’s” — ß ﬁ İ", "Ελληνικά ΣΟΦΙΑ", "", "a\x1fb", "\x1eodd", "東京 会談"]
    items = [
        IndexedItem("b", meeting, session, kind, f"id-{number}", text, label, column, extras)
        for number, (text, (meeting, session), kind, column, label, extras) in enumerate(
            (text, where, kind, column, label, extras)
            for text in texts
            for where in (("m", "s"), ("\x1em", None), (None, None))
            for kind, column in (("quote", QUOTE), ("meeting", HEADING), ("point", BODY), ("odd", "extra"))
            for label, extras in (("", ()), ("Ann", ("Ann", "Élysée")), (text, (text, "x\x1f")))
        )
    ]
    pending: list[list[tuple[object, ...]]] = [[], [], [], []]
    rows = table_rows(7, 100, items, pending)
    made = sorted(  # type: ignore[type-var]
        [_full_row(column, row) for column, tier in zip(TIER_COLUMNS, pending, strict=False) for row in tier]
        + pending[-1]
    )
    rowids = [row[0] for row in rows]
    assert made == sorted(index_row(rowid, item) for rowid, item in zip(rowids, items, strict=True))  # type: ignore[type-var]
    for (_, book, text, fields), item in zip(rows, items, strict=True):
        assert (book, text) == (7, item.text)
        assert unpack_fields(fields) == (item.kind, item.item_id, item.column, item.meeting_id or "",
                                         item.session_id or "", item.label, item.extras)


def _full_row(column: str, row: tuple[object, ...]) -> tuple[object, ...]:
    """`(rowid, heading, quote, body, extra)` of a tier's `(rowid, text, extra)`, as `index_row` makes it."""
    rowid, text, extra = row
    return (rowid, *(text if name == column else "" for name in (HEADING, QUOTE, BODY)), extra)


def test_each_tier_holds_the_rows_of_one_column() -> None:
    """A batch's FTS5 rows are inserted tier by tier naming only that tier's column."""
    assert [TIER_COLUMNS[tier] for tier in TIERS.values()] == list(TIERS)
    assert len(TIER_COLUMNS) == len(TIERS) + 1 and TIER_COLUMNS[-1] == BODY


def test_rows_named_by_their_column_alone_are_found_ranked_and_forgotten_as_before() -> None:
    """The columns a row does not name are NULL: no text, as '' was. A book's rows are still found
    with the same ranks as in the single-book index, and deleting them (told '' for those columns)
    leaves nothing behind."""
    store = open_store(None)
    writer = IndexWriter(store.connection, threading.Lock(), batch_seconds=60.0)
    for name in ("alpha", "beta"):
        writer.run(lambda name=name: writer.store(None, _book(name)))
    writer.finish()
    single = sqlite3.connect(":memory:")
    create_items_table(single, contentless=True)
    single.executemany(
        "INSERT INTO items (rowid, heading, quote, body, extra) VALUES (?, ?, ?, ?, ?)",
        [index_row(rowid, item) for rowid, item in enumerate(_book("alpha").items + _book("beta").items)],
    )
    for query in ("alpha", "said", "ann", "breakfast OR summary"):
        ranked = [round(score, 6) for (score,) in store.connection.execute(
            "SELECT bm25(items, 10.0, 5.0, 1.0, 4.0) AS s FROM items WHERE items MATCH ? ORDER BY s", (query,))]
        alone = [round(score, 6) for (score,) in single.execute(
            "SELECT bm25(items, 10.0, 5.0, 1.0, 4.0) AS s FROM items WHERE items MATCH ? ORDER BY s", (query,))]
        assert ranked == alone and ranked, query
    book_id = store.connection.execute("SELECT id FROM books WHERE briefing_id = 'alpha'").fetchone()[0]
    writer.run(lambda: writer.delete(book_id))
    writer.finish()
    assert store.connection.execute("SELECT count(*) FROM items WHERE items MATCH 'alpha'").fetchone()[0] == 0
    store.connection.execute("INSERT INTO items (items) VALUES ('integrity-check')")
