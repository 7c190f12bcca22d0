"""The `s` screen: the source paragraph an item cites, in full."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static

from briefing.tui.screens.reading_dialog import ReadingDialogScreen
from briefing.tui.widgets.literal import literal


class SourceScreen(ReadingDialogScreen):
    """Shows cited paragraphs: a title per citation ("Document, ¶7") and the paragraph's text."""

    DEFAULT_CSS = """
    SourceScreen .source-title { text-style: bold; }
    SourceScreen .source-text { margin-bottom: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,s", "dismiss", "Close")]
    BODY_ID = "source-text"

    def __init__(self, citations: list[tuple[str, str | None]]) -> None:
        """`citations`: (heading, paragraph text or None when the source text is not at hand)."""
        super().__init__()
        self.citations = citations

    def title_text(self) -> str:
        return "Cited source — escape closes"

    def compose_body(self) -> ComposeResult:
        for heading, text in self.citations:
            yield Static(literal(heading, "bold"), classes="source-title")
            if text is None:
                body = Content("The source text is not available next to this briefing file.")
                yield Static(body.stylize("italic"), classes="source-text")
            else:
                yield Static(literal(text), classes="source-text")
