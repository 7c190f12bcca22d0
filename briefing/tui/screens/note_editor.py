"""The note editor: a small multi-line box over the book, for the reader's private note on one item.

It only edits text; the caller saves it (`briefing.state`). Closing never loses what was typed:
escape and ctrl+s both save; discarding is a deliberate button.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static, TextArea

from briefing.tui.focus import focus_now
from briefing.tui.screens.marked_modal import MarkedModalScreen
from briefing.tui.widgets.literal import literal
from briefing.tui.widgets.safe_text_area import SafeTextArea


@dataclass(frozen=True, slots=True)
class NoteEdit:
    """What the editor ended with: the text to save (empty: delete the note)."""

    text: str


class NoteEditor(MarkedModalScreen[NoteEdit | None]):
    """Dismisses with a `NoteEdit` when the text changed, None when it did not or was discarded."""

    DEFAULT_CSS = """
    NoteEditor { align: center middle; }
    NoteEditor > Vertical {
        width: 80; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    NoteEditor #note-about { color: $text-muted; }
    NoteEditor #note-private { color: $text-muted; text-style: italic; }
    NoteEditor TextArea { height: 8; min-height: 3; }
    NoteEditor Horizontal { height: auto; align-horizontal: right; }
    NoteEditor Button { margin-left: 1; min-width: 10; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "save", "Save and close", show=False),
    ]

    def __init__(self, about: str, text: str = "", title: str = "Your note") -> None:
        super().__init__()
        self.about = about
        """What the note is on (a briefing string: shown literally)."""
        self.original = text
        self.title = title

    def compose_dialog(self) -> ComposeResult:
        with Vertical(id="note-dialog"):
            yield Static(Content(self.title), id="note-title")
            yield Static(literal(self.about), id="note-about")
            yield SafeTextArea(self.original, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Static(
                Content("Private: kept on this computer only. Escape or ctrl+s saves; an empty note is deleted."),
                id="note-private",
            )
            with Horizontal():
                yield Button(Content("Save"), id="save", variant="primary")
                yield Button(Content("Discard changes"), id="discard")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        focus_now(area)  # not deferred: the keys typed right after `a` are the note's
        area.move_cursor(area.document.end)

    @property
    def text(self) -> str:
        return self.query_one(TextArea).text

    def action_save(self) -> None:
        text = self.text.strip("\n")
        self.dismiss(NoteEdit(text) if text != self.original else None)

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#discard")
    def _discard_pressed(self) -> None:
        self.dismiss(None)
