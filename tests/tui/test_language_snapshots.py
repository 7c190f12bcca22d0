"""Pictures of the main views of a book in French (labels, dates, « quotation marks »), at 120×40.

Update with `pytest tests/tui/test_language_snapshots.py --snapshot-update` and look at what changed.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from briefing.tui.app import make_app
from tests.tui.test_book_language import FRENCH_BOOK

pytestmark = pytest.mark.idle_mount  # the views as users see them: the hidden tabs mount in the background here too

VIEWS: dict[str, tuple[str, ...]] = {
    "overview": (),
    "meeting": ("2", "right_square_bracket", "j", "j"),
    "quotes": ("3",),
    "people": ("5",),
}
"""Keys that lead from start-up to each view (the French book has one meeting: tab 2)."""


@pytest.mark.parametrize("view", list(VIEWS))
def test_french_view(snap_compare, view: str) -> None:
    async def settle(pilot: Pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.press(*VIEWS[view])
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()  # a landing scrolls after the refresh that follows the key

    assert snap_compare(make_app(FRENCH_BOOK), run_before=settle, terminal_size=(120, 40))
