"""The `s` screen: the source paragraph an item cites, in full."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from briefing.tui.screens.marked_modal import MarkedModalScreen
from briefing.tui.widgets.literal import literal
from briefing.tui.widgets.reader_scroll import ReaderScroll


class SourceScreen(MarkedModalScreen[None]):
    """Shows cited paragraphs: a title per citation ("Document, ¶7") and the paragraph's text."""

    DEFAULT_CSS = """
    SourceScreen { align: center middle; }
    SourceScreen > Vertical {
        width: 100; max-width: 100%; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    SourceScreen ReaderScroll { height: auto; max-height: 100%; }
    SourceScreen .source-title { text-style: bold; }
    SourceScreen .source-text { margin-bottom: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,s", "dismiss", "Close")]

    def __init__(self, citations: list[tuple[str, str | None]]) -> None:
        """`citations`: (heading, paragraph text or None when the source text is not at hand)."""
        super().__init__()
        self.citations = citations

    def compose_dialog(self) -> ComposeResult:
        with Vertical():
            yield Static(Content("Cited source — escape closes"), classes="source-title")
            with ReaderScroll(id="source-text"):
                for heading, text in self.citations:
                    yield Static(literal(heading, "bold"), classes="source-title")
                    if text is None:
                        body = Content("The source text is not available next to this briefing file.")
                        yield Static(body.stylize("italic"), classes="source-text")
                    else:
                        yield Static(literal(text), classes="source-text")

    def on_mount(self) -> None:
        self.query_one("#source-text").focus()
