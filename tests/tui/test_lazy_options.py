"""Virtual lists (issue 9, item 7): options built only when drawn, heights declared without building them.

A declared height that differs from the built prompt's would misplace every line below it, so the
declarations are checked against the prompts, hostile line breaks included.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.containers import Container
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.loading import load_briefing
from briefing.model import Briefing, BriefingLookup
from briefing.search.people import build_entries, find_appearances
from briefing.search.quotes import build_quote_entries
from briefing.tui.app import BriefingApp
from briefing.tui.widgets import browse_pane, people_directory
from briefing.tui.widgets.lazy_options import LazyOption
from briefing.tui.widgets.people_directory import (
    FINDING,
    PeopleDirectory,
    appearance_lines,
    describe,
    entry_prompt,
)
from briefing.tui.widgets.quote_browser import QuoteBrowser, list_prompt, list_prompt_lines
from briefing.tui.widgets.reader_scroll import ReaderOptionList
from tests.factories import HOSTILE, changed, minimal_briefing_dict
from tests.tui.test_people_directory import DirectoryApp
from tests.waiting import wait_until

LINE_BREAKS = "two\nlines\n"


def broken_lines_book() -> Briefing:
    """The hostile book with line breaks in every one-line field a list shows."""
    data = minimal_briefing_dict(HOSTILE + LINE_BREAKS)
    return Briefing.model_validate(changed(data, ("meetings", 0, "sessions", 0, "quotes", 0, "topics"),
                                           [LINE_BREAKS, "plain"]))


def height(content: Content) -> int:
    return len(content.plain.split("\n"))


@pytest.fixture(params=["sample", "broken lines"])
def lookup(request: pytest.FixtureRequest, sample_path: Path) -> BriefingLookup:
    return BriefingLookup(load_briefing(sample_path) if request.param == "sample" else broken_lines_book())


def test_a_quote_declares_the_lines_its_prompt_has(lookup: BriefingLookup) -> None:
    entries = build_quote_entries(lookup)
    assert entries
    assert [list_prompt_lines(entry) for entry in entries] == [height(list_prompt(entry)) for entry in entries]


def test_an_appearance_and_an_entry_declare_the_lines_they_have(lookup: BriefingLookup) -> None:
    for entry in build_entries(lookup):
        assert height(entry_prompt(lookup, entry)) == 1
        appearances = find_appearances(lookup, entry.actor)
        assert [appearance_lines(a) for a in appearances] == [height(describe(a)) for a in appearances]


class LongList(App[None]):
    """One list of 2,000 lazy options of 1 to 3 lines; it counts the prompts it had to build."""

    def __init__(self) -> None:
        super().__init__()
        self.built: list[int] = []

    def compose(self) -> ComposeResult:
        yield ReaderOptionList(*(LazyOption(self._builder(index), lines=1 + index % 3, id=f"o{index}")
                                 for index in range(2_000)))

    def _builder(self, index: int):
        def build() -> Content:
            self.built.append(index)
            return Content("\n".join([f"option {index}"] * (1 + index % 3)))
        return build


async def test_only_the_options_on_screen_are_built() -> None:
    app = LongList()
    async with app.run_test(size=(40, 12)) as pilot:
        option_list = app.query_one(ReaderOptionList)
        option_list.focus()
        await pilot.pause()
        assert option_list.virtual_size.height == sum(1 + index % 3 for index in range(2_000))
        assert 0 < len(app.built) <= 12, f"{len(app.built)} prompts built for 12 lines on screen"
        await pilot.press("G")
        await pilot.pause()
        assert option_list.highlighted == 1_999
        assert option_list.scroll_y == option_list.max_scroll_y > 0
        assert max(app.built) == 1_999 and len(app.built) <= 24, "only the last screen was built on the way"


async def test_a_big_books_appearances_are_found_in_a_worker(monkeypatch: pytest.MonkeyPatch,
                                                               sample_path: Path) -> None:
    monkeypatch.setattr(people_directory, "WORKER_FROM_ITEMS", 0)  # the sample plays a big book
    app = DirectoryApp(load_briefing(sample_path))
    async with app.run_test(size=(120, 36)) as pilot:
        directory = app.query_one(PeopleDirectory)
        await app.workers.wait_for_complete()
        await pilot.pause()
        first = directory.selected_entry
        assert first is not None and directory.appearances == find_appearances(directory.lookup, first.actor)
        await pilot.press("j")
        waiting = [str(option.prompt) for option in directory.appearance_list.options]
        second = directory.selected_entry
        if directory.appearances == []:  # the worker may already be done on a quick machine
            assert waiting == [FINDING]
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert second is not None and second is not first
        assert directory.appearances == find_appearances(directory.lookup, second.actor)
        assert directory.appearance_list.option_count > len(directory.appearances)  # group headings too


@pytest.mark.parametrize("pause", [3600.0, 0.05])
async def test_a_big_list_is_filtered_when_typing_pauses(monkeypatch: pytest.MonkeyPatch, sample_path: Path,
                                                          pause: float) -> None:
    from tests.tui.test_quote_browser import QuoteBrowserApp, listed_ids

    monkeypatch.setattr(browse_pane, "FILTER_PAUSE_FROM", 0)  # the sample's quotes play a big book's
    monkeypatch.setattr(browse_pane, "FILTER_PAUSE", pause)
    app = QuoteBrowserApp(load_briefing(sample_path))
    async with app.run_test(size=(120, 36)) as pilot:
        every = listed_ids(app)
        await pilot.press("f", *"kuleba")
        await pilot.pause()
        if pause > 60:  # the pause never ends during the test: no letter filtered the list
            assert listed_ids(app) == every
            return
        await wait_until(pilot, lambda: listed_ids(app) != every, "the list to follow the filter")
        browser = app.query_one(QuoteBrowser)
        assert listed_ids(app) == [entry.quote.id for entry in browser.matching("kuleba")] and len(listed_ids(app)) > 0


async def test_a_long_meetings_session_list_is_one_line_a_session_built_when_drawn(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from briefing.tui.widgets import meeting_view
    from briefing.tui.widgets.meeting_view import MeetingView

    monkeypatch.setattr(meeting_view, "LONG_MEETING", 0)  # the hostile book's one meeting plays a long one
    book = broken_lines_book()
    lookup = BriefingLookup(book)

    class OneMeeting(App[None]):
        def compose(self) -> ComposeResult:
            yield MeetingView(lookup, book.meetings[0])

    app = OneMeeting()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        session_list = app.query_one("#session-list", ReaderOptionList)
        assert all(isinstance(option, LazyOption) and option.lines == 1 for option in session_list.options)
        assert [option.id for option in session_list.options] == [s.id for s in book.meetings[0].sessions]
        assert all(height(option.prompt) == 1 for option in session_list.options), "line breaks flattened"


async def test_with_the_index_built_a_big_books_appearances_come_at_once(monkeypatch: pytest.MonkeyPatch,
                                                                         sample_app: BriefingApp) -> None:
    from tests.tui.keys import settle, tab_key

    monkeypatch.setattr(people_directory, "WORKER_FROM_ITEMS", 0)  # the sample plays a big book
    async with sample_app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)  # the search index is built
        await pilot.press(tab_key(sample_app, "people"))
        await settle(pilot)
        directory = sample_app.query_one(PeopleDirectory)
        started: list[str] = []
        monkeypatch.setattr(PeopleDirectory, "run_worker", lambda self, *args, **kwargs: started.append("worker"))
        await pilot.press("j")
        second = directory.selected_entry
        assert second is not None and not started, "no worker: the index narrowed the search down"
        assert directory.appearances == find_appearances(directory.lookup, second.actor)
        assert FINDING not in [str(option.prompt) for option in directory.appearance_list.options]


class TwoLists(App[None]):
    """The same 300 options of 1 to 3 lines, lazy in one list and measured by Textual in the other."""

    def compose(self) -> ComposeResult:
        texts = ["\n".join([f"option {index}"] * (1 + index % 3)) for index in range(300)]
        yield ReaderOptionList(*(LazyOption(partial(Content, text), lines=text.count("\n") + 1) for text in texts),
                               id="lazy")
        yield OptionList(*(Option(Content(text)) for text in texts), id="measured")


@asynccontextmanager
async def two_lists() -> AsyncIterator[tuple[Pilot[None], OptionList, OptionList]]:
    """`TwoLists` running at 40×24, with the lazy list's line map made: (pilot, lazy, measured)."""
    app = TwoLists()
    async with app.run_test(size=(40, 24)) as pilot:
        await pilot.pause()
        lazy, measured = app.query_one("#lazy", OptionList), app.query_one("#measured", OptionList)
        lazy._update_lines()
        yield pilot, lazy, measured


