"""Keys that answer at once (issue 12, item 10): what the speed work changed, checked for behaviour.

The timings themselves are in benchmarks/ (startup_benchmark.py), never in tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static
from textual.widgets._tabs import Underline

from briefing.tui.app import BriefingApp, make_app
from briefing.tui.screens.help_screen import HelpScreen
from briefing.tui.screens.main_screen import MainScreen
from briefing.tui.tabs import underline_now
from briefing.tui.widgets.filter_input import FilterInput
from briefing.tui.widgets.fitted_footer import FittedFooter, FooterEntry
from briefing.tui.widgets.overview import OverviewLink
from tests.tui.keys import main_screen, meeting_key, settle, tab_key
from tests.tui.screen_text import screen_lines
from tests.waiting import wait_until

pytestmark = pytest.mark.idle_mount  # keys right after start-up, and quitting, while the hidden tabs mount in the background


def footer_keys(app: BriefingApp) -> list[FooterEntry]:
    return app.screen.query_one(FittedFooter).shown()


async def test_while_typing_in_a_box_the_help_is_f1_and_the_question_mark_is_text(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 36)) as pilot:
        await pilot.press(tab_key(sample_app, "quotes"), "f")
        await wait_until(pilot, lambda: isinstance(sample_app.screen.focused, FilterInput), "the quote filter box")
        await wait_until(pilot, lambda: "F1 Help" in screen_lines(sample_app)[-1], "F1 Help in the footer",
                         seen=lambda: screen_lines(sample_app)[-1])
        await pilot.press("question_mark")
        box = sample_app.screen.focused
        assert isinstance(box, FilterInput) and box.value == "?", "? is a letter of the filter"
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(sample_app.screen, HelpScreen), "the help screen")
        await pilot.press("f1")
        await wait_until(pilot, lambda: not isinstance(sample_app.screen, HelpScreen), "the help closed")
        assert isinstance(sample_app.screen.focused, FilterInput), "back in the box, where the reader was"


async def test_on_a_list_the_footer_says_question_mark_help(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 36)) as pilot:
        await pilot.press(tab_key(sample_app, "quotes"))
        await settle(pilot)
        await wait_until(pilot, lambda: "? Help" in screen_lines(sample_app)[-1], "? Help in the footer")
        assert "F1 Help" not in screen_lines(sample_app)[-1], "one help key in the footer, not two"


async def test_moving_item_to_item_keeps_the_footer_and_a_tab_switch_updates_it(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 36)) as pilot:
        await pilot.press(meeting_key(sample_app, "fac-2022-04-11"))
        await settle(pilot)
        await wait_until(pilot, lambda: "Session" in screen_lines(sample_app)[-1], "the meeting tab's keys")
        before = footer_keys(sample_app)
        focused = sample_app.screen.focused
        await pilot.press("j")
        await wait_until(pilot, lambda: sample_app.screen.focused is not focused, "the cursor on the next item")
        await settle(pilot)
        assert footer_keys(sample_app) == before, "the same keys"
        await pilot.press(tab_key(sample_app, "quotes"))
        await wait_until(pilot, lambda: "Filter" in screen_lines(sample_app)[-1], "the quote list's keys",
                         seen=lambda: screen_lines(sample_app)[-1])
        assert "Session" not in screen_lines(sample_app)[-1]


async def test_quitting_while_the_saved_place_is_being_restored_is_clean(sample_path: Path) -> None:
    first = make_app(sample_path)
    async with first.run_test(size=(120, 36)) as pilot:
        await pilot.press(meeting_key(first, "fac-2022-04-11"))
        await settle(pilot)
        await pilot.press("j", "q")  # quitting saves the place: the next start goes back to the meeting
    again = make_app(sample_path)
    again.exit_after_first_frame = True  # quits on the first frame, while the meeting tab is being mounted
    async with again.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
    assert again.return_code == 0
    assert again.reader.saved_position is not None and again.reader.saved_position.tab.startswith("meeting-")


async def test_the_help_text_is_made_once_and_shown_again(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        shown = []
        for _ in range(2):
            await pilot.press("question_mark")
            await wait_until(pilot, lambda: isinstance(sample_app.screen, HelpScreen), "the help screen")
            shown.append(sample_app.screen.query_one("#help-text Static", Static).visual)
            assert "switch tab: 1 Overview" in shown[-1].plain
            await pilot.press("escape")
            await wait_until(pilot, lambda: not isinstance(sample_app.screen, HelpScreen), "the help closed")
        assert shown[0] is shown[1], "the second ? shows the text made for the first (made when idle)"


async def test_a_tab_switch_redraws_the_one_footer_widget(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        footer = sample_app.screen.query_one(FittedFooter)
        assert "Open" in [entry.description for entry in footer_keys(sample_app)]
        await pilot.press(meeting_key(sample_app, "fac-2022-04-11"))
        await wait_until(pilot, lambda: "Session" in screen_lines(sample_app)[-1], "the meeting tab's keys",
                         seen=lambda: screen_lines(sample_app)[-1])
        assert sample_app.screen.query_one(FittedFooter) is footer and not footer.children, "no widget per key"
        assert "Source" in [entry.description for entry in footer_keys(sample_app)]


async def test_a_click_on_a_footer_key_presses_it_and_hovering_names_it(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        footer = sample_app.screen.query_one(FittedFooter)
        search = footer.column_of("focus_search")
        assert search is not None
        await pilot.hover(FittedFooter, offset=(search + 1, 0))
        await wait_until(pilot, lambda: footer.tooltip == "search the whole book", "the key's tooltip",
                         seen=lambda: footer.tooltip)
        await pilot.click(FittedFooter, offset=(search + 1, 0))
        await wait_until(pilot, lambda: main_screen(sample_app).tabs.active == "search", "the search tab")
        help_column = footer.column_of("help")
        assert help_column == 0, "? Help first"
        await pilot.click(FittedFooter, offset=(1, 0))
        await wait_until(pilot, lambda: isinstance(sample_app.screen, HelpScreen), "the help, from its key")


async def test_a_tab_switch_moves_the_underline_at_once(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = main_screen(sample_app)
        pane = "meeting-fac-2022-04-11"
        tab = screen.tabs.get_tab(pane)
        screen.tabs.active = pane
        underline_now(screen.tabs)  # no refresh in between: the underline is where the tab is now
        underline = screen.tabs.query_one(Underline)
        start, end = tab.virtual_region.shrink(tab.styles.gutter).column_span
        assert (underline.highlight_start, underline.highlight_end) == (start, end) and start > 0


async def test_a_focus_change_repaints_the_widgets_not_the_screen(
    sample_app: BriefingApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with sample_app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = main_screen(sample_app)
        links = list(screen.query(OverviewLink))
        refreshed: list[object] = []
        original = type(screen).refresh

        def refresh(node: MainScreen, *args: object, **kwargs: object) -> object:
            refreshed.append(node)
            return original(node, *args, **kwargs)

        monkeypatch.setattr(type(screen), "refresh", refresh)
        screen.set_focus(links[1])
        assert not refreshed, "no repaint of the whole screen for a focus change"
        assert screen.focused is links[1]
        await wait_until(pilot, lambda: links[1].has_focus and not links[0].has_focus, "the cursor moved")


async def test_the_footer_redraws_only_when_its_keys_change(
    sample_app: BriefingApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with sample_app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        footer = sample_app.screen.query_one(FittedFooter)
        redrawn: list[object] = []
        monkeypatch.setattr(footer, "refresh", lambda *args, **kwargs: redrawn.append(args))
        sample_app.screen.refresh_bindings()  # as Textual does once more after every focus change
        assert not redrawn, "the same keys: no redraw"
        await pilot.press(tab_key(sample_app, "quotes"))
        assert redrawn, "new keys: redrawn"
