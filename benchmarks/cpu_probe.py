"""`python benchmarks/cpu_probe.py MODULE ARGS` runs `python -m MODULE ARGS` (`briefing open …`), with one
thing added for the benchmarks: on SIGUSR1 the main thread (where Textual runs the app's event loop: its keys,
layout and drawing) writes its own CPU time, in nanoseconds, to the file descriptor named by
`BRIEFING_CPU_PROBE_FD`.

Linux's /proc reports a thread's CPU time in 10 ms clock ticks, as coarse as what a key costs; another
process cannot read a thread's own CPU clock. The app's code is untouched: the probe is only this launcher.
"""

from __future__ import annotations

import os
import runpy
import signal
import sys
import time
from types import FrameType

PROBE_FD = "BRIEFING_CPU_PROBE_FD"


def _report(signum: int, frame: FrameType | None) -> None:
    os.write(_fd, b"%d\n" % time.thread_time_ns())


if __name__ == "__main__":
    _fd = int(os.environ.pop(PROBE_FD))
    signal.signal(signal.SIGUSR1, _report)
    module = sys.argv.pop(1)
    sys.argv[0] = module
    runpy.run_module(module, run_name="__main__", alter_sys=True)
