"""Opening the state database: WAL, migrations, and what to do when the file or folder is unusable.

- A damaged file is moved aside (renamed `state.sqlite3.corrupt-<time>`) and a fresh one started.
- A folder that cannot be written gives an in-memory database (holding a read-only copy of the old
  file when there is one), so the app still opens and notes still save for the session.
Each case leaves one sentence in `Opened.messages`, for the app or the command to say once.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from briefing.state.paths import prepare_database_file
from briefing.state.schema import SCHEMA_VERSION, NewerSchemaError, migrate

BUSY_TIMEOUT_SECONDS = 10.0
"""How long a write waits for another copy of the app to finish its own (writes take milliseconds)."""


@dataclass
class Opened:
    connection: sqlite3.Connection
    path: Path | None
    """The database file, or None when the store lives in memory."""
    messages: list[str] = field(default_factory=list)


class UnusableDatabaseError(Exception):
    """The file exists but is not a usable state database (damaged, or not SQLite at all)."""


def open_database(path: Path) -> Opened:
    """The state database at `path`, or the best stand-in, with what the user should be told."""
    try:
        prepare_database_file(path)
    except OSError as error:
        return _in_memory(path, f"cannot create {path} ({error.strerror or error})")
    try:
        return Opened(_connect(path), path)
    except NewerSchemaError as error:
        return _in_memory(path, str(error))
    except UnusableDatabaseError:
        return _replace_damaged(path)
    except sqlite3.OperationalError as error:  # read-only folder or file: WAL cannot start
        return _in_memory(path, f"cannot write {path} ({error})")


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
    )
    try:
        try:
            check = connection.execute("PRAGMA quick_check").fetchone()[0]
        except sqlite3.OperationalError:
            # Locked, disk full, I/O error, read-only: the file itself may be fine, so it is not moved
            # aside (a full disk did, and the next start showed no notes); `open_database` keeps a copy.
            raise
        except sqlite3.DatabaseError as error:  # corrupt, or not SQLite at all
            raise UnusableDatabaseError(str(error)) from error
        if check != "ok":
            raise UnusableDatabaseError(check)
        if connection.execute("PRAGMA user_version").fetchone()[0] > SCHEMA_VERSION:
            migrate(connection)  # raises NewerSchemaError before anything is written
        connection.execute("PRAGMA journal_mode = WAL").fetchone()
        # FULL: a saved note is on disk when save returns, even if the machine loses power next.
        connection.execute("PRAGMA synchronous = FULL")
        migrate(connection)
        _require_writable(connection)
    except BaseException:
        connection.close()
        raise
    return connection


def _require_writable(connection: sqlite3.Connection) -> None:
    # A read-only file opens and reads fine; find out now, not when the first note is saved.
    connection.execute("BEGIN IMMEDIATE")
    connection.execute("ROLLBACK")


def _replace_damaged(path: Path) -> Opened:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    try:
        os.replace(path, aside)
        for suffix in ("-wal", "-shm"):
            companion = path.with_name(path.name + suffix)
            if companion.exists():
                os.replace(companion, aside.with_name(aside.name + suffix))
        prepare_database_file(path)
        connection = _connect(path)
    except (OSError, sqlite3.Error, UnusableDatabaseError) as error:
        return _in_memory(path, f"{path} is damaged and could not be replaced ({error})")
    message = (
        f"The state file {path} was damaged; it was moved to {aside.name} and a fresh one started "
        "(earlier notes and bookmarks are not in the new file)."
    )
    return Opened(connection, path, [message])


def open_in_memory() -> Opened:
    """An empty in-memory database, for tests and for runs that must keep nothing."""
    connection = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    migrate(connection)
    return Opened(connection, None)


def _in_memory(path: Path, reason: str) -> Opened:
    connection = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    copied = _copy_read_only(path, connection)
    migrate(connection)
    kept = " (earlier notes are shown, read-only copy)" if copied else ""
    message = (
        f"Notes, bookmarks and position are kept in memory for this session only: {reason}{kept}. "
        "Export your notes before quitting (`briefing notes export`, or the app offers it on quit)."
    )
    return Opened(connection, None, [message])


def _copy_read_only(path: Path, target: sqlite3.Connection) -> bool:
    """Copy an existing readable state file into `target`; False when there is none worth copying."""
    if not path.is_file():
        return False
    # Read-only first, which reads the write-ahead log too: the app quits without a checkpoint, so the
    # last session's notes are there, not in the main file. `immutable` (main file only) is the fallback
    # for a log that cannot be read without writing (no shared-memory file beside it).
    for query in ("mode=ro", "mode=ro&immutable=1"):
        if _backup_from(f"{path.resolve().as_uri()}?{query}", target):
            return True
    return False


def _backup_from(uri: str, target: sqlite3.Connection) -> bool:
    try:
        source = sqlite3.connect(uri, uri=True)
    except sqlite3.Error:
        return False
    try:
        version = source.execute("PRAGMA user_version").fetchone()[0]
        if version == 0 or source.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            return False
        if version > SCHEMA_VERSION:
            return False
        source.backup(target)
        return True
    except sqlite3.Error:
        return False
    finally:
        source.close()
