"""Bounded waits for tests: each one gives up after a limit and fails saying what it waited for.

No `while` loop in a test may wait on the app: if the condition never comes, the test must fail with a
description, not hang until the CI job is killed.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.pilot import Pilot

PAUSES = 200
"""Refreshes an app-side wait allows: well over what any view here needs to settle."""

KEY_PRESSES = 60
"""Presses a `press_until` allows: more stops than any list in the sample has."""


class WaitTimeout(AssertionError):
    """A bounded wait ran out; the message says what was awaited and what was seen last."""


async def wait_until(pilot: Pilot, condition: Callable[[], bool], what: str, *, pauses: int = PAUSES,
                     seen: Callable[[], object] | None = None) -> None:
    """Let the app refresh until `condition()` holds; fail after `pauses` refreshes."""
    for _ in range(pauses):
        if condition():
            return
        await pilot.pause()
    if condition():
        return
    raise WaitTimeout(f"gave up waiting for {what} after {pauses} refreshes" + _last(seen))


async def press_until(pilot: Pilot, key: str, condition: Callable[[], bool], what: str, *,
                      presses: int = KEY_PRESSES, seen: Callable[[], object] | None = None) -> int:
    """Press `key` until `condition()` holds; return how many presses it took; fail after `presses`."""
    for count in range(presses + 1):
        await pilot.pause()
        if condition():
            return count
        if count < presses:
            await pilot.press(key)
    raise WaitTimeout(f"pressed {key!r} {presses} times and never saw {what}" + _last(seen))


def wait_for(condition: Callable[[], bool], what: str, *, seconds: float = 10.0, step: float = 0.02) -> None:
    """Outside an app (files, processes): poll `condition()` until it holds; fail after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(step)
    if not condition():
        raise WaitTimeout(f"gave up waiting for {what} after {seconds:g} s")


def _last(seen: Callable[[], object] | None) -> str:
    return f"; last seen: {seen()!r}" if seen is not None else ""
