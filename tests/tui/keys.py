"""Small helpers of the keyboard tests: find a tab's key in the registry, wait for the search index."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from briefing.tui import app as app_module
from briefing.tui.app import BriefingApp
from briefing.tui.screens.main_screen import MainScreen
from tests.waiting import wait_until


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
    """Wait (bounded) until the search index is built, the query typed (if any) is answered, every worker
    is done and the screen has refreshed.

    The index worker starts after the first frame and a query's worker after its key: waiting for the
    workers alone returned early when they had not started yet, so what a test saw depended on timing.
    """
    app = pilot.app
    screen = app.main_screen if isinstance(app, BriefingApp) else None
    if screen is not None:
        search = screen.search
        await wait_until(pilot, lambda: search.index is not None and not search.waiting,
                         "the search index, and the answer to the query typed",
                         seen=lambda: (search.index is not None, search.query, search.answered_query))
    await app.workers.wait_for_complete()
    await pilot.pause()


async def search(pilot: Pilot, query: str) -> None:
    """Type `query` in the search box (from anywhere) and wait for its answer."""
    await settle(pilot)
    await pilot.press("slash", *query)
    await settle(pilot)


async def show_first_meeting(pilot: Pilot) -> None:
    """Press the first meeting's tab key and wait until its tab is shown and settled."""
    app = pilot.app
    assert isinstance(app, BriefingApp)
    await pilot.press(meeting_key(app, app.briefing.meetings[0].id))
    await settle(pilot)


class StyledLikeTheApp:
    """Mixed into a bare test `App`: the app's stylesheet and breakpoints, so that a widget alone is laid
    out as in the app (its size-dependent states live in briefing.tcss)."""

    CSS_PATH = str(Path(app_module.__file__).with_name("briefing.tcss"))
    HORIZONTAL_BREAKPOINTS = BriefingApp.HORIZONTAL_BREAKPOINTS
    VERTICAL_BREAKPOINTS = BriefingApp.VERTICAL_BREAKPOINTS


async def whole_meeting_text(pilot: Pilot) -> None:
    """Mount the whole text of the meeting tab shown, for a test about an item further down: a meeting's
    text is mounted as the reader comes to it (its first screen when the tab is shown)."""
    assert isinstance(pilot.app, BriefingApp)
    view = main_screen(pilot.app).current_meeting_view()
    assert view is not None, "a meeting tab is shown"
    view.reader.fill()
    await settle(pilot)
