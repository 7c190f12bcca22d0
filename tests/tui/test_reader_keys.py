"""Issue 12's keyboard flows, as the help writes them: copy anything with its citation, filters that
are a mode, vim/less habits in the search and the reader, a way back, and reading order."""

from __future__ import annotations

import pytest
import textual.constants

from briefing.model.ordering import all_sessions_in_time_order
from briefing.tui.app import HIGH_CONTRAST, BriefingApp, make_app
from briefing.tui.widgets.item_block import ItemBlock
from briefing.tui.widgets.meeting_parts import PassageFold
from briefing.tui.widgets.meeting_view import MeetingView
from briefing.tui.widgets.overview import OverviewLink
from briefing.tui.widgets.people_directory import PeopleDirectory
from briefing.tui.widgets.quote_browser import QuoteBrowser
from tests.tui.keys import main_screen, meeting_key, search, settle, tab_key, whole_meeting_text
from tests.waiting import wait_until

BURST = "vis-a-vis kuleba qatar chinajk"
"""30 keys, letters that are commands on a list (j, k, c, q) among them."""


@pytest.mark.parametrize(("pane", "opener", "widget"), [("quotes", "f", QuoteBrowser), ("people", "slash", PeopleDirectory)])
async def test_a_burst_of_keys_right_after_a_tab_switch_reaches_the_filter(
    sample_app: BriefingApp, pane: str, opener: str, widget: type
) -> None:
    assert len(BURST) == 30
    async with sample_app.run_test(size=(120, 40)) as pilot:
        await pilot.press(tab_key(sample_app, pane), opener, *[" " if c == " " else c for c in BURST])
        await settle(pilot)
        browser = sample_app.screen.query_one(widget)
        assert browser.filter_input.value == BURST, "every key of the burst arrived, as text"
        assert sample_app.theme != HIGH_CONTRAST.name and sample_app.is_running


async def test_letters_on_a_list_are_commands_not_text(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 40)) as pilot:
        await pilot.press(tab_key(sample_app, "people"))
        await settle(pilot)
        directory = sample_app.screen.query_one(PeopleDirectory)
        first = directory.entry_list.highlighted
        await pilot.press("j", "j", "k")
        assert directory.filter_input.value == ""
        assert directory.entry_list.highlighted == first + 1
        await pilot.press("f", "k", "u", "l", "enter")
        assert directory.filter_input.value == "kul" and directory.entry_list.has_focus
        await pilot.press("escape")
        assert directory.filter_input.value == "", "escape on the list clears the filter"


async def test_enter_and_escape_leave_the_search_box_keeping_the_pattern(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 40)) as pilot:
        await search(pilot, "sanctions")
        screen = main_screen(sample_app)
        total = len(screen.search.hits)
        assert total >= 3
        await pilot.press("escape")
        assert not sample_app.screen.query_one("#search-input").has_focus
        assert screen.search.query == "sanctions", "escape keeps the pattern"
        await pilot.press("slash", "enter")
        await settle(pilot)
        assert isinstance(sample_app.focused, ItemBlock), "enter opened the top hit in its meeting"
        assert screen.search.counter() == f"1/{total}"
        await pilot.press("n")
        await settle(pilot)
        assert screen.search.counter() == f"2/{total}"
        assert f"2/{total}" in screen.tabs.get_tab("search").label.plain, "the counter shows in the tab bar"
        block = sample_app.focused
        assert isinstance(block, ItemBlock) and block.match_count > 0, "the hit is highlighted"
        await pilot.press("ctrl+l")
        assert block.match_count == 0, "ctrl+l clears the highlights"
        assert screen.search.query == "sanctions"
        await pilot.press("N")
        await settle(pilot)
        assert screen.search.counter() == f"1/{total}" and sample_app.focused.match_count > 0


async def test_escape_with_nothing_to_clear_does_nothing_surprising(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 40)) as pilot:
        await pilot.press(meeting_key(sample_app, "fac-2022-04-11"), "j", "j")
        focused = sample_app.focused
        await pilot.press("escape", "escape")
        assert sample_app.focused is focused and sample_app.is_running


