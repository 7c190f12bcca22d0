"""Drive a terminal app in a pseudo-terminal, as a user's terminal would, and time what the screen does.

    with PtyApp([sys.executable, "-m", "briefing"], columns=120, lines=36) as app:
        first = app.settle()                 # seconds from spawn until the screen stops changing
        seconds = app.press(b"j")            # key written -> last byte of the screen's answer
    app.peak_rss_kib                         # the child's peak resident memory (ru_maxrss), after exit

"Settled" means: no byte from the app for `quiet` seconds; the time reported is that of the last byte,
so the quiet window itself is not counted. The terminal is drained all the time, so the app never
blocks writing a frame.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time
from pathlib import Path
from types import TracebackType

RECENT_BYTES = 65536
"""How much of the app's latest output `press_until` looks through."""

PROBE_FD = "BRIEFING_CPU_PROBE_FD"
"""Where `benchmarks/cpu_probe.py` writes its UI thread's CPU time (the name is shared with it)."""

QUIET = 0.5
"""Seconds without output after which the screen counts as settled (Textual frames come every ~16 ms;
a lone escape waits for the rest of a possible sequence first)."""


def _process_clock(pid: int) -> int:
    """The clock id of another process's CPU time (all its threads), as Linux makes it for
    `clock_gettime`: the negated pid, shifted, with CPUCLOCK_SCHED (`clock_getcpuclockid`'s value)."""
    return (~pid << 3) | 2


