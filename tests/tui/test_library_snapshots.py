"""Pictures of the library screen and its search at 80×24 and 120×40 (review them as images).

The library sits at a fixed path (it is shown in the header) and holds the three test books and one
invalid file of tests/library; the reader has no state, so "last read" stays blank.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from textual.pilot import Pilot

from briefing.tui.app import make_library_app
from tests.library.conftest import make_library

SIZES = [(80, 24), (120, 40)]

VIEWS: dict[str, tuple[str, ...]] = {
    "library": (),
    "library-search": ("slash", *"moldova"),
    "library-errors": ("down", "down", "down", "e"),
}


@pytest.fixture
def fixed_library() -> Path:
    root = Path(tempfile.gettempdir()) / "briefing-library-snapshot"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir()
    return make_library(root)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("view", list(VIEWS))
def test_library_view(snap_compare, fixed_library: Path, view: str, size: tuple[int, int]) -> None:
    async def settle(pilot: Pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press(*VIEWS[view])
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(make_library_app(fixed_library), run_before=settle, terminal_size=size)
