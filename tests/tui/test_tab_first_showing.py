"""The quotes and people tabs shown for the first time (each is mounted hidden after the first frame): one
layout pass of the screen, their scroll bars decided in it, and the same screen as a fresh layout gives.

Before, Textual laid such a tab out three times: every widget of it sized from nothing asked for another
pass (`SizedQuietly`, `KeepsMeasure`), and the lists' and the detail's scroll bars, decided after the first
pass, laid it out and drew it again narrower (`bar_ahead`; issue 9, the quotes and people tabs).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.cache import LRUCache
from textual.content import Content
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import OptionList, Static

from briefing.tui.app import BriefingApp, make_app
from briefing.tui.widgets.browse_pane import BrowsePane
from tests.factories import minimal_briefing_dict
from tests.tui.keys import main_screen, settle, tab_key
from tests.tui.test_hit_in_meeting_tab import layout_passes_from_now
from tests.waiting import wait_until

pytestmark = pytest.mark.idle_mount  # the tabs mounted hidden after the first frame, as users get them

SIZE = (120, 36)
"""The big-book benchmark's terminal."""


async def show_tab_first_time(pilot: Pilot, pane_id: str, monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Press the tab's key once the book is settled (the tab mounted, hidden); the passes it took."""
    app = pilot.app
    assert isinstance(app, BriefingApp)
    screen = main_screen(app)
    await wait_until(pilot, lambda: not screen._unmounted, "every tab mounted (hidden) after the first frame")
    await settle(pilot)
    for _ in range(3):  # what the hidden tab asked for while it mounted is laid out before the key
        await pilot.pause(0.05)
    content = screen.query_one(f"#{pane_id}").query_one(BrowsePane)
    assert not content.size, "the tab was never shown before"
    passes = layout_passes_from_now(monkeypatch)
    await pilot.press(tab_key(app, pane_id))
    await settle(pilot)
    return passes


def screen_lines(app: BriefingApp) -> str:
    """What the screen shows: its text, colours and styles (an SVG screenshot)."""
    return app.export_screenshot()


async def laid_out_afresh(pilot: Pilot) -> str:
    """The screen after a layout pass of the whole screen asked for now (what the first showing must equal)."""
    app = pilot.app
    assert isinstance(app, BriefingApp)
    for widget in main_screen(app).query("*"):
        widget.refresh(layout=True)
    await settle(pilot)
    return screen_lines(app)


def bar_shown(widget: Widget) -> bool:
    """The widget's vertical bar is shown and laid out beside its content."""
    return widget.show_vertical_scrollbar and bool(widget.vertical_scrollbar.region)


def many_quotes(count: int = 30) -> dict:
    """A small book whose quote list is longer than any screen (each quote two or three lines)."""
    data = minimal_briefing_dict()
    session = data["meetings"][0]["sessions"][0]
    quote = session["quotes"][0]
    session["quotes"] = [dict(quote, id=f"q{number}", text=f"We said {number} things.") for number in range(count)]
    return data


BARS = {"quotes": {"#quote-list": False, "#quote-detail": True},
        "people": {"#people-list": True, "#people-appearances": False}}
"""Which parts of the sample's tabs are longer than their boxes at 120×36 (a bar) and which fit."""


@pytest.mark.parametrize("pane_id", ["quotes", "people"])
async def test_a_tab_first_shown_is_laid_out_once_with_its_scroll_bars(
    sample_app: BriefingApp, monkeypatch: pytest.MonkeyPatch, pane_id: str
) -> None:
    async with sample_app.run_test(size=SIZE) as pilot:
        passes = await show_tab_first_time(pilot, pane_id, monkeypatch)
        pane = main_screen(sample_app).query_one(f"#{pane_id}").query_one(BrowsePane)
        assert pane.region and pane.size, "the tab is shown"
        assert len(passes) == 1, f"{len(passes)} layout passes for the tab's first showing"
        for selector, bar in BARS[pane_id].items():
            widget = pane.query_one(selector)
            assert widget.region, selector
            assert bar_shown(widget) is bar, f"{selector}: a bar from the first pass if longer than its box"
            if not bar:
                assert widget.scrollable_content_region.width == widget.content_region.width, selector
        shown = screen_lines(sample_app)
        passes.clear()
        assert await laid_out_afresh(pilot) == shown, "the first showing drew what a fresh layout draws"
        assert passes, "a fresh layout ran"


async def test_a_long_quote_list_has_its_bar_from_the_first_pass(
    write_briefing: Callable[[dict], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(write_briefing(many_quotes()))
    async with app.run_test(size=SIZE) as pilot:
        passes = await show_tab_first_time(pilot, "quotes", monkeypatch)
        assert len(passes) == 1
        assert bar_shown(main_screen(app).query_one("#quote-list"))
        shown = screen_lines(app)
        assert await laid_out_afresh(pilot) == shown


async def test_a_small_book_shows_its_tabs_without_bars(
    write_briefing: Callable[[dict], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(write_briefing(minimal_briefing_dict()))
    async with app.run_test(size=SIZE) as pilot:
        for pane_id, parts in (("quotes", ("#quote-list", "#quote-detail")), ("people", ("#people-list",))):
            passes = await show_tab_first_time(pilot, pane_id, monkeypatch)
            assert len(passes) == 1, pane_id
            for selector in parts:
                assert not main_screen(app).query_one(selector).show_vertical_scrollbar, selector
            shown = screen_lines(app)
            monkeypatch.undo()
            assert await laid_out_afresh(pilot) == shown, pane_id


async def test_a_bar_given_ahead_still_goes_when_the_list_gets_short(
    sample_app: BriefingApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with sample_app.run_test(size=SIZE) as pilot:
        await show_tab_first_time(pilot, "people", monkeypatch)
        people = main_screen(sample_app).query_one("#people-list")
        assert bar_shown(people)
        await pilot.press("f", *"wilmes", "enter")
        await settle(pilot)
        assert len(people.options) <= 3, "the filter keeps one person (and a heading)"
        assert not people.show_vertical_scrollbar, "no bar once the list fits"
        await pilot.press("escape")
        await settle(pilot)
        assert bar_shown(people), "the bar again for the whole list"


async def test_a_list_first_shown_draws_its_options_once(
    write_briefing: Callable[[dict], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The resize that follows the pass which drew the list (at that size) keeps what it drew."""
    app = make_app(write_briefing(many_quotes()))
    drawn: list[object] = []

    class CountingCache(LRUCache):
        def set(self, key: object, value: object) -> None:
            drawn.append(key)
            super().set(key, value)

        __setitem__ = set

    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: not main_screen(app)._unmounted, "every tab mounted")
        quote_list = main_screen(app).query_one("#quote-list", OptionList)
        quote_list._option_render_cache = CountingCache(maxsize=1024)
        await show_tab_first_time(pilot, "quotes", monkeypatch)
        assert drawn, "the list was drawn"
        assert len(drawn) == len(set(drawn)), f"{len(drawn) - len(set(drawn))} options were drawn twice"


def detail_text(pane: BrowsePane) -> str:
    """What the detail pane says first: the quote, or the person's or organisation's details."""
    static = pane.query_one("#quote-text, #people-about", Static)
    content = static.content
    return content.plain if isinstance(content, Content) else str(content)


def shown_words(pane: BrowsePane) -> str:
    """Words the detail pane shows for the entry under the list's cursor."""
    entry = pane.selected_entry
    return entry.quote.text[:30] if hasattr(entry, "quote") else entry.actor.name  # type: ignore[union-attr]


@pytest.mark.parametrize("pane_id", ["quotes", "people"])
async def test_the_detail_moves_with_the_cursor_before_anything_is_drawn(
    sample_app: BriefingApp, monkeypatch: pytest.MonkeyPatch, pane_id: str
) -> None:
    """The detail follows the cursor within its move (j), not at the list's message: a drawing in between
    showed the cursor on one entry and the detail of the one before (j drew the screen twice)."""
    async with sample_app.run_test(size=SIZE) as pilot:
        await show_tab_first_time(pilot, pane_id, monkeypatch)
        pane = main_screen(sample_app).query_one(f"#{pane_id}").query_one(BrowsePane)
        before = detail_text(pane)
        pane.entry_list.action_cursor_down()  # no await: no message is handled, nothing drawn meanwhile
        assert detail_text(pane) != before, "the cursor moved to another entry"
        assert shown_words(pane) in detail_text(pane), "the detail shows the entry under the cursor"
        await settle(pilot)
        assert shown_words(pane) in detail_text(pane)
