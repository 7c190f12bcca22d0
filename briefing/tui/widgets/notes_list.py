"""The Notes tab: every private note on this book, then the bookmarks; enter opens the item.

Notes on items that this version of the book no longer has are listed too, marked as detached: a
note is never dropped because its item went away.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Self

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing.diff import BookItem
from briefing.state import Note
from briefing.tui.messages import OpenDirectoryEntry, OpenLocation
from briefing.tui.widgets.literal import literal

if TYPE_CHECKING:
    from briefing.tui.reader_state import ReaderState

NOTE_PREFIX = "note:"
MARK_PREFIX = "mark:"
PREVIEW_LINES = 3


def open_item_message(item: BookItem) -> Message:
    """The message that shows `item` where it lives: its meeting tab, or the directory for a person."""
    if item.kind in ("person", "organisation"):
        return OpenDirectoryEntry(item.item_id)
    if item.kind == "meeting":
        return OpenLocation(item.meeting_id)
    if item.kind == "session":
        return OpenLocation(item.meeting_id, item.item_id)
    return OpenLocation(item.meeting_id, item.session_id or None, item.item_id)


def note_option(note: Note, reader: ReaderState) -> Option:
    attached = note.item_id in reader.items
    about = reader.describe(note.item_id) if attached else (note.item_label or note.item_id)
    lines = note.text.splitlines() or [""]
    preview = lines[:PREVIEW_LINES] + (["…"] if len(lines) > PREVIEW_LINES else [])
    heading = Content.assemble(("✎ ", "bold"), literal(about))
    if not attached:
        heading = Content.assemble(heading, ("  (detached: no longer in this version of the book)", "italic"))
    body = Content("\n").join([literal("    " + line) for line in preview])
    return Option(Content("\n").join([heading, body]), id=NOTE_PREFIX + note.note_id)


class NotesList(Vertical):
    """Notes (newest change first) and bookmarks of the open book."""

    DEFAULT_CSS = """
    NotesList > #notes-heading { padding: 0 1; text-style: bold; color: $text-accent; }
    NotesList > #notes-list { height: 1fr; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d,delete", "delete_note", "Delete note", tooltip="delete the highlighted note (asks first)"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)

    @property
    def reader(self) -> ReaderState:
        return self.app.reader  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        yield Static(id="notes-heading")
        yield OptionList(id="notes-list")

    def on_mount(self) -> None:
        if not self.query_children("#notes-list"):
            return  # removed (the app quitting) before it composed: Textual mounted no children into it
        self.refresh_notes()

    def focus(self, scroll_visible: bool = True) -> Self:
        """Showing the tab gives the keyboard to the list."""
        self.query_one("#notes-list", OptionList).focus(scroll_visible)
        return self

    def refresh_notes(self) -> None:
        """Rebuild the list from the store (after a note was saved or deleted anywhere in the app)."""
        reader = self.reader
        notes = sorted(reader.notes(), key=lambda note: note.updated_at, reverse=True)
        marks = reader.bookmark_entries()
        options = self.query_one("#notes-list", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        if notes:
            options.add_option(Option(Content(f"Your private notes ({len(notes)})"), disabled=True))
            options.add_options([note_option(note, reader) for note in notes])
        if marks:
            options.add_option(Option(Content(f"Bookmarks ({len(marks)})"), disabled=True))
            options.add_options(
                [
                    Option(Content.assemble(("★ ", "bold"), literal(label), "" if present else " (detached)"),
                           id=MARK_PREFIX + item_id)
                    for item_id, label, present in marks
                ]
            )
        count = options.option_count
        if highlighted is not None and count:
            options.highlighted = min(highlighted, count - 1)
        heading = (
            "Your private notes and bookmarks on this book: kept on this computer only. "
            "a adds a note on the item you are on, m bookmarks it, ' lists the bookmarks."
        )
        if not notes and not marks:
            heading = "No notes or bookmarks yet. " + heading
        self.query_one("#notes-heading", Static).update(Content(heading))

    def highlighted_note(self) -> Note | None:
        option_id = self._highlighted_id()
        if option_id and option_id.startswith(NOTE_PREFIX):
            return self.reader.store.note(option_id.removeprefix(NOTE_PREFIX))
        return None

    def note_target(self) -> str | None:
        """The item of the highlighted note or bookmark (for `a` and `m`)."""
        option_id = self._highlighted_id()
        if option_id is None:
            return None
        if option_id.startswith(MARK_PREFIX):
            return option_id.removeprefix(MARK_PREFIX)
        note = self.highlighted_note()
        return note.item_id if note else None

    def _highlighted_id(self) -> str | None:
        options = self.query_one("#notes-list", OptionList)
        if options.highlighted is None:
            return None
        return options.get_option_at_index(options.highlighted).id

    @on(OptionList.OptionSelected, "#notes-list")
    def _open(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        item_id = self.note_target()
        item = self.reader.items.get(item_id or "")
        if item is None:
            self.notify("That item is not in this version of the book; the note is kept here.", markup=False)
            return
        self.post_message(open_item_message(item))

    def action_delete_note(self) -> None:
        from briefing.tui.screens.confirm_screen import ConfirmScreen

        note = self.highlighted_note()
        if note is None:
            self.notify("Highlight a note to delete it.", markup=False)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.reader.delete_note(note)
                self.refresh_notes()
                self.notify("Note deleted.", markup=False)

        question = Content.assemble("Delete your note on ", literal(self.reader.describe(note.item_id)), "?")
        self.app.push_screen(ConfirmScreen(question, yes="Delete", no="Keep"), answered)
