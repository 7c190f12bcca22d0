"""Pilot tests of the reader's own state: notes (a), bookmarks (m, '), the Notes tab, notes in search,
resuming where the reader left off, and "changed since you last read"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import OptionList, TextArea

from briefing.state import StateStore
from briefing.tui.app import BriefingApp, make_app
from briefing.tui.screens.bookmarks_screen import BookmarksScreen
from briefing.tui.screens.confirm_screen import ConfirmScreen
from briefing.tui.screens.note_editor import NoteEditor
from briefing.tui.widgets.item_block import ItemBlock
from briefing.tui.widgets.notes_list import NotesList
from tests.books import CHANGED_POSITION, NEW_KEY_POINT, overnight_edit, sample_copy
from tests.factories import HOSTILE
from tests.tui.keys import main_screen, meeting_key, search, settle, tab_key, whole_meeting_text
from tests.tui.screen_text import screen_text

SIZE = (120, 36)
FAC = "fac-2022-04-11"


async def all_tabs_mounted(app: BriefingApp, pilot) -> None:
    """Wait (at most 200 pauses) until the lazily mounted tabs are all there."""
    for _ in range(200):
        if not main_screen(app)._unmounted and app.screen.query("#search-results"):
            return
        await pilot.pause()
    raise AssertionError("the hidden tabs were still mounting after 200 pauses")


async def focus_item(app: BriefingApp, pilot, item_id: str) -> ItemBlock:
    """Open the item's meeting tab and put the keyboard on the item."""
    item = app.reader.items[item_id]
    await pilot.press(meeting_key(app, item.meeting_id))
    await settle(pilot)
    block = app.screen.query_one(f"#item-{item_id}", ItemBlock)
    block.focus()
    await pilot.pause()
    return block


async def write_note(pilot, text: str) -> None:
    await pilot.press("a")
    await pilot.pause()
    assert isinstance(pilot.app.screen, NoteEditor), "a opens the note editor"
    pilot.app.screen.query_one(TextArea).insert(text)
    await pilot.press("escape")
    await pilot.pause()


async def test_a_note_is_written_marked_kept_and_edited(sample_path: Path) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=SIZE) as pilot:
        block = await focus_item(app, pilot, CHANGED_POSITION)
        await write_note(pilot, "Ask about Bensouda's successor.")
        assert [note.text for note in app.reader.notes(CHANGED_POSITION)] == ["Ask about Bensouda's successor."]
        assert block.state_marks.plain.startswith("✎")
        assert "✎" in screen_text(app)
    reopened = make_app(sample_path)
    async with reopened.run_test(size=SIZE) as pilot:
        block = await focus_item(reopened, pilot, CHANGED_POSITION)
        assert block.state_marks.plain.startswith("✎")
        await pilot.press("a")
        await pilot.pause()
        area = reopened.screen.query_one(TextArea)
        assert area.text == "Ask about Bensouda's successor."  # the editor opens on the note
        area.insert(" And the budget.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [note] = reopened.reader.notes(CHANGED_POSITION)
        assert note.text == "Ask about Bensouda's successor. And the budget."
        await pilot.press("a")
        await pilot.pause()
        reopened.screen.query_one(TextArea).clear()
        await pilot.press("escape")  # an emptied note is deleted
        await pilot.pause()
        assert reopened.reader.notes(CHANGED_POSITION) == []
        assert block.state_marks.plain == ""


async def test_discarding_keeps_the_note_as_it_was(sample_path: Path) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=SIZE) as pilot:
        await focus_item(app, pilot, CHANGED_POSITION)
        await write_note(pilot, "First.")
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one(TextArea).insert(" typed by mistake")
        await pilot.click("#discard")
        await pilot.pause()
        assert [note.text for note in app.reader.notes(CHANGED_POSITION)] == ["First."]


async def test_notes_on_a_session_a_person_and_a_quote(sample_path: Path) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(meeting_key(app, FAC))
        await settle(pilot)
        app.screen.query_one("#session-fac-ukraine").focus()
        await write_note(pilot, "Session note.")
        assert [n.item_kind for n in app.reader.notes("fac-ukraine")] == ["session"]
        await pilot.press(tab_key(app, "people"))
        await settle(pilot)
        await pilot.press("down")
        await pilot.pause()
        await write_note(pilot, "Person note.")
        await pilot.press(tab_key(app, "quotes"))
        await settle(pilot)
        await pilot.press("down")
        await pilot.pause()
        await write_note(pilot, "Quote note.")
        kinds = sorted(note.item_kind for note in app.reader.notes())
        assert kinds in (["person", "quote", "session"], ["organisation", "quote", "session"])


