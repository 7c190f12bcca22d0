"""Finding the books of a library folder and summing each one up (or saying why it is not a book).

A library is a folder holding, at its top level, one folder per book (its `briefing.json` with its
`sources/`) and/or bare `.json` briefing files. Nothing deeper is searched, and names starting with
a dot (temporary folders of `briefing add`, editors' files) are skipped.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from briefing.library.changes import FileStamp, content_hash, stamp_of
from briefing.loading import BriefingLoadError, load_briefing
from briefing.model import Briefing

__all__ = [
    "BOOK_FILE", "BookSummary", "FileStamp", "book_files", "book_paths", "content_hash", "error_summary",
    "read_book", "sort_newest_first", "stamp_of", "summarise",
]

BOOK_FILE = "briefing.json"
"""The file a book folder holds."""


@dataclass(frozen=True, slots=True)
class BookSummary:
    """One entry of the library: what the table shows of a book, or why it could not be read."""

    path: Path
    briefing_id: str = ""
    title: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    meetings: int = 0
    classification: str = ""
    draft: bool = False
    """The author marked the book a draft (not final)."""
    errors: tuple[str, ...] = field(default=())
    """Every problem found, one per entry; empty for a valid book."""
    message: str = ""
    """The whole error as `briefing validate` prints it (file, problems, advice); empty when valid."""

    @property
    def is_valid(self) -> bool:
        return not self.errors

    @property
    def first_error(self) -> str:
        return self.errors[0] if self.errors else ""

    def status(self, today: dt.date) -> str:
        """"invalid", "upcoming", "under way" or "past", as of `today`, and "draft" when it is one."""
        if not self.is_valid or self.start is None or self.end is None:
            return "invalid"
        timing = "upcoming" if today < self.start else "under way" if today <= self.end else "past"
        return f"{timing}, draft" if self.draft else timing


def book_files(library: Path, *, checked: bool = True, at_most: int | None = None) -> list[Path]:
    """Every candidate book file of the library, sorted by name; an absent library has none.

    Unless `checked`, a folder counts without looking inside it (the caller stats the files anyway).
    `at_most` stops early (is there more than one book?).
    """
    return [Path(path) for path in book_paths(str(library), checked=checked, at_most=at_most)]


def book_paths(library: str, *, checked: bool = True, at_most: int | None = None) -> list[str]:
    """`book_files` as strings: a refresh of ten thousand books spends less on path objects."""
    try:
        entries = sorted(os.scandir(library), key=lambda entry: entry.name)
    except (FileNotFoundError, NotADirectoryError):
        return []
    found: list[str] = []
    for entry in entries:
        if at_most is not None and len(found) >= at_most:
            break
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir():
                candidate = f"{entry.path}{os.sep}{BOOK_FILE}"  # os.path.join, without its checks
                if not checked or os.path.isfile(candidate):
                    found.append(candidate)
            elif entry.is_file() and entry.name.lower().endswith(".json"):
                found.append(entry.path)
        except OSError:
            continue  # vanished or unreadable between listing and looking: not a book of this library
    return found


def summarise(path: Path, briefing: Briefing) -> BookSummary:
    return BookSummary(
        path=path,
        briefing_id=briefing.id,
        title=briefing.title,
        start=briefing.start,
        end=briefing.end,
        meetings=len(briefing.meetings),
        classification=briefing.classification,
        draft=str(briefing.status) == "draft",
    )


def error_summary(path: Path, error: BriefingLoadError) -> BookSummary:
    """An invalid book: its problems one per line, the summary first when there are none listed."""
    lines = [problem.describe() for problem in error.problems] or [error.summary]
    if error.problems:
        lines[0] = f"{error.summary}: {lines[0]}"
    return BookSummary(path=path, errors=tuple(lines), message=error.message)


def read_book(path: Path) -> tuple[BookSummary, Briefing | None]:
    """Load and check one book as `briefing validate` does: its summary, and the briefing when valid."""
    try:
        briefing = load_briefing(path)
    except BriefingLoadError as error:
        return error_summary(path, error), None
    return summarise(path, briefing), briefing


def sort_newest_first(books: list[BookSummary]) -> list[BookSummary]:
    """Latest (or upcoming) books first, then by title; invalid books last, by file name."""
    by_title = sorted((book for book in books if book.is_valid), key=lambda book: book.title.casefold())
    valid = sorted(
        by_title, key=lambda book: (book.start or dt.date.min, book.end or dt.date.min), reverse=True
    )
    return valid + sorted((book for book in books if not book.is_valid), key=lambda book: str(book.path))
