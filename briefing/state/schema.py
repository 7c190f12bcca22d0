"""The state database's tables, and the migrations that bring an older file up to date.

`PRAGMA user_version` holds the schema version. Each migration is one step, run in the same
transaction that bumps the version, so a crash halfway leaves the old version intact.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: tuple[str, ...] = (
    # 1: notes, bookmarks, reading position, settings, the read state of each item.
    """
    CREATE TABLE books (
        book_id TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        first_opened TEXT NOT NULL,
        last_opened TEXT NOT NULL
    );
    CREATE TABLE notes (
        note_id TEXT PRIMARY KEY,
        book_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        item_kind TEXT NOT NULL DEFAULT '',
        item_label TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1
    );
    CREATE INDEX notes_by_item ON notes (book_id, item_id);
    CREATE TABLE bookmarks (
        book_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        item_label TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        PRIMARY KEY (book_id, item_id)
    );
    CREATE TABLE positions (
        book_id TEXT PRIMARY KEY,
        tab TEXT NOT NULL DEFAULT '',
        item_id TEXT NOT NULL DEFAULT '',
        scroll_y INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE read_items (
        book_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        read_at TEXT NOT NULL,
        PRIMARY KEY (book_id, item_id)
    );
    """,
    # 2: what a read item was called, so that "removed since you last read" can name it.
    """
    ALTER TABLE read_items ADD COLUMN item_label TEXT NOT NULL DEFAULT ''
    """,
    # 3: the version of each book last opened, and what was unread in it: reopening an unchanged book
    # reads these few rows instead of hashing every item (see briefing.state.reading).
    """
    CREATE TABLE opened_versions (
        book_id TEXT PRIMARY KEY,
        digest TEXT NOT NULL
    );
    CREATE TABLE unread_items (
        book_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        state TEXT NOT NULL,
        PRIMARY KEY (book_id, item_id)
    )
    """,
)
"""Migration n (1-based) takes a database from version n-1 to version n. Append; never edit one."""

SCHEMA_VERSION = len(MIGRATIONS)


class NewerSchemaError(Exception):
    """The database was written by a newer briefing; this one must not touch it."""


def migrate(connection: sqlite3.Connection) -> None:
    """Bring the database up to `SCHEMA_VERSION`, one transaction per step."""
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"the state file has schema version {version}; this briefing knows up to {SCHEMA_VERSION}"
        )
    for number in range(version + 1, SCHEMA_VERSION + 1):
        connection.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while we waited for the lock.
            if connection.execute("PRAGMA user_version").fetchone()[0] >= number:
                connection.execute("ROLLBACK")
                continue
            for statement in _statements(MIGRATIONS[number - 1]):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise


def _statements(script: str) -> list[str]:
    # executescript() would commit our transaction first; split on ';' (no ';' inside our DDL).
    return [statement.strip() for statement in script.split(";") if statement.strip()]
