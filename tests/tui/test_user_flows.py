"""What a reader trips over: wrapped lines that lose their indent, doubled labels, a search that
opens the wrong thing, a directory that does not show whom it was asked for, a modal without marking."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.content import Content
from textual.widgets import OptionList

from briefing.tui.app import BriefingApp, make_app
from briefing.tui.messages import OpenDirectoryEntry, OpenLocation
from briefing.tui.screens.main_screen import MainScreen
from briefing.tui.widgets.hanging import Hanging, wrap_hanging
from briefing.tui.widgets.item_block import ItemBlock
from briefing.tui.widgets.meeting_parts import PassageFold
from briefing.tui.widgets.people_directory import PeopleDirectory
from tests.tui.keys import meeting_key, tab_key
from tests.tui.screen_text import screen_lines
from tests.tui.test_search_flow import search_for
from tests.waiting import press_until, wait_until

FAC = "fac-2022-04-11"

TEN_WORDS = "one two three four five six seven eight nine ten"


def test_wrapped_lines_continue_under_their_text() -> None:
    lines = wrap_hanging(Content(f"• {TEN_WORDS}"), 2, 24)
    assert len(lines) > 1
    assert lines[0].plain.startswith("• one")
    assert all(line.plain.startswith("  ") and line.plain[2] != " " for line in lines[1:])
    assert all(line.cell_length <= 24 for line in lines)
    words = " ".join(line.plain.strip() for line in lines).removeprefix("• ").split()
    assert words == TEN_WORDS.split(" "), "nothing lost or doubled"


def test_no_indent_when_too_little_room_is_left() -> None:
    lines = wrap_hanging(Content("        one two three four five"), 8, 16)
    assert all(line.cell_length <= 16 for line in lines)
    assert not lines[-1].plain.startswith("        "), "a thin column would read worse than no indent"


def test_hanging_lines_measure_as_they_render() -> None:
    visual = Hanging.indented(Content("    " + "word " * 30 + "\n\n  x"))
    assert visual.wrapped(40)[0].plain.startswith("    word")
    assert all(line.plain.startswith("    word") for line in visual.wrapped(40)[:-2])
    assert visual.plain.endswith("\n\n  x")


async def test_overview_summaries_keep_their_indent(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(80, 90)) as pilot:
        await pilot.pause()
        lines = screen_lines(sample_app)
        summary_start = next(n for n, line in enumerate(lines) if "EU foreign ministers met" in line)
        first, continuation = lines[summary_start], lines[summary_start + 1]
        indent = first.index("EU foreign")
        assert indent >= 4
        assert continuation[:indent].strip() == "" and continuation[indent] != " ", "it hangs at its indent"


async def test_search_snippets_keep_their_indent(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(80, 36)) as pilot:
        panel = await search_for(sample_app, pilot, "mali")
        assert any(len(hit.snippet.text) > 80 for hit in panel.hits), "some snippet must wrap for this test"
        titles = {meeting.title for meeting in sample_app.lookup.briefing.meetings} | {"People & organisations"}
        results = panel.query_one("#search-results", OptionList)
        # The list's own lines, as drawn (a screenshot's text drops leading spaces).
        inside = [results.render_line(y).text.rstrip() for y in range(results.size.height)]
        inside = [line for line in inside if line]
        assert len(inside) > 10
        flush_left = [line.strip() for line in inside if line[:1] != " "]
        assert flush_left and set(flush_left) <= titles, "only the group titles start at the left edge"

async def test_a_key_point_hit_names_its_kind_once(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 36)) as pilot:
        panel = await search_for(sample_app, pilot, "deterioration")
        labels = [panel._label(hit) for hit in panel.hits]
        key_point = next(label for hit, label in zip(panel.hits, labels, strict=True) if hit.kind == "key_point")
        assert key_point == "key point · Mali and the Sahel"
        assert all(label.split(" · ")[0] != label.split(" · ")[1] for label in labels if " · " in label)


async def test_slash_query_enter_opens_the_top_hit_highlighted(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 36)) as pilot:
        panel = await search_for(sample_app, pilot, "mali")
        assert panel.hits, "results as you type, no enter needed"
        footer_keys = {binding.description for _, binding, _, _ in sample_app.screen.active_bindings.values()}
        assert {"Open top hit", "Results"} <= footer_keys, "the footer says what enter and down do"
        top = panel.hits[0]
        assert top.meeting_id is not None
        await pilot.press("enter")
        await pilot.pause()
        screen = sample_app.screen
        assert isinstance(screen, MainScreen)
        assert screen.tabs.active == f"meeting-{top.meeting_id}"
        view = screen.current_meeting_view()
        assert view is not None
        focused = sample_app.focused
        assert focused is not None and focused in view.reader.stops()
        reader = view.reader
        top_row = focused.virtual_region.y - reader.scroll_offset.y
        assert 0 <= top_row < reader.size.height, "the hit is on the screen"
        for fold in list(view.query(PassageFold)):
            await fold.open()  # folded passages are made (their matches highlighted) when their fold opens
        assert sum(block.match_count for block in view.query(ItemBlock)) >= 3
        await pilot.press("n")
        await pilot.pause()
        assert sample_app.screen.search.cursor == 1


async def test_down_from_the_search_box_moves_into_the_results(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 36)) as pilot:
        panel = await search_for(sample_app, pilot, "mali")
        await pilot.press("down")
        results = panel.query_one("#search-results", OptionList)
        assert sample_app.focused is results
        highlighted = results.highlighted
        assert highlighted is not None and results.get_option_at_index(highlighted).id == "hit-0"
        await pilot.press("down", "enter")
        await pilot.pause()
        assert sample_app.screen.search.cursor == 1, "down then enter opens the second hit"


@pytest.mark.parametrize("via", ["message", "location"])
async def test_opening_a_person_selects_them_in_the_directory(sample_app: BriefingApp, via: str) -> None:
    async with sample_app.run_test(size=(120, 36)) as pilot:
        screen = sample_app.screen
        assert isinstance(screen, MainScreen)
        people = sorted(sample_app.lookup.people)
        target = people[len(people) // 2]
        await pilot.press(tab_key(sample_app, "people"), "f", *"zzz")  # a filter that hides everyone
        await pilot.pause()
        message = OpenDirectoryEntry(target) if via == "message" else OpenLocation(target)
        screen.post_message(message)
        await pilot.pause()
        await pilot.pause()
        directory = screen.query_one(PeopleDirectory)
        assert screen.tabs.active == "people"
        assert directory.selected_entry is not None and directory.selected_entry.id == target
        assert directory.filter_input.value == "", "a filter that hid the entry is cleared"


async def test_palette_finds_organisations(sample_app: BriefingApp) -> None:
    from briefing.tui.commands import destinations

    places = destinations(sample_app.lookup)
    organisation = next(iter(sample_app.lookup.organisations.values()))
    place = next(p for p in places if p.kind == "Organisation" and p.plain.startswith(organisation.name))
    assert isinstance(place.location, OpenDirectoryEntry) and place.location.actor_id == organisation.id


@pytest.mark.parametrize("size", [(40, 12), (80, 24)])
async def test_every_modal_shows_the_marking_top_and_bottom(sample_path: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch,
                                                             size: tuple[int, int]) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(sample_path)
    marking = app.briefing.classification
    async with app.run_test(size=size) as pilot:
        await pilot.press(meeting_key(app, FAC))
        await pilot.pause()
        # `s` needs an item, not a session heading
        await press_until(pilot, "j", lambda: isinstance(app.focused, ItemBlock), "an item to focus",
                          seen=lambda: app.focused)
        for keys in (("question_mark",), ("s",), ("e",)):
            await pilot.press(*keys)
            await wait_until(pilot, lambda: not isinstance(app.screen, MainScreen), f"a dialog after {keys}")
            # A pushed dialog is laid out a refresh or more after the key: wait for its bars, bounded.
            await wait_until(pilot, lambda: marked_top_and_bottom(app, marking), f"the marking around {keys}",
                             seen=lambda: screen_lines(app))
            assert "esc" in screen_lines(app)[-1], "the footer shows the dialog's own keys"
            await pilot.press("escape")
            await wait_until(pilot, lambda: isinstance(app.screen, MainScreen), "back on the main screen")
        from briefing.tui.screens.confirm_screen import ConfirmScreen

        app.push_screen(ConfirmScreen(Content("Replace it?")))
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the confirm dialog")
        await wait_until(pilot, lambda: marked_top_and_bottom(app, marking), "the marking around the confirm dialog",
                         seen=lambda: screen_lines(app))


def marked_top_and_bottom(app: BriefingApp, marking: str) -> bool:
    lines = screen_lines(app)
    return len(lines) > 2 and marking[:10] in lines[0] and marking[:10] in lines[-2]


async def test_quote_details_keep_their_label_column(sample_app: BriefingApp) -> None:
    from textual.widgets import Static

    async with sample_app.run_test(size=(80, 40)) as pilot:
        await pilot.press(tab_key(sample_app, "quotes"))
        await pilot.pause()
        await pilot.press("f", *"china")
        await pilot.pause()
        footer_keys = {binding.description for _, binding, _, _ in sample_app.screen.active_bindings.values()
                       if binding.show}
        assert "To the list" in footer_keys, "the footer says how to leave the filter box"
        context = sample_app.screen.query_one("#quote-context", Static)
        lines = [context.render_line(y).text.rstrip() for y in range(context.size.height)]
        assert len(lines) > 4, "some label's value wraps at this width"
        starts = [line for line in lines if line and not line.startswith(" ")]
        assert [line.split()[0] for line in starts] == ["Meeting", "Session", "Date", "Topics"]
        continuations = [line for line in lines if line.startswith(" ")]
        assert continuations and all(line.startswith(" " * 9) and line[9] != " " for line in continuations)


async def test_enter_typed_before_the_results_arrive_still_opens_the_top_hit(
    sample_app: BriefingApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from briefing.search import SearchIndex

    index_may_finish = threading.Event()
    build = SearchIndex.for_briefing

    def held_back(*args: object, **kwargs: object) -> SearchIndex:
        index_may_finish.wait(timeout=30)  # the reader is faster than the index: deterministic here
        return build(*args, **kwargs)

    monkeypatch.setattr(SearchIndex, "for_briefing", held_back)
    async with sample_app.run_test(size=(120, 36)) as pilot:
        await pilot.press("slash", *"mali", "enter")
        screen = sample_app.screen
        assert isinstance(screen, MainScreen)
        assert not screen.search_panel.hits, "no results yet when enter is pressed"
        index_may_finish.set()
        await sample_app.workers.wait_for_complete()
        await pilot.pause()
        await sample_app.workers.wait_for_complete()
        await pilot.pause()
        panel = screen.search_panel
        await wait_until(pilot, lambda: bool(panel.hits) and screen.tabs.active.startswith("meeting-"),
                         "the top hit opened when the answer came")
        assert panel.hits and screen.tabs.active == f"meeting-{panel.hits[0].meeting_id}"
        assert sample_app.screen.search.cursor == 0


async def test_the_meeting_footer_shows_the_reading_keys(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(80, 24)) as pilot:
        await pilot.press(meeting_key(sample_app, FAC))
        await pilot.pause()
        shown = {binding.key: binding.description for _, binding, _, _ in
                 sample_app.screen.active_bindings.values() if binding.show}
        for key in ("j", "k", "left_square_bracket", "right_square_bracket", "s", "slash", "question_mark"):
            assert key in shown, key
        footer_text = screen_lines(sample_app)[-1]
        assert "Item" in footer_text and "Session" in footer_text and "Help" in footer_text


async def test_a_long_participant_list_hangs_under_its_label(sample_app: BriefingApp) -> None:
    from textual.widgets import Static

    async with sample_app.run_test(size=(80, 24)) as pilot:
        await pilot.press(meeting_key(sample_app, FAC))
        await pilot.pause()
        header = sample_app.screen.query_one(f"#meeting-{FAC} .meeting-header", Static)
        lines = [header.render_line(y).text.rstrip() for y in range(header.size.height)]
        start = next(n for n, line in enumerate(lines) if line.lstrip().startswith("Participants: "))
        indent = lines[start].index("Participants: ") + len("Participants: ")
        assert start + 1 < len(lines) and lines[start + 1].strip(), "the list wraps at this width"
        assert lines[start + 1][:indent].strip() == "" and lines[start + 1][indent] != " "


async def test_number_keys_pass_through_the_search_tab(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(40, 12)) as pilot:
        screen = sample_app.screen
        assert isinstance(screen, MainScreen)
        search_number = screen.pane_ids().index("search") + 1
        await pilot.press(str(search_number))
        await pilot.pause()
        await pilot.press(str(search_number + 1))
        await pilot.pause()
        assert screen.tabs.active == "people", "the next number key switches tab, it is not typed"
        assert screen.search_panel.input.value == ""
        await pilot.press(str(search_number))
        await pilot.pause()
        await pilot.press("slash", *"mali")
        await sample_app.workers.wait_for_complete()
        await pilot.pause()
        results = screen.search_panel.results_list
        assert screen.search_panel.input.value == "mali"
        assert results.size.height >= 2, "the results have rows even at 40×12"


async def test_long_session_titles_in_the_list_show_where_they_end(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 36)) as pilot:
        await pilot.press(meeting_key(sample_app, "nato-ministerial-2022-04-06"))
        await pilot.pause()
        screen = sample_app.screen
        assert isinstance(screen, MainScreen)
        view = screen.current_meeting_view()
        assert view is not None
        session_list = view.query_one("#session-list", OptionList)
        lines = [session_list.render_line(y).text.rstrip() for y in range(session_list.size.height)]
        lines = [line for line in lines if line]
        titles = [session.title for session in view.meeting.sessions]
        starts = [line for line in lines if not line.startswith("  ")]
        assert len(lines) > len(titles), "some title wraps at this width"
        assert [title.split()[0] for title in titles] == [start.split()[0] for start in starts]


async def test_unhighlight_is_in_the_footer_while_a_search_is_highlighted(sample_app: BriefingApp) -> None:
    def shown(app: BriefingApp) -> set[str]:
        return {binding.key for _, binding, _, _ in app.screen.active_bindings.values() if binding.show}

    async with sample_app.run_test(size=(80, 24)) as pilot:
        await pilot.press(meeting_key(sample_app, FAC))
        await pilot.pause()
        assert "ctrl+l" not in shown(sample_app), "nothing to clear yet"
        await search_for(sample_app, pilot, "mali")
        await pilot.press("enter")
        await pilot.pause()
        assert "ctrl+l" in shown(sample_app), "the reader sees how to remove the highlights"
        footer = screen_lines(sample_app)[-1]
        for description in ("Item", "Session", "Hit", "Unhighlight", "Help"):
            assert description in footer, f"{description!r} fits in the footer at 80 columns: {footer!r}"
        await pilot.press("ctrl+l")
        await pilot.pause()
        screen = sample_app.screen
        assert isinstance(screen, MainScreen)
        assert not screen.search.highlighting and "ctrl+l" not in shown(sample_app)


async def test_g_goes_back_to_the_meeting_header(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(80, 24)) as pilot:
        await pilot.press(meeting_key(sample_app, FAC))
        await pilot.pause()
        await pilot.press("G")
        await pilot.pause()
        screen = sample_app.screen
        assert isinstance(screen, MainScreen)
        view = screen.current_meeting_view()
        assert view is not None and view.reader.scroll_offset.y > 0
        await pilot.press("g")
        await pilot.pause()
        await pilot.pause()
        assert view.reader.scroll_offset.y == 0, "the meeting's title and summary are on the screen again"
        assert sample_app.focused is view.reader.stops()[0]


async def test_export_formats_are_readable_on_a_narrow_terminal(sample_path: Path) -> None:
    from textual.widgets import RadioButton

    from briefing.tui.screens.export_screen import ExportScreen

    app = make_app(sample_path)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        buttons = list(app.screen.query_one("#export-format").query(RadioButton))
        assert len(buttons) >= 4, "every format has its button"
        for button in buttons:
            label = str(button.label)
            assert button.size.width >= len(label) + 4, f"{label!r} is cut to {button.size.width} columns"


async def test_a_hostile_session_format_is_shown_neutralised(
    write_briefing: Callable[[dict], Path],
) -> None:
    from textual.widgets import Static

    from tests.factories import minimal_briefing_dict

    data = minimal_briefing_dict()
    data["meetings"][0]["sessions"][0]["format"] = "\x1b[2J [b]x[/b] \u202eevil"
    app = make_app(write_briefing(data))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        info = app.screen.query(".session-info").first(Static)
        text = str(info.visual)  # the lines as shown, unwrapped
        assert "\x1b" not in text and "\u202e" not in text, "control and bidi characters are neutralised"
        assert "[b]x[/b]" in text, "markup is shown as written"


async def test_up_from_the_first_result_returns_to_the_search_box(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 36)) as pilot:
        panel = await search_for(sample_app, pilot, "mali")
        await pilot.press("down", "down")
        assert sample_app.focused is panel.results_list
        await pilot.press("up")
        assert sample_app.focused is panel.results_list, "from the second hit, up moves to the first"
        await pilot.press("up")
        assert sample_app.focused is panel.input, "from the first hit, up goes back to the query"