async def test_a_lazy_list_maps_its_lines_as_textuals_own_list_does() -> None:
    async with two_lists() as (_, lazy, measured):
        measured._update_lines()
        assert len(lazy._line_cache.lines) == sum(1 + index % 3 for index in range(300))
        assert lazy._line_cache.lines == measured._line_cache.lines
        assert lazy._line_cache.heights == measured._line_cache.heights
        assert lazy._line_cache.index_to_line == measured._line_cache.index_to_line


async def test_a_resize_keeps_the_line_map_of_lazy_options_only() -> None:
    async with two_lists() as (pilot, lazy, measured):
        cleared: list[str] = []
        for name, widget in (("lazy", lazy), ("measured", measured)):
            clear = widget._line_cache.clear
            widget._line_cache.clear = lambda clear=clear, name=name: (cleared.append(name), clear())
        measured.add_option(Option(Content("a long option that wraps once the list is narrower " * 2)))
        measured._update_lines()
        before = len(measured._line_cache.lines)
        await pilot.resize_terminal(24, 24)
        await pilot.pause()
        lazy._update_lines()
        measured._update_lines()
        assert "lazy" not in cleared, "declared heights hold at any width: no new map"
        assert "measured" in cleared
        assert len(measured._line_cache.lines) > before, "a measured option is measured again at the new width"
        assert lazy._line_cache.lines[:30] == measured._line_cache.lines[:30]


class HiddenList(App[None]):
    """A list of 2,000 lazy options in a hidden container (as in a tab mounted in the background)."""

    def compose(self) -> ComposeResult:
        with Container(id="hidden") as hidden:
            hidden.display = False
            yield ReaderOptionList(*(LazyOption(partial(Content, f"option {index}"), lines=1 + index % 2)
                                     for index in range(2_000)))


async def test_a_hidden_list_maps_its_declared_lines_before_it_is_shown() -> None:
    app = HiddenList()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        option_list = app.query_one(ReaderOptionList)
        assert not option_list.scrollable_content_region, "hidden: no size yet"
        assert len(option_list._line_cache.lines) == sum(1 + index % 2 for index in range(2_000))
        app.query_one("#hidden").display = True
        await pilot.pause()
        assert option_list.virtual_size.height == len(option_list._line_cache.lines)
