"""Where the library and its index live: `--library DIR`, then `BRIEFING_LIBRARY`, then the user's data dir.

The index is a cache (it can always be rebuilt from the books), so it goes in the user's cache
directory, never inside the library: the app never writes into a folder of books it did not create.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import platformdirs

APP_NAME = "briefing"

LIBRARY_VARIABLE = "BRIEFING_LIBRARY"
"""Environment variable naming the library folder when `--library` is not given."""

CACHE_VARIABLE = "BRIEFING_CACHE_DIR"
"""Environment variable overriding the cache folder (tests and read-only homes)."""


def default_library_dir() -> Path:
    """The user's data directory for briefing, e.g. `~/.local/share/briefing/library` on Linux."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "library"


def library_dir(option: Path | str | None = None) -> Path:
    """The library folder: the option if given, else `BRIEFING_LIBRARY`, else the default."""
    if option is not None and str(option) != "":
        return Path(option).expanduser()
    from_environment = os.environ.get(LIBRARY_VARIABLE, "")
    return Path(from_environment).expanduser() if from_environment else default_library_dir()


def cache_dir() -> Path:
    """The user's cache directory for briefing, e.g. `~/.cache/briefing` on Linux."""
    from_environment = os.environ.get(CACHE_VARIABLE, "")
    if from_environment:
        return Path(from_environment).expanduser()
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def index_path(library: Path) -> Path:
    """The index file of one library: one per library folder, named by a hash of its absolute path."""
    key = hashlib.sha256(str(library.expanduser().resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return cache_dir() / "library-index" / f"{key}.sqlite3"
