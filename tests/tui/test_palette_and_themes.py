"""The command palette (jump anywhere, run every action) and the themes, high contrast included."""

from __future__ import annotations

from textual.color import Color
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

from briefing.model import iter_sessions
from briefing.tui.app import HIGH_CONTRAST, BriefingApp
from briefing.tui.screens.help_screen import HelpScreen
from briefing.tui.screens.main_screen import MainScreen
from briefing.tui.widgets.item_block import ItemBlock
from briefing.tui.widgets.meeting_view import SessionHeading
from tests.waiting import wait_until


async def palette_run(app: BriefingApp, pilot: Pilot, text: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(app.screen, CommandPalette)
    await pilot.press(*text)
    # The palette gathers hits from its providers in a task of its own (not a worker): wait for
    # the first hit to be listed, a refresh at a time.
    commands = app.screen.query_one(CommandList)
    await wait_until(pilot, lambda: bool(commands.option_count), f"the palette to list what it found for {text!r}")
    await pilot.press("enter")
    await pilot.pause()
    await pilot.pause()


async def test_palette_jumps_to_a_session_by_name(sample_app: BriefingApp) -> None:
    meeting, session = list(iter_sessions(sample_app.briefing))[-1]
    async with sample_app.run_test(size=(120, 36)) as pilot:
        await palette_run(sample_app, pilot, session.title[:24])
        screen = sample_app.screen
        assert isinstance(screen, MainScreen)
        assert screen.tabs.active == f"meeting-{meeting.id}"
        assert isinstance(sample_app.focused, SessionHeading) and sample_app.focused.session == session


async def test_palette_jumps_to_a_quote(sample_app: BriefingApp) -> None:
    located = sample_app.lookup.quotes()[0]
    async with sample_app.run_test(size=(120, 36)) as pilot:
        await palette_run(sample_app, pilot, "quote " + located.item.text[:20])
        assert isinstance(sample_app.focused, ItemBlock)
        assert sample_app.focused.item_id == located.item.id


async def test_palette_runs_the_apps_actions(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 36)) as pilot:
        await palette_run(sample_app, pilot, "Help: keys")
        assert isinstance(sample_app.screen, HelpScreen)
        await pilot.press("escape")
        await palette_run(sample_app, pilot, "High contrast")
        assert sample_app.theme == HIGH_CONTRAST.name


async def test_ctrl_t_switches_high_contrast_on_and_off(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(80, 24)) as pilot:
        before = sample_app.theme
        await pilot.press("ctrl+t")
        assert sample_app.theme == HIGH_CONTRAST.name
        await pilot.pause()
        style = sample_app.screen.query_one("#marking-top").rich_style
        text, background = Color.from_rich_color(style.color), Color.from_rich_color(style.bgcolor)
        assert abs(text.brightness - background.brightness) > 0.8, "the marking reads at full contrast"
        await pilot.press("ctrl+t")
        assert sample_app.theme == before


async def test_every_theme_from_the_palette_keeps_the_app_running(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(80, 24)) as pilot:
        assert HIGH_CONTRAST.name in sample_app.available_themes
        for name in ("textual-light", HIGH_CONTRAST.name, "textual-dark"):
            sample_app.theme = name
            await pilot.pause()
            assert sample_app.theme == name and sample_app.is_running