class PtyApp:
    def __init__(self, argv: list[str], columns: int = 120, lines: int = 36, env: dict[str, str] | None = None,
                 probe: bool = False) -> None:
        """`probe`: `argv` runs `benchmarks/cpu_probe.py`, which tells its UI thread's CPU time to the
        nanosecond (`cpu_seconds(ui_thread=True)`); without it, that time comes from /proc in 10 ms ticks."""
        environment = dict(env or os.environ, TERM="xterm-256color", COLUMNS=str(columns), LINES=str(lines))
        self._probe: int | None = None
        if probe:
            self._probe, probe_end = os.pipe()
            os.set_inheritable(probe_end, True)
            environment[PROBE_FD] = str(probe_end)
        self.started = time.perf_counter()
        self.pid, self.master = pty.fork()
        if self.pid == 0:  # the child: the program on the terminal's slave side
            os.execvpe(argv[0], argv, environment)
        if self._probe is not None:
            os.close(probe_end)
        fcntl.ioctl(self.master, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        os.set_blocking(self.master, False)
        self.peak_rss_kib = 0
        self.exit_code: int | None = None
        self.received = 0
        self.last_output = self.started
        self.recent = b""
        """The last bytes the app wrote (for `press_until`)."""
        self.last_cpu = 0.0
        """CPU seconds the app used for the last `press`, all its threads."""
        self.last_ui_cpu = 0.0
        """The part of `last_cpu` of the app's UI thread (not its workers' threads: the search index being
        built after the first frame, a search)."""
        """When the app last wrote to the terminal (for a first frame: the frame, then the exit's reset)."""

    def _read(self, timeout: float) -> float | None:
        """Read what is there within `timeout`; the time of the last byte read, or None if nothing came."""
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return None
        last = None
        while True:
            try:
                data = os.read(self.master, 65536)
            except (BlockingIOError, OSError):
                break
            if not data:
                break
            self.received += len(data)
            self.recent = (self.recent + data)[-RECENT_BYTES:]
            last = self.last_output = time.perf_counter()
        return last

    def settle(self, since: float | None = None, quiet: float = QUIET, limit: float = 120.0) -> float:
        """Seconds from `since` (default: spawn) to the last byte before `quiet` seconds of silence.

        From spawn, the silence only counts once the app has drawn something: starting Python and
        importing are silent too.
        """
        deadline = time.perf_counter() + limit
        if since is None:
            since = self.started
            while self.received == 0 and time.perf_counter() < deadline:
                self._read(0.05)
        last = since
        while time.perf_counter() < deadline:
            got = self._read(quiet)
            if got is None:
                return last - since
            last = got
        raise TimeoutError(f"the screen kept changing for {limit} s")

    def cpu_seconds(self, ui_thread: bool = False) -> float:
        """CPU time the app has used so far (user + system): all its threads (the process's CPU clock, to
        the nanosecond), or only its first thread (`ui_thread`: where Textual runs the app's event loop,
        its keys and frames; asked of the probe, else read from /proc in clock ticks)."""
        if not ui_thread:
            try:
                return time.clock_gettime(_process_clock(self.pid))
            except OSError:
                pass
        elif self._probe is not None:
            return self._probed_ui_seconds()
        stat = f"/proc/{self.pid}/task/{self.pid}/stat" if ui_thread else f"/proc/{self.pid}/stat"
        try:
            fields = Path(stat).read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def _probed_ui_seconds(self, limit: float = 10.0) -> float:
        assert self._probe is not None
        os.kill(self.pid, signal.SIGUSR1)
        answer = b""
        while not answer.endswith(b"\n"):
            if not select.select([self._probe], [], [], limit)[0]:
                raise TimeoutError(f"the probe did not answer within {limit} s")
            answer += os.read(self._probe, 64)
        return int(answer) / 1e9

    def _cpu_from(self, start: tuple[float, float]) -> None:
        self.last_cpu = self.cpu_seconds() - start[0]
        self.last_ui_cpu = self.cpu_seconds(ui_thread=True) - start[1]

    def press(self, keys: bytes, quiet: float = QUIET, answer_within: float = 10.0) -> float:
        """Write `keys`; seconds until the screen's answer settled (0.0 if nothing changed within
        `answer_within` s: a busy app may take longer than `quiet` to start answering). The app's CPU
        time for the key (its work, whatever the machine's load) is left in `last_cpu`."""
        self.settle(quiet=quiet)  # start from a still screen
        cpu = self.cpu_seconds(), self.cpu_seconds(ui_thread=True)
        pressed = time.perf_counter()
        os.write(self.master, keys)
        first = self._read(answer_within)
        if first is None:
            self._cpu_from(cpu)
            return 0.0
        # An answer drawn in one frame is all in this first read: `settle` then sees no later byte.
        seconds = max(first - pressed, self.settle(since=pressed, quiet=quiet))
        self._cpu_from(cpu)
        return seconds

    def press_until(self, keys: bytes, marker: bytes, limit: float = 120.0) -> float:
        """Write `keys`; seconds until `marker` shows in the app's output (an answer that comes from a
        worker, after the screen may have gone quiet: search results once the index is built)."""
        self.settle()
        self.recent = b""
        cpu = self.cpu_seconds(), self.cpu_seconds(ui_thread=True)
        pressed = time.perf_counter()
        os.write(self.master, keys)
        deadline = pressed + limit
        while marker not in self.recent:
            if time.perf_counter() > deadline:
                raise TimeoutError(f"{marker!r} never showed within {limit} s")
            self._read(0.05)
        self._cpu_from(cpu)
        return self.last_output - pressed

    def close(self, quit_keys: bytes = b"q", timeout: float = 10.0) -> None:
        """Send `quit_keys`, wait up to `timeout` s for the exit (then kill), keep its peak memory."""
        if self.exit_code is not None:
            return
        with contextlib.suppress(OSError):
            os.write(self.master, quit_keys)
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            self._read(0.05)
            finished, status, usage = os.wait4(self.pid, os.WNOHANG)
            if finished:
                break
        else:
            os.kill(self.pid, signal.SIGKILL)
            _, status, usage = os.wait4(self.pid, 0)
        self.peak_rss_kib = usage.ru_maxrss
        self.exit_code = os.waitstatus_to_exitcode(status)
        os.close(self.master)
        if self._probe is not None:
            os.close(self._probe)

    def __enter__(self) -> PtyApp:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.close()
