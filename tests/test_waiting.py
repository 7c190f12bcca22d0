"""The wait helpers fail, with their description, when the awaited thing never comes."""

from __future__ import annotations

import pytest
from textual.app import App

from tests.waiting import WaitTimeout, press_until, wait_for, wait_until


async def test_waits_give_up_and_say_what_they_waited_for() -> None:
    async with App().run_test() as pilot:
        with pytest.raises(WaitTimeout, match=r"the impossible.*last seen: 42"):
            await wait_until(pilot, lambda: False, "the impossible", pauses=3, seen=lambda: 42)
        with pytest.raises(WaitTimeout, match="pressed 'j' 2 times and never saw a unicorn"):
            await press_until(pilot, "j", lambda: False, "a unicorn", presses=2)
        presses = []
        assert await press_until(pilot, "j", lambda: len(presses) >= 0, "anything") == 0
        await wait_until(pilot, lambda: True, "what is already there")


def test_wait_for_outside_an_app() -> None:
    with pytest.raises(WaitTimeout, match="a file that never comes"):
        wait_for(lambda: False, "a file that never comes", seconds=0.05)
    wait_for(lambda: True, "something true")
