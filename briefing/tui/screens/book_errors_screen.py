"""The `e` screen of the library: every problem of an invalid book, as `briefing validate` words them."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from briefing.library import BookSummary
from briefing.tui.screens.marked_modal import MarkedModalScreen
from briefing.tui.widgets.literal import literal
from briefing.tui.widgets.reader_scroll import ReaderScroll


class BookErrorsScreen(MarkedModalScreen[None]):
    DEFAULT_CSS = """
    BookErrorsScreen { align: center middle; }
    BookErrorsScreen > Vertical {
        width: 100; max-width: 100%; height: auto; max-height: 90%;
        border: round $error; background: $surface; padding: 0 1;
    }
    BookErrorsScreen ReaderScroll { height: auto; max-height: 100%; }
    BookErrorsScreen .errors-title { text-style: bold; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,e", "dismiss", "Close")]

    def __init__(self, book: BookSummary) -> None:
        super().__init__()
        self.book = book

    def compose_dialog(self) -> ComposeResult:
        count = len(self.book.errors)
        with Vertical():
            yield Static(Content(f"This book cannot be opened: {count} problem{'s' if count != 1 else ''} "
                                 "— escape closes"), classes="errors-title")
            with ReaderScroll(id="book-errors"):
                yield Static(literal(self.book.message or "\n".join(self.book.errors)))

    def on_mount(self) -> None:
        self.query_one("#book-errors").focus()