async def test_bookmarks_toggle_list_and_jump(sample_path: Path) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=SIZE) as pilot:
        block = await focus_item(app, pilot, CHANGED_POSITION)
        await pilot.press("m")
        await pilot.pause()
        assert "★" in block.state_marks.plain
        await pilot.press("j", "m")
        await pilot.pause()
        second = app.focused
        assert isinstance(second, ItemBlock) and second.item_id != CHANGED_POSITION
        assert app.reader.bookmarked == {CHANGED_POSITION, second.item_id}
        await pilot.press(tab_key(app, "overview"))
        await pilot.press("apostrophe")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        assert app.screen.query_one(OptionList).option_count == 2
        await pilot.press("down", "enter")
        await settle(pilot)
        assert app.focused is second, "enter jumps to the bookmarked item"
        await pilot.press("m")  # toggles it off again
        await pilot.pause()
        assert app.reader.bookmarked == {CHANGED_POSITION}


async def test_reopening_returns_to_tab_item_and_theme_unless_top(sample_path: Path) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=SIZE) as pilot:
        await focus_item(app, pilot, CHANGED_POSITION)
        app.theme = "nord"
        await pilot.press("q")
    again = make_app(sample_path)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.pause()
        assert main_screen(again).tabs.active == f"meeting-{FAC}"
        assert isinstance(again.focused, ItemBlock) and again.focused.item_id == CHANGED_POSITION
        assert again.theme == "nord"
    at_top = make_app(sample_path, start_at_top=True)
    async with at_top.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert main_screen(at_top).tabs.active == "overview"


async def test_changes_since_last_read_are_reported_and_marked_until_read(tmp_path: Path) -> None:
    book = sample_copy(tmp_path / "book")
    first = make_app(book)
    async with first.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Since you last read" not in screen_text(first)
    sample_copy(tmp_path / "book", overnight_edit)  # the new version, sent the night before
    app = make_app(book, start_at_top=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Since you last read this book: 1 new item, 1 changed" in text
        assert " NEW  key point: Ministers will also discuss" in text
        assert " CHANGED  position: Belgium is a party" in text
        await pilot.press(meeting_key(app, FAC))
        await settle(pilot)
        await whole_meeting_text(pilot)
        new_block = app.screen.query_one(f"#item-{NEW_KEY_POINT}", ItemBlock)
        changed_block = app.screen.query_one(f"#item-{CHANGED_POSITION}", ItemBlock)
        assert new_block.state_marks.plain.strip() == "NEW"
        assert changed_block.state_marks.plain.strip() == "CHANGED"
        new_block.focus()  # reading it
        await pilot.pause()
        assert new_block.state_marks.plain == ""
    later = make_app(book, start_at_top=True)
    async with later.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert later.reader.unread == {CHANGED_POSITION: "changed"}  # still unread: still marked
        assert "1 changed" in screen_text(later)


@pytest.mark.idle_mount  # the link opens the item once every tab is mounted in the background
async def test_overview_link_opens_the_changed_item(tmp_path: Path) -> None:
    book = sample_copy(tmp_path / "book")
    async with make_app(book).run_test(size=SIZE) as pilot:
        await settle(pilot)
    sample_copy(tmp_path / "book", overnight_edit)
    app = make_app(book, start_at_top=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await all_tabs_mounted(app, pilot)
        # g: the first line of the Overview, the notice's link to the new item (the cursor starts on a meeting).
        await pilot.press("g", "enter")
        await settle(pilot)
        assert isinstance(app.focused, ItemBlock) and app.focused.item_id == NEW_KEY_POINT


async def test_notes_tab_lists_detached_notes_and_deletes_with_confirmation(
    sample_path: Path, private_state_dir: Path
) -> None:
    store = StateStore.open()
    store.add_note("2022-04-fac-nato", "gone-item", f"On a removed item {HOSTILE}", "quote", "quote: Old words")
    store.close()
    app = make_app(sample_path)
    async with app.run_test(size=SIZE) as pilot:
        await focus_item(app, pilot, CHANGED_POSITION)
        await write_note(pilot, "Attached note.")
        await pilot.press(tab_key(app, "notes"))
        await settle(pilot)
        text = screen_text(app)
        assert "Your private notes (2)" in text
        assert "detached: no longer in this version of the book" in text
        assert "On a removed item [/foo] [b]x[/b]" in text and "\x1b" not in text
        notes = app.screen.query_one(NotesList)
        await pilot.press("down")
        await pilot.pause()
        assert notes.highlighted_note() is not None
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert len(app.reader.notes()) == 1


async def test_search_finds_private_notes_marked_as_such(sample_path: Path) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=SIZE) as pilot:
        await focus_item(app, pilot, CHANGED_POSITION)
        await write_note(pilot, "Remember the zanzibar question.")
        await search(pilot, "zanzibar")
        text = screen_text(app)
        assert "private note" in text and "zanzibar" in text
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.focused, ItemBlock) and app.focused.item_id == CHANGED_POSITION


