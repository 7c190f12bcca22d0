"""Quitting while the hidden tabs are being mounted is clean.

The app mounts its hidden tabs right after the first frame. When it quits (or a widget is removed)
before a tab's content has composed its children, Textual mounts nothing into it (it is being pruned)
and still sends it `Mount`: an `on_mount` that looks up its own children must not fail then. Seen once
on a slow machine as `NoMatches '#notes-list'` from `NotesList.on_mount`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.containers import Vertical

from briefing.tui.app import BriefingApp, make_app
from briefing.tui.tabs import MAX_MEETING_TABS
from briefing.tui.widgets.search_panel import SearchPanel
from tests.tui.keys import main_screen, settle
from tests.tui.test_big_books import book_of
from tests.waiting import wait_until

pytestmark = pytest.mark.idle_mount  # the app as users run it, hidden tabs mounting in the background


@pytest.mark.parametrize("book", ["sample", "picker"])
async def test_every_tab_s_content_removed_before_it_composed_leaves_the_app_running(
    book: str, sample_path: Path, write_briefing: Callable[[dict], Path],
) -> None:
    path = sample_path if book == "sample" else write_briefing(book_of(meetings=MAX_MEETING_TABS + 1))
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        holder = Vertical(id="holder")
        await screen.mount(holder)
        for spec in screen.tab_specs:
            content = spec.build()
            holder.mount(content)  # not awaited: its children are composed when its task first runs
            await content.remove()  # pruned first, as the app's shutdown prunes every screen
            assert app.is_running and app._exception is None, (
                f"removing tab {spec.id!r} before it composed raised {app._exception!r}"
            )
        await pilot.pause()


async def test_a_search_run_while_the_search_tab_mounts_is_shown_once_the_panel_is_there(
    sample_app: BriefingApp,
) -> None:
    async with sample_app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = main_screen(sample_app)
        panel = next(spec for spec in screen.tab_specs if spec.id == "search").build()
        assert isinstance(panel, SearchPanel)
        holder = Vertical(id="holder")
        await screen.mount(holder)
        # Registered as the search tab's content before its mount, as `MainScreen.ensure_content` does: a
        # search answered after the panel's mount reaches it through the tabs' contents (`_search_changed`).
        screen._content["search"] = panel
        mounting = holder.mount(panel)
        assert not panel.query("#search-results"), "the panel is in the DOM, its children not composed yet"
        screen.show_search_hit("sanctio", "no-such-item")  # as the library opens a book on a search
        await mounting
        await settle(pilot)
        await wait_until(pilot, lambda: bool(panel.hits), "the search's hits on the panel",
                         seen=lambda: (len(screen.search.hits), len(panel.hits)))
