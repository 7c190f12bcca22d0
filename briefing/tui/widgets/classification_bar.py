"""The classification marking, docked at the top and the bottom of every screen."""

from __future__ import annotations

from textual.widgets import Static

from briefing.tui.widgets.literal import literal


class ClassificationBar(Static):
    """One line with the book's marking (e.g. "UNCLASSIFIED – PUBLIC"), centred.

    Two are mounted per screen, docked top and bottom, so the marking stays visible whatever is
    scrolled, as on every page of a printed book.
    """

    DEFAULT_CSS = """
    ClassificationBar {
        width: 100%;
        height: 1;
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
