"""SIGTERM and SIGHUP end the app, even when its main thread cannot run any more.

The app quits cleanly on them (terminal restored, an unfinished export removed: `BriefingApp._terminated`),
through its event loop. But a loop that writes to a terminal no longer reading (a window being closed,
output stopped with Ctrl+S, a frozen emulator) waits on Textual's full output queue for ever: a signal
handler run by that loop never ran, and `kill` left the process there (one was found at 93% CPU, reading
its closed input). So the two signals are taken by a thread of their own: it asks the app to quit, and
if the process is still there `GRACE` seconds later, removes unfinished exports and ends it with 128+n.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp

ENDING_SIGNALS = frozenset({signal.SIGTERM, signal.SIGHUP})

GRACE = 3.0
"""Seconds the app has to quit cleanly after SIGTERM or SIGHUP (it takes well under one)."""


def end_on_signals(app: BriefingApp, grace: float = GRACE) -> None:
    """Take SIGTERM and SIGHUP in a thread of their own from now on (call before the app's threads
    start: they inherit the blocked signals, which only that thread then receives)."""
    signal.pthread_sigmask(signal.SIG_BLOCK, ENDING_SIGNALS)
    threading.Thread(target=_wait_for_signal, args=(app, grace), daemon=True, name="briefing-ending").start()


def _wait_for_signal(app: BriefingApp, grace: float) -> None:
    number = signal.sigwait(ENDING_SIGNALS)
    # Asked from yet another thread: `call_from_thread` waits for the loop, which may never answer.
    threading.Thread(target=_ask_to_quit, args=(app, number), daemon=True, name="briefing-quit").start()
    time.sleep(grace)
    from briefing.files import remove_unfinished

    remove_unfinished()
    os._exit(128 + number)


def _ask_to_quit(app: BriefingApp, number: int) -> None:
    with contextlib.suppress(RuntimeError):  # the app is not running (it has ended: the grace ends it)
        app.call_from_thread(app._terminated, number)
