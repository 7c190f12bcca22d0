"""Pictures of each main view at 80×24, 120×40 and 40×12, and in a light theme (pytest-textual-snapshot;
review them as images).

The book is the small factory briefing, not the sample, so that the pictures change when the app
changes, not when the sample's wording does. Update with `pytest tests/tui --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from briefing.tui.app import make_app
from tests.factories import minimal_briefing_dict
from tests.tui.keys import settle

SIZES = [(80, 24), (120, 40), (40, 12)]

VIEWS: dict[str, tuple[str, ...]] = {
    "overview": (),
    "meeting": ("2", "right_square_bracket", "j", "j"),
    "hit": ("slash", *"minister", "enter"),
    "quotes": ("3",),
    "search": ("slash", *"minister"),
    "people": ("5",),
    "help": ("question_mark",),
}
"""Keys that lead from start-up to each view."""


@pytest.fixture
def snapshot_book(write_briefing: Callable[[dict], Path]) -> Path:
    data = minimal_briefing_dict()
    second = dict(data["meetings"][0]["sessions"][0])
    second.update(
        id="lunch", title="Working lunch on the Sahel", part_of_day="midday", passages=[], key_points=[],
        positions=[], figures=[], quotes=[],
    )
    data["meetings"][0]["sessions"].append(second)
    return write_briefing(data)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("view", list(VIEWS))
def test_view(snap_compare, snapshot_book: Path, view: str, size: tuple[int, int]) -> None:
    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press(*VIEWS[view])
        await settle(pilot)
        await pilot.pause()  # a landing scrolls after the refresh that follows the key

    assert snap_compare(make_app(snapshot_book), run_before=run_before, terminal_size=size)


LIGHT_VIEWS = ["meeting", "hit", "quotes", "people"]
"""Views with the most colours (labels, markers, matches, cursor) to check in a light theme."""


@pytest.mark.parametrize("view", LIGHT_VIEWS)
def test_view_in_a_light_theme(snap_compare, snapshot_book: Path, view: str) -> None:
    async def run_before(pilot: Pilot) -> None:
        pilot.app.theme = "textual-light"
        await settle(pilot)
        await pilot.press(*VIEWS[view])
        await settle(pilot)

    assert snap_compare(make_app(snapshot_book), run_before=run_before, terminal_size=(80, 24))
