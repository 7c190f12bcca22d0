"""Small helpers of the keyboard tests: find a tab's key in the registry, wait for the search index."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from briefing.tui import app as app_module
from briefing.tui.app import BriefingApp
from briefing.tui.screens.main_screen import MainScreen


def main_screen(app: BriefingApp) -> MainScreen:
    screen = app.main_screen
    assert screen is not None, "the main screen is on the stack"
    return screen


def tab_key(app: BriefingApp, pane_id: str) -> str:
    """The digit of tab `pane_id` (the registry's, so tests follow the tab order)."""
    key = next(spec.key for spec in main_screen(app).tab_specs if spec.id == pane_id)
    assert key is not None
    return key


def meeting_key(app: BriefingApp, meeting_id: str) -> str:
    return tab_key(app, f"meeting-{meeting_id}")


async def settle(pilot: Pilot) -> None:
    """Wait (bounded by Textual's own timeouts) until every worker is done and the screen has refreshed."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def search(pilot: Pilot, query: str) -> None:
    """Type `query` in the search box (from anywhere) and wait for its answer."""
    await settle(pilot)
    await pilot.press("slash", *query)
    await settle(pilot)


class StyledLikeTheApp:
    """Mixed into a bare test `App`: the app's stylesheet and breakpoints, so that a widget alone is laid
    out as in the app (its size-dependent states live in briefing.tcss)."""

    CSS_PATH = str(Path(app_module.__file__).with_name("briefing.tcss"))
    HORIZONTAL_BREAKPOINTS = BriefingApp.HORIZONTAL_BREAKPOINTS
    VERTICAL_BREAKPOINTS = BriefingApp.VERTICAL_BREAKPOINTS
