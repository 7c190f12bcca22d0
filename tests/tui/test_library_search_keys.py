"""The library search's hit list moves with the reader's keys, as every other list of the app does (in
tmux, j pressed twelve times in the hits of /moldova left the first hit highlighted)."""

from __future__ import annotations

from pathlib import Path

from briefing.tui.app import make_library_app
from briefing.tui.screens.library_search_screen import LibrarySearchScreen
from tests.library.conftest import make_library
from tests.tui.test_library_screen import SIZE, settle


async def test_j_k_g_and_G_move_in_the_library_hits(tmp_path: Path) -> None:
    app = make_library_app(make_library(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"moldova")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, LibrarySearchScreen)
        hits = screen.hit_list
        enabled = [i for i in range(hits.option_count) if not hits.get_option_at_index(i).disabled]
        assert len(enabled) >= 3, "enough hits to walk"
        await pilot.press("down")  # from the box to the first hit
        assert app.focused is hits and hits.highlighted == enabled[0]
        await pilot.press("j", "j")
        assert hits.highlighted == enabled[2], "j moves down, over the books' headings"
        await pilot.press("k")
        assert hits.highlighted == enabled[1]
        await pilot.press("G")
        assert hits.highlighted == enabled[-1]
        await pilot.press("g")
        assert hits.highlighted == enabled[0]
