"""A modal screen that carries the classification marking, top and bottom, like every page of the book.

A modal covers the main screen's markings with its dimmed backdrop (and at small sizes with its dialog):
each modal shows its own, so the marking never leaves the screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from textual.app import ComposeResult
from textual.screen import ModalScreen

from briefing.tui.screen_size import take_size_classes
from briefing.tui.widgets.classification_bar import ClassificationBar
from briefing.tui.widgets.fitted_footer import FittedFooter

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp

ResultType = TypeVar("ResultType")

UNMARKED = "UNMARKED"
"""Shown when a modal runs outside a `BriefingApp` (a test harness): a marking is never blank."""


class MarkedModalScreen(ModalScreen[ResultType]):
    """Subclasses compose their dialog in `compose_dialog`; the markings and a footer are added around it.

    The markings sit where the main screen has them (top row, above the footer), and the footer shows
    the dialog's own keys rather than the dimmed keys of the screen beneath.
    """

    DEFAULT_CSS = """
    MarkedModalScreen > #modal-marking-top { dock: top; }
    MarkedModalScreen > #modal-marking-bottom { dock: bottom; margin-bottom: 1; }
    """

    def compose(self) -> ComposeResult:
        take_size_classes(self)  # styled once with them, not restyled at the first resize
        marking = self.marking
        yield ClassificationBar(marking, id="modal-marking-top")
        yield from self.compose_dialog()
        yield FittedFooter()
        yield ClassificationBar(marking, id="modal-marking-bottom")

    def compose_dialog(self) -> ComposeResult:
        yield from ()

    @property
    def marking(self) -> str:
        from briefing.tui.app import BriefingApp

        app: BriefingApp | object = self.app
        return app.marking if isinstance(app, BriefingApp) else UNMARKED