async def test_an_unwritable_state_folder_keeps_notes_in_memory_and_offers_export(
    sample_path: Path, tmp_path: Path, monkeypatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(blocker / "state"))
    monkeypatch.chdir(tmp_path)
    app = make_app(sample_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        assert app.reader.store.is_in_memory
        assert any("kept in memory" in str(n.message) for n in app._notifications)
        await focus_item(app, pilot, CHANGED_POSITION)
        await write_note(pilot, "Only in memory.")
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen), "quitting offers to export the notes first"
        await pilot.press("y")
        await pilot.pause()
    [exported] = tmp_path.glob("briefing-notes-*.json")
    assert json.loads(exported.read_text())["notes"][0]["text"] == "Only in memory."


async def test_a_damaged_state_file_is_moved_aside_and_the_app_still_opens(
    sample_path: Path, private_state_dir: Path
) -> None:
    (private_state_dir / "state.sqlite3").write_bytes(b"not a database " * 300)
    app = make_app(sample_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        assert any("was damaged" in str(n.message) for n in app._notifications)
        await focus_item(app, pilot, CHANGED_POSITION)
        await write_note(pilot, "Saved in the fresh file.")
    assert list(private_state_dir.glob("state.sqlite3.corrupt-*"))
    store = StateStore.open()
    assert [note.text for note in store.notes()] == ["Saved in the fresh file."]
    store.close()


async def test_hostile_book_text_and_notes_stay_literal(write_briefing, tmp_path: Path) -> None:
    from tests.factories import minimal_briefing_dict

    app = make_app(write_briefing(minimal_briefing_dict(HOSTILE)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(meeting_key(app, "council"))
        await settle(pilot)
        app.screen.query_one("#item-pos1", ItemBlock).focus()
        await pilot.press("a")
        await pilot.pause()
        editor_text = screen_text(app)
        assert "[/foo] [b]x[/b] [@click=app.quit]q[/]" in editor_text and "\x1b" not in editor_text
        app.screen.query_one(TextArea).insert(HOSTILE)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("m")
        await pilot.press(tab_key(app, "notes"))
        await settle(pilot)
        text = screen_text(app)
        assert text.count("[/foo] [b]x[/b]") >= 2 and "\x1b" not in text and "\u202e" not in text
        await pilot.press("apostrophe")
        await pilot.pause()
        assert "[/foo] [b]x[/b]" in screen_text(app)


async def test_export_dialog_adds_notes_only_when_ticked(sample_path: Path, tmp_path: Path, monkeypatch) -> None:
    from textual.widgets import Checkbox, Input

    from briefing.tui.screens.export_screen import ExportScreen

    monkeypatch.chdir(tmp_path)
    app = make_app(sample_path)
    async with app.run_test(size=SIZE) as pilot:
        await focus_item(app, pilot, CHANGED_POSITION)
        await write_note(pilot, "My export note.")
        for name, tick in (("without.md", False), ("with.md", True)):
            await pilot.press("e")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, ExportScreen)
            dialog.query_one("#export-notes", Checkbox).value = tick
            dialog.query_one("#export-path", Input).value = str(tmp_path / name)
            await pilot.click("#export")
            await settle(pilot)
    assert "My export note." not in (tmp_path / "without.md").read_text()
    exported = (tmp_path / "with.md").read_text()
    assert "Your private notes (not part of the briefing)" in exported and "My export note." in exported
