"""Pictures of the library screen and its search at 80×24 and 120×40 (review them as images).

The library sits at a fixed path (it is shown in the header) and holds the three test books and one
invalid file of tests/library; the reader has no state, so "last read" stays blank.
"""

from __future__ import annotations

import fcntl
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from briefing.tui.app import make_library_app
from tests.library.conftest import make_library
from tests.tui.screen_text import screen_text
from tests.waiting import wait_until

pytestmark = pytest.mark.idle_mount  # the views as users see them: the hidden tabs mount in the background here too

SIZES = [(80, 24), (120, 40)]

VIEWS: dict[str, tuple[str, ...]] = {
    "library": (),
    "library-search": ("slash", *"moldova"),
    "library-errors": ("down", "down", "down", "e"),
}


LOCK_WAIT_SECONDS = 300
"""Longest a run waits for another run (another worktree, another xdist worker) to free the fixed path."""


@pytest.fixture
def fixed_library() -> Iterator[Path]:
    root = Path(tempfile.gettempdir()) / "briefing-library-snapshot"
    with open(f"{root}.lock", "a") as lock:
        # The path is in the picture, so it cannot differ per run: runs take turns with it instead.
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                assert time.monotonic() < deadline, f"{root} stayed in use by another test run"
                time.sleep(0.1)
        shutil.rmtree(root, ignore_errors=True)
        root.mkdir()
        yield make_library(root)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("view", list(VIEWS))
def test_library_view(snap_compare, fixed_library: Path, view: str, size: tuple[int, int]) -> None:
    async def settle(pilot: Pilot) -> None:
        # The indexing worker starts after the first frame: waiting for workers alone could return before
        # it began, and the keys then moved over a list still being filled. Its notice says it is done.
        await wait_until(pilot, lambda: "Library index:" in screen_text(pilot.app), "the library's index notice")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press(*VIEWS[view])
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(make_library_app(fixed_library), run_before=settle, terminal_size=size)
