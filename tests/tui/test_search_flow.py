"""The Search tab: as-you-type results, opening hits with every match highlighted, n/N, errors, escape."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from briefing.tui.app import BriefingApp
from briefing.tui.screens.main_screen import MainScreen
from briefing.tui.widgets.item_block import ItemBlock
from briefing.tui.widgets.meeting_parts import PassageFold
from briefing.tui.widgets.people_directory import PeopleDirectory
from briefing.tui.widgets.search_panel import SearchPanel
from tests.tui.keys import main_screen, search


async def search_for(app: BriefingApp, pilot: Pilot, query: str) -> SearchPanel:
    await pilot.press("slash")
    await pilot.press(*query)
    await app.workers.wait_for_complete()
    await pilot.pause()
    return app.screen.query_one(SearchPanel)


def status_text(panel: SearchPanel) -> str:
    return panel.query_one("#search-status", Static).render().plain


def focused_item_id(app: BriefingApp) -> str | None:
    return app.focused.item_id if isinstance(app.focused, ItemBlock) else None


async def test_slash_from_anywhere_focuses_the_search_box(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 36)) as pilot:
        await pilot.press("2", "j", "slash")
        screen = sample_app.screen
        assert isinstance(screen, MainScreen)
        assert screen.tabs.active == "search"
        assert sample_app.focused is screen.search_panel.input


async def test_results_arrive_as_you_type_grouped_by_meeting_with_a_count(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 36)) as pilot:
        panel = await search_for(sample_app, pilot, "sanctio")  # a prefix: as-you-type
        assert panel.hits, "the last word counts as a prefix while typing"
        assert "matches" in status_text(panel) and status_text(panel).split()[0].isdigit()
        meetings = [hit.meeting_id for hit in panel.hits]
        assert meetings == sorted(meetings, key=meetings.index), "hits of one meeting are listed together"
        results = panel.query_one("#search-results", OptionList)
        headers = [results.get_option_at_index(i) for i in range(results.option_count)]
        group_titles = [option.prompt.plain for option in headers if option.disabled]
        assert group_titles == [sample_app.lookup.meetings[m].title for m in dict.fromkeys(meetings)]


async def test_snippets_highlight_matches_with_reverse_and_bold(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 36)) as pilot:
        panel = await search_for(sample_app, pilot, "propaganda")
        results = panel.query_one("#search-results", OptionList)
        prompt = next(results.get_option_at_index(i).prompt for i in range(results.option_count)
                      if not results.get_option_at_index(i).disabled)
        highlighted = [prompt.plain[span.start:span.end] for span in prompt.spans
                       if getattr(span.style, "reverse", False) and getattr(span.style, "bold", False)]
        assert highlighted and all(text.lower() == "propaganda" for text in highlighted)


async def test_enter_opens_the_hit_with_every_match_highlighted_then_n_and_shift_n(
    sample_app: BriefingApp,
) -> None:
    async with sample_app.run_test(size=(120, 36)) as pilot:
        panel = await search_for(sample_app, pilot, "sanctions")
        hits = panel.hits
        assert len({hit.meeting_id for hit in hits}) == 2, "the query must span both meetings for this test"
        await pilot.press("down")  # from the box to the list
        assert sample_app.focused is panel.results_list
        first = panel.results_list.highlighted
        await pilot.press("j")
        assert panel.results_list.highlighted == first + 1, "j moves down the results"
        await pilot.press("k")
        assert panel.results_list.highlighted == first
        await pilot.press("enter")  # open the first hit
        await pilot.pause()
        screen = sample_app.screen
        assert isinstance(screen, MainScreen)
        assert screen.tabs.active == f"meeting-{hits[0].meeting_id}"
        assert focused_item_id(sample_app) == hits[0].item_id
        view = screen.current_meeting_view()
        assert view is not None
        blocks = list(view.query(ItemBlock))
        with_matches = [block for block in blocks if block.match_count]
        assert len(with_matches) >= 2, "every match in the tab is highlighted, not only the hit"
        folded = {item_id for fold in view.query(PassageFold) if fold.collapsed for item_id in fold.item_ids}
        in_tab = {hit.item_id for hit in hits if hit.meeting_id == view.meeting.id and hit.kind != "meeting"}
        assert in_tab - folded <= {block.item_id for block in with_matches}
        for fold in [fold for fold in view.query(PassageFold) if set(fold.item_ids) & in_tab]:
            await fold.open()  # passages are made when their fold opens: matched as they are made
            assert {block.item_id for block in fold.query(ItemBlock) if block.match_count} == set(fold.item_ids) & in_tab

        for expected in hits[1:]:
            await pilot.press("n")
            await pilot.pause()
            assert screen.tabs.active == f"meeting-{expected.meeting_id}"
            if expected.kind not in ("meeting", "session"):
                assert focused_item_id(sample_app) == expected.item_id
        await pilot.press("N")
        await pilot.pause()
        assert focused_item_id(sample_app) == hits[-2].item_id or hits[-2].kind in ("meeting", "session")
        await pilot.press("n", "n")  # past the last: wraps to the first
        await pilot.pause()
        assert focused_item_id(sample_app) == hits[0].item_id


async def test_an_invalid_query_says_why_inline(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 36)) as pilot:
        panel = await search_for(sample_app, pilot, "OR sanctions")
        status = panel.query_one("#search-status", Static)
        assert status.has_class("-error")
        assert "Invalid query" in status_text(panel) and '"OR" needs a word' in status_text(panel)
        assert panel.results_list.option_count == 0
        assert sample_app.is_running


async def test_ctrl_l_clears_the_highlights_and_an_emptied_box_the_search(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 36)) as pilot:
        panel = await search_for(sample_app, pilot, "propaganda")
        await pilot.press("enter")
        await pilot.pause()
        screen = sample_app.screen
        assert screen.search.highlighting and any(block.match_count for block in screen.query(ItemBlock))
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert not screen.search.highlighting and panel.hits, "the search stays for n/N"
        assert all(block.match_count == 0 for block in screen.query(ItemBlock))
        await pilot.press("slash", "ctrl+u")  # empty the box: the search is gone
        await sample_app.workers.wait_for_complete()
        await pilot.pause()
        assert not panel.hits and panel.input.value == "" and panel.results_list.option_count == 0
        assert "Type to search" in status_text(panel)


async def test_a_hit_on_a_person_opens_the_directory_on_that_person(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 36)) as pilot:
        panel = await search_for(sample_app, pilot, "kuleba")
        person_hit = panel.hits[-1]
        assert person_hit.meeting_id is None and person_hit.kind == "person"
        assert panel.hits[0].meeting_id is not None, "the book's text first, the directory last"
        results = panel.results_list
        last_group = [results.get_option_at_index(i) for i in range(results.option_count)][-2]
        assert last_group.disabled and last_group.prompt.plain == "People & organisations"
        await pilot.press("down", "G", "enter")
        await pilot.pause()
        screen = sample_app.screen
        assert screen.tabs.active == "people"
        directory = screen.query_one(PeopleDirectory)
        assert directory.selected_entry is not None and directory.selected_entry.id == person_hit.item_id
        assert sample_app.focused is directory.entry_list, "on the list, where enter lists the appearances"
        await pilot.press("n")  # wraps around to the first hit
        await pilot.pause()
        assert screen.tabs.active == f"meeting-{panel.hits[0].meeting_id}"


async def test_a_search_that_finds_nothing_suggests_the_nearest_words(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 40)) as pilot:
        await search(pilot, "sanctons")
        status = main_screen(sample_app).query_one("#search-status", Static)
        assert "Did you mean sanctions?" in str(status.render())


async def test_a_search_change_reaches_the_tabs_without_a_query_of_the_whole_screen(
    sample_app: BriefingApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with sample_app.run_test(size=(120, 36)) as pilot:
        await search_for(sample_app, pilot, "propaganda")
        await pilot.press("enter")
        await pilot.pause()
        screen = main_screen(sample_app)
        assert any(block.match_count for block in screen.query(ItemBlock))
        queried: list[tuple[object, ...]] = []
        query = MainScreen.query
        monkeypatch.setattr(MainScreen, "query", lambda self, *args: (queried.append(args), query(self, *args))[1])
        screen.action_clear_highlights()
        assert queried == [], "a walk of every widget of the screen, at every search change"
        assert all(block.match_count == 0 for block in query(screen, ItemBlock)), "the views were reached"


async def test_a_search_state_already_shown_is_not_drawn_again(
    sample_app: BriefingApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The index becoming ready re-renders the search state; with nothing typed, the hidden panel already
    # shows it, and updating its status anyway laid the whole screen out again in the middle of the
    # reader's keys (on a 10,000-session book: a redraw of the tab being read, 0.4 s after its key).
    async with sample_app.run_test(size=(120, 36)) as pilot:
        screen = main_screen(sample_app)
        panel = await screen.ensure_content("search")
        await sample_app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.search.index is not None
        status = panel.query_one("#search-status", Static)
        updates: list[object] = []
        update = status.update
        monkeypatch.setattr(status, "update", lambda *args, **kwargs: (updates.append(args), update(*args, **kwargs)))
        clearing: list[object] = []
        clear = panel.results_list.clear_options
        monkeypatch.setattr(panel.results_list, "clear_options", lambda: (clearing.append(1), clear())[1])
        screen.on_search_controller_index_ready(screen.search.IndexReady(screen.search.index))
        assert updates == [] and clearing == [], "an unchanged status and an empty list redrawn"
        await search(pilot, "sanctons")
        assert "Did you mean sanctions?" in status_text(panel), "a change is still shown"
        await pilot.press("ctrl+u")  # the box emptied: back to the idle text
        await sample_app.workers.wait_for_complete()
        await pilot.pause()
        assert "Type to search" in status_text(panel)
