"""The in-app export shows its progress and can be stopped (issue 9, item 7: a big book's export takes seconds).

The exporter is replaced by one that reports a quarter done and then waits for the test, so the
progress line and the stop can be looked at while the export is, for sure, still running.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Button, Input, ProgressBar

from briefing.render import export as export_module
from briefing.tui.app import BriefingApp
from briefing.tui.screens.confirm_screen import ConfirmScreen
from briefing.tui.screens.export_screen import ExportScreen
from briefing.tui.widgets.export_progress import ExportProgress
from tests.tui.screen_text import screen_text
from tests.waiting import wait_for, wait_until

HOSTILE_NAME = "out\x1b]0;TITLE\x07\u202e\u3164.txt"


class SlowExporter:
    """Reports 1 of 4 sections, then waits until `release` before giving the rest."""

    def __init__(self) -> None:
        self.release = threading.Event()

    def __call__(self, *_args: object, progress: export_module.Progress | None = None, **_options: object) -> Iterator[str]:
        assert progress is not None, "the app asks for progress"
        progress(1, 4)
        yield "first part\n"
        assert self.release.wait(10), "the test never released the export"
        progress(4, 4)
        yield "rest\n"


async def start_export(app: BriefingApp, pilot, path: Path) -> None:
    await pilot.press("e")
    await wait_until(pilot, lambda: isinstance(app.screen, ExportScreen), "the export dialog")
    path_box = app.screen.query_one("#export-path", Input)
    path_box.value = str(path)
    app.screen.query_one("#export", Button).press()  # not enter: the dialog's own first focus may land later
    await wait_until(pilot, lambda: not isinstance(app.screen, ExportScreen), "the dialog to close")


@pytest.fixture
def slow(monkeypatch: pytest.MonkeyPatch) -> SlowExporter:
    exporter = SlowExporter()
    monkeypatch.setattr(export_module, "export_chunks", exporter)
    return exporter


async def test_the_export_shows_its_progress_then_the_file(sample_app: BriefingApp, tmp_path: Path,
                                                           slow: SlowExporter) -> None:
    target = tmp_path / HOSTILE_NAME
    async with sample_app.run_test(size=(120, 30)) as pilot:
        await start_export(sample_app, pilot, target)
        await wait_until(pilot, lambda: bool(sample_app.query(ExportProgress))
                         and sample_app.query_one(ExportProgress).query_one(ProgressBar).percentage == 0.25,
                         "the progress line at 25%")
        text = screen_text(sample_app)
        assert "25%" in text and "e: stop the export" in text
        assert "\x1b" not in text and "\u202e" not in text and "\u3164" not in text, "the path is shown safely"
        slow.release.set()
        await sample_app.workers.wait_for_complete()
        await wait_until(pilot, lambda: not sample_app.query(ExportProgress), "the progress line to go")
        assert target.read_text(encoding="utf-8") == "first part\nrest\n"


async def test_e_during_an_export_offers_to_stop_it_and_nothing_is_written(
    sample_app: BriefingApp, tmp_path: Path, slow: SlowExporter
) -> None:
    target = tmp_path / "stopped.txt"
    async with sample_app.run_test(size=(120, 30)) as pilot:
        await start_export(sample_app, pilot, target)
        await wait_until(pilot, lambda: bool(sample_app.query(ExportProgress)), "the progress line")
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(sample_app.screen, ConfirmScreen), "the question to stop")
        await pilot.press("y")
        slow.release.set()  # the worker sees the stop at its next chunk
        await sample_app.workers.wait_for_complete()
        await wait_until(pilot, lambda: not sample_app.query(ExportProgress), "the progress line to go")
        wait_for(lambda: any("Export stopped" in str(n.message) for n in sample_app._notifications), "the notice")
        assert not target.exists() and list(tmp_path.iterdir()) == [], "nothing written, no temporary file"
