"""Where the state database lives: the user's state directory, never next to a briefing.

`BRIEFING_STATE_DIR` wins (tests, portable installs, a locked-down profile that allows one folder);
otherwise platformdirs' `user_state_dir`, which honours `XDG_STATE_HOME` on Linux.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

STATE_DIR_VARIABLE = "BRIEFING_STATE_DIR"
"""Environment variable naming the folder of the state database."""

DATABASE_NAME = "state.sqlite3"

DIR_MODE = 0o700
FILE_MODE = 0o600
"""Notes are private: only the user may read the folder and the file."""


def state_dir() -> Path:
    """The folder of the state database (it may not exist yet)."""
    if override := os.environ.get(STATE_DIR_VARIABLE):
        return Path(override).expanduser()
    return Path(platformdirs.user_state_dir("briefing", appauthor=False))


def database_path() -> Path:
    """The state database file."""
    return state_dir() / DATABASE_NAME


def prepare_database_file(path: Path) -> None:
    """Create the folder (0700) and an empty file (0600) before SQLite does, so neither is ever wider.

    SQLite gives its -wal and -shm files the permissions of the database file, so they are private too.
    Folders that already exist keep their permissions: `BRIEFING_STATE_DIR` may name a shared parent.
    """
    missing = []
    folder = path.parent
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for folder in reversed(missing):
        folder.mkdir(mode=DIR_MODE)
        os.chmod(folder, DIR_MODE)  # mkdir's mode is filtered by the umask
    descriptor = os.open(path, os.O_CREAT | os.O_RDWR, FILE_MODE)
    os.close(descriptor)
    if path.stat().st_mode & 0o077:
        os.chmod(path, FILE_MODE)
