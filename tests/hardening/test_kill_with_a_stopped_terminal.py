"""`kill` (SIGTERM) and a hang-up (SIGHUP) end the app even when its terminal takes no more output.

Reproduced as it happens: the app is drawing, its terminal stops reading (a window being closed, Ctrl+S,
a frozen emulator), its output queue fills and its main thread waits on it. The signal used to be handled
by that thread's event loop, which never ran again: the process stayed until killed with -9.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest

from benchmarks.pty_app import PtyApp
from briefing.cli.ending import GRACE

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a Linux pseudo-terminal")


def exit_code_within(app: PtyApp, seconds: float) -> int | None:
    """The app's exit code once it has ended, or None if it is still running after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        pid, status = os.waitpid(app.pid, os.WNOHANG)
        if pid:
            app.exit_code = os.waitstatus_to_exitcode(status)
            return app.exit_code
        time.sleep(0.05)
    return None


@pytest.mark.slow  # real processes waiting out a stopped terminal (7 s each): `pytest -m slow` (and .ci/run)
@pytest.mark.parametrize("number", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_a_signal_ends_the_app_whose_terminal_stopped_reading(tmp_path: Path, number: int) -> None:
    app = PtyApp([sys.executable, "-m", "briefing"], env=dict(os.environ, BRIEFING_STATE_DIR=str(tmp_path)))
    try:
        app.settle()
        for _ in range(200):  # keys keep coming; their frames are no longer read
            os.write(app.master, b"j")
            time.sleep(0.01)
        time.sleep(0.5)
        os.kill(app.pid, number)
        assert exit_code_within(app, GRACE + 10) == 128 + number, "the app ended on the signal"
    finally:
        if app.exit_code is None:
            os.kill(app.pid, signal.SIGKILL)
            os.waitpid(app.pid, 0)


# A real process, 1.5 s: under `slow`, which .ci/run also runs (the default run neared 150 s).
@pytest.mark.slow
def test_a_signal_still_ends_the_app_cleanly_when_its_terminal_reads(tmp_path: Path) -> None:
    app = PtyApp([sys.executable, "-m", "briefing"], env=dict(os.environ, BRIEFING_STATE_DIR=str(tmp_path)))
    app.settle()
    os.kill(app.pid, signal.SIGTERM)
    deadline = time.monotonic() + GRACE + 10
    while app.exit_code is None and time.monotonic() < deadline:
        app._read(0.05)
        pid, status = os.waitpid(app.pid, os.WNOHANG)
        if pid:
            app.exit_code = os.waitstatus_to_exitcode(status)
    assert app.exit_code == 128 + signal.SIGTERM
    assert b"\x1b[?1049l" in app.recent, "the terminal was given back (the alternate screen left)"
