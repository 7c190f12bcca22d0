"""The command as an attacker's file name, a hostile file type or a locked-down session meets it (issue 9).

Every test runs the real `briefing` in its own process, with a timeout: FIFOs and /dev/zero used to
hang or eat memory, closed descriptors and odd encodings used to end in tracebacks.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.cli import main
from tests.conftest import SAMPLE_PATH
from tests.factories import minimal_briefing_dict

TIMEOUT = 30
"""Seconds before a run counts as hung (a normal run takes about one)."""

EVIL_NAME = "ok\x1b]0;TITLE\x07\x1b[2J.json"
"""Retitles the terminal and clears the screen if printed raw."""

EVIL_SHOWN = "ok␛]0;TITLE␇␛[2J.json"


def run(*arguments: str, env: dict[str, str] | None = None, shell_redirect: str = "",
        cwd: Path | None = None, stdin: int | None = subprocess.DEVNULL) -> subprocess.CompletedProcess[bytes]:
    """`python -m briefing ARGUMENTS`, optionally behind a shell redirection such as `>&-`."""
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")} | (env or {})
    command = [sys.executable, "-m", "briefing", *arguments]
    if shell_redirect:
        quoted = " ".join("'" + part.replace("'", "'\\''") + "'" for part in command)
        command = ["bash", "-c", f"exec {quoted} {shell_redirect}"]
    return subprocess.run(command, capture_output=True, env=environment, timeout=TIMEOUT, check=False,
                          cwd=cwd, stdin=stdin)


def no_traceback(result: subprocess.CompletedProcess[bytes]) -> None:
    assert b"Traceback" not in result.stderr and b"Error:" not in result.stderr.split(b"\n")[-2:][0], result.stderr


# File names and user-supplied strings in messages (item 2) ---------------------------------------


@pytest.fixture
def evil_invalid(tmp_path: Path) -> Path:
    path = tmp_path / EVIL_NAME
    path.write_text('{"schema_version": 1,', encoding="utf-8")
    return path


@pytest.fixture
def evil_valid(tmp_path: Path) -> Path:
    path = tmp_path / EVIL_NAME
    path.write_text(json.dumps(minimal_briefing_dict()), encoding="utf-8")
    return path


def assert_shown_safely(result: subprocess.CompletedProcess[bytes]) -> None:
    output = result.stdout + result.stderr
    assert b"\x1b" not in output and b"\x07" not in output, output
    assert EVIL_SHOWN in output.decode("utf-8"), output


def test_a_hostile_file_name_in_a_load_error_is_shown_with_visible_escapes(evil_invalid: Path) -> None:
    result = run("validate", str(evil_invalid))
    assert result.returncode == 65
    assert_shown_safely(result)


@pytest.mark.parametrize("command", [["validate"], ["print"], ["search", "council"], ["open"]])
def test_every_command_shows_a_hostile_file_name_with_visible_escapes(
    evil_invalid: Path, command: list[str], capsys: pytest.CaptureFixture[bytes]
) -> None:
    assert main([*command, str(evil_invalid)]) == 65
    captured = capsys.readouterr()
    assert_shown_safely(subprocess.CompletedProcess([], 65, captured.out.encode(), captured.err.encode()))


def in_process(capsys: pytest.CaptureFixture[str], *arguments: str) -> subprocess.CompletedProcess[bytes]:
    try:
        code = main(list(arguments))
    except SystemExit as exit:  # argparse's own errors
        code = int(exit.code or 0)
    captured = capsys.readouterr()
    return subprocess.CompletedProcess(arguments, code, captured.out.encode(), captured.err.encode())


def test_a_hostile_file_name_in_validate_s_verdict_is_shown_with_visible_escapes(
    evil_valid: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = in_process(capsys, "validate", "--no-source-check", str(evil_valid))
    assert result.returncode == 0, result.stderr
    assert_shown_safely(result)


def test_a_hostile_output_name_in_print_s_messages_is_shown_with_visible_escapes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    written = in_process(capsys, "print", "-o", str(tmp_path / EVIL_NAME))
    assert written.returncode == 0, written.stderr
    assert_shown_safely(written)
    refused = in_process(capsys, "print", "-o", str(tmp_path / EVIL_NAME))
    assert refused.returncode == 2
    assert_shown_safely(refused)


def test_an_unknown_argument_is_quoted_with_visible_escapes(capsys: pytest.CaptureFixture[str]) -> None:
    result = in_process(capsys, "validate", "--" + EVIL_NAME)
    assert result.returncode == 2
    assert_shown_safely(result)


# Files that are not files (item 4) ----------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_at_once_instead_of_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "book.json"
    os.mkfifo(fifo)
    result = run("validate", str(fifo))  # hung forever before: open() waits for a writer
    assert result.returncode == 66
    assert b"is a pipe (FIFO), not a regular file" in result.stderr
    no_traceback(result)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize("how", [pytest.param("device", marks=pytest.mark.slow), "symlink"])
def test_dev_zero_is_refused_instead_of_read_until_memory_runs_out(tmp_path: Path, how: str) -> None:
    target = "/dev/zero"
    if how == "symlink":
        (tmp_path / "book.json").symlink_to("/dev/zero")
        target = str(tmp_path / "book.json")
    result = run("validate", target)
    assert result.returncode == 66
    assert b"is a device, not a regular file" in result.stderr
    no_traceback(result)


@pytest.mark.slow
def test_a_pipe_as_the_briefing_file_is_refused() -> None:
    reader, writer = os.pipe()
    try:
        os.write(writer, json.dumps(minimal_briefing_dict()).encode())
        result = run("validate", "/dev/stdin", stdin=reader)
    finally:
        os.close(reader)
        os.close(writer)
    assert result.returncode == 66
    assert b"is a pipe (FIFO), not a regular file" in result.stderr


# Encodings (item 5) -------------------------------------------------------------------------------

ASCII_SESSIONS = [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}]


@pytest.mark.slow
@pytest.mark.parametrize("env", ASCII_SESSIONS, ids=["PYTHONIOENCODING=ascii", "LC_ALL=C"])
@pytest.mark.parametrize(
    "command", [["validate"], ["search", "wilmes"], ["search", "--json", "wilmes"], ["schema"], ["print"]],
)
def test_a_non_utf8_session_never_dies_of_unicode_encode_error(env: dict[str, str], command: list[str]) -> None:
    result = run(*command, env=env)
    assert result.returncode == 0, result.stderr
    assert b"UnicodeEncodeError" not in result.stderr
    no_traceback(result)
    text = result.stdout.decode("utf-8")  # UTF-8, always, as `briefing print` documents
    if command[0] != "schema":
        assert "Wilmès" in text or "Foreign Affairs Council in Luxembourg" in text


def test_search_json_under_an_ascii_session_is_utf8_json() -> None:
    result = run("search", "--json", "wilmes", env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    assert "Sophie Wilmès" in json.loads(result.stdout.splitlines()[0])["text"]


@pytest.mark.slow  # the pseudo-terminal test below shows the same on the real app
def test_the_app_draws_utf8_even_when_the_session_says_ascii() -> None:
    """Textual draws on sys.__stderr__: under PYTHONIOENCODING=ascii it wrote `\\u2013` for "–"."""
    code = (
        "import sys\nfrom briefing.cli.streams import prepare_streams\nprepare_streams()\n"
        "print(sys.__stderr__.encoding, sys.__stderr__.errors)\nsys.__stderr__.write('–')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=TIMEOUT, check=False,
                            env=os.environ | {"PYTHONIOENCODING": "ascii"})
    assert result.stdout.split() == [b"utf-8", b"backslashreplace"]
    assert result.stderr == "–".encode()


# Closed descriptors (item 6) ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [["print"], *(pytest.param(c, marks=pytest.mark.slow) for c in (["search", "--json", "ukraine"],
                                                                   ["search", "ukraine"], ["validate"], ["schema"]))],
)
def test_a_closed_standard_output_is_reported_with_exit_74(command: list[str]) -> None:
    result = run(*command, shell_redirect=">&-")
    assert result.returncode == 74, result.stderr
    assert b"standard output is closed" in result.stderr
    no_traceback(result)


@pytest.mark.parametrize("redirect", ["<&-", pytest.param("</dev/null", marks=pytest.mark.slow)])
def test_the_app_without_a_keyboard_says_so_instead_of_a_traceback_panel(redirect: str) -> None:
    result = run(shell_redirect=redirect, env={"TERM": "xterm-256color"})
    assert result.returncode == 74
    assert b"standard input is not a terminal (closed or redirected)" in result.stderr
    assert b"Traceback" not in result.stdout + result.stderr and b"locals" not in result.stdout + result.stderr


@pytest.mark.slow
def test_the_app_with_standard_error_closed_exits_74_without_drawing() -> None:
    result = run(shell_redirect="2>&-", env={"TERM": "xterm-256color"})
    assert result.returncode == 74
    assert b"\x1b[" not in result.stdout


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "command", [["print"], *(pytest.param(c, marks=pytest.mark.slow) for c in (["schema"], ["search", "ukraine"]))]
)
def test_a_full_standard_output_exits_74_with_a_message(command: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "briefing", *command], stdout=full, stderr=subprocess.PIPE,
                                timeout=TIMEOUT, check=False)
    assert result.returncode == 74
    assert b"cannot write the output: No space left on device" in result.stderr
    no_traceback(result)


@pytest.mark.parametrize(
    "command",
    [["search", "ukraine"], *(pytest.param(c, marks=pytest.mark.slow) for c in (["search", "--json", "ukraine"], ["print"]))],
)
def test_a_reader_that_stops_early_is_not_an_error(command: list[str]) -> None:
    """`briefing search … | head -1`: Rich's broken-pipe handler exited 1, which means "no match"."""
    reader, writer = os.pipe()
    os.close(reader)  # the reader is gone before the first write: every write meets a broken pipe
    try:
        result = subprocess.run([sys.executable, "-m", "briefing", *command], stdout=writer,
                                stderr=subprocess.PIPE, timeout=TIMEOUT, check=False)
    finally:
        os.close(writer)
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""


