"""The standard streams of the `briefing` command: UTF-8, closed ones reported, messages made safe.

* Every command writes UTF-8, whatever the locale or PYTHONIOENCODING says (as `briefing print`
  always has): a briefing's names, dashes and ¶ never end in UnicodeEncodeError, and the app (which
  Textual draws on standard error) never shows `\\u2013` instead of "–".
* A standard stream closed by the caller (`briefing print >&-`, `briefing <&-`) is found before
  anything runs: its descriptor is filled with /dev/null, so that no file opened later lands on it
  (and is then written to by mistake), and writing to a closed standard output raises
  `StreamClosed`, which `main` reports with exit code 74 instead of a traceback.
* Every message goes through `say`, which shows file names and other user-supplied text with
  visible escapes (`safe_text`): a file named `ok\\x1b]0;TITLE\\x07.json` cannot retitle the terminal.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys

from briefing.render.safety import safe_text

STREAM_NAMES = {0: "standard input", 1: "standard output", 2: "standard error"}


class StreamClosed(OSError):
    """A standard stream the command needs was closed when it started."""

    def __init__(self, descriptor: int) -> None:
        super().__init__(errno.EBADF, f"{STREAM_NAMES[descriptor]} is closed")
        self.descriptor = descriptor


class _ClosedOutput(io.TextIOBase):
    """Stands in for a standard output that was closed at start: any write raises `StreamClosed`."""

    encoding = "utf-8"

    def write(self, text: str) -> int:
        raise StreamClosed(1)

    def isatty(self) -> bool:
        return False

    def flush(self) -> None:  # nothing was written; closing at exit must stay silent
        return None

    @property
    def buffer(self) -> _ClosedOutput:  # `sys.stdout.buffer.write(bytes)` raises the same way
        return self


def closed_at_start() -> set[int]:
    """Which of the descriptors 0, 1, 2 are not open."""
    closed = set()
    for descriptor in STREAM_NAMES:
        try:
            os.fstat(descriptor)
        except OSError:
            closed.add(descriptor)
    return closed


def prepare_streams() -> set[int]:
    """Make the standard streams safe to use; returns the descriptors that were closed at start."""
    closed = closed_at_start()
    for descriptor in sorted(closed):
        # /dev/null keeps the descriptor taken, so that no file opened later becomes "standard output".
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_RDWR)
            if devnull != descriptor:
                os.dup2(devnull, descriptor)
                os.close(devnull)
    if 1 in closed or sys.stdout is None:
        sys.stdout = _ClosedOutput()
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError, io.UnsupportedOperation):
                reconfigure(encoding="utf-8", errors="backslashreplace")
    return closed


def say(message: str) -> None:
    """Write a message for the user on standard error, every unsafe character shown as a visible escape.

    A closed standard error swallows it: there is nobody to tell.
    """
    stream = sys.stderr
    if stream is None:
        return
    with contextlib.suppress(OSError, ValueError):
        stream.write(safe_text(message) + "\n")
        stream.flush()


def silence_stdout() -> None:
    """After a broken pipe or a failed write: point standard output at /dev/null.

    Python flushes standard output once more at exit; without this, that flush fails again and
    prints "Exception ignored" after our own message.
    """
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
