"""Enter on a search hit of a book with a meeting picker: the meeting goes into the meeting tab's own view
(recycled: only its text and its session list are new), at the hit, in one layout pass; a fold's passages
are made when it is first opened."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.screen import Screen

from briefing.tui.app import BriefingApp, make_app
from briefing.tui.tabs import MAX_MEETING_TABS, MEETING_PANE
from briefing.tui.widgets.item_block import ItemBlock
from briefing.tui.widgets.meeting_parts import PassageFold
from briefing.tui.widgets.meeting_view import MeetingView
from briefing.tui.widgets.reader_scroll import SCROLL_OFF
from tests.tui.keys import main_screen, search, settle
from tests.tui.test_big_books import book_of
from tests.waiting import wait_until

HIT_MEETING = 5
HIT_SESSION = 6


def picker_book(write_briefing: Callable[[dict], Path]) -> tuple[BriefingApp, str, str]:
    """A book with a picker; one key point deep in one meeting says "Zanzibar" (its meeting and item ids)."""
    data = book_of(meetings=MAX_MEETING_TABS + 1, sessions=8)
    meeting = data["meetings"][HIT_MEETING]
    point = meeting["sessions"][HIT_SESSION]["key_points"][0]
    point["text"] = "The Zanzibar accord was signed."
    return make_app(write_briefing(data)), meeting["id"], point["id"]


async def tab_with_another_meeting(app: BriefingApp, meeting_id: str) -> MeetingView:
    """The meeting tab shown, with a meeting in it other than `meeting_id` (the hit's)."""
    view = await main_screen(app).show_tab(MEETING_PANE)
    assert isinstance(view, MeetingView) and view.meeting.id != meeting_id
    return view


async def open_hit(pilot: Pilot) -> None:
    await search(pilot, "zanzibar")
    await pilot.press("enter")
    await settle(pilot)


async def test_a_hit_in_another_meeting_is_shown_in_the_meeting_tabs_own_view(
    write_briefing: Callable[[dict], Path],
) -> None:
    app, meeting_id, item_id = picker_book(write_briefing)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main_screen(app)
        before = await tab_with_another_meeting(app, meeting_id)
        reader, session_list = before.reader, before.query_one("#session-list")
        await pilot.press("t")  # the reader hides the session list of the meeting shown first
        await settle(pilot)
        assert not session_list.display
        await open_hit(pilot)
        view = screen.query_one(f"#{MEETING_PANE}").query_one(MeetingView)
        assert view is before and view.reader is reader, "the tab's view and reader stay mounted"
        assert view.meeting.id == meeting_id and screen.tabs.active == MEETING_PANE
        blocks = list(view.query(ItemBlock))
        assert blocks and {block.located.meeting.id for block in blocks} == {meeting_id}, "no item of the first"
        assert [option.id for option in session_list.options] == [session.id for session in view.sessions]
        assert session_list.display, "a meeting put in the tab shows its session list, as a new view did"
        focused = app.focused
        assert isinstance(focused, ItemBlock) and focused.item_id == item_id, "the cursor on the hit"
        assert reader.region.contains_region(focused.region), "the hit is on screen"
        wanted = min(reader.y_of(focused) - SCROLL_OFF, reader.max_scroll_y)  # near the end: the last screen
        assert reader.scroll_y == wanted, "under a line or two of what precedes it"


async def test_enter_on_a_hit_lays_the_screen_out_once_and_draws_it_at_the_hit(
    write_briefing: Callable[[dict], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    app, _, item_id = picker_book(write_briefing)
    async with app.run_test(size=(120, 40)) as pilot:
        # A meeting picked first: the tab's label is a meeting's title of the same width as the hit's ("Meeting"
        # before, whose new width asked for a second pass, for the tab bar).
        await main_screen(app).show_tab("meeting-council-1")
        await search(pilot, "zanzibar")
        passes = layout_passes_from_now(monkeypatch)
        await pilot.press("enter")
        await settle(pilot)
        await wait_until(pilot, lambda: isinstance(app.focused, ItemBlock) and app.focused.item_id == item_id,
                         "the cursor on the hit")
        # The first pass sizes the new text; it asked for a second (folds, the reader, late requests of
        # widgets that were not running yet), and the scroll to the hit drew the whole screen once more.
        assert passes == [False], f"layout passes (True: a scroll's) for one enter: {passes}"
        reader = main_screen(app).query_one(f"#{MEETING_PANE}").query_one(MeetingView).reader
        assert reader.scroll_y > 0 and reader.region.contains_region(app.focused.region)


async def test_a_hit_that_relabels_the_meeting_tab_lays_the_screen_out_once(
    write_briefing: Callable[[dict], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    app, _, _ = picker_book(write_briefing)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main_screen(app)
        await screen.show_tab(MEETING_PANE)  # labelled "Meeting" until a meeting is picked
        await search(pilot, "zanzibar")
        label = screen.tabs.get_tab(MEETING_PANE)
        width = label.virtual_size.width
        passes = layout_passes_from_now(monkeypatch)
        await pilot.press("enter")
        await settle(pilot)
        assert label.virtual_size.width > width, "the tab now has the meeting's title"
        # The tab's new width, set by the pass, asked for another pass of the whole screen.
        assert passes == [False], f"layout passes (True: a scroll's) for one enter: {passes}"


async def test_a_folds_passages_are_made_when_it_is_first_opened(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 40)) as pilot:
        view = await main_screen(sample_app).show_tab("meeting-fac-2022-04-11")
        await settle(pilot)
        assert isinstance(view, MeetingView)
        fold = next(fold for fold in view.query(PassageFold) if fold.item_ids)
        assert not [block for block in view.query(ItemBlock) if block.item_id in fold.item_ids], "folded: not made"
        fold.query_one("CollapsibleTitle").focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: len(fold.query(ItemBlock)) == len(fold.item_ids), "the passages mounted")
        await settle(pilot)
        shown = [block.item_id for block in fold.query(ItemBlock) if block.region]
        assert shown == list(fold.item_ids) and not fold.collapsed


def layout_passes_from_now(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Every layout pass of a screen from now on, in order (True: a scroll's pass)."""
    passes: list[bool] = []
    refresh_layout = Screen._refresh_layout

    def recording(self: Screen, size: object = None, scroll: bool = False) -> None:
        passes.append(scroll)
        refresh_layout(self, size, scroll)  # type: ignore[arg-type]

    monkeypatch.setattr(Screen, "_refresh_layout", recording)
    return passes


async def test_a_hit_in_another_meeting_is_highlighted_once_as_its_text_is_made(
    write_briefing: Callable[[dict], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    app, meeting_id, item_id = picker_book(write_briefing)
    async with app.run_test(size=(120, 40)) as pilot:
        await tab_with_another_meeting(app, meeting_id)
        await search(pilot, "zanzibar")
        highlighted: list[str] = []
        highlight = MeetingView.highlight

        def recording(self: MeetingView, spans_for: object) -> int:
            highlighted.append(self.meeting.id)
            return highlight(self, spans_for)

        monkeypatch.setattr(MeetingView, "highlight", recording)
        await pilot.press("enter")
        await settle(pilot)
        # The meeting shown before was highlighted just before its text went, and the new one highlighted
        # again after its items had their matches set as they were made.
        assert highlighted == [], f"meeting views highlighted again: {highlighted}"
        focused = app.focused
        assert isinstance(focused, ItemBlock) and focused.item_id == item_id and focused.match_count == 1
