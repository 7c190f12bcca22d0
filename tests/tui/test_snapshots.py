"""Pictures of each main view at 80×24, 120×40 and 40×12, and in a light theme (pytest-textual-snapshot;
review them as images).

The book is the small factory briefing, not the sample, so that the pictures change when the app
changes, not when the sample's wording does. Update with `pytest tests/tui --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Tab

from briefing.tui.app import make_app
from tests.factories import minimal_briefing_dict
from tests.tui.keys import settle
from tests.waiting import wait_until

pytestmark = pytest.mark.idle_mount  # the views as users see them: the hidden tabs mount in the background here too

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


def landed(app: App) -> bool:
    """The cursor's widget and the active tab are scrolled into view (a landing scrolls a refresh or two
    after its key: the snapshot waits for that, not for a number of refreshes)."""
    focused = app.screen.focused
    if focused is not None and focused.region.height == 0:
        return False
    return all(tab.region.width >= tab.size.width for tab in app.screen.query(Tab) if tab.has_class("-active"))


async def settle_on(pilot: Pilot, keys: tuple[str, ...]) -> None:
    """Press `keys` from a settled start; then wait for the index and the answers (`settle`) and for
    the landing to scroll into view."""
    await settle(pilot)
    await pilot.press(*keys)
    await settle(pilot)
    await wait_until(pilot, lambda: landed(pilot.app), "the cursor and the active tab in view")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("view", list(VIEWS))
def test_view(snap_compare, snapshot_book: Path, view: str, size: tuple[int, int]) -> None:
    async def run_before(pilot: Pilot) -> None:
        await settle_on(pilot, VIEWS[view])

    assert snap_compare(make_app(snapshot_book), run_before=run_before, terminal_size=size)


LIGHT_VIEWS = ["meeting", "hit", "quotes", "people"]
"""Views with the most colours (labels, markers, matches, cursor) to check in a light theme."""


@pytest.mark.parametrize("view", LIGHT_VIEWS)
def test_view_in_a_light_theme(snap_compare, snapshot_book: Path, view: str) -> None:
    async def run_before(pilot: Pilot) -> None:
        pilot.app.theme = "textual-light"
        await settle_on(pilot, VIEWS[view])

    assert snap_compare(make_app(snapshot_book), run_before=run_before, terminal_size=(80, 24))
