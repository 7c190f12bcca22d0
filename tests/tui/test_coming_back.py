"""Coming back: to a tab left for another one, and to the search box after a search (found using the app
in tmux: the cursor jumped to the top of a meeting, and `/nato` after `/mali` searched "malinato")."""

from __future__ import annotations

from briefing.tui.app import BriefingApp
from briefing.tui.widgets.item_block import ItemBlock
from briefing.tui.widgets.overview import OverviewLink
from tests.tui.keys import main_screen, meeting_key, search, settle, tab_key
from tests.tui.test_key_bursts import search_box_text, send_burst
from tests.waiting import wait_until

FAC = "fac-2022-04-11"


async def test_a_meeting_tab_shown_again_keeps_the_cursor_where_the_reader_left_it(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 40)) as pilot:
        await pilot.press(meeting_key(sample_app, FAC), "j", "j", "j")
        await pilot.pause()
        left_on = sample_app.focused
        assert isinstance(left_on, ItemBlock), "three steps down a meeting land on an item"
        await pilot.press(tab_key(sample_app, "quotes"))
        await pilot.pause()
        assert sample_app.focused is not left_on
        await pilot.press(meeting_key(sample_app, FAC))
        await pilot.pause()
        assert sample_app.focused is left_on, "back on the item the reader left, not the top of the meeting"
        stops = main_screen(sample_app).current_meeting_view().reader.stops()
        await pilot.press("j")
        assert sample_app.focused is stops[stops.index(left_on) + 1], "j goes on from there"


async def test_the_overview_shown_again_keeps_its_line(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "j", "j")
        await pilot.pause()
        left_on = sample_app.focused
        assert isinstance(left_on, OverviewLink)
        await pilot.press(tab_key(sample_app, "people"), tab_key(sample_app, "overview"))
        await pilot.pause()
        assert sample_app.focused is left_on


async def test_slash_after_a_search_starts_a_new_query(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 40)) as pilot:
        await search(pilot, "mali")
        await pilot.press("enter")  # opens the top hit; the search stays for n/N
        await settle(pilot)
        await pilot.press("slash", "n", "a", "t", "o")
        await wait_until(pilot, lambda: search_box_text(sample_app) == "nato", "the new query alone in the box",
                         seen=lambda: search_box_text(sample_app))


async def test_a_burst_after_a_search_is_the_new_query(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 40)) as pilot:
        await search(pilot, "mali")
        await pilot.press("escape", tab_key(sample_app, "overview"))
        await settle(pilot)
        send_burst(sample_app, "/nato")
        await wait_until(pilot, lambda: search_box_text(sample_app) == "nato", "the burst replacing the old query",
                         seen=lambda: search_box_text(sample_app))


async def test_going_back_to_the_search_lands_on_the_results_not_in_the_box(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 40)) as pilot:
        await search(pilot, "mali")
        await pilot.press("enter")  # the top hit, a jump from the box
        await settle(pilot)
        screen = main_screen(sample_app)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert screen.tabs.active == "search"
        assert sample_app.focused is screen.search_panel.results_list, "keys are commands again, not text"
        await pilot.press("n")  # the next hit, not an "n" typed into the query
        await settle(pilot)
        assert screen.search.query == "mali" and screen.search.cursor == 1


async def test_the_cursor_stays_on_screen_when_the_terminal_shrinks(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(80, 24)) as pilot:
        await search(pilot, "mali")
        await pilot.press("enter")  # the Mali session, halfway down the FAC text
        await settle(pilot)
        cursor = sample_app.focused
        reader = main_screen(sample_app).current_meeting_view().reader
        assert cursor in reader.stops()
        await pilot.resize_terminal(40, 12)  # rewrapped: the same scroll offset shows other lines
        await wait_until(pilot, lambda: reader.size.width <= 40, "the text laid out at the new width")

        def cursor_on_screen() -> bool:
            top, bottom = reader.scroll_y, reader.scroll_y + reader.scrollable_content_region.height
            return top <= reader.y_of(cursor) < bottom

        await wait_until(pilot, cursor_on_screen, "the cursor's item on screen after the resize",
                         seen=lambda: (reader.scroll_y, reader.y_of(cursor), reader.scrollable_content_region.height))
        assert sample_app.focused is cursor
