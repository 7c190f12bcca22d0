"""A meeting's text is mounted as the reader comes to it: its first screen when the tab is shown, then more
as j, G, the page keys, the wheel or a search hit reach past what is there. Every way on reaches the end."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

from briefing.tui.app import BriefingApp, make_app
from briefing.tui.widgets.item_block import ItemBlock
from briefing.tui.widgets.meeting_view import MeetingView
from briefing.tui.widgets.reader_scroll import SCROLL_OFF
from tests.tui.keys import main_screen, search, settle
from tests.tui.test_big_books import book_of
from tests.waiting import press_until, wait_until

SIZE = (80, 24)
SESSIONS = 7


def last_item_id(view: MeetingView) -> str:
    """The id of the last item block of the meeting (before its last session's folded passages)."""
    last = view.sessions[-1]
    return [*last.key_points, *last.positions, *last.figures, *last.quotes][-1].id


async def opened(app: BriefingApp, pilot: object) -> MeetingView:
    view = await main_screen(app).show_tab(f"meeting-{app.briefing.meetings[0].id}")
    assert isinstance(view, MeetingView)
    await settle(pilot)  # type: ignore[arg-type]
    return view


def mounted_ids(view: MeetingView) -> set[str]:
    return {block.item_id for block in view.query(ItemBlock)}


async def test_a_tab_shows_its_first_screen_and_j_reads_on_to_the_end(write_briefing: Callable[[dict], Path]) -> None:
    app = make_app(write_briefing(book_of(sessions=SESSIONS)))
    async with app.run_test(size=SIZE) as pilot:
        view = await opened(app, pilot)
        assert view.text.pending, "the text's last parts wait for the reader"
        assert last_item_id(view) not in mounted_ids(view)
        last = last_item_id(view)
        await press_until(pilot, "j", lambda: getattr(app.focused, "item_id", None) == last, "the last item",
                          presses=120)
        reader = view.reader
        await wait_until(pilot, lambda: reader.region.y <= app.focused.region.y < app.focused.region.bottom
                         <= reader.region.bottom, "the last item on screen")


async def test_g_goes_to_the_end_of_the_whole_meeting(write_briefing: Callable[[dict], Path]) -> None:
    app = make_app(write_briefing(book_of(sessions=SESSIONS)))
    async with app.run_test(size=SIZE) as pilot:
        view = await opened(app, pilot)
        await pilot.press("G")
        await wait_until(pilot, lambda: not view.text.pending, "the whole text mounted")
        stops = view.reader.stops()
        await wait_until(pilot, lambda: app.focused is stops[-1], "the cursor on the meeting's last stop")
        reader = view.reader
        await wait_until(pilot, lambda: reader.region.y <= stops[-1].region.y < reader.region.bottom,
                         "the last stop on screen")


async def test_space_pages_a_full_page_each_time_down_to_the_end(write_briefing: Callable[[dict], Path]) -> None:
    app = make_app(write_briefing(book_of(sessions=SESSIONS)))
    async with app.run_test(size=SIZE) as pilot:
        view = await opened(app, pilot)
        reader = view.reader
        page = reader.scrollable_content_region.height
        offsets = [reader.scroll_y]
        while len(offsets) < 3 or offsets[-1] != offsets[-2]:
            assert len(offsets) < 40, "the pages reach the end"
            before = reader.scroll_y
            await pilot.press("space")
            # Where the text mounted ends, the page comes after the mount's layout (a refresh later).
            await wait_until(pilot, lambda: reader.scroll_y != before or (  # noqa: B023
                not view.text.pending and reader.scroll_y >= reader.max_scroll_y - 2 * SCROLL_OFF),
                "the page, or the end of the whole text")
            await settle(pilot)
            offsets.append(reader.scroll_y)
        steps = [after - before for before, after in pairwise(offsets)][:-1]
        assert not view.text.pending and len(steps) > 2, "paged through the whole text"
        # Each page a page's height, give or take the lines the cursor keeps around it; the last what is left.
        assert min(steps[:-1]) >= page - 2 * SCROLL_OFF, f"a page stopped short: {steps}"
        assert 0 < steps[-1] <= page + 2 * SCROLL_OFF


async def test_the_wheel_at_the_end_mounted_brings_the_rest(write_briefing: Callable[[dict], Path]) -> None:
    app = make_app(write_briefing(book_of(sessions=SESSIONS)))
    async with app.run_test(size=SIZE) as pilot:
        view = await opened(app, pilot)
        reader = view.reader
        for _ in range(60):
            if not view.text.pending:
                break
            reader.scroll_to(y=reader.max_scroll_y, animate=False, immediate=True)  # as far as a wheel goes
            await settle(pilot)
        assert not view.text.pending, "scrolled to its end mounted, the text mounted what follows"
        assert last_item_id(view) in mounted_ids(view)


async def test_a_hit_further_down_opens_there_without_mounting_the_rest(
    write_briefing: Callable[[dict], Path],
) -> None:
    data = book_of(sessions=SESSIONS)
    data["meetings"][0]["sessions"][2]["key_points"][0]["text"] = "Only here: the Moldova question."
    app = make_app(write_briefing(data))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search(pilot, "moldova")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.focused, ItemBlock) and "Moldova" in app.focused.body,
                         "the cursor on the hit")
        view = main_screen(app).current_meeting_view()
        assert view is not None
        reader = view.reader
        await wait_until(pilot, lambda: reader.region.y <= app.focused.region.y < reader.region.bottom, "the hit on screen")
        assert view.text.pending and last_item_id(view) not in mounted_ids(view), "the text below a screen waits"
