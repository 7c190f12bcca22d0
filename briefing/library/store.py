"""The library index's SQLite file: opening it (WAL), its schema, and falling back to memory.

The file is a cache: when it cannot be created, is not a database, or was written by another version,
the index is kept in memory for this run (with a message saying why) or rebuilt; no book is ever lost,
because the books themselves are the truth.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from briefing.search.index import create_items_table
from briefing.state.paths import prepare_database_file

SCHEMA_VERSION = 7
"""Bumped whenever the tables change: an index of another version is dropped and rebuilt."""

PREFIX_LENGTHS = "3"
"""The prefix index a library keeps: three-letter prefixes, the first a reader types as a prefix
(`briefing.library.index.TYPING_PREFIX`). Measured again at ten thousand books (session 6): without it
a first build takes 0.06 s less CPU per 1,000 books (7%), but three letters typed as readers type them
(prefixes drawn by how often words begin so) answer in 4 ms at the median and 16 ms at p95 instead
of 1.6 and 1.9 ms, and `the*` 43 ms, `sec*` 19 ms instead of 1.3. Two-letter prefixes (the
single-book index's) would cost as much again for what typing seldom asks."""

FTS_SETTINGS = (("hashsize", 32 * 1024 * 1024), ("automerge", 8))
"""FTS5 settings of the library's table, kept in the file. `hashsize`: the words of a batch are held in
memory up to 32 MB (FTS5's default is 1 MB) before being written as a segment, so a batch of the first
build (`writing.OWN_BATCH_SECONDS`) makes one segment, not dozens to merge later. `automerge`: segments
are merged eight at a time (default four), so each posting is rewritten fewer times as the index
grows. Together 0.1-0.2 s less CPU per 1,000 books built; searching is as fast (measured at 10,000)."""

PAGE_SIZE = 16_384
"""Bytes per page of a new index file (SQLite's default is 4,096). A first build writes each page
twice (the write-ahead log, then the file): with four times fewer pages it makes four times fewer
system calls, which were half of its system time (0.10-0.15 s per 1,000 books with 4 kB pages).
Searching and re-indexing measured as fast. An index made with other pages keeps them."""

WAL_BYTES = 40 * 1024 * 1024
"""How far the write-ahead log grows before its pages are copied into the index file (SQLite's
default is 1,000 pages): a first build rewrites the same FTS5 pages as segments merge, and copied them
over and over; with 40 MB between two copies, a tenth of its system time goes."""

WAL_KEPT_BYTES = 4 * 1024 * 1024
"""What is left of the log's file after a copy (it would otherwise keep its largest size on disk)."""

BUSY_TIMEOUT_MS = 5000
"""How long a second process (`briefing index` while the app runs) waits for the other's write."""

# A book's rows are numbered `first_row` to `first_row + row_count - 1` (their rowids add the tier,
# `writing.row_ranges`): they are found by rowid ranges, so `rows` has no index on `book` (keeping one
# up to date was 0.04 s of CPU per 1,000 books built). A row's kind, id, column, meeting, session, label
# and extras are one `fields` string (`writing.pack_fields`): ten columns were a third more CPU to store.
TABLES = """
CREATE TABLE IF NOT EXISTS books (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    hash TEXT NOT NULL,
    briefing_id TEXT NOT NULL,
    title TEXT NOT NULL,
    start TEXT,
    end TEXT,
    meetings INTEGER NOT NULL,
    classification TEXT NOT NULL,
    draft INTEGER NOT NULL,
    errors TEXT NOT NULL,
    message TEXT NOT NULL,
    checked INTEGER NOT NULL,
    sources TEXT NOT NULL,
    first_row INTEGER NOT NULL,
    row_count INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS books_to_check ON books (checked);
CREATE TABLE IF NOT EXISTS rows (
    rowid INTEGER PRIMARY KEY,
    book INTEGER NOT NULL,
    text TEXT NOT NULL,
    fields TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
"""


@dataclass(frozen=True, slots=True)
class OpenedStore:
    connection: sqlite3.Connection
    writer: sqlite3.Connection
    """The connection a refresh writes with: its own on disk (readers never wait), else `connection`."""
    on_disk: bool
    message: str
    """Why the index is in memory (empty when it is on disk as it should be)."""


def open_store(path: Path | None) -> OpenedStore:
    """The index at `path` (created if need be), or an in-memory one with the reason when that fails."""
    if path is None:
        memory = _in_memory()
        return OpenedStore(memory, memory, False, "")
    try:
        reader = _on_disk(path)
    except (sqlite3.Error, OSError) as error:
        return _fallback(path, error)
    try:
        writer = _connect(path)
    except (sqlite3.Error, OSError) as error:
        reader.close()
        return _fallback(path, error)
    return OpenedStore(reader, writer, True, "")


def _fallback(path: Path, error: BaseException) -> OpenedStore:
    reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
    message = (
        f"The library index {path} cannot be used ({reason}); the index is kept in memory for now. "
        "If the file is damaged, `briefing index --rebuild` makes a new one."
    )
    memory = _in_memory()
    return OpenedStore(memory, memory, False, message)


def remove_store(path: Path) -> None:
    """Delete the index file and its WAL companions (for `--rebuild`); absent files are fine."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()


def _on_disk(path: Path) -> sqlite3.Connection:
    # The index holds every book's text, which may be classified: private folder and file, as for notes.
    prepare_database_file(path)
    connection = _connect(path)
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version not in (0, SCHEMA_VERSION):
            _drop_everything(connection)
        if connection.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
            raise sqlite3.OperationalError("the cache folder does not allow a write-ahead log")
        _create(connection)
        # Reading a table proves the file is a usable database (a damaged one fails here, not mid-search).
        connection.execute("SELECT count(*) FROM books").fetchone()
        connection.execute("BEGIN IMMEDIATE")  # proves the file can be written, then gives the lock back
        connection.execute("ROLLBACK")
    except BaseException:
        connection.close()
        raise
    return connection


def _connect(path: Path) -> sqlite3.Connection:
    # Used from the app's worker threads as well as its own; each index serialises its use with a lock.
    connection = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    try:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA synchronous = NORMAL")  # with WAL: a crash loses no committed book
        connection.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # only takes on a file still empty
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        connection.execute(f"PRAGMA wal_autocheckpoint = {WAL_BYTES // page_size}")
        connection.execute(f"PRAGMA journal_size_limit = {WAL_KEPT_BYTES}")
    except BaseException:
        connection.close()
        raise
    return connection


def _in_memory() -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
    _create(connection)
    return connection


def _create(connection: sqlite3.Connection) -> None:
    connection.executescript(TABLES)
    new = connection.execute("SELECT count(*) FROM sqlite_master WHERE name = 'items'").fetchone()[0] == 0
    create_items_table(connection, contentless=True, prefix_lengths=PREFIX_LENGTHS)
    if new:
        for name, value in FTS_SETTINGS:
            connection.execute("INSERT INTO items (items, rank) VALUES (?, ?)", (name, value))
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _drop_everything(connection: sqlite3.Connection) -> None:
    for (name,) in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'items_%'"
    ).fetchall():
        connection.execute(f'DROP TABLE IF EXISTS "{name}"')
    connection.execute("VACUUM")
