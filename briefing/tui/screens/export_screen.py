"""The `e` dialog: what to export (book or meeting), in which format, to which file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, RadioSet, Static

from briefing.model import Meeting
from briefing.tui.screens.marked_modal import MarkedModalScreen
from briefing.tui.widgets.literal import literal
from briefing.tui.widgets.safe_input import SafeInput

PREFERRED_FORMAT = "text"
"""Offered first: plain text opens anywhere, pastes into any note and prints as it is."""


@dataclass(frozen=True)
class ExportRequest:
    """What the user asked for: `meeting_ids` None means the whole book."""

    format: str
    path: Path
    meeting_ids: tuple[str, ...] | None
    brief: bool = False
    """The brief (positions, key points, figures; one page a meeting) instead of the full summary."""
    include_notes: bool = False
    """Add the reader's private notes, as a last section headed as theirs (never unless ticked)."""


class ExportScreen(MarkedModalScreen[ExportRequest | None]):
    """Format choice and a path prefilled in the current directory; dismisses with the request."""

    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > VerticalScroll {
        width: 84; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    ExportScreen RadioSet { width: 100%; height: auto; layout: horizontal; }
    /* Side by side, the choices would be cut to one letter each (the app's breakpoint: below 70 columns). */
    ExportScreen.-narrow RadioSet { layout: vertical; }
    ExportScreen RadioButton { width: auto; }
    ExportScreen Horizontal { height: auto; align-horizontal: right; }
    ExportScreen Button { margin-left: 1; min-width: 10; }
    ExportScreen #export-error { color: $text-error; height: auto; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, book_id: str, formats: tuple[str, ...], suffixes: dict[str, str],
                 meeting: Meeting | None, *, offer_notes: bool = False) -> None:
        super().__init__()
        self.offer_notes = offer_notes
        """Whether the reader has notes on this book, so the dialog offers to add them."""
        self.book_id = book_id
        self.formats = tuple(sorted(formats, key=lambda name: name != PREFERRED_FORMAT))
        """Format names `briefing.render.export_summary` accepts, the default first."""
        self.suffixes = suffixes
        self.meeting = meeting
        """The meeting whose tab is open, offered (and chosen) as the scope; None on other tabs."""

    def compose_dialog(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(Content("Export the summary").stylize("bold"))
            if self.meeting is not None:
                yield Label("What")
                with RadioSet(id="export-scope"):
                    yield RadioButton(Content.assemble("This meeting: ", literal(self.meeting.title)), value=True)
                    yield RadioButton(Content("The whole book"))
            yield Label("Kind")
            with RadioSet(id="export-kind"):
                yield RadioButton(Content("Full summary"), value=True)
                yield RadioButton(Content("Brief: positions, key points, figures"))
            yield Label("Format")
            with RadioSet(id="export-format"):
                for number, name in enumerate(self.formats):
                    yield RadioButton(Content(name), value=number == 0)
            if self.offer_notes:
                yield Checkbox(Content("Add my private notes (in a last section headed as mine)"), id="export-notes")
            yield Label("File")
            yield SafeInput(self._suggested_path(), id="export-path")
            yield Static("", id="export-error")
            with Horizontal():
                yield Button(Content("Export"), id="export", variant="primary")
                yield Button(Content("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#export-format", RadioSet).focus()

    @property
    def chosen_format(self) -> str:
        index = self.query_one("#export-format", RadioSet).pressed_index
        return self.formats[max(index, 0)]

    @property
    def brief(self) -> bool:
        return self.query_one("#export-kind", RadioSet).pressed_index == 1

    @property
    def whole_book(self) -> bool:
        if self.meeting is None:
            return True
        return self.query_one("#export-scope", RadioSet).pressed_index == 1

    def _suggested_path(self, format_name: str | None = None, whole_book: bool | None = None,
                        brief: bool = False) -> str:
        format_name = format_name or self.formats[0]
        whole_book = (self.meeting is None) if whole_book is None else whole_book
        stem = self.book_id if whole_book or self.meeting is None else f"{self.book_id}-{self.meeting.id}"
        kind = "brief" if brief else "summary"
        return str(Path.cwd() / f"{stem}-{kind}{self.suffixes.get(format_name, '.txt')}")

    @on(RadioSet.Changed)
    def _choice_changed(self) -> None:
        # Keep the suggestion in step with the choices unless the user has typed a path of their own.
        path_input = self.query_one("#export-path", Input)
        suggestions = {
            self._suggested_path(name, whole, brief)
            for name in self.formats for whole in (True, False) for brief in (True, False)
        }
        if path_input.value in suggestions:
            path_input.value = self._suggested_path(self.chosen_format, self.whole_book, self.brief)

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export")
    def _export(self) -> None:
        text = self.query_one("#export-path", Input).value.strip()
        if not text:
            self.query_one("#export-error", Static).update(Content("Type the path of the file to write."))
            return
        path = Path(text).expanduser()
        if not path.is_absolute():
            path = Path.cwd() / path
        if path.is_dir():
            self.query_one("#export-error", Static).update(Content("That is a folder; add a file name."))
            return
        meeting_ids = None if self.whole_book or self.meeting is None else (self.meeting.id,)
        notes = self.offer_notes and self.query_one("#export-notes", Checkbox).value
        self.dismiss(ExportRequest(self.chosen_format, path, meeting_ids, brief=self.brief, include_notes=notes))

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
