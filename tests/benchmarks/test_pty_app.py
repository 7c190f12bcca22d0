"""The benchmarks' terminal driver tells the app's UI thread's CPU time from its workers' threads'."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from benchmarks.big_book_benchmark import CPU_PROBE
from benchmarks.pty_app import PtyApp

PROGRAM = """
import sys, threading, time

def burn():  # a worker: 0.4 s of CPU on its own thread
    end = time.thread_time() + 0.4
    while time.thread_time() < end:
        pass
    print("done", flush=True)

print("ready", flush=True)
sys.stdin.readline()  # the main thread waits for the key, then for the worker
worker = threading.Thread(target=burn)
worker.start()
worker.join()
time.sleep(1)  # alive while the driver reads its CPU times
"""


@pytest.mark.slow  # a benchmark tool's own test, with real processes: `pytest -m slow` (and .ci/run)
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_workers_cpu_is_not_the_ui_threads() -> None:
    with PtyApp([sys.executable, "-c", PROGRAM]) as app:
        app.settle()
        app.press_until(b"\n", b"done")
        assert app.last_cpu >= 0.3, "the worker's CPU counts in all threads'"
        assert app.last_ui_cpu <= 0.05, "the first thread only slept"


PROBED = """
import sys, threading, time

def spin(seconds):
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass

print("ready", flush=True)
sys.stdin.readline()
worker = threading.Thread(target=spin, args=(0.4,))
worker.start()
worker.join()
spin(0.205)  # the main thread's own work
print("done", flush=True)
sys.stdin.readline()
"""


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a Linux process clock and SIGUSR1")
def test_the_probe_tells_the_ui_threads_cpu_to_the_millisecond(tmp_path: Path) -> None:
    (tmp_path / "probed.py").write_text(PROBED)
    env = dict(os.environ, PYTHONPATH=str(tmp_path))
    with PtyApp([sys.executable, str(CPU_PROBE), "probed"], env=env, probe=True) as app:
        app.settle()
        app.press_until(b"\n", b"done")
        assert abs(app.last_ui_cpu - 0.205) < 0.004, "the main thread's own 0.205 s, not in 10 ms ticks"
        assert app.last_cpu >= 0.6, "the process's clock counts the worker's 0.4 s too"
        app.close(quit_keys=b"\n")
    assert app.exit_code == 0
