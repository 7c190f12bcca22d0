"""The library's table of books: a virtual list that draws only the rows on screen.

A DataTable measures and keeps every cell it is given: ten thousand books took a second to show and
again at each keystroke of the filter. Here a row is drawn (from `library_table.book_row`, so always
literal text) only when it is visible, so every book is in the list whatever the library's size, and
filling or filtering the list costs nothing per book beyond the list itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing.library import BookSummary
from briefing.tui.screens.library_table import CELL_PADDING, book_row

StateOf = Callable[[BookSummary], tuple[str, str, str]]

HEADER_LINES = 1


class BookList(ScrollView, can_focus=True):
    """Books in rows under a heading line; the cursor row is the book enter opens."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"book-list--header", "book-list--cursor", "book-list--odd"}

    DEFAULT_CSS = """
    BookList { height: 1fr; overflow-x: hidden; background: $surface; }
    BookList > .book-list--header { text-style: bold; background: $panel; color: $foreground; }
    BookList > .book-list--cursor {
        background: $block-cursor-blurred-background; color: $block-cursor-blurred-foreground;
    }
    BookList:focus > .book-list--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    BookList > .book-list--odd { background: $surface-lighten-1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("down,j", "move(1)", "Down", show=False),
        # The reader's keys of every other list too (ReaderOptionList): g/G, space/b, ctrl+f/b.
        Binding("pageup,b,ctrl+b", "page(-1)", "Page up", show=False),
        Binding("pagedown,space,ctrl+f", "page(1)", "Page down", show=False),
        Binding("home,g", "edge(0)", "First book", show=False),
        Binding("end,G", "edge(1)", "Last book", show=False),
    ]

    cursor: reactive[int] = reactive(0, always_update=True)

    @dataclass
    class HeaderClicked(Message):
        key: str

    @dataclass
    class RowClicked(Message):
        row: int
        was_current: bool
        """The row was already the cursor's (a second click opens it)."""

    def __init__(self, state_of: StateOf, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.state_of = state_of
        self.books: list[BookSummary] = []
        self.columns: list[tuple[str, str, int]] = []
        self.today = dt.date.today()

    # -- content ---------------------------------------------------------------------------------

    def show(self, books: list[BookSummary], columns: list[tuple[str, str, int]], keep: BookSummary | None) -> None:
        """Show `books` in `columns`; the cursor stays on `keep` when it is still listed."""
        self.books, self.columns = books, columns
        self.today = dt.date.today()
        row = self._index_of(keep) if keep is not None else None
        self.virtual_size = Size(self._line_width(), len(books) + HEADER_LINES)
        self.cursor = row if row is not None else min(self.cursor, max(0, len(books) - 1))
        self.refresh()

    def _index_of(self, book: BookSummary) -> int | None:
        path = book.path
        return next((row for row, listed in enumerate(self.books) if listed.path == path), None)

    @property
    def current(self) -> BookSummary | None:
        return self.books[self.cursor] if 0 <= self.cursor < len(self.books) else None

    def cells(self, row: int) -> dict[str, Text]:
        """The cells of a row, as drawn (tests read them)."""
        book = self.books[row]
        return book_row(book, self.today, self.state_of(book))

    def _line_width(self) -> int:
        return sum(width + CELL_PADDING for _, _, width in self.columns)

    # -- drawing ---------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y < HEADER_LINES:
            style = self.rich_style + self.get_component_rich_style("book-list--header")
            return self._strip(self._header_text(), style, width)
        row = round(self.scroll_offset.y) + y - HEADER_LINES
        if row >= len(self.books):
            return Strip.blank(width, self.rich_style)
        style = self.rich_style
        if row == self.cursor:
            style += self.get_component_rich_style("book-list--cursor")
        elif row % 2:
            style += self.get_component_rich_style("book-list--odd")
        return self._strip(self._row_text(row), style, width)

    def _strip(self, text: Text, style: Style, width: int) -> Strip:
        segments = [Segment(segment.text, segment.style) for segment in text.render(self.app.console)]
        return Strip(segments).apply_style(style).crop_extend(0, width, style)

    def _header_text(self) -> Text:
        line = Text(no_wrap=True)
        for _, label, width in self.columns:
            line.append(" " + label[:width].ljust(width) + " ")
        return line

    def _row_text(self, row: int) -> Text:
        cells = self.cells(row)
        line = Text(no_wrap=True)
        for key, _, width in self.columns:
            cell = cells[key].copy()
            cell.truncate(width, overflow="ellipsis")
            gap = width - cell.cell_len
            cell = Text(" " * gap).append_text(cell) if cell.justify == "right" else cell.append(" " * gap)
            line.append(" ").append_text(cell).append(" ")
        return line

    # -- the cursor ------------------------------------------------------------------------------

    def watch_cursor(self, row: int) -> None:
        self._keep_cursor_visible(row)
        # Again once the layout has caught up: a scroll made while the list was being refilled is
        # clamped to the old size, which left the cursor off screen under load.
        self.call_after_refresh(lambda: self._keep_cursor_visible(self.cursor))
        self.refresh()

    def _keep_cursor_visible(self, row: int) -> None:
        rows_shown = max(1, self.scrollable_content_region.height - HEADER_LINES)
        top = round(self.scroll_offset.y)
        if row < top:
            self.scroll_to(y=row, animate=False, immediate=True)
        elif row >= top + rows_shown:
            self.scroll_to(y=row - rows_shown + 1, animate=False, immediate=True)

    def action_move(self, step: int) -> None:
        if self.books:
            self.cursor = max(0, min(len(self.books) - 1, self.cursor + step))

    def action_page(self, direction: int) -> None:
        self.action_move(direction * max(1, self.scrollable_content_region.height - HEADER_LINES - 1))

    def action_edge(self, end: int) -> None:
        if self.books:
            self.cursor = len(self.books) - 1 if end else 0

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        if offset.y < HEADER_LINES:
            left = 0
            for key, _, width in self.columns:
                left += width + CELL_PADDING
                if offset.x < left:
                    self.post_message(self.HeaderClicked(key))
                    return
            return
        row = round(self.scroll_offset.y) + offset.y - HEADER_LINES
        if 0 <= row < len(self.books):
            was_current = row == self.cursor
            self.cursor = row
            self.post_message(self.RowClicked(row, was_current))
