"""The library screen: every book of the library in a table, newest and upcoming first.

The first frame lists the newest books straight from the index (no book file is read, and not all
of a large library is listed); a worker then lists every book, brings the index up to date (changed
books re-indexed, new ones added, removed ones dropped) and validates the books it read from their
JSON alone, with a progress bar; the table (`BookList`, every book, only visible rows drawn) follows. Invalid books are rows too, with their first problem; `e` shows
all of them. `/` searches across books (`LibrarySearchScreen`); enter opens a book.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, ProgressBar, Static
from textual.worker import get_current_worker

from briefing.library import BookSummary, LibraryIndex, RefreshReport
from briefing.tui.screens.library_table import SORTS, columns_for, filtered, sorted_books
from briefing.tui.widgets.book_list import BookList
from briefing.tui.widgets.classification_bar import ClassificationBar
from briefing.tui.widgets.literal import literal
from briefing.tui.widgets.safe_input import SafeInput

if TYPE_CHECKING:
    from briefing.library import LibraryHit
    from briefing.tui.app import BriefingApp

FIRST_ROWS = 200
"""Books listed for the first frame (more than a screen holds), straight from the index in the
library's order; the whole list comes right after the first frame, from the indexing worker."""

PROGRESS_INTERVAL = 0.1
"""Seconds between two progress messages of the indexing worker."""