# TERM=dumb (item 10) ------------------------------------------------------------------------------


def test_a_dumb_terminal_gets_the_book_as_text_instead_of_a_full_screen_app() -> None:
    result = run(str(SAMPLE_PATH), env={"TERM": "dumb"})
    assert result.returncode == 0, result.stderr
    assert b"TERM=dumb" in result.stderr
    assert b"\x1b" not in result.stdout  # no alternate screen, no cursor movement, no colour
    assert "Sophie Wilmès" in result.stdout.decode("utf-8")


# The app in a real terminal (items 3, 5, 6) ---------------------------------------------------------


def run_app_in_a_terminal(env: dict[str, str], then_signal: int | None) -> tuple[int, bytes]:
    """Start `briefing` on a pseudo-terminal, wait (bounded) for its first frame, send `then_signal`."""
    import pty
    import select
    import signal as signals
    import time

    pid, terminal = pty.fork()
    if pid == 0:  # the child: become the app
        os.environ.update(env)
        os.execv(sys.executable, [sys.executable, "-m", "briefing", str(SAMPLE_PATH)])
    output = b""
    deadline = time.monotonic() + TIMEOUT
    try:
        while b"Overview" not in output and time.monotonic() < deadline:  # waits for the first frame
            if select.select([terminal], [], [], 0.5)[0]:
                output += os.read(terminal, 65536)
        assert b"Overview" in output, output[-2000:]
        os.kill(pid, then_signal or signals.SIGTERM)
        while time.monotonic() < deadline:  # waits for the app to restore the terminal and exit
            if select.select([terminal], [], [], 0.5)[0]:
                try:
                    chunk = os.read(terminal, 65536)
                except OSError:  # the child has gone: the terminal's other end is closed
                    break
                if not chunk:
                    break
                output += chunk
        _, status = os.waitpid(pid, 0)
    finally:
        os.close(terminal)
        with __import__("contextlib").suppress(ProcessLookupError, ChildProcessError):
            os.kill(pid, 9)
            os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), output


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs a pseudo-terminal")
def test_the_app_draws_utf8_under_an_ascii_session_and_quits_cleanly_on_sigterm() -> None:
    import signal as signals

    code, output = run_app_in_a_terminal(
        {"PYTHONIOENCODING": "ascii", "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}, signals.SIGTERM
    )
    assert "UNCLASSIFIED – PUBLIC".encode() in output, "the dash is drawn as UTF-8"
    assert b"\\u2013" not in output, "not as a Python escape"
    assert code == 128 + signals.SIGTERM
    assert output.rstrip().endswith(b"\x1b[?1049l") or b"\x1b[?1049l" in output[-400:], "terminal restored"
    assert b"Traceback" not in output