async def test_backspace_and_ctrl_o_go_back_after_a_jump(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(sample_app)
        await pilot.press("j", "j")
        start = sample_app.focused
        assert isinstance(start, OverviewLink)
        await search(pilot, "sanctions")
        await pilot.press("enter")
        await settle(pilot)
        assert screen.tabs.active.startswith("meeting-")
        hit_item = sample_app.focused
        await pilot.press("backspace")
        await settle(pilot)
        assert screen.tabs.active == "search", "back to where the jump came from"
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert screen.tabs.active == "overview" and sample_app.focused is start
        await pilot.press("alt+right", "alt+right")
        await settle(pilot)
        assert sample_app.focused is hit_item, "forward returns to the hit"


async def test_every_overview_line_opens_with_enter(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(sample_app)
        links = list(sample_app.screen.query(OverviewLink))
        assert len(links) > 10
        for link in (links[0], links[3], links[-1]):
            await pilot.press(tab_key(sample_app, "overview"))
            link.focus()
            await pilot.press("enter")
            await settle(pilot)
            assert screen.tabs.active == f"meeting-{link.target.meeting_id}"
            if link.target.item_id:
                assert sample_app.focused.id == f"item-{link.target.item_id}"


@pytest.mark.parametrize("markdown", [False, True])
async def test_y_copies_the_focused_item_of_any_kind_with_its_citation(sample_app: BriefingApp, markdown: bool) -> None:
    async with sample_app.run_test(size=(120, 40)) as pilot:
        await pilot.press(meeting_key(sample_app, "fac-2022-04-11"))
        await settle(pilot)
        view = sample_app.screen.query_one("#meeting-fac-2022-04-11").query_one(MeetingView)
        position = next(block for block in view.query(ItemBlock) if block.kind == "position")
        view.reader.land_on(position)
        await pilot.press("Y" if markdown else "y")
        copied = sample_app.clipboard
        assert position.item.text in copied and "Foreign Affairs Council" in copied and "¶" in copied
        assert ("[^1]:" in copied) == markdown
        assert copied.startswith("**Position:**" if markdown else "Position:")
        toast = list(sample_app._notifications)[-1]
        assert "position" in toast.message and ("Markdown" in toast.message) == markdown


async def test_c_is_a_letter_not_a_theme_switch(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        assert sample_app.theme != HIGH_CONTRAST.name
        await pilot.press("ctrl+t")
        assert sample_app.theme == HIGH_CONTRAST.name


async def test_a_session_reads_points_first_and_folds_its_passages(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 40)) as pilot:
        await pilot.press(meeting_key(sample_app, "fac-2022-04-11"))
        await whole_meeting_text(pilot)
        view = sample_app.screen.query_one("#meeting-fac-2022-04-11").query_one(MeetingView)
        session = view.sessions[1]
        blocks = [b for b in view.query(ItemBlock) if b.located.session is session]
        order = ["key_point", "position", "figure", "quote"]
        assert [b.kind for b in blocks] == sorted((b.kind for b in blocks), key=order.index)
        fold = next(f for f in view.query(PassageFold) if f.item_ids == tuple(p.id for p in session.passages))
        children = list(view.reader.children)
        assert children.index(fold) == children.index(blocks[-1]) + 1, "the passages after the other items"
        passage_id = fold.item_ids[0]
        assert not [b for b in view.query(ItemBlock) if b.item_id == passage_id], "folded away (made when opened)"
        view.show(session.id, passage_id)
        await wait_until(pilot, lambda: isinstance(sample_app.focused, ItemBlock), "the cursor on the passage")
        passage = sample_app.focused
        assert passage.item_id == passage_id and passage.kind == "passage" and passage in view.reader.stops()


def test_meetings_and_sessions_read_in_time_order(sample_app: BriefingApp) -> None:
    order = [session.id for _, session in all_sessions_in_time_order(sample_app.briefing)]
    assert order.index("nato-strategic-concept-dinner") < order.index("nato-diana"), "source order kept, untimed"
    assert order.index("fac-icc-breakfast") < order.index("fac-ukraine"), "the breakfast opened the day"
    assert order.index("nato-diana") < order.index("fac-icc-breakfast"), "6 April before 11 April"


async def test_tabs_follow_time_order(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 40)):
        ids = main_screen(sample_app).pane_ids()
        assert ids.index("meeting-nato-ministerial-2022-04-06") < ids.index("meeting-fac-2022-04-11")


async def test_page_keys_move_the_cursor_with_the_page(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(100, 30)) as pilot:
        await pilot.press(meeting_key(sample_app, "fac-2022-04-11"))
        await settle(pilot)
        view = sample_app.screen.query_one("#meeting-fac-2022-04-11").query_one(MeetingView)
        reader = view.reader
        for key in ("space", "ctrl+d", "ctrl+f", "pagedown"):
            before = (reader.scroll_y, sample_app.focused)
            await pilot.press(key)
            # Where the text mounted ends, the page comes once what follows is mounted and laid out.
            await wait_until(pilot, lambda: reader.scroll_y > before[0], f"{key} to page")  # noqa: B023
            assert reader.scroll_y > before[0] and sample_app.focused is not before[1], key
            visible = reader.scrollable_content_region
            assert sample_app.focused.region.y >= visible.y, f"{key}: the cursor is on the page"
        for key in ("b", "ctrl+u", "ctrl+b", "pageup"):
            before_y = reader.scroll_y
            await pilot.press(key)
            await pilot.pause()
            assert reader.scroll_y < before_y, key


async def test_moving_the_cursor_keeps_lines_of_context_below_it(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(100, 30)) as pilot:
        await pilot.press(meeting_key(sample_app, "fac-2022-04-11"))
        await settle(pilot)
        reader = sample_app.screen.query_one("#meeting-fac-2022-04-11").query_one(MeetingView).reader
        for _ in range(12):
            await pilot.press("j")
            await pilot.pause()
            visible = reader.scrollable_content_region
            assert sample_app.focused.region.bottom <= visible.bottom - 1, "not stuck to the bottom edge"


async def test_animations_are_off_unless_asked_for(sample_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BRIEFING_ANIMATIONS", raising=False)
    assert make_app(sample_path).animation_level == "none"
    monkeypatch.setenv("BRIEFING_ANIMATIONS", "1")
    assert make_app(sample_path).animation_level == "full"
    assert textual.constants  # the autouse fixture's switch is not what is tested here


async def test_the_cursor_does_not_reflow_the_text(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(100, 30)) as pilot:
        await pilot.press(meeting_key(sample_app, "fac-2022-04-11"))
        await whole_meeting_text(pilot)
        view = sample_app.screen.query_one("#meeting-fac-2022-04-11").query_one(MeetingView)
        blocks = [next(block for block in view.query(ItemBlock) if block.kind == kind) for kind in ("position", "quote")]
        for block in blocks:
            unfocused = (block.content_region.width, block.size.height)
            view.reader.land_on(block)
            await pilot.pause()
            assert sample_app.focused is block
            assert (block.content_region.width, block.size.height) == unfocused, f"{block.kind} reflowed"
