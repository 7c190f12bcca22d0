"""Notes kept in memory (the state folder cannot be written), and notes on the overview's lines: found by
using the app in tmux (as nobody, state folder chmod 500). Enter at the quit question dropped the notes,
escape quit too, and "Note saved (on this computer only)" was said of a note that was only in memory."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.tui.app import BriefingApp, make_app
from briefing.tui.screens.confirm_screen import ConfirmScreen
from briefing.tui.screens.note_editor import NoteEditor
from briefing.tui.widgets.overview import OverviewLink
from tests.books import CHANGED_POSITION
from tests.tui.keys import settle
from tests.tui.test_notes_and_state import SIZE, focus_item, write_note
from tests.waiting import wait_until


@pytest.fixture
def unwritable_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The state folder under a regular file (root ignores chmod 500): the store falls back to memory."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(blocker / "state"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


async def quit_with_a_note_in_memory(app: BriefingApp, pilot) -> None:
    await settle(pilot)
    assert app.reader.store.is_in_memory
    await focus_item(app, pilot, CHANGED_POSITION)
    await write_note(pilot, "Only in memory.")
    await pilot.press("q")
    await pilot.pause()
    assert isinstance(app.screen, ConfirmScreen), "quitting offers to export the notes first"


async def test_enter_at_the_quit_question_exports_the_notes(sample_path: Path, unwritable_state: Path) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=SIZE) as pilot:
        await quit_with_a_note_in_memory(app, pilot)
        await pilot.press("enter")  # the safe answer is the focused one
        await pilot.pause()
    [exported] = unwritable_state.glob("briefing-notes-*.json")
    assert json.loads(exported.read_text())["notes"][0]["text"] == "Only in memory."


async def test_escape_at_the_quit_question_stays_in_the_app_and_q_asks_again(
    sample_path: Path, unwritable_state: Path
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=SIZE) as pilot:
        await quit_with_a_note_in_memory(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, ConfirmScreen)
        assert [note.text for note in app.reader.notes(CHANGED_POSITION)] == ["Only in memory."]
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen), "asked again"
        await pilot.press("n")  # quit without them: an explicit answer
        await pilot.pause()
        assert not app.is_running
    assert not list(unwritable_state.glob("briefing-notes-*.json"))


async def test_a_note_kept_in_memory_is_not_said_to_be_saved(sample_path: Path, unwritable_state: Path) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await focus_item(app, pilot, CHANGED_POSITION)
        app.clear_notifications()
        await write_note(pilot, "Only in memory.")
        said = [str(n.message) for n in app._notifications]
        assert not any("on this computer" in text for text in said), said
        assert any("this session only" in text for text in said), said


async def test_a_and_m_on_an_overview_meeting_line_note_and_mark_the_meeting(sample_path: Path,
                                                                               private_state_dir: Path) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        line = app.focused
        assert isinstance(line, OverviewLink) and line.target.item_id is None, "the first line is a meeting"
        meeting_id = line.target.meeting_id
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, NoteEditor), "the note editor on the meeting")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert meeting_id in app.reader.bookmarked
