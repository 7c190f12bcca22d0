"""Back to the library (`L`) before a first reading's baseline was recorded: it is recorded off the UI
thread. On the 2,000-meeting book it hashed 66,000 items on the UI thread: the library screen was
shown, then ignored keys for about 3 s (Enter on the next book took 3.1 s instead of 0.3 s, in tmux)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from briefing.state import FIRST_READING
from briefing.tui.app import make_library_app
from briefing.tui.reader_state import ReaderState
from briefing.tui.screens.library_screen import LibraryScreen
from briefing.tui.screens.main_screen import MainScreen
from briefing.tui.screens.state_routes import StateRoutes
from tests.library.conftest import make_library
from tests.tui.test_library_screen import settle
from tests.waiting import wait_until

SIZE = (120, 36)


async def test_leaving_a_first_reading_records_its_baseline_off_the_ui_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(StateRoutes, "finish_opening_in_background", lambda self: None)  # left for closing
    threads: list[threading.Thread] = []
    finish_opening = ReaderState.finish_opening

    def noting_the_thread(self: ReaderState, *args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread())
        return finish_opening(self, *args, **kwargs)

    monkeypatch.setattr(ReaderState, "finish_opening", noting_the_thread)
    app = make_library_app(make_library(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("down", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen) and app.reader.pending == FIRST_READING
        reader = app.reader
        await pilot.press("L")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen), "back on the library screen")
        await wait_until(pilot, lambda: reader.pending is None, "the baseline recorded after closing the book")
        assert app.state_store.has_read(reader.book_id)
    assert threads and threading.main_thread() not in threads, threads
