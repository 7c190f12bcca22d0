"""`briefing [FILE]` opens the app, and only on a valid book: load errors are printed before it starts."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.cli import main
from briefing.cli.exit_codes import ExitCode
from briefing.loading import load_briefing
from briefing.tui.app import BriefingApp


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[BriefingApp]:
    """Records apps that were started instead of taking over the terminal."""
    started: list[BriefingApp] = []
    monkeypatch.setattr(BriefingApp, "run", lambda self, *args, **kwargs: started.append(self))
    return started


def test_a_valid_file_opens_the_app(runs: list[BriefingApp], minimal_path: Path) -> None:
    assert main([str(minimal_path)]) == ExitCode.OK
    assert len(runs) == 1 and runs[0].briefing.id == "test-book"
    assert runs[0].source_folder == minimal_path.parent


def test_no_file_opens_the_sample(runs: list[BriefingApp], sample_path: Path) -> None:
    assert main([]) == ExitCode.OK
    assert runs[0].briefing == load_briefing(sample_path)


def test_a_missing_file_is_reported_and_the_app_never_starts(
    runs: list[BriefingApp], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path / "nowhere.json")]) == ExitCode.NO_INPUT
    assert runs == []
    assert "nowhere.json" in capsys.readouterr().err


def test_an_invalid_file_is_reported_and_the_app_never_starts(
    runs: list[BriefingApp], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema_version": 1, "id": "x"', encoding="utf-8")
    assert main(["open", str(broken)]) == ExitCode.DATA_ERROR
    assert runs == []
    assert "broken.json" in capsys.readouterr().err
