"""Moving through "Since you last read this book" reads nothing: its lines are links to the changed
items, not the items. A reader who pressed k through the notice to reach its first line found, on
reopening, that the changed item they had passed over was no longer listed (nor marked in its tab)."""

from __future__ import annotations

from pathlib import Path

from briefing.tui.app import make_app
from briefing.tui.widgets.item_block import ItemBlock
from briefing.tui.widgets.overview import OverviewLink
from tests.books import CHANGED_POSITION, NEW_KEY_POINT, overnight_edit, sample_copy
from tests.tui.keys import settle
from tests.tui.screen_text import screen_text

SIZE = (120, 36)


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
