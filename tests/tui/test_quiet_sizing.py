"""Sizing a new scroll bar or a leaf (item, heading) in a layout pass asks for no further pass of the whole
screen (`QuietScrollBar` in `reader_scroll`, `KeepsMeasure` in `measured`): enter on a search hit laid the
screen out three times, the last two for widgets whose place the first pass had already settled."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from textual.screen import Screen
from textual.scrollbar import ScrollBar
from textual.widget import Widget

from briefing.tui.app import BriefingApp
from briefing.tui.widgets.item_block import ItemBlock
from briefing.tui.widgets.measured import MeasuredStatic
from briefing.tui.widgets.meeting_view import MeetingReader, MeetingView, SessionHeading
from tests.tui.keys import main_screen, settle, show_first_meeting

LEAVES = (ItemBlock, SessionHeading, MeasuredStatic)


@contextmanager
def layout_requests_in_passes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Widget]]:
    """The widgets that ask for a layout while a layout pass runs (only their sizing does that)."""
    asked: list[Widget] = []
    in_pass = [False]
    refresh, refresh_layout = Widget.refresh, Screen._refresh_layout

    def recording_refresh(self: Widget, *regions: object, layout: bool = False, **options: bool) -> Widget:
        if layout and in_pass[0]:
            asked.append(self)
        return refresh(self, *regions, layout=layout, **options)  # type: ignore[arg-type]

    def marking_pass(self: Screen, *arguments: object, **options: object) -> None:
        in_pass[0] = True
        try:
            refresh_layout(self, *arguments, **options)  # type: ignore[arg-type]
        finally:
            in_pass[0] = False

    monkeypatch.setattr(Widget, "refresh", recording_refresh)
    monkeypatch.setattr(Screen, "_refresh_layout", marking_pass)
    yield asked


async def test_a_meeting_tab_first_shown_sizes_its_bar_and_items_without_another_layout(
    sample_app: BriefingApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    with layout_requests_in_passes(monkeypatch) as asked:
        async with sample_app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            asked.clear()  # only what showing the meeting asks for
            await show_first_meeting(pilot)
            view = main_screen(sample_app).query_one(MeetingView)
            reader = view.query_one(MeetingReader)
            bar = reader.vertical_scrollbar
            assert bar.display and bar.size.height > 0, "the meeting's text is longer than the view: a bar"
            leaves = [widget for widget in view.query("*") if isinstance(widget, LEAVES) and widget.region]
            assert len(leaves) > 5 and all(leaf.size.height for leaf in leaves), "the items are laid out"
            bars = [widget for widget in asked if isinstance(widget, ScrollBar)]
            assert bars == [], "a scroll bar's first size asked for another layout pass"
            sized = [type(widget).__name__ for widget in asked if isinstance(widget, LEAVES)]
            assert sized == [], f"{len(sized)} leaves asked for another layout pass when sized"


async def test_a_narrower_screen_still_rewraps_the_items(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await show_first_meeting(pilot)
        reader = main_screen(sample_app).query_one(MeetingReader)
        shown = [block for block in reader.query(ItemBlock) if block.size.height]  # not in a folded passage
        block = max(shown, key=lambda block: len(block.body))
        wide_height, wide_total = block.size.height, reader.virtual_size.height
        await pilot.resize_terminal(60, 30)
        await settle(pilot)
        assert block.size.height > wide_height, "the longest item wraps onto more lines"
        assert reader.virtual_size.height > wide_total, "the reader's text grew with it"
        below = [other for other in reader.query(ItemBlock) if other.region.y > block.region.y]
        assert all(other.region.y >= block.region.bottom for other in below), "no item overlaps the next"
