"""The benchmarks' terminal driver tells the app's UI thread's CPU time from its workers' threads'."""

from __future__ import annotations

import sys

import pytest

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


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_workers_cpu_is_not_the_ui_threads() -> None:
    with PtyApp([sys.executable, "-c", PROGRAM]) as app:
        app.settle()
        app.press_until(b"\n", b"done")
        assert app.last_cpu >= 0.3, "the worker's CPU counts in all threads'"
        assert app.last_ui_cpu <= 0.05, "the first thread only slept"
