"""Leaf widgets keep their measured height when sized (`briefing.tui.widgets.measured`): a tab's first
showing wraps each item's text once, not once per layout pass."""

from __future__ import annotations

from collections import Counter

import pytest
from textual.geometry import Size
from textual.widget import Widget

from briefing.tui.app import BriefingApp
from briefing.tui.widgets.item_block import ItemBlock
from briefing.tui.widgets.measured import MeasuredStatic
from briefing.tui.widgets.meeting_view import MeetingView, SessionHeading
from tests.tui.keys import main_screen, settle, show_first_meeting

LEAVES = (ItemBlock, SessionHeading, MeasuredStatic)


async def test_a_meeting_tab_first_shown_measures_each_item_once(
    sample_app: BriefingApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    measured: Counter[tuple[int, int]] = Counter()  # (widget, width) -> how many times measured afresh
    original = Widget.get_content_height

    def counting(self: Widget, container: Size, viewport: Size, width: int) -> int:
        if isinstance(self, LEAVES) and self._content_height_cache[0] != width:
            measured[id(self), width] += 1
        return original(self, container, viewport, width)

    monkeypatch.setattr(Widget, "get_content_height", counting)
    async with sample_app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await show_first_meeting(pilot)
        view = main_screen(sample_app).query_one(MeetingView)
        shown = [widget for widget in view.query("*") if isinstance(widget, LEAVES) and widget.region]
        assert len(shown) > 5, "the meeting tab shows its items"
        again = {key: count for key, count in measured.items() if count > 1}
        assert again == {}, f"{len(again)} widgets measured again at the same width (a layout pass each)"


async def test_being_sized_keeps_the_measure_of_its_width_only(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await show_first_meeting(pilot)
        block = max(main_screen(sample_app).query(ItemBlock), key=lambda block: len(block.body))
        container, viewport = Size(100, 30), Size(100, 30)
        wide = block.get_content_height(container, viewport, 80)
        block._size_updated(Size(80, wide), Size(80, wide + 7), container)  # a new virtual size: a refresh
        assert block._content_height_cache == (80, wide), "sizing the block emptied its measure"
        narrow = block.get_content_height(container, viewport, 20)
        assert narrow > wide, "a new width is measured afresh: the text wraps onto more lines"
