"""Small terminals: every view works at 80×24 and nothing crashes or hides the marking at 40×12."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.tui.app import make_app
from briefing.tui.screens.main_screen import MainScreen
from tests.tui.keys import meeting_key
from tests.tui.screen_text import screen_lines
from tests.waiting import wait_until

pytestmark = pytest.mark.idle_mount  # every view at each size in the app as users run it, background mount included


@pytest.mark.parametrize("size", [
    pytest.param((40, 12), marks=pytest.mark.slow),  # the extremes: `pytest -m slow` (and .ci/run) runs them
    (60, 16),
    (80, 24),
    pytest.param((200, 60), marks=pytest.mark.slow),
])
async def test_every_view_at_this_size(sample_path: Path, size: tuple[int, int]) -> None:
    app = make_app(sample_path)
    marking = app.briefing.classification
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        for number in range(1, len(screen.pane_ids()) + 1):
            await pilot.press(str(number))
            await pilot.pause()
            if screen.tabs.active == "search":
                await pilot.press("slash", *"ukraine")
                await app.workers.wait_for_complete()
                await pilot.pause()
                lines = screen_lines(app)
                assert any("matches" in line for line in lines), "the count is visible"
                await pilot.press("escape")  # leaves the box: number keys switch tabs again
            elif screen.tabs.active.startswith("meeting-"):
                await pilot.press("right_square_bracket", "j", "s")
                await pilot.pause()
                await pilot.press("escape")
            # Once the view has settled (bounded): a CI run once read the frame in which the search
            # box was still being laid out over the bottom marking.
            await wait_until(
                pilot, lambda: marking[:10] in screen_lines(app)[0] and marking[:10] in screen_lines(app)[-2],
                f"the marking at the top and above the footer on {screen.tabs.active}", seen=lambda: screen_lines(app),
            )
        for key in ("question_mark", "e"):
            await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, MainScreen)
            await pilot.press("escape")
            await pilot.pause()
        assert app.is_running


async def test_export_dialog_buttons_reachable_at_80_by_24(sample_path: Path) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(meeting_key(app, "fac-2022-04-11"), "e")
        await pilot.pause()
        text = "\n".join(screen_lines(app))
        assert "Export" in text and "Cancel" in text
