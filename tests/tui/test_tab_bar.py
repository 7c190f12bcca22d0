"""The tab bar on a narrow screen: what it shows depends on the labels, not on when they changed.

A label can change after its tab became active (the search counter "–/2" comes from a worker). Textual
centres the active tab only when it becomes active, so a bar relabelled later stayed scrolled by the old
widths, and the 40-column snapshots changed with the machine's load.
"""

from __future__ import annotations

from pathlib import Path

from textual.containers import Container
from textual.widgets import Tabs

from briefing.tui.app import BriefingApp, make_app
from tests.tui.keys import main_screen, settle
from tests.waiting import wait_until


def off_centre(app: BriefingApp) -> float:
    """Columns between the middle of the active tab and the middle of the bar's visible part."""
    bar = app.screen.query_one(Tabs)
    scroll = bar.query_one("#tabs-scroll", Container)
    tab = bar.active_tab
    assert tab is not None
    middle_of_tab = tab.virtual_region.x + tab.virtual_region.width / 2
    return abs(middle_of_tab - (scroll.scroll_x + scroll.size.width / 2))


async def test_a_tab_relabelled_after_it_became_active_is_centred_again(minimal_path: Path) -> None:
    app = make_app(minimal_path)
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await wait_until(pilot, lambda: main_screen(app).tabs.active == "search", "the Search tab")
        await settle(pilot)
        # The bar scrolls a refresh or two after a switch or a relabel: wait (bounded) for it to be centred.
        await wait_until(pilot, lambda: off_centre(app) <= 1, "the Search tab centred when it became active",
                         seen=lambda: off_centre(app))
        await pilot.press(*"minister")  # the answer relabels the active tab "4 Search –/2"
        await settle(pilot)
        tab = app.screen.query_one(Tabs).active_tab
        assert tab is not None and "/" in tab.label.plain, "the search counter is in the label"
        await wait_until(pilot, lambda: off_centre(app) <= 1, "the wider label centred too",
                         seen=lambda: off_centre(app))
