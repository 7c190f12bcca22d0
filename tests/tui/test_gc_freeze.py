"""The loaded book is frozen out of full collections by the command line, and only there.

`gc.get_objects()` lists the objects the collector walks; a frozen object is not among them.
"""

from __future__ import annotations

import gc
import time
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.tui.app import BriefingApp, make_app
from briefing.tui.memory import WORTH_COLLECTING, CollectorHold


def walked_by_the_collector(thing: object) -> bool:
    return any(candidate is thing for candidate in gc.get_objects())


@pytest.fixture(autouse=True)
def thawed() -> None:
    gc.unfreeze()
    yield
    gc.unfreeze()  # whatever a test froze goes back to the collector


def test_make_app_leaves_the_book_to_the_collector(sample_path: Path) -> None:
    app = make_app(sample_path)
    assert gc.get_freeze_count() == 0
    assert walked_by_the_collector(app.briefing), "apps built by tests must be collectable"


def test_the_command_line_freezes_the_book_before_running_the_app(
    sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[bool, int]] = []

    def run(self: BriefingApp, *args: object, **kwargs: object) -> None:
        seen.append((walked_by_the_collector(self.briefing), gc.get_freeze_count()))

    monkeypatch.setattr(BriefingApp, "run", run)
    monkeypatch.delenv("TERM", raising=False)
    assert main([str(sample_path)]) == 0
    [(walked, frozen)] = seen
    assert not walked, "the book is in the permanent generation while the app runs"
    assert frozen > 10_000


def test_the_command_line_keeps_the_collector_off_until_the_book_is_settled(
    sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[bool, bool]] = []

    def run(self: BriefingApp, *args: object, **kwargs: object) -> None:
        seen.append((gc.isenabled(), self.collector is not None and not self.collector.released))
        self.book_settled()  # what MainScreen says once its tabs and its search index are built
        seen.append((gc.isenabled(), self.collector is not None and self.collector.released))

    monkeypatch.setattr(BriefingApp, "run", run)
    monkeypatch.delenv("TERM", raising=False)
    assert main([str(sample_path)]) == 0
    assert seen == [(False, True), (True, True)]


@pytest.mark.idle_mount  # settled = every hidden tab mounted in the background and the index built
async def test_the_app_says_when_its_book_is_settled(sample_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.tui.memory import CollectorHold
    from tests.tui.keys import settle

    app = make_app(sample_path)
    app.collector = hold = CollectorHold()
    hold.hold()
    try:
        async with app.run_test() as pilot:
            await settle(pilot)  # every tab mounted, the search index built
            await pilot.pause()
            assert hold.released and gc.isenabled()
            # Counted by calls: the frozen count itself goes down whenever a frozen object is freed.
            freezes: list[None] = []
            monkeypatch.setattr(gc, "freeze", lambda: freezes.append(None))
            app.book_settled()  # once only: nothing more is frozen
            assert freezes == [], "a second 'settled' froze the heap again"
    finally:
        gc.enable()


def test_once_settled_young_garbage_is_collected_in_bigger_batches() -> None:
    from briefing.tui.memory import YOUNG_COLLECTION_EVERY, CollectorHold

    before = gc.get_threshold()
    gc.set_threshold(700, *before[1:])  # Python's default (the test processes' own is bigger: tests/conftest)
    hold = CollectorHold()
    try:
        hold.hold()
        hold.release()
        # A full collection comes once in a hundred young ones: fewer of them fall inside a key.
        assert gc.get_threshold() == (YOUNG_COLLECTION_EVERY, *before[1:])
        assert gc.isenabled()
    finally:
        gc.set_threshold(*before)
        gc.enable()


class _Cycle:
    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def released() -> Iterator[CollectorHold]:
    """A collector released as the command line releases it; the test process's own settings back after."""
    before = gc.get_threshold()
    hold = CollectorHold()
    hold.hold()
    hold.release()
    yield hold
    gc.set_threshold(*before)
    gc.enable()


def test_idle_collects_the_young_garbage(released: CollectorHold) -> None:
    gc.collect()
    garbage = weakref.ref(_Cycle())  # unreachable at once, freed only by a collection (a cycle)
    kept = [[index] for index in range(WORTH_COLLECTING)]  # what a key makes
    assert garbage() is not None
    assert released.collect_while_idle() == 1
    assert garbage() is None
    assert gc.get_count()[:2] == (0, 0)
    assert released.collect_while_idle() is None, "next to nothing pending: nothing to collect"
    assert len(kept) == WORTH_COLLECTING


def test_idle_collects_the_old_too_before_python_would(released: CollectorHold) -> None:
    gc.collect()
    for _ in range(gc.get_threshold()[2] - 1):  # each middle collection counts one towards a full one
        gc.collect(1)
    kept = [[index] for index in range(WORTH_COLLECTING)]
    assert released.collect_while_idle() == 2
    assert len(kept) == WORTH_COLLECTING
    assert gc.get_count() == (0, 0, 0)


def test_nothing_is_collected_before_the_collector_is_released() -> None:
    hold = CollectorHold()
    kept = [[index] for index in range(WORTH_COLLECTING)]
    assert hold.collect_while_idle() is None
    assert len(kept) == WORTH_COLLECTING


async def test_the_app_collects_once_the_keys_stop(sample_path: Path, released: CollectorHold) -> None:
    from briefing.tui.memory import IDLE_BEFORE_COLLECTING

    collections: list[tuple[float, int]] = []

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append((time.monotonic(), info["generation"]))

    app = make_app(sample_path)
    app.collector = released
    async with app.run_test() as pilot:
        await pilot.pause()
        gc.callbacks.append(record)
        try:
            for key in "jjj":
                await pilot.press(key)
                last_key = time.monotonic()
                _Cycle()
            await pilot.pause(IDLE_BEFORE_COLLECTING + 0.5)  # the idle time, and then some for the timer
        finally:
            gc.callbacks.remove(record)
    # Python's own young collections may come meanwhile; the middle generation is collected once, idle.
    [when] = [when for when, generation in collections if generation >= 1]
    assert when - last_key >= IDLE_BEFORE_COLLECTING * 0.9, "not before the reader stopped"
