"""Has a book changed since it was indexed? Its file, and each source text it names.

A source text edited on its own (a corrected release) changes whether the book's quotes are verbatim,
so the index keeps the size, modification time and hash of every source text too. Size and time are
looked at first (cheap); when they differ, the hash decides, so a file merely touched or copied back
is not re-indexed.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from briefing.files import read_bounded
from briefing.loading.sources import MAX_SOURCE_BYTES, source_path

ABSENT = -1
"""The size recorded for a source text that could not be read (absent, a FIFO, outside the folder)."""


@dataclass(frozen=True, slots=True)
class FileStamp:
    """What tells that a file changed: its size and modification time (cheap), then its hash."""

    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class SourceStamp:
    path: str
    """As the book names it, relative to the book's folder."""
    size: int
    mtime_ns: int
    digest: str


def stamp_of(path: Path | str) -> FileStamp | None:
    """The file's size and mtime, or None when it cannot be read any more."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return FileStamp(status.st_size, status.st_mtime_ns)


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def source_stamps(folder: str, relatives: tuple[str, ...] | list[str]) -> list[SourceStamp]:
    """The stamp of each source text a book names (read bounded; never through a link leading out)."""
    return [_stamp_source(folder, relative) for relative in dict.fromkeys(relatives)]


def _stamp_source(folder: str, relative: str) -> SourceStamp:
    # Most books of a large library travel without their sources: a failed stat settles it cheaply,
    # before resolving links (a call to lstat for every folder of the path).
    if "\0" in relative or stamp_of(os.path.join(folder, relative)) is None:
        return SourceStamp(relative, ABSENT, 0, "")
    path = source_path(Path(folder), relative)
    stamp = stamp_of(path) if path is not None else None
    if path is None or stamp is None:
        return SourceStamp(relative, ABSENT, 0, "")
    try:
        digest = content_hash(read_bounded(path, MAX_SOURCE_BYTES))
    except OSError:
        return SourceStamp(relative, ABSENT, 0, "")
    return SourceStamp(relative, stamp.size, stamp.mtime_ns, digest)


def sources_changed(folder: str, stored: list[SourceStamp]) -> tuple[bool, list[SourceStamp] | None]:
    """(whether a source text's content changed, new stamps to keep when only their times moved)."""
    fresh: list[SourceStamp] | None = None
    for position, old in enumerate(stored):
        now = stamp_of(os.path.join(folder, old.path))
        if now is None and old.size == ABSENT:
            continue
        if now is not None and (now.size, now.mtime_ns) == (old.size, old.mtime_ns):
            continue
        new = _stamp_source(folder, old.path)
        if (new.size == ABSENT) != (old.size == ABSENT) or new.digest != old.digest:
            return True, None
        fresh = list(stored) if fresh is None else fresh
        fresh[position] = new
    return False, fresh


def encode_stamps(stamps: list[SourceStamp]) -> str:
    # Most generated or bare books name no readable source: an empty string spares the JSON.
    if not stamps:
        return ""
    return json.dumps([[s.path, s.size, s.mtime_ns, s.digest] for s in stamps], ensure_ascii=False)


def decode_stamps(text: str) -> list[SourceStamp]:
    """The stamps `encode_stamps` made; raises `ValueError` for anything else (a damaged cache)."""
    try:
        return [SourceStamp(str(p), int(size), int(mtime), str(digest)) for p, size, mtime, digest in json.loads(text)] if text else []
    except (TypeError, RecursionError) as error:
        raise ValueError(f"damaged source stamps: {error}") from None


Known = tuple[int, int, int, str, str]
"""A book as the index last saw it: (book id, size, mtime_ns, hash, source stamps)."""


def unchanged_books(paths: list[str], known: dict[str, Known]) -> list[bool]:
    """`unchanged` for each path (False for one not indexed yet), in order."""
    # Most books of a library name the same absent source text ("sources/release.txt"): each distinct
    # record of stamps is decoded once. (Threads for the `stat` calls were tried: no faster, the walk
    # is held by Python's lock more than by the kernel.)
    decoded: dict[str, list[SourceStamp] | None] = {}
    found = []
    for path in paths:
        old = known.get(path)
        found.append(old is not None and unchanged(path, old, decoded))
    return found


def unchanged(path: str, known: Known, decoded: dict[str, list[SourceStamp] | None] | None = None) -> bool:
    """The book file and every source text it names have the size and time they had (no hash needed);
    `decoded` keeps the stamps already decoded, by their text."""
    try:
        status = os.stat(path)
    except OSError:
        return False
    if status.st_size != known[1] or status.st_mtime_ns != known[2]:
        return False
    if not known[4]:
        return True
    decoded = {} if decoded is None else decoded
    if known[4] not in decoded:
        try:
            decoded[known[4]] = decode_stamps(known[4])
        except ValueError:
            decoded[known[4]] = None
    stored = decoded[known[4]]
    if stored is None:
        return False  # the index is damaged there: read the book again
    # The folder and each source's path by slicing and joining strings: `os.path.dirname` and `join`
    # were a third of a refresh of ten thousand books. A path that `join` would not simply append
    # (absolute, or a folder at the root) still goes through it.
    cut = path.rfind(os.sep)
    folder = path[:cut] if cut > 0 else os.path.dirname(path)
    plain = cut > 0 and not folder.endswith(os.sep)
    for source in stored:
        relative = source.path
        joined = f"{folder}{os.sep}{relative}" if plain and not os.path.isabs(relative) else os.path.join(folder, relative)
        try:
            status = os.stat(joined)
        except (OSError, ValueError):
            if source.size != ABSENT:
                return False
            continue
        if (status.st_size, status.st_mtime_ns) != (source.size, source.mtime_ns):
            return False
    return True
