"""`briefing add`: copy a checked book, with its sources, into the library, all or nothing.

The book is copied into a hidden temporary folder of the library, checked again there (so the copy
is exactly as valid as the original), then renamed into place in one step: a reader of the library
(or a crash) sees either no book or the whole book, never half of one.
"""

from __future__ import annotations

import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

from briefing.files import NotARegularFile, read_bounded
from briefing.library.discovery import BOOK_FILE
from briefing.library.index import LibraryIndex
from briefing.loading import load_briefing
from briefing.loading.loader import max_bytes_from_environment
from briefing.loading.sources import MAX_SOURCE_BYTES, source_path
from briefing.model import Briefing

TEMPORARY_PREFIX = ".add-"
"""Hidden (so never listed as a book) and recognisable: what a crash mid-copy may leave behind."""


class BookConflictError(Exception):
    """A different book with the same id is already in the library."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class Added:
    briefing: Briefing
    path: Path
    """The book's file in the library."""
    outcome: str
    """"added", "replaced" or "already there"."""
    missing_sources: tuple[str, ...] = ()
    """Source texts the book names that were not beside it (the book is added without them)."""


def add_book(
    source: Path, library: Path, *, replace: bool = False, index: LibraryIndex | None = None,
    source_check: bool = True,
) -> Added:
    """Check `source` as `briefing validate` does and copy it into `library/<id>/`.

    As `validate`, the source texts must be beside the book and every verbatim item must match them,
    unless `source_check` is False (`--no-source-check`): then the book goes in without that check.

    Raises `BriefingLoadError` for an invalid book, `BookConflictError` when another book has its id
    (unless `replace` and that book is `library/<id>/`), and `OSError` when the library cannot be written.
    """
    briefing = load_briefing(source, check_sources=source_check, require_sources=source_check)
    target_folder = library / briefing.id
    target = target_folder / BOOK_FILE
    others = _books_with_id(briefing.id, library, target, index)
    if others:
        raise BookConflictError(
            f"{source}: the library already holds another book with the id {briefing.id!r}: {others[0]}. "
            "Give one of them another id, or remove that file from the library."
        )
    if target.exists():
        limit = max_bytes_from_environment()
        if read_bounded(target, limit) == read_bounded(source, limit):
            return Added(briefing, target, "already there")
        if not replace:
            raise BookConflictError(
                f"{source}: the library already holds a different book with the id {briefing.id!r} "
                f"({target}). Use --replace to replace it."
            )
    existed = target_folder.exists()
    if existed and not target.exists() and not replace:
        raise BookConflictError(
            f"{source}: the library already has a folder {target_folder} that holds no book. "
            "Move it away, or use --replace to replace it."
        )
    missing = _copy_into_place(source, briefing, library, target_folder, source_check)
    return Added(briefing, target, "replaced" if existed else "added", missing)


def _books_with_id(book_id: str, library: Path, target: Path, index: LibraryIndex | None) -> list[Path]:
    """Books of the library, other than `target`, whose id is `book_id`."""
    if index is None:
        index = LibraryIndex.open(library)
    index.refresh()
    resolved_target = target.resolve() if target.exists() else None
    return [
        book.path for book in index.books()
        if book.briefing_id == book_id and book.path.resolve() != resolved_target
    ]


def _copy_into_place(
    source: Path, briefing: Briefing, library: Path, target_folder: Path, source_check: bool
) -> tuple[str, ...]:
    library.mkdir(parents=True, exist_ok=True)
    temporary = library / f"{TEMPORARY_PREFIX}{briefing.id}-{uuid.uuid4().hex[:8]}"
    temporary.mkdir()
    try:
        missing = _copy_book(source, briefing, temporary)
        # The copy must be as valid as the original.
        load_briefing(temporary / BOOK_FILE, check_sources=source_check, require_sources=source_check)
        if target_folder.exists():
            retired = library / f"{TEMPORARY_PREFIX}old-{briefing.id}-{uuid.uuid4().hex[:8]}"
            os.rename(target_folder, retired)
            os.rename(temporary, target_folder)
            shutil.rmtree(retired, ignore_errors=True)
        else:
            os.rename(temporary, target_folder)
        _sync_folder(library)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return missing


def _copy_book(source: Path, briefing: Briefing, folder: Path) -> tuple[str, ...]:
    """The book file and every source text it names that is beside it; the names of those that are not.

    Every read is bounded and refuses FIFOs and devices; a source reached through a link leading out
    of the book's folder is not copied (the copy is then checked like any book without that source).
    """
    _copy_file(source, folder / BOOK_FILE, max_bytes_from_environment())
    missing = []
    for document in briefing.sources:
        origin = source_path(source.parent, document.path)
        try:
            if origin is None:
                raise NotARegularFile(source.parent / document.path, "a link leading outside the book's folder")
            data = read_bounded(origin, MAX_SOURCE_BYTES)
        except OSError:
            missing.append(document.path)
            continue
        destination = folder / document.path
        destination.parent.mkdir(parents=True, exist_ok=True)
        _write_file(destination, data)
    return tuple(missing)


def _copy_file(origin: Path, destination: Path, limit: int) -> None:
    _write_file(destination, read_bounded(origin, limit))


def _write_file(destination: Path, data: bytes) -> None:
    # Inside the hidden temporary folder: nobody sees it before the whole book is renamed into place.
    with open(destination, "xb") as copied:
        copied.write(data)
        copied.flush()
        os.fsync(copied.fileno())


def _sync_folder(folder: Path) -> None:
    # The rename is only durable once the folder holding it is flushed too.
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
