"""Keys typed in a burst land where the same keys typed one at a time land.

Right after a scroll the cursor's screen region is still the last frame's while the scroll offset is
already the new one; the reader measured with both, so `] j j` typed fast scrolled a few lines off, and
the 40-column meeting snapshot changed with the machine's load.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.tui.app import make_app
from tests.tui.keys import main_screen, settle

pytestmark = pytest.mark.idle_mount  # keys typed in a burst while the hidden tabs mount in the background

KEYS = ("2", "right_square_bracket", "j", "j")


async def landing(book: Path, *, burst: bool) -> tuple[str | None, float]:
    app = make_app(book)
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        if burst:
            await pilot.press(*KEYS)
        else:
            for key in KEYS:
                await pilot.press(key)
                await settle(pilot)
        await settle(pilot)
        view = main_screen(app).current_meeting_view()
        assert view is not None
        return getattr(app.focused, "item_id", None), view.reader.scroll_y


async def test_a_burst_of_reader_keys_lands_where_keys_one_at_a_time_land(minimal_path: Path) -> None:
    one_at_a_time = await landing(minimal_path, burst=False)
    assert one_at_a_time[0] is not None and one_at_a_time[1] > 0, "the keys reach an item further down"
    assert await landing(minimal_path, burst=True) == one_at_a_time
