"""Export from the app: format and path chosen in a dialog, never a silent overwrite, a notice of where."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, RadioSet

from briefing.render import FORMAT_SUFFIXES
from briefing.tui.app import BriefingApp
from briefing.tui.screens.confirm_screen import ConfirmScreen
from briefing.tui.screens.export_screen import ExportScreen
from briefing.tui.screens.main_screen import MainScreen
from tests.tui.keys import meeting_key
from tests.waiting import wait_until


def notices(app: BriefingApp) -> list[str]:
    return [notification.message for notification in app._notifications]


async def open_export_dialog(app: BriefingApp, pilot: Pilot) -> ExportScreen:
    await pilot.press("e")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, ExportScreen), "e opens the export dialog"
    return dialog


async def test_export_of_the_whole_book_writes_the_suggested_file(
    sample_app: BriefingApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    async with sample_app.run_test(size=(100, 30)) as pilot:
        dialog = await open_export_dialog(sample_app, pilot)
        path_input = dialog.query_one("#export-path", Input)
        expected = tmp_path / f"{sample_app.briefing.id}-summary{FORMAT_SUFFIXES[dialog.formats[0]]}"
        assert Path(path_input.value) == expected, "prefilled in the current directory with a sensible name"
        dialog.query_one("#export-format", RadioSet).action_next_button()
        await pilot.press("enter")  # select the next format (markdown after text, whichever is second)
        await pilot.pause()
        second = dialog.formats[1]
        assert dialog.chosen_format == second
        assert path_input.value.endswith(FORMAT_SUFFIXES[second]), "the suggested name follows the format"
        path_input.focus()
        await pilot.press("enter")
        await sample_app.workers.wait_for_complete()
        await pilot.pause()
        written = tmp_path / f"{sample_app.briefing.id}-summary{FORMAT_SUFFIXES[second]}"
        assert written.is_file() and sample_app.briefing.meetings[1].title in written.read_text(encoding="utf-8")
        assert any(str(written) in notice for notice in notices(sample_app))


async def test_export_of_the_current_meeting_only(
    sample_app: BriefingApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    first, second = sample_app.briefing.meetings[:2]
    async with sample_app.run_test(size=(100, 30)) as pilot:
        await pilot.press(meeting_key(sample_app, first.id), "e")
        await pilot.pause()
        dialog = sample_app.screen
        assert isinstance(dialog, ExportScreen) and dialog.meeting == first and not dialog.whole_book
        path = Path(dialog.query_one("#export-path", Input).value)
        assert first.id in path.name
        dialog.query_one("#export-path", Input).focus()
        await pilot.press("enter")
        await sample_app.workers.wait_for_complete()
        text = path.read_text(encoding="utf-8")
        assert first.title in text and second.title not in text


async def test_an_existing_file_is_replaced_only_after_confirmation(
    sample_app: BriefingApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    async with sample_app.run_test(size=(100, 30)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        target = Path(sample_app.screen.query_one("#export-path", Input).value)
        target.write_text("my own notes", encoding="utf-8")
        sample_app.screen.query_one("#export-path", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(sample_app.screen, ConfirmScreen)
        await pilot.press("n")  # keep it
        await sample_app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(sample_app.screen, MainScreen)
        assert target.read_text(encoding="utf-8") == "my own notes"
        assert any("left alone" in notice for notice in notices(sample_app))

        await pilot.press("e")
        await pilot.pause()
        sample_app.screen.query_one("#export-path", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(sample_app.screen, ConfirmScreen)
        await pilot.press("y")  # replace it
        await sample_app.workers.wait_for_complete()
        await pilot.pause()
        assert sample_app.briefing.title in target.read_text(encoding="utf-8")


async def test_escape_cancels_the_export_dialog(
    sample_app: BriefingApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    async with sample_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(sample_app.screen, MainScreen)
        assert list(tmp_path.iterdir()) == []


async def test_the_export_dialog_writes_the_brief(
    sample_app: BriefingApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    async with sample_app.run_test(size=(100, 30)) as pilot:
        dialog = await open_export_dialog(sample_app, pilot)
        kind = dialog.query_one("#export-kind", RadioSet)
        kind.focus()
        kind.action_next_button()
        await pilot.press("enter")
        await pilot.pause()
        assert dialog.brief
        dialog.query_one("#export").press()  # the export worker starts when the app handles the press
        await wait_until(pilot, lambda: any(tmp_path.glob("*-brief.txt")), "the brief written (atomically)")
        written = next(tmp_path.glob("*-brief.txt")).read_text(encoding="utf-8")
        assert "Positions of" in written and "Source passages" not in written
