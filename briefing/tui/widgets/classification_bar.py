"""The classification marking, docked at the top and the bottom of every screen."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static

from briefing.model import Briefing
from briefing.tui.widgets.literal import literal

MAX_LINES = 3
"""A marking longer than the screen is wide wraps onto at most this many lines; beyond them it ends
with an ellipsis, so that it is never cut silently and never pushes the book off a small screen."""


class ClassificationBar(Static):
    """The book's marking (e.g. "UNCLASSIFIED – PUBLIC"), centred, whole: wrapped, never silently cut.

    Two are mounted per screen, docked top and bottom, so the marking stays visible whatever is
    scrolled, as on every page of a printed book.
    """

    DEFAULT_CSS = """
    ClassificationBar {
        width: 100%;
        height: auto;
        content-align: center middle;
        text-style: bold;
        background: $primary;
        color: auto;
    }
    """

    def __init__(self, classification: str, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(literal(classification), id=id, classes=classes)
        self.classification = classification
        """The marking, as the briefing holds it (the widget shows it neutralised)."""

    def marking_lines(self, width: int) -> list[Content]:
        """The marking wrapped to `width` cells: whole if it fits in MAX_LINES, else ending with "…"."""
        width = max(width, 2)
        text = literal(self.classification)
        if text.cell_length <= width:
            return [text]
        lines = [line.rstrip() for line in text.wrap(width)]
        if len(lines) > MAX_LINES:
            lines = [*lines[: MAX_LINES - 1], Content.assemble(lines[MAX_LINES - 1].truncate(width - 1), "…")]
        # Each line centred on its own and as wide as the bar (content-align alone would centre the block,
        # leaving a short last line at its left).
        return [_centred(line, width) for line in lines]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.marking_lines(width))

    def render(self) -> Content:
        return Content("\n").join(self.marking_lines(self.content_region.width or self.size.width))


def _centred(line: Content, width: int) -> Content:
    left = (width - line.cell_length) // 2
    return Content.assemble(" " * left, line, " " * (width - line.cell_length - left))


def book_marking(briefing: Briefing) -> str:
    """What the bars show: the marking, with DRAFT beside it (in the book's language) while the book is a draft."""
    from briefing.render.vocabulary import vocabulary

    return vocabulary(briefing.language).marking(briefing.classification, briefing.status)
