"""A yes/no question, e.g. before overwriting a file."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from briefing.tui.screens.marked_modal import MarkedModalScreen


class ConfirmScreen(MarkedModalScreen[bool | None]):
    """Dismisses with True (y / the first button) or False (n, escape, the second button); with
    `escape_stays`, escape dismisses with None: neither answer (when "no" costs something too)."""

    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > Vertical {
        width: 70; max-width: 100%; height: auto; border: thick $warning; background: $surface; padding: 0 1;
    }
    ConfirmScreen Horizontal { height: auto; align-horizontal: right; }
    ConfirmScreen Button { margin-left: 1; min-width: 10; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n", "answer(False)", "No"),
        Binding("escape", "escape", "Cancel"),
    ]

    def __init__(self, question: Content, yes: str = "Yes", no: str = "No", *,
                 focus_yes: bool = False, escape_stays: bool = False) -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no
        self.focus_yes = focus_yes
        """Enter answers yes: for a question whose "no" loses something (notes kept only in memory)."""
        self.escape_stays = escape_stays

    def compose_dialog(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question)
            with Horizontal():
                yield Button(Content(self.yes), id="yes", variant="warning")
                yield Button(Content(self.no), id="no")

    def on_mount(self) -> None:
        self.query_one("#yes" if self.focus_yes else "#no", Button).focus()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    def action_escape(self) -> None:
        self.dismiss(None if self.escape_stays else False)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
