"""The work after the first frame (the other tabs, the search index) gives way to the reader's keys
(`briefing.tui.background.GiveWay`), unless the reader waits for it (a search typed before the index)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.search import index
from briefing.tui.app import make_app
from briefing.tui.background import GiveWay
from briefing.tui.search_state import SearchController
from tests.tui.keys import settle
from tests.waiting import wait_until


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_work_waits_until_no_key_came_for_a_while() -> None:
    clock = Clock()
    give_way = GiveWay(resume_after=0.4, clock=clock)
    assert give_way.seconds_to_wait() == 0, "before any key, work runs at once"
    give_way.key_pressed()
    assert give_way.seconds_to_wait() == pytest.approx(0.4)
    clock.now += 0.3
    assert give_way.seconds_to_wait() == pytest.approx(0.1)
    give_way.key_pressed()  # another key: the wait starts again
    assert give_way.seconds_to_wait() == pytest.approx(0.4)
    clock.now += 0.5
    assert give_way.seconds_to_wait() == 0


def test_urged_work_no_longer_waits() -> None:
    clock = Clock()
    give_way = GiveWay(resume_after=0.4, clock=clock)
    give_way.key_pressed()
    give_way.urge()
    assert give_way.seconds_to_wait() == 0
    give_way.pause()  # returns at once


async def test_keys_hold_the_index_back_until_a_search_needs_it(
    sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index, "SLICE_ROWS", 100)  # the sample's index in slices, as a big book's
    # The index thread starts once the key below is in (in a test it would race the key otherwise).
    starts: list[tuple[SearchController, GiveWay | None]] = []
    build_index = SearchController.build_index
    monkeypatch.setattr(SearchController, "build_index", lambda self, give_way=None: starts.append((self, give_way)))
    app = make_app(sample_path, start_at_top=True)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.main_screen
        screen.give_way.resume_after = 3600.0  # the reader "keeps pressing keys"
        await wait_until(pilot, lambda: bool(starts), "the work after the first frame asking for the index")
        assert screen.give_way.seconds_to_wait() == 0
        await pilot.press("j")
        assert screen.give_way.seconds_to_wait() > 0, "the screen noted the key"
        build_index(*starts[0])
        await wait_until(pilot, lambda: screen.search._give_way is not None, "the index thread being started")
        for _ in range(20):
            await pilot.pause()
        assert screen.search.index is None, "the index must wait while keys come"
        await pilot.press("slash", *"council")
        await settle(pilot)  # bounded: fails if the typed search never gets its index
        assert screen.search.index is not None
        assert screen.search.hits, "the search typed meanwhile was answered"


@pytest.mark.idle_mount  # the hidden tabs mounted after the first frame, as in the app
async def test_the_item_map_is_built_in_slices_before_the_hidden_tabs(
    sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A meeting tab's mount built the book's item map in one go (some 100 ms on 60,000 items), and a first
    # key on that tab waited for all of it; in slices, keys are answered between two.
    from briefing.model import BriefingLookup
    from briefing.tui.screens.main_screen import MainScreen

    seen: list[str] = []
    map_items = BriefingLookup.map_items

    def sliced(self: BriefingLookup, slice_size: int = 2_000) -> object:
        for _ in map_items(self, slice_size=10):  # the sample's 100-odd items in slices, as a big book's
            seen.append("slice")
            yield
        seen.append("mapped")

    ensure_content = MainScreen.ensure_content

    async def ensure(self: MainScreen, pane_id: str) -> object:
        seen.append(pane_id)
        return await ensure_content(self, pane_id)

    monkeypatch.setattr(BriefingLookup, "map_items", sliced)
    monkeypatch.setattr(MainScreen, "ensure_content", ensure)
    app = make_app(sample_path, start_at_top=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert "items" in app.main_screen.lookup.__dict__
    assert "mapped" in seen, "the work after the first frame builds the item map"
    first_tab = next(n for n, what in enumerate(seen) if what.startswith("meeting-"))
    assert seen.index("mapped") < first_tab, "before the first meeting tab is mounted"
    assert seen.count("slice") > 5, "a slice at a time"
