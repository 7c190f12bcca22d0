"""The `e` screen of the library: every problem of an invalid book, as `briefing validate` words them."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from briefing.library import BookSummary
from briefing.tui.screens.reading_dialog import ReadingDialogScreen
from briefing.tui.widgets.literal import literal


class BookErrorsScreen(ReadingDialogScreen):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,e", "dismiss", "Close")]
    BODY_ID = "book-errors"

    def __init__(self, book: BookSummary) -> None:
        super().__init__(classes="-alarm")
        self.book = book

    def title_text(self) -> str:
        count = len(self.book.errors)
        return f"This book cannot be opened: {count} problem{'s' if count != 1 else ''} — escape closes"

    def compose_body(self) -> ComposeResult:
        yield Static(literal(self.book.message or "\n".join(self.book.errors)))
