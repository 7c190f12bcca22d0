"""What the first frame leaves for later (issue 12, item 10), checked for behaviour, not for time.

The overview mounts only the lines that fill the first screen before the first frame, and the rest right
after; the screens take their size classes before they are styled; the footer's keys are born styled.
The timings are in benchmarks/startup_benchmark.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from textual.content import Content
from textual.dom import DOMNode
from textual.widget import Widget
from textual.widgets import Static

from briefing.model import iter_sessions
from briefing.tui.app import BriefingApp, make_app
from briefing.tui.jumps import Place
from briefing.tui.messages import OpenLocation
from briefing.tui.screen_size import size_classes
from briefing.tui.screens.main_screen import MainScreen
from briefing.tui.widgets.hanging import Hanging
from briefing.tui.widgets.overview import Overview, OverviewLink, least_rows
from tests.tui.keys import settle
from tests.waiting import wait_until


def overview_of(app: BriefingApp) -> Overview:
    return app.screen.query_one(Overview)


async def test_the_overview_fills_the_first_screen_then_mounts_every_line(
    sample_app: BriefingApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    at_first_frame: dict[str, object] = {}

    def on_ready(app: BriefingApp) -> None:
        overview = overview_of(app)
        at_first_frame.update(links=len(overview.query(OverviewLink)), filled=overview.filled,
                              content=overview.virtual_size.height, view=overview.size.height)

    monkeypatch.setattr(BriefingApp, "on_ready", on_ready)
    async with sample_app.run_test(size=(120, 36)) as pilot:
        await wait_until(pilot, lambda: bool(at_first_frame), "the first frame")
        overview = overview_of(sample_app)
        await wait_until(pilot, lambda: overview.filled, "the lines below the first screen")
        await pilot.pause()
        lookup = sample_app.lookup
        sessions = [session for _, session in iter_sessions(lookup.briefing)]
        every_line = len(lookup.briefing.meetings) + len(sessions) + len(lookup.figures()) + sum(
            len(session.positions) for session in sessions)
        assert len(overview.query(OverviewLink)) == every_line, "every line once the first frame is shown"
    assert at_first_frame["filled"] is False, "lines below the first screen waited for the first frame"
    assert 0 < at_first_frame["links"] < every_line  # type: ignore[operator]
    assert at_first_frame["content"] > at_first_frame["view"], "what was mounted fills the first screen"  # type: ignore[operator]
    # ...and not much more: wrapped lines count all their rows (the sample mounted a second screen's worth).
    assert at_first_frame["content"] < 2 * at_first_frame["view"], "lines mounted below the first screen"  # type: ignore[operator]


async def test_the_lines_below_the_first_screen_are_not_even_built_before_the_first_frame(
    sample_app: BriefingApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each line is a widget: making those nobody sees yet cost the first frame time and memory.
    before = OverviewLink._count  # every line takes the next number of this count when it is made
    at_first_frame: dict[str, int] = {}

    def on_ready(app: BriefingApp) -> None:
        at_first_frame.update(built=OverviewLink._count - before, mounted=len(overview_of(app).query(OverviewLink)))

    monkeypatch.setattr(BriefingApp, "on_ready", on_ready)
    async with sample_app.run_test(size=(120, 36)) as pilot:
        await wait_until(pilot, lambda: bool(at_first_frame), "the first frame")
        overview = overview_of(sample_app)
        await wait_until(pilot, lambda: overview.filled, "the lines below the first screen")
        await pilot.pause()
        every_line = len(overview.query(OverviewLink))
        assert OverviewLink._count - before == every_line, "each line built once"
    assert 0 < at_first_frame["built"] == at_first_frame["mounted"] < every_line


def test_an_overview_line_counts_the_rows_it_wraps_into_and_its_margin() -> None:
    words = "the minister spoke of sanctions " * 8
    line = OverviewLink(Hanging([(Content(words), 4)]), OpenLocation("m"))
    spaced = OverviewLink(Hanging([(Content("title"), 0), (Content(words), 4)]), OpenLocation("m"), spaced=True)
    assert least_rows(line, 400) == 1
    assert least_rows(line, 40) == len(Hanging([(Content(words), 4)]).wrapped(40)) > 5
    assert least_rows(spaced, 400) == 3  # two lines and the blank row under them
    assert least_rows(Static(Content("Meetings"), classes="overview-heading"), 40) == 1


async def test_G_at_once_lands_on_the_last_line_of_the_overview(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 36)) as pilot:
        await pilot.press("G")  # as soon as the app takes keys, before the rest may be mounted
        overview = overview_of(sample_app)
        await wait_until(pilot, lambda: overview.filled, "every line of the overview")
        links = list(overview.query(OverviewLink))
        await wait_until(pilot, lambda: sample_app.screen.focused is links[-1], "the cursor on the last line",
                         seen=lambda: sample_app.screen.focused)
        await wait_until(pilot, lambda: overview.scroll_y == overview.max_scroll_y > 0, "the end in view")


async def test_a_book_reopens_on_an_overview_line_below_the_first_screen(
    sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Lines are numbered from 1 in each process (their ids are the saved place); here two apps share one.
    monkeypatch.setattr(OverviewLink, "_count", 0)
    first = make_app(sample_path)
    async with first.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("G")
        await settle(pilot)
        last = first.screen.focused
        assert isinstance(last, OverviewLink)
        scrolled = overview_of(first).scroll_y
        await pilot.press("q")  # quitting saves the place
    assert scrolled > 0
    monkeypatch.setattr(OverviewLink, "_count", 0)
    again = make_app(sample_path)
    async with again.run_test(size=(120, 36)) as pilot:
        overview = overview_of(again)
        await wait_until(pilot, lambda: again.screen.focused is not None and again.screen.focused.id == last.id,
                         "the cursor back on the saved line", seen=lambda: again.screen.focused)
        await wait_until(pilot, lambda: overview.scroll_y == scrolled, "the overview scrolled as it was",
                         seen=lambda: overview.scroll_y)


@pytest.mark.parametrize("size", [(40, 12), (69, 20), (70, 16), (99, 25), (100, 26), (200, 60)])
async def test_a_screen_takes_the_size_classes_textual_gives_it(sample_app: BriefingApp, size: tuple[int, int]) -> None:
    async with sample_app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = sample_app.screen
        assert isinstance(screen, MainScreen)
        textual_gives = screen._get_breakpoint_classes(size[0], sample_app.HORIZONTAL_BREAKPOINTS) | (
            screen._get_breakpoint_classes(size[1], sample_app.VERTICAL_BREAKPOINTS))
        assert size_classes(screen) == textual_gives
        assert textual_gives <= set(screen.classes)


async def test_the_main_screen_is_not_restyled_for_its_size_classes(
    sample_app: BriefingApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    restyled: list[DOMNode] = []
    original = DOMNode.update_node_styles

    def update_node_styles(node: DOMNode, animate: bool = True) -> None:
        restyled.append(node)
        original(node, animate)

    monkeypatch.setattr(DOMNode, "update_node_styles", update_node_styles)
    async with sample_app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        # A restyle of a whole screen for a class change comes from `update_classes` (the breakpoints);
        # Textual's own restyle when a screen is shown (`ScreenResume`) stays.
        screen = sample_app.screen
        assert restyled.count(screen) == 1, "the screen restyled once, when shown: not again for its classes"


async def test_going_back_to_a_line_not_mounted_yet_mounts_it(
    sample_app: BriefingApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Overview, "on_mount", lambda overview: None)  # the rest waits until asked for
    async with sample_app.run_test(size=(120, 36)) as pilot:
        screen = sample_app.screen
        assert isinstance(screen, MainScreen)
        overview = overview_of(sample_app)
        await pilot.pause()
        assert not overview.filled
        below = list(overview._below)  # type: ignore[arg-type]  # built here only to learn the last line's id
        overview._below = iter(below)
        last = below[-1]
        await screen.go_to(Place("overview", last.id, 0.0))
        await wait_until(pilot, lambda: screen.focused is last, "the cursor on the line asked for",
                         seen=lambda: screen.focused)


async def test_a_run_that_ends_at_the_first_frame_mounts_nothing_after_it(
    sample_app: BriefingApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The start-up benchmark's mode: what comes after the first frame (the other tabs, the index) is no
    # part of it, and must not run while the app exits.
    screens: list[MainScreen] = []
    original = BriefingApp.on_ready

    def on_ready(app: BriefingApp) -> None:
        screens.append(app.main_screen)  # type: ignore[arg-type]
        original(app)

    monkeypatch.setattr(BriefingApp, "on_ready", on_ready)
    sample_app.exit_after_first_frame = True
    async with sample_app.run_test(size=(120, 36)) as pilot:
        for _ in range(5):
            await pilot.pause()
    assert sample_app.return_code == 0 and screens
    screen = screens[0]
    assert screen._unmounted == [spec.id for spec in screen.tab_specs[1:]], "no hidden tab was mounted"
    assert screen.search.index is None, "no index was built"


NOT_AT_FIRST_FRAME = ("briefing.diff.compare", "briefing.tui.commands")
"""Modules the first frame does not need, left for when they are used: the book comparison (word diffs;
opening a book needs only its items' hashes), the palette's commands."""


@pytest.fixture(scope="module")
def modules_at_first_frame(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Every module a fresh process has loaded when the app (on the sample) has drawn its first frame."""
    script = ("import json, sys\nfrom briefing.tui.app import make_app\n"
              "make_app().run(headless=True, size=(120, 36))\nprint(json.dumps(sorted(sys.modules)))")
    env = dict(os.environ, BRIEFING_EXIT_AFTER_FIRST_FRAME="1",
               BRIEFING_STATE_DIR=str(tmp_path_factory.mktemp("state")))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True,
                            timeout=120)
    return json.loads(result.stdout.splitlines()[-1])


