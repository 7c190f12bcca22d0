"""Moving through "Since you last read this book" reads nothing: its lines are links to the changed
items, not the items. A reader who pressed k through the notice to reach its first line found, on
reopening, that the changed item they had passed over was no longer listed (nor marked in its tab)."""

from __future__ import annotations

from pathlib import Path

from briefing.tui.app import make_app
from briefing.tui.widgets.item_block import ItemBlock
from briefing.tui.widgets.overview import OverviewLink
from tests.books import CHANGED_POSITION, NEW_KEY_POINT, overnight_edit, sample_copy
from tests.tui.keys import main_screen, meeting_key, settle
from tests.tui.screen_text import screen_text

SIZE = (120, 36)
NATO = "nato-ministerial-2022-04-06"


async def test_passing_over_the_notice_lines_leaves_their_items_unread(tmp_path: Path) -> None:
    book = sample_copy(tmp_path / "book")
    async with make_app(book).run_test(size=SIZE) as pilot:
        await settle(pilot)
    sample_copy(tmp_path / "book", overnight_edit)  # the new version: one new key point, one changed position
    app = make_app(book, start_at_top=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("g")  # the notice's first line
        await settle(pilot)
        passed = []
        for _ in range(3):  # down over both links and on into the Overview
            if isinstance(app.focused, OverviewLink):
                passed.append(app.focused.target.item_id)
            await pilot.press("j")
            await settle(pilot)
        assert passed[:2] == [NEW_KEY_POINT, CHANGED_POSITION], "the keys went over both lines of the notice"
        assert app.reader.unread == {NEW_KEY_POINT: "new", CHANGED_POSITION: "changed"}
    later = make_app(book, start_at_top=True)
    async with later.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Since you last read this book: 1 new item, 1 changed" in screen_text(later)
        await pilot.press("g", "j", "enter")  # opening the changed item from the notice is reading it
        await settle(pilot)
        assert isinstance(later.focused, ItemBlock) and later.focused.item_id == CHANGED_POSITION
        assert later.reader.unread == {NEW_KEY_POINT: "new"}


async def test_a_reader_who_comes_back_to_a_meeting_tab_is_told_the_book_changed(tmp_path: Path) -> None:
    """The notice is at the top of the Overview; reopening returns to the tab the reader left (here a
    meeting's), where nothing said the book had changed (the changed items may be in other meetings)."""
    book = sample_copy(tmp_path / "book")
    first = make_app(book)
    async with first.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(meeting_key(first, NATO))
        await settle(pilot)
        assert main_screen(first).tabs.active != "overview"
        await pilot.press("q")  # quitting saves where the reader is
    sample_copy(tmp_path / "book", overnight_edit)  # both changes are in the other meeting, the FAC
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.pause()
        assert main_screen(app).tabs.active != "overview", "back where the reader left off"
        told = [str(note.message) for note in app._notifications]
        assert any("1 new item, 1 changed" in message and "Overview" in message for message in told), told
    at_top = make_app(book, start_at_top=True)
    async with at_top.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert main_screen(at_top).tabs.active == "overview"
        assert not [note for note in at_top._notifications if "Overview" in str(note.message)], "the notice is on screen"
