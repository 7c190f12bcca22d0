"""A marked modal that reads like a page: a bold title line over a scrollable body, closed with escape."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from briefing.tui.screens.marked_modal import MarkedModalScreen
from briefing.tui.widgets.reader_scroll import ReaderScroll


class ReadingDialogScreen(MarkedModalScreen[None]):
    """Subclasses give `title`, the id of the body's scroll (tests and keys reach it by id) and the body.

    The body's scroll takes the focus, so j/k and paging keys read it at once.
    """

    DEFAULT_CSS = """
    ReadingDialogScreen { align: center middle; }
    ReadingDialogScreen > Vertical {
        width: 100; max-width: 100%; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    ReadingDialogScreen.-alarm > Vertical { border: round $error; }
    ReadingDialogScreen ReaderScroll { height: auto; max-height: 100%; }
    ReadingDialogScreen .dialog-title { text-style: bold; }
    """

    BODY_ID: ClassVar[str] = "dialog-body"

    def title_text(self) -> str:
        raise NotImplementedError

    def compose_body(self) -> ComposeResult:
        raise NotImplementedError

    def compose_dialog(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.title_text()), classes="dialog-title")
            with ReaderScroll(id=self.BODY_ID):
                yield from self.compose_body()

    def on_mount(self) -> None:
        body: Widget = self.query_one(f"#{self.BODY_ID}")
        body.focus()
