"""The work the app does after the first frame gives way to the reader's keys.

Right after the first frame of a big book the app still mounts the other tabs and builds the search
index (a second or more of work). A key pressed meanwhile had to share the interpreter with it: on a
book of 10,000 sessions the first tab switch took two and a half times as long. So that work runs in
slices, and before each slice it waits until no key has come for `RESUME_AFTER` seconds, unless
something the reader asked for waits for it (a search typed before the index is built: `urge`). The tabs
are mounted in a worker without pauses (a key is answered between two tabs; a tab held back was one the
next key had to mount); the index thread pauses.
"""

from __future__ import annotations

import time
from collections.abc import Callable

RESUME_AFTER = 0.4
"""Seconds without a key after which background work goes on (a key's answer, even a tab switch to a
meeting of 10,000 sessions, is drawn well within it)."""


STEP = 0.02
"""Longest sleep of a paused thread between two looks at the keys, `urge` and cancellation."""


class WorkCancelled(Exception):
    """The paused work is no longer wanted (its worker was cancelled: the app is closing)."""


class GiveWay:
    """Tells background work when to pause: `key_pressed` by the screen, `pause` between slices (from a
    worker thread: it only reads a clock and two attributes)."""

    def __init__(self, resume_after: float | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        self.resume_after = RESUME_AFTER if resume_after is None else resume_after
        self._clock = clock
        self._last_key = -float("inf")
        self.urgent = False
        """Something waits for the work: it no longer pauses."""

    def key_pressed(self) -> None:
        self._last_key = self._clock()

    def urge(self) -> None:
        """The reader waits for the work (a query typed before the index exists): no more pauses."""
        self.urgent = True

    def seconds_to_wait(self) -> float:
        """How long the next slice should wait; 0 when it may run now."""
        if self.urgent:
            return 0.0
        return max(0.0, self._last_key + self.resume_after - self._clock())

    def pause(self, cancelled: Callable[[], bool] = lambda: False) -> None:
        """Block (a worker thread) until the keys leave room; raise `WorkCancelled` once `cancelled()`.

        It sleeps in short steps, so that `urge` and the app closing are noticed at once."""
        while (seconds := self.seconds_to_wait()) > 0:
            if cancelled():
                raise WorkCancelled
            time.sleep(min(seconds, STEP))