@pytest.mark.parametrize("module", NOT_AT_FIRST_FRAME)
def test_the_first_frame_does_not_import_what_it_does_not_show(modules_at_first_frame: list[str], module: str) -> None:
    assert "briefing.tui.screens.main_screen" in modules_at_first_frame, "the app started"
    assert module not in modules_at_first_frame


async def test_the_cursor_goes_to_the_first_line_without_passing_through_the_tab_bar(
    sample_app: BriefingApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Textual's auto-focus gave the tab bar the focus first (restyling it and its tabs), then the main
    # screen moved it to the first line (restyling them again).
    focused: list[tuple[str, bool]] = []
    watch = Widget.watch_has_focus
    monkeypatch.setattr(Widget, "watch_has_focus",
                        lambda widget, value: (focused.append((type(widget).__name__, value)), watch(widget, value)))
    async with sample_app.run_test(size=(120, 36)) as pilot:
        overview = overview_of(sample_app)
        await wait_until(pilot, lambda: sample_app.screen.focused is overview.first_stop(), "the cursor on the first line")
        assert focused[0] == ("OverviewLink", True), focused
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: sample_app.screen is not overview.screen, "the help")
        await pilot.press("escape")
        await wait_until(pilot, lambda: overview.screen.focused is overview.first_stop(),
                         "the cursor back on the first line after the help", seen=lambda: overview.screen.focused)


@pytest.mark.parametrize("size", [(40, 12), (80, 24), (120, 36), (200, 50), (60, 80)])
async def test_what_is_mounted_before_the_first_frame_fills_the_overview_at_any_size(
    sample_app: BriefingApp, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    seen: dict[str, int | bool] = {}

    def on_ready(app: BriefingApp) -> None:
        overview = overview_of(app)
        mounted = max(child.virtual_region_with_margin.bottom for child in overview.children)
        seen.update(mounted=mounted, view=overview.size.height, filled=overview.filled,
                    on_a_line=isinstance(app.screen.focused, OverviewLink))

    monkeypatch.setattr(BriefingApp, "on_ready", on_ready)
    async with sample_app.run_test(size=size) as pilot:
        await wait_until(pilot, lambda: bool(seen), "the first frame")
    assert seen["filled"] or seen["mounted"] >= seen["view"] > 0, seen
    # Even where the book's entry fills the screen (40×12), the first line is there and the cursor on it.
    assert seen["on_a_line"], seen
