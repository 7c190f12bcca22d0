"""The main screen's routes to the reader's own state: `a` note, `m` bookmark, `b` bookmarks, read marks,
and the reading position that the next opening of the book returns to.

A base of `MainScreen` (like `JumpRoutes`): it needs the Screen API, `here()`, `go_to()` and
`current_meeting_view()`. What is noted is the item that has the keyboard: the nearest widget up
from the focused one that answers `note_target()` (an item id) or `copy_target()` (an item or a person).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import Screen

from briefing.model import Located
from briefing.render.safety import safe_text
from briefing.state import COMPARISON, FIRST_READING, ChangesSinceRead, Position
from briefing.tui.widgets.literal import literal

if TYPE_CHECKING:
    from textual.widget import Widget

    from briefing.state import Note
    from briefing.tui.reader_state import ReaderState
    from briefing.tui.screens.note_editor import NoteEdit
    from briefing.tui.widgets.notes_list import NotesList


def item_id_of(widget: Widget) -> str | None:
    """The book item a widget stands for (item block, session heading, list entry), or None."""
    target_of = getattr(widget, "note_target", None)
    if callable(target_of) and (target := target_of()) is not None:
        return str(target)
    copy_of = getattr(widget, "copy_target", None)
    if callable(copy_of):
        target = copy_of()
        if isinstance(target, Located):
            return target.item.id
        if target is not None and hasattr(target, "id"):
            return str(target.id)
    return None


class StateRoutes(Screen[None]):
    """Notes, bookmarks, read marks and position for `MainScreen`.

    A Screen subclass rather than a plain mixin so that Textual merges its BINDINGS into MainScreen's.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "note", "Note", show=False, tooltip="add or edit your private note on the focused item"),
        Binding("m", "bookmark", "Mark", show=False, tooltip="bookmark the focused item, or remove its bookmark"),
        Binding("apostrophe", "bookmarks", "Bookmarks", show=False, tooltip="list your bookmarks and jump to one"),
    ]

    def on_mount(self) -> None:
        # Textual calls the `on_mount` of every class of the screen that has one: this runs after MainScreen's.
        self.show_changes_notice()
        self.report_state_messages()
        self.call_after_refresh(self.restore_position)
        self._book_reader = self.app.reader  # still this book's when the screen is closed

    def finish_opening_in_background(self) -> None:
        """What the opening left for after the first frame (a first reading's baseline, a big book's
        comparison with the version last read), in a thread that gives way to keys."""
        if self.reader.pending is not None:
            self.run_worker(self._finish_opening, thread=True, group="finish-opening")

    def _finish_opening(self) -> None:
        from textual.worker import get_current_worker

        from briefing.tui.background import WorkCancelled

        worker, reader = get_current_worker(), self._book_reader
        comparing = reader.pending == COMPARISON
        try:
            changes = reader.finish_opening(lambda: self.give_way.pause(lambda: worker.is_cancelled))
        except WorkCancelled:
            return  # the app is closing: a first reading's baseline is recorded on closing
        if comparing:  # None: the store was locked; compared again at the next opening
            self.post_message(self.Compared(changes or ChangesSinceRead()))  # a message: safe from a thread

    class Compared(Message):
        """The comparison with the version last read, done after the first frame."""

        def __init__(self, changes: ChangesSinceRead) -> None:
            super().__init__()
            self.changes = changes

    async def on_state_routes_compared(self, message: Compared) -> None:
        self._book_reader.take_changes(message.changes)
        await self.query(".changes-notice").remove()  # "comparing…"
        self.show_changes_notice()
        self.point_to_the_changes()
        self.refresh_state_marks()

    def on_unmount(self) -> None:
        # The book is closed (back to the library) before its first reading was recorded. When the app
        # itself closes, the command line records it once the terminal is restored (`briefing.cli.app_command`).
        # Off the UI thread: hashing a big book's 66,000 items here held the library's keys for ~3 s. Not a
        # daemon: quitting at once waits for it (the reader's lock makes the command line's call a no-op).
        reader = getattr(self, "_book_reader", None)
        if self.app.is_running and reader is not None and reader.pending == FIRST_READING:
            threading.Thread(target=reader.finish_opening, name="first-reading-baseline", daemon=False).start()

    @property
    def reader(self) -> ReaderState:
        return self.app.reader

    def note_target_id(self) -> str | None:
        """The item the reader is on: from the focused widget up, else the meeting of the tab."""
        node = self.focused
        while node is not None:
            if (item_id := item_id_of(node)) is not None:
                return item_id
            node = node.parent
        view = self.current_meeting_view()  # type: ignore[attr-defined]
        return view.meeting.id if view is not None else None

    def action_copy(self, markdown: bool) -> None:
        """`y`/`Y`: the focused item (or person) with its citation, as text or Markdown."""
        from briefing.tui.copying import copy_focused  # not needed for the first frame: imported on use
        copy_focused(self, self.lookup, markdown=markdown)  # type: ignore[attr-defined]

    async def action_note(self) -> None:
        item_id = self.note_target_id()
        if item_id is None:
            self.notify("Move to an item first (a quote, position, passage, person…), then press a.",
                        markup=False)
            return
        from briefing.tui.screens.note_editor import NoteEditor

        notes_list = self._focused_notes_list()
        note = notes_list.highlighted_note() if notes_list is not None else self.reader.latest_note(item_id)
        editor = NoteEditor(self.reader.describe(item_id), note.text if note else "",
                            "Edit your private note" if note else "Your private note")

        def saved(edit: NoteEdit | None) -> None:
            if edit is not None:
                self._save_note(item_id, note, edit.text)

        # Awaited: keys typed right after `a` wait for the editor and its focused box, and are the note's text.
        await self.app.push_screen(editor, saved)

    def _focused_notes_list(self) -> NotesList | None:
        from briefing.tui.widgets.notes_list import NotesList  # on use: not for the first frame

        node = self.focused
        while node is not None and not isinstance(node, NotesList):
            node = node.parent
        return node

    def _save_note(self, item_id: str, note: Note | None, text: str) -> None:
        result = self.reader.save_note(item_id, note, text)
        if result.conflict:
            message = ("This note was changed in another window meanwhile: both versions are kept."
                       if result.note else "This note was changed or deleted in another window; it is kept as it is there.")
            self.notify(safe_text(message), severity="warning", markup=False)
        elif result.note is None:
            self.notify("Note deleted.", markup=False)
        elif self.reader.store.is_in_memory:  # "saved" would be untrue: it goes when the app does
            self.notify("Note kept for this session only: the state folder cannot be written (q offers to export).",
                        markup=False)
        else:
            self.notify("Note saved (on this computer only).", markup=False)
        self.refresh_state_marks(item_id)
        self.report_state_messages()

    def action_bookmark(self) -> None:
        item_id = self.note_target_id()
        if item_id is None:
            self.notify("Move to an item first, then press m to bookmark it.", markup=False)
            return
        marked = self.reader.toggle_bookmark(item_id)
        what = literal(self.reader.label(item_id))
        self.notify(Content.assemble("Bookmarked: " if marked else "Bookmark removed: ", what).plain,
                    markup=False)
        self.refresh_state_marks(item_id)
        self.report_state_messages()

    def action_bookmarks(self) -> None:
        from briefing.tui.screens.bookmarks_screen import BookmarksScreen

        def chosen(item_id: str | None) -> None:
            item = self.reader.items.get(item_id or "")
            if item is not None:
                from briefing.tui.widgets.notes_list import open_item_message

                self.post_message(open_item_message(item))

        self.app.push_screen(BookmarksScreen(self.reader.bookmark_entries()), chosen)

    def refresh_state_marks(self, item_id: str | None = None) -> None:
        """Redraw the marks of one item (or of all) and the Notes tab after a change."""
        from briefing.tui.widgets.item_block import ItemBlock
        from briefing.tui.widgets.meeting_view import SessionHeading

        for widget in self.query(ItemBlock):
            if item_id is None or widget.item_id == item_id:
                widget.refresh_marks()
        for heading in self.query(SessionHeading):
            if item_id is None or heading.session.id == item_id:
                heading.refresh_marks()
        from briefing.tui.widgets.notes_list import NotesList

        for notes in self.query(NotesList):
            notes.refresh_notes()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Reaching an item is reading it: its NEW / CHANGED mark goes. An Overview line is a link to an item
        # (the notice's lines name a changed item in a few words): passing over it with j/k reads nothing.
        from briefing.tui.widgets.overview import OverviewLink

        if isinstance(event.widget, OverviewLink):
            return
        item_id = item_id_of(event.widget)
        if item_id is not None and self.reader.read(item_id):
            self.refresh_state_marks(item_id)

    def report_state_messages(self) -> None:
        """Say, once each, what the store had to do (file moved aside, notes kept in memory)."""
        for message in self.reader.store.take_messages():
            # The messages name the state file's folder: a path is untrusted text like any other.
            self.notify(safe_text(message), title="Notes and bookmarks", severity="warning", timeout=20,
                        markup=False)

    def show_changes_notice(self) -> None:
        """Put "since you last read this book" at the top of the Overview, when the book changed."""
        from briefing.tui.widgets.changes_notice import changes_notice
        from briefing.tui.widgets.overview import Overview

        widgets = changes_notice(self.reader)
        overviews = self.query(Overview)
        if widgets and overviews:
            overviews.first().mount(*widgets, before=0)

    async def restore_position(self) -> None:
        """Go back to where the reader was when the book was last closed (unless told to start at the top)."""
        saved = self.reader.saved_position
        if saved is None or self.app.start_at_top or saved.tab not in self.pane_ids():  # type: ignore[attr-defined]
            return
        from textual.css.query import NoMatches
        from textual.widget import MountError

        from briefing.tui.jumps import Place

        try:
            await self.go_to(Place(saved.tab, saved.item_id or None, float(saved.scroll_y)))  # type: ignore[attr-defined]
        except (MountError, NoMatches):
            return  # the app quit (q at once, or the start-up benchmark) before the place could be shown
        self.point_to_the_changes()

    def point_to_the_changes(self) -> None:
        """Say that the book changed when its notice is out of sight: it is at the top of the Overview,
        and a reader brought back to another tab would see no sign of changes made in other meetings."""
        changes = self.reader.changes
        if changes.first_reading or changes.is_empty or self.tabs.active == "overview":  # type: ignore[attr-defined]
            return
        self.notify(f"Since you last read this book: {changes.counts()}. Press 1: the Overview lists what changed.",
                    title="A new version of this book", timeout=12, markup=False)

    def save_position(self) -> None:
        place = self.here()  # type: ignore[attr-defined]
        self.reader.save_position(Position(place.tab, place.focus_id or "", int(place.scroll_y)))
