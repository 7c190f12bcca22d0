"""The app with its standard output redirected or closed (`briefing > log`, `briefing >&-`) fills the
terminal it draws on (issue 9, item 6, re-checked as a user in tmux).

Textual draws on standard error but measured the terminal on standard output: with that redirected it
measured nothing and laid the app out at 80×25 in a 100×30 window, leaving the rest of the window as
it was (and again after every resize). The test runs the real app on a pseudo-terminal without
COLUMNS/LINES (a user's shell does not export them) and looks at the rows the first frame addresses.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import select
import signal
import struct
import sys
import termios
import time

import pytest

from tests.conftest import SAMPLE_PATH

TIMEOUT = 30
"""Seconds before the first frame counts as never drawn (it takes one or two)."""

COLUMNS, LINES = 100, 30


def first_frame(stdout: str) -> bytes:
    """What the app writes on a 100×30 pseudo-terminal until its first frame is complete, with its
    standard output redirected as the shell would (`>&-` closes it, a path opens the file)."""
    import pty

    environment = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")} | {"TERM": "xterm-256color"}
    pid, terminal = pty.fork()
    if pid == 0:  # the child: size its terminal, redirect its output, become the app
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
        if stdout == ">&-":
            os.close(1)
        else:
            os.dup2(os.open(stdout, os.O_WRONLY), 1)
        os.execve(sys.executable, [sys.executable, "-m", "briefing", str(SAMPLE_PATH)], environment)
    output = b""
    deadline = time.monotonic() + TIMEOUT
    try:
        while b"Quit" not in output and time.monotonic() < deadline:  # waits for the footer, drawn last
            if select.select([terminal], [], [], 0.5)[0]:
                output += os.read(terminal, 65536)
        os.kill(pid, signal.SIGTERM)
        while time.monotonic() < deadline:  # drains the terminal until the app has gone
            if not select.select([terminal], [], [], 0.5)[0]:
                continue
            try:
                if not os.read(terminal, 65536):
                    break
            except OSError:  # the child has gone: the terminal's other end is closed
                break
    finally:
        os.close(terminal)
        with contextlib.suppress(ProcessLookupError, ChildProcessError):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    assert b"Quit" in output, output[-2000:]
    return output


@pytest.mark.skipif(not hasattr(os, "fork") or sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize("stdout", [os.devnull, pytest.param(">&-", marks=pytest.mark.slow)])
def test_the_app_fills_the_terminal_when_its_output_is_redirected(stdout: str) -> None:
    output = first_frame(stdout)
    rows = {int(row) for row in re.findall(rb"\x1b\[(\d+);\d+H", output)}
    assert max(rows) == LINES, f"the frame reaches row {max(rows)} of {LINES}"