class LibraryScreen(Screen[None]):
    """The books of one library folder, and the way into each of them."""

    DEFAULT_CSS = """
    LibraryScreen { layout: vertical; }
    LibraryScreen > Header { dock: none; }
    LibraryScreen > #library-filter { height: 3; }
    LibraryScreen > #books { height: 1fr; }
    LibraryScreen > #library-progress { height: 1; padding: 0 1; }
    LibraryScreen > #library-progress.-idle { display: none; }
    LibraryScreen > #library-status { height: auto; padding: 0 1; color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open_current", "Open", show=False,
                tooltip="open the book (L in a book comes back here); on an invalid book: its problems"),
        Binding("slash", "search", "Search books",
                tooltip="search every book: hits grouped by book; enter opens the book at the hit"),
        Binding("f", "focus_filter", "Filter", tooltip="filter the books as you type (title, id, dates, marking)"),
        Binding("o", "next_sort", "Sort",
                tooltip="sort by date (newest and upcoming first), title, status, last read; or click a heading"),
        Binding("e", "show_errors", "Errors", tooltip="every problem of the invalid book under the cursor"),
        Binding("escape", "leave_filter", "Clear filter", show=False, tooltip="clear the filter"),
    ]

    @dataclass
    class Progress(Message):
        done: int
        total: int

    @dataclass
    class ChangesFound(Message):
        changes: dict[str, str]
        """Book path → what changed since it was read."""

    @dataclass
    class Listed(Message):
        books: list[BookSummary]
        """Every book of the library, as indexed."""

    @dataclass
    class Refreshed(Message):
        report: RefreshReport | None
        error: str | None = None
        checking: bool = False
        """The report is that of validating the books indexed from their JSON alone (second phase)."""
        books: list[BookSummary] | None = None
        """Every book again, when the refresh changed them (listed in the worker)."""

    def __init__(self, index: LibraryIndex) -> None:
        super().__init__()
        self.index = index
        self.books: list[BookSummary] = index.newest_books(FIRST_ROWS)
        """Every book of the library, as the index last listed them (the newest only, until `Listed`)."""
        self._counts = index.book_count()
        self._all_listed = len(self.books) == self._counts[0]
        self._markings = index.markings()
        self.sort_key = SORTS[0]
        self.reverse = False
        self.shown: list[BookSummary] = []
        """The books listed, in order: every book of the library that matches the filter."""
        self._state_rows: dict[str, tuple[str, str, str]] | None = None
        self._changes: dict[str, str] = {}
        """Book path → what changed since it was read (found by a worker)."""
        self._suspended = False
        self._columns: list[tuple[str, str, int]] = []
        """The table's columns for the current width (`columns_for`)."""

    @property
    def briefing_app(self) -> BriefingApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield ClassificationBar(self.marking(), id="marking-top")
        yield Header(icon="≡")
        yield SafeInput(placeholder="Filter books: title, id, dates, classification, status (f)", id="library-filter")
        yield BookList(self.state_of, id="books")
        yield ProgressBar(id="library-progress", show_eta=False, classes="-idle")
        yield Static(id="library-status")
        yield ClassificationBar(self.marking(), id="marking-bottom")
        yield Footer(show_command_palette=False)

    def marking(self) -> str:
        """Every marking of the library's books (a title can be classified too), most common first."""
        markings = self._markings
        if not markings:
            return "LIBRARY"
        more = f" + {len(markings) - 3} more" if len(markings) > 3 else ""
        return " · ".join(markings[:3]) + more

    def on_mount(self) -> None:
        self.title = "Library"
        self.sub_title = literal(str(self.index.library)).plain
        self.on_resize()
        self.table.focus()
        if self.index.message:
            self.notify(self.index.message, title="Library index", severity="warning", markup=False, timeout=10)
        # After the first frame: the table is on screen from the index while the worker checks the files.
        self.call_after_refresh(self.refresh_index)

    @property
    def table(self) -> BookList:
        return self.query_one("#books", BookList)

    @property
    def filter_input(self) -> Input:
        return self.query_one("#library-filter", Input)

    # -- the table -------------------------------------------------------------------------------

    def on_resize(self) -> None:
        columns = columns_for(self.size.width)
        if columns != self._columns:
            self._columns = columns
            self.fill_table()

    def fill_table(self) -> None:
        """(Re)fill the table from `books`, filtered and sorted, keeping the cursor on the same book."""
        if not self._columns:
            return  # before the first layout: on_resize fills it
        current = self.current_book()
        self.shown = filtered(sorted_books(self.books, self.sort_key, self.reverse, self.state_of), self.filter_input.value)
        self.table.show(self.shown, self._columns, current)
        self._show_counts(len(self.shown))
        read = [book for book in self.shown if book.is_valid and self.state_of(book)[0] and str(book.path) not in self._changes]
        if read:
            self.find_changes(read)

    def _show_counts(self, matching: int) -> None:
        total, invalid = self._counts
        if self._all_listed:
            total, invalid = len(self.books), sum(not book.is_valid for book in self.books)
        parts = [f"{total:,} book{'s' if total != 1 else ''}"]
        if invalid:
            parts.append(f"{invalid:,} invalid (e shows why)")
        if not self._all_listed:
            parts.append("listing")
        elif matching != total:
            parts.append(f"{matching:,} match the filter")
        parts.append(f"sorted by {self.sort_key}{' (reversed)' if self.reverse else ''}")
        if not self.index.on_disk:
            parts.append("index in memory only")
        self.query_one("#library-status", Static).update(literal(" · ".join(parts)))

    def state_of(self, book: BookSummary) -> tuple[str, str, str]:
        """(last read, notes, changed since read) of a book, from the reader's state; blank if unknown."""
        if self._state_rows is None:
            self._state_rows = self.briefing_app.book_states()
        last, notes, _ = self._state_rows.get(book.briefing_id, ("", "", "")) if book.briefing_id else ("", "", "")
        return (last, notes, self._changes.get(str(book.path), ""))

    def current_book(self) -> BookSummary | None:
        return self.table.current

    @on(Input.Changed, "#library-filter")
    def _filter_changed(self) -> None:
        self.fill_table()

    @on(Input.Submitted, "#library-filter")
    def _filter_submitted(self) -> None:
        self.table.focus()
        if self.shown:
            self.open_book(self.current_book() or self.shown[0])

    @on(BookList.RowClicked)
    def _row_clicked(self, event: BookList.RowClicked) -> None:
        if event.was_current and 0 <= event.row < len(self.shown):
            self.open_book(self.shown[event.row])

    @on(BookList.HeaderClicked)
    def _header_clicked(self, event: BookList.HeaderClicked) -> None:
        key = event.key
        if key in SORTS:
            self.reverse = not self.reverse if key == self.sort_key else False
            self.sort_key = key
            self.fill_table()

    def on_key(self, event: object) -> None:
        # Down from the filter box goes to the table (the footer shows enter opens the top book).
        from textual import events

        if isinstance(event, events.Key) and event.key == "down" and self.filter_input.has_focus:
            event.stop()
            self.table.focus()

    # -- actions ---------------------------------------------------------------------------------

    def action_open_current(self) -> None:
        book = self.current_book()
        if book is not None:
            self.open_book(book)

    def action_focus_filter(self) -> None:
        self.filter_input.focus()

    def action_leave_filter(self) -> None:
        if self.filter_input.value:
            self.filter_input.value = ""
        self.table.focus()

    def action_next_sort(self) -> None:
        self.sort_key = SORTS[(SORTS.index(self.sort_key) + 1) % len(SORTS)]
        self.reverse = False
        self.fill_table()

    def action_show_errors(self) -> None:
        from briefing.tui.screens.book_errors_screen import BookErrorsScreen

        book = self.current_book()
        if book is None or book.is_valid:
            self.notify("This book is valid: it has no problems to show.", markup=False)
            return
        self.app.push_screen(BookErrorsScreen(book))

    def action_search(self) -> None:
        from briefing.tui.screens.library_search_screen import LibrarySearchScreen

        self.app.push_screen(LibrarySearchScreen(self.index), self._search_done)

    def _search_done(self, result: tuple[LibraryHit, str] | None) -> None:
        if result is not None:
            hit, query = result
            book = self.index.book(hit.book_path)
            if book is not None:
                self.open_book(book, hit=hit, query=query)

    def open_book(self, book: BookSummary, *, hit: LibraryHit | None = None, query: str | None = None) -> None:
        if not book.is_valid:
            self.action_show_errors()
            return
        self.briefing_app.open_book(book.path, hit=hit, query=query)

    def on_screen_suspend(self) -> None:
        self._suspended = True

    def on_screen_resume(self) -> None:
        # Back from a book (not on first showing): its notes and "last read" may have changed.
        if self._suspended:
            self._suspended = False
            self._state_rows = None
            self._changes.pop(str(self.current_book().path) if self.current_book() else "", None)
            self.fill_table()

    @work(thread=True, exclusive=True, group="library-changes")
    def find_changes(self, books: list[BookSummary]) -> None:
        """Fill "changed since read" for the books the reader has read (each one is loaded: a worker)."""
        worker = get_current_worker()
        found: dict[str, str] = {}
        for book in books:
            if worker.is_cancelled:
                return
            found[str(book.path)] = self.briefing_app.changes_since_read(book.path)
        self.post_message(self.ChangesFound(found))

    @on(ChangesFound)
    def _changes_found(self, message: ChangesFound) -> None:
        self._changes.update(message.changes)
        self.table.refresh()

    # -- keeping the index current ----------------------------------------------------------------

    @work(thread=True, exclusive=True, group="library-index")
    def refresh_index(self) -> None:
        """Bring the index in line with the folder; cancelled (between two books) when the app quits."""
        worker = get_current_worker()
        last = [0.0]

        def progress(done: int, total: int) -> None:
            now = time.monotonic()
            if now - last[0] >= PROGRESS_INTERVAL or done == total:
                last[0] = now
                self.post_message(self.Progress(done, total))

        cancelled = lambda: worker.is_cancelled  # noqa: E731
        try:
            if not self._all_listed:
                self.post_message(self.Listed(self.index.books()))
            # Searchable first (books read from their JSON), then each book validated as `validate` does.
            report = self.index.refresh(progress=progress, cancelled=cancelled, check=False)
            self.post_message(self.Refreshed(report, books=self.index.books() if _changed(report) else None))
            if not worker.is_cancelled and self.index.unchecked():
                report = self.index.check_books(progress=progress, cancelled=cancelled)
                self.post_message(self.Refreshed(report, checking=True, books=self.index.books() if report.invalid else None))
        except Exception as error:  # a damaged index must not take the library screen down with it
            self.post_message(self.Refreshed(None, f"The library could not be indexed: {error}"))

    @on(Progress)
    def _progress(self, message: Progress) -> None:
        bar = self.query_one("#library-progress", ProgressBar)
        if message.done < message.total:
            bar.remove_class("-idle")
        bar.update(total=message.total, progress=message.done)

    @on(Refreshed)
    def _refreshed(self, message: Refreshed) -> None:
        self.query_one("#library-progress", ProgressBar).add_class("-idle")
        if message.error is not None:
            self.notify(message.error, severity="error", markup=False)
            return
        report = message.report
        if report is not None and message.checking:
            if message.books is not None:
                self._reload(message.books)  # the status line counts them: "N invalid (e shows why)"
            return
        if report is not None and message.books is not None:
            self._reload(message.books)
            self.notify(f"Library index: {report.describe(timing=False)}", markup=False)

    @on(Listed)
    def _listed(self, message: Listed) -> None:
        self._all_listed = True
        self.books = message.books
        self.fill_table()

    def _reload(self, books: list[BookSummary]) -> None:
        """The books again, as the index lists them after a refresh changed them."""
        self._all_listed = True
        self.books = books
        self._counts = self.index.book_count()
        self._markings = self.index.markings()
        self._state_rows = None
        self._changes.clear()
        self.fill_table()
        for bar in self.query(ClassificationBar):
            bar.classification = self.marking()
            bar.refresh(layout=True)


def _changed(report: RefreshReport) -> bool:
    return bool(report.added or report.changed or report.removed)
