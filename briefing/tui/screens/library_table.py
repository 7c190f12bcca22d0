"""What the library table shows of a book: its columns, its cells (always literal text), sorting and filtering.

No widget here, so the rules are tested without an app.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from rich.text import Text

from briefing.library import BookSummary, sort_newest_first
from briefing.render.dates import format_date_range
from briefing.render.safety import safe_text

COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("title", "Title", 28),
    ("dates", "Dates", 18),
    ("meetings", "Mtgs", 4),
    ("classification", "Classification", 16),
    ("status", "Status", 13),
    ("last_read", "Last read", 10),
    ("notes", "Notes", 5),
    ("changed", "Changed", 7),
)
"""Key, heading and (least) width of each column. Fixed widths: the table needs not measure ten thousand
cells. The title takes what the others leave."""

NARROW = ("title", "dates", "status", "last_read", "changed")
"""The columns kept when not all of them fit (below about 120 columns)."""

CELL_PADDING = 2
"""Cells the book list (`briefing.tui.widgets.book_list`) puts around each column: one on each side."""

SCROLLBAR = 2


def columns_for(width: int) -> list[tuple[str, str, int]]:
    """The columns that fit `width` cells, the title widened to fill the rest."""
    for keys in (tuple(key for key, _, _ in COLUMNS), NARROW):
        chosen = [column for column in COLUMNS if column[0] in keys]
        others = sum(column_width + CELL_PADDING for key, _, column_width in chosen if key != "title")
        title = width - others - CELL_PADDING - SCROLLBAR
        if title >= COLUMNS[0][2] or keys == NARROW:
            return [(key, label, max(title, 12) if key == "title" else column_width)
                    for key, label, column_width in chosen]
    raise AssertionError("unreachable")


SORTS = ("date", "title", "status", "last_read")
"""What `o` cycles through (and the headings that sort when clicked: title, status, last read)."""

STATUS_ORDER = {"under way": 0, "upcoming": 1, "past": 2, "invalid": 3}
"""Sorting by status: what is happening now, then what comes, then what was (drafts within each)."""

StateOf = Callable[[BookSummary], tuple[str, str, str]]
"""A book's (last read, notes, changed since read), as shown."""


def book_row(book: BookSummary, today: dt.date, state: tuple[str, str, str]) -> dict[str, Text]:
    """The cells of one book by column key; an invalid book shows its file and first problem as title."""
    last_read, notes, changed = (Text(safe_text(cell), no_wrap=True) for cell in state)
    if not book.is_valid:
        first_line = (book.first_error.splitlines() or [""])[0]
        title = Text(safe_text(f"⚠ {_file_name(book)}: {first_line}"), style="bold red", no_wrap=True)
        return {"title": title, "dates": Text(""), "meetings": Text(""), "classification": Text(""),
                "status": Text("invalid", style="red"), "last_read": last_read, "notes": notes, "changed": changed}
    dates = format_date_range(book.start, book.end) if book.start and book.end else ""
    return {
        "title": Text(safe_text(book.title), no_wrap=True),
        "dates": Text(dates, no_wrap=True),
        "meetings": Text(str(book.meetings), justify="right"),
        "classification": Text(safe_text(book.classification), no_wrap=True),
        "status": Text(book.status(today)),
        "last_read": last_read,
        "notes": notes,
        "changed": changed,
    }


def _file_name(book: BookSummary) -> str:
    return book.path.parent.name if book.path.name == "briefing.json" else book.path.name


def sorted_books(books: list[BookSummary], key: str, reverse: bool, state_of: StateOf) -> list[BookSummary]:
    """`books` by `key`: "date" is newest and upcoming first; invalid books always come last."""
    if key == "date":
        ordered = sort_newest_first(books)
    else:
        valid = [book for book in books if book.is_valid]
        if key == "title":
            valid.sort(key=lambda book: book.title.casefold())
        elif key == "status":
            today = dt.date.today()
            valid = sort_newest_first(valid)
            valid.sort(key=lambda book: STATUS_ORDER.get(book.status(today).split(",")[0], 9))
        elif key == "last_read":
            valid = sort_newest_first(valid)
            # Most recently read first; never read last.
            valid.sort(key=lambda book: state_of(book)[0] or "", reverse=True)
        ordered = valid + [book for book in books if not book.is_valid]
    if reverse:
        valid_part = [book for book in ordered if book.is_valid][::-1]
        ordered = valid_part + [book for book in ordered if not book.is_valid]
    return ordered


def filtered(books: list[BookSummary], text: str) -> list[BookSummary]:
    """Books whose title, id, file, dates, classification or status hold every word of `text`."""
    words = text.casefold().split()
    if not words:
        return books
    today = dt.date.today()
    return [book for book in books if all(word in _haystack(book, today) for word in words)]


def _haystack(book: BookSummary, today: dt.date) -> str:
    dates = f"{book.start} {book.end} {format_date_range(book.start, book.end)}" if book.start and book.end else ""
    return " ".join(
        (book.title, book.briefing_id, str(book.path), dates, book.classification, book.status(today),
         *book.errors)
    ).casefold()
