"""Narrow and short screens (issue 12, item 6), toasts clear of the marking (7), and a help screen
that is generated from the bindings, so that it cannot drift from them (issue 10)."""

from __future__ import annotations

import pytest
from textual.widgets import Tab
from textual.widgets._toast import Toast

from briefing.tui.app import BriefingApp
from briefing.tui.screens.help_screen import HELP_SECTIONS, HelpScreen, own_bindings
from briefing.tui.widgets.fitted_footer import FittedFooter
from briefing.tui.widgets.meeting_view import MeetingView
from tests.tui.keys import main_screen, meeting_key, settle, tab_key
from tests.tui.screen_text import screen_lines
from tests.waiting import wait_until


def footer_fits(app: BriefingApp) -> None:
    shown = app.screen.query_one(FittedFooter).shown()
    assert shown, "the footer shows keys"
    line = screen_lines(app)[-1]
    for entry in shown:  # whole: its key, and what it does
        assert (f"{entry.display} {entry.description}" if entry.description else entry.display) in line


@pytest.mark.parametrize("pane", ["overview", "meeting-fac-2022-04-11", "quotes", "search", "people"])
async def test_at_80x24_every_tab_is_reachable_and_the_footer_is_whole(sample_app: BriefingApp, pane: str) -> None:
    async with sample_app.run_test(size=(80, 24)) as pilot:
        await pilot.press(tab_key(sample_app, pane))
        await settle(pilot)
        await wait_until(pilot, lambda: "? Help" in screen_lines(sample_app)[-1], "the footer, fitted")
        tabs = list(sample_app.screen.query(Tab))
        assert all(tab.region.right <= 80 for tab in tabs), "every tab title fits in the bar"
        assert main_screen(sample_app).tabs.active == pane
        footer_fits(sample_app)
        assert "? Help" in screen_lines(sample_app)[-1]


async def test_the_session_list_can_be_toggled_on_a_narrow_screen(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(80, 24)) as pilot:
        await pilot.press(meeting_key(sample_app, "fac-2022-04-11"))
        await settle(pilot)
        view = sample_app.screen.query_one("#meeting-fac-2022-04-11").query_one(MeetingView)
        session_list = view.query_one("#session-list")
        assert not session_list.display
        await pilot.press("t")
        assert session_list.display
        await pilot.press("t")
        assert not session_list.display


@pytest.mark.parametrize("pane", ["overview", "meeting-fac-2022-04-11", "quotes", "search", "people"])
async def test_at_40x12_the_marking_the_content_and_help_stay(sample_app: BriefingApp, pane: str) -> None:
    async with sample_app.run_test(size=(40, 12)) as pilot:
        await pilot.press(tab_key(sample_app, pane))
        await settle(pilot)
        await wait_until(pilot, lambda: screen_lines(sample_app)[-1].lstrip().startswith("? Help"), "the footer")
        lines = screen_lines(sample_app)
        marking = sample_app.briefing.classification
        assert lines[0].strip() == marking and lines[-2].strip() == marking
        assert lines[-1].lstrip().startswith("? Help")
        bar = sample_app.screen.query_one("ContentTabs")
        assert bar.region.height == 1, "the tab bar takes one row, the rest is content"
        footer_fits(sample_app)


async def test_toasts_never_cover_the_marking(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(80, 24), notifications=True) as pilot:
        sample_app.notify("A message long enough to wrap onto a second line of the toast, or so", markup=False)
        await pilot.pause()
        await pilot.pause()
        toasts = list(sample_app.screen.query(Toast))
        assert toasts
        marking = sample_app.screen.query_one("#marking-bottom")
        assert all(toast.region.bottom <= marking.region.y for toast in toasts)


async def test_the_help_lists_every_described_binding(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 60)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(sample_app.screen, HelpScreen)
        text = sample_app.screen.query_one("#help-text").query_one("Static").render().plain
        for _section, classes in HELP_SECTIONS:
            for cls in classes():
                for binding in own_bindings(cls):
                    if binding.system or binding.action.startswith("tab_key"):
                        continue
                    assert (binding.tooltip or binding.description) in text, binding
                    assert sample_app.get_key_display(binding) in text, binding
        assert "2 NATO" in text and "3 FAC" in text, "the tab keys come from the tab registry"
