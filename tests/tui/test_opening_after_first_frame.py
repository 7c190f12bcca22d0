"""What opening a book leaves for after its first frame (`briefing.state.reading`), done and never lost.

A first reading's baseline (every item read as it is) is recorded by a worker once the screen is up,
when the book is closed (tests/tui/test_back_to_library_off_thread.py), or by the command line once the
app ends. A big book's new version is compared with the one read by a worker too: the Overview says so
meanwhile, then shows the changes and the marks."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from benchmarks.pty_app import PtyApp
from briefing.loading import load_book
from briefing.state import FIRST_READING, StateStore
from briefing.state import reading as reading_module
from briefing.tui import reader_state as reader_state_module
from briefing.tui.app import BriefingApp, make_app
from briefing.tui.widgets.item_block import ItemBlock
from tests.books import NEW_KEY_POINT, overnight_edit, sample_copy
from tests.tui.keys import main_screen, meeting_key
from tests.tui.screen_text import screen_text
from tests.waiting import wait_until

SIZE = (120, 36)


def baseline_of(store: StateStore, path: Path) -> tuple[int, dict[str, str] | None]:
    """(items recorded as read, the unread list kept for this version of the file) of the book at `path`."""
    book = load_book(path)
    return len(store.read_hashes(book.briefing.id)), store.unread_in_version(book.briefing.id, book.digest)


async def test_the_worker_records_it_once_the_first_frame_is_up(tmp_path: Path) -> None:
    path = sample_copy(tmp_path / "book")
    app = make_app(path)
    assert app.reader.pending == FIRST_READING, "nothing was hashed or written before the first frame"
    assert not app.state_store.has_read(app.briefing.id)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: app.reader.pending is None, "the baseline recorded by its worker")
        assert baseline_of(app.state_store, path) == (len(app.reader.items), {})


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_command_line_records_it_after_an_app_that_ended_at_once(tmp_path: Path) -> None:
    # The start-up benchmark's run: the app ends on its first frame, before any worker; the command line
    # records the baseline once the terminal is given back, so the next opening is a reopening.
    path = sample_copy(tmp_path / "book")
    state = tmp_path / "state"
    env = dict(os.environ, BRIEFING_EXIT_AFTER_FIRST_FRAME="1", BRIEFING_STATE_DIR=str(state))
    app = PtyApp([sys.executable, "-m", "briefing", "open", "--top", str(path)], env=env)
    app.close(quit_keys=b"", timeout=120)
    assert app.exit_code == 0
    store = StateStore.open(state / "state.sqlite3")
    try:
        recorded, unread = baseline_of(store, path)
        assert recorded > 100 and unread == {}
    finally:
        store.close()


def test_an_app_given_a_book_without_its_digest_still_reads_it(tmp_path: Path) -> None:
    book = load_book(sample_copy(tmp_path / "book"))
    app = BriefingApp(book.briefing, store=StateStore.in_memory())
    assert app.reader.version is None and app.reader.pending == FIRST_READING
    app.reader.finish_opening()
    assert app.state_store.has_read(book.briefing.id)
    assert app.state_store.unread_in_version(book.briefing.id, book.digest) is None, "no version to keep it for"


async def test_a_big_new_version_says_it_is_comparing_then_shows_its_changes_and_marks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = sample_copy(tmp_path / "book")
    first = make_app(book)
    first.reader.finish_opening()  # read before, as it was
    sample_copy(tmp_path / "book", overnight_edit)  # the new version, sent the night before
    monkeypatch.setattr(reading_module, "COMPARED_AT_ONCE", 10)  # the sample's 110 items count as a big book
    release = threading.Event()
    compare = reader_state_module.finish_reading

    def held(*arguments: Any) -> Any:
        assert release.wait(30), "the test lets the comparison run"
        return compare(*arguments)

    monkeypatch.setattr(reader_state_module, "finish_reading", held)
    app = make_app(book, start_at_top=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: "comparing this version with the one you read" in screen_text(app),
                         "the Overview saying the comparison runs")
        await pilot.press(meeting_key(app, app.reader.items[NEW_KEY_POINT].meeting_id))
        await wait_until(pilot, lambda: main_screen(app).current_meeting_view() is not None, "the meeting tab")
        main_screen(app).current_meeting_view().reader.fill()  # the whole text: the item is further down
        await wait_until(pilot, lambda: bool(app.screen.query(f"#item-{NEW_KEY_POINT}")), "the new key point shown")
        block = app.screen.query_one(f"#item-{NEW_KEY_POINT}", ItemBlock)
        assert block.state_marks.plain == "", "not known to be new yet"
        release.set()
        await wait_until(pilot, lambda: block.state_marks.plain.strip() == "NEW", "its NEW mark after the comparison")
        await pilot.press("1")
        await wait_until(pilot, lambda: "Since you last read this book: 1 new item, 1 changed" in screen_text(app),
                         "the notice with the changes")
        assert "comparing" not in screen_text(app)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("big", [True, False], ids=["a big book", "a small book"])
def test_the_command_line_says_why_the_prompt_waits_after_a_big_first_reading(tmp_path: Path, big: bool) -> None:
    path = sample_copy(tmp_path / "book")
    # The sample counts as a big book when the bar is lowered below its 110 items.
    program = ("import sys\nfrom briefing.state import reading\n"
               f"reading.COMPARED_AT_ONCE = {10 if big else 10_000}\n"
               "from briefing.cli import main\nsys.exit(main(sys.argv[1:]))\n")
    env = dict(os.environ, BRIEFING_EXIT_AFTER_FIRST_FRAME="1", BRIEFING_STATE_DIR=str(tmp_path / "state"))
    app = PtyApp([sys.executable, "-c", program, "open", "--top", str(path)], env=env)
    app.close(quit_keys=b"", timeout=120)
    assert app.exit_code == 0
    said = b"noting this first reading of the book" in app.recent
    assert said == big, app.recent[-300:]
