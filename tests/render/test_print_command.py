"""`briefing print` as a user runs it: a subprocess, with the environment of a pipe, NO_COLOR, LANG=C."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.render.conftest import SMALL_BRIEFING, hostile_briefing_data


def run_print(*arguments: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    environment = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "FORCE_COLOR")}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "briefing", "print", *map(str, arguments)],
        capture_output=True, env=environment, timeout=120, check=False,
    )


@pytest.fixture
def small_file(tmp_path: Path) -> Path:
    path = tmp_path / "small.json"
    path.write_text(json.dumps(SMALL_BRIEFING, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_pipe_gets_plain_text_with_no_escape_sequences(small_file: Path) -> None:
    result = run_print(small_file, env={"TERM": "xterm-256color"})
    assert result.returncode == 0, result.stderr
    assert b"\x1b" not in result.stdout
    assert "Sophie Wilmès" in result.stdout.decode("utf-8")


def test_no_color_gives_no_escape_sequences(small_file: Path) -> None:
    result = run_print(small_file, env={"NO_COLOR": "1", "TERM": "xterm-256color"})
    assert result.returncode == 0 and b"\x1b" not in result.stdout


def test_format_ansi_forces_colour_into_a_pipe(small_file: Path) -> None:
    result = run_print(small_file, "--format", "ansi", env={"NO_COLOR": "1"})
    assert result.returncode == 0 and b"\x1b[" in result.stdout


def test_c_locale_still_writes_utf8(small_file: Path) -> None:
    result = run_print(small_file, env={"LANG": "C", "LC_ALL": "C", "PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode("utf-8")
    assert "Sophie Wilmès" in text and "€500 million" in text and "6–7 April 2022" in text


def test_default_sample_prints(tmp_path: Path) -> None:
    result = run_print("--width", "60")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode("utf-8").splitlines()
    assert "UNCLASSIFIED – PUBLIC" in lines[1] and max(len(line) for line in lines) <= 60


def test_width_below_the_minimum_is_a_usage_error(small_file: Path) -> None:
    result = run_print(small_file, "--width", "5")
    assert result.returncode == 2 and b"too narrow" in result.stderr


def test_unknown_meeting_is_a_usage_error_listing_valid_ids(small_file: Path) -> None:
    result = run_print(small_file, "--meeting", "fac-2022-04-11", "--meeting", "no-such-meeting")
    assert result.returncode == 2
    message = result.stderr.decode("utf-8")
    assert "no-such-meeting" in message and "nato-ministerial" in message and "fac-2022-04-11" in message
    assert result.stdout == b""


def test_meeting_option_limits_the_summary(small_file: Path) -> None:
    result = run_print(small_file, "--meeting", "nato-ministerial", "--width", "100")
    text = result.stdout.decode("utf-8")
    assert result.returncode == 0
    assert "NATO Foreign Ministers' Meeting" in text and "Russian aggression against Ukraine" not in text


def test_no_quotes_option(small_file: Path) -> None:
    text = run_print(small_file, "--no-quotes", "--width", "200").stdout.decode("utf-8")
    assert "We stand with Ukraine" not in text and "Appendix: quotes" not in text
    assert "€500 million" in text


def test_output_writes_the_file_and_says_where(small_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "summary.md"
    result = run_print(small_file, "--output", target)
    assert result.returncode == 0, result.stderr
    assert result.stdout == b""
    assert str(target) in result.stderr.decode("utf-8")
    content = target.read_text(encoding="utf-8")
    assert content.startswith("**RESTRICTED**") and "# Luxembourg and Brussels" in content  # format from suffix
    assert sorted(p.name for p in tmp_path.iterdir()) == ["small.json", "summary.md"]


def test_existing_output_is_refused_unless_forced(small_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "summary.html"
    target.write_text("keep me", encoding="utf-8")
    refused = run_print(small_file, "--output", target)
    assert refused.returncode == 2
    assert "already exists" in refused.stderr.decode("utf-8") and "--force" in refused.stderr.decode("utf-8")
    assert target.read_text(encoding="utf-8") == "keep me"
    forced = run_print(small_file, "--output", target, "--force")
    assert forced.returncode == 0, forced.stderr
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_output_into_a_directory_is_refused(small_file: Path, tmp_path: Path) -> None:
    result = run_print(small_file, "--output", tmp_path, "--force")
    assert result.returncode == 2 and b"directory" in result.stderr


@pytest.mark.parametrize("format", ["text", "markdown", "html", "svg"])
def test_hostile_briefing_from_the_command_line_has_no_content_escape(format: str, tmp_path: Path) -> None:
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(hostile_briefing_data()), encoding="utf-8")
    result = run_print(path, "--format", format)
    assert result.returncode == 0, result.stderr
    assert b"\x1b" not in result.stdout and b"\x07" not in result.stdout
    assert "\u202e".encode() not in result.stdout
    assert "\u241b".encode() in result.stdout  # the content's ESC, shown as a visible symbol


class FakeTerminal:
    """Stands in for sys.stdout when the test asks what a terminal would get."""

    def __init__(self, is_terminal: bool) -> None:
        self.is_terminal = is_terminal

    def isatty(self) -> bool:
        return self.is_terminal


@pytest.mark.parametrize(
    ("is_terminal", "env", "expected"),
    [
        (True, {"TERM": "xterm-256color"}, "ansi"),
        (True, {"TERM": "xterm-256color", "NO_COLOR": "1"}, "text"),
        (True, {"TERM": "dumb"}, "text"),
        (False, {"TERM": "xterm-256color"}, "text"),
    ],
)
def test_default_format_follows_the_terminal(
    is_terminal: bool, env: dict[str, str], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.cli import print_command

    monkeypatch.delenv("NO_COLOR", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(sys, "stdout", FakeTerminal(is_terminal))
    assert print_command._format_for_stdout() == expected


def test_brief_of_a_meeting_named_by_a_prefix_in_any_case() -> None:
    result = run_print("--brief", "--meeting", "FAC", "--width", "100")
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode("utf-8")
    assert "Foreign Affairs Council" in text and "Positions of Belgium" in text
    assert "Extraordinary NATO ministerial meeting" not in text  # only the meeting asked for
    assert "Source passages" not in text


def test_a_meeting_name_that_fits_no_meeting_is_refused_with_the_valid_ids() -> None:
    result = run_print("--meeting", "summit")
    assert result.returncode == 2 and not result.stdout
    message = result.stderr.decode("utf-8")
    assert "'summit'" in message and "fac-2022-04-11" in message and "Traceback" not in message
