"""Big books in the app: a meeting picker instead of a tab a meeting, a capped overview, a long meeting
shown a window of sessions at a time."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from briefing.tui.app import BriefingApp, make_app
from briefing.tui.tabs import MAX_MEETING_TABS, MEETING_PANE
from briefing.tui.widgets.meeting_picker import MeetingPicker
from briefing.tui.widgets.meeting_text import TextMaker
from briefing.tui.widgets.meeting_view import SESSION_WINDOW, MeetingView, SessionHeading
from briefing.tui.widgets.overview import OVERVIEW_LINES, Overview, OverviewLink
from tests.factories import minimal_briefing_dict
from tests.tui.keys import main_screen, settle
from tests.waiting import wait_until


def with_suffix(node: Any, suffix: str) -> Any:
    """`node` with every `id` under it made unique by `suffix` (references to people stay as they are)."""
    node = copy.deepcopy(node)

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("id"), str):
                value["id"] += suffix
            for child in value.values():
                walk(child)
        elif isinstance(value, list):
            for child in value:
                walk(child)

    walk(node)
    return node


def book_of(meetings: int = 1, sessions: int = 1) -> dict[str, Any]:
    data = minimal_briefing_dict()
    meeting = data["meetings"][0]
    meeting["sessions"] = [with_suffix(meeting["sessions"][0], f"-{n}") for n in range(sessions)]
    data["meetings"] = [with_suffix(meeting, f"-{n}") for n in range(meetings)]
    for number, copied in enumerate(data["meetings"]):
        copied["title"] = f"Council number {number}"
    return data


async def test_a_book_with_more_meetings_than_tabs_gets_a_picker(write_briefing: Callable[[dict], Path]) -> None:
    count = max(MAX_MEETING_TABS + 1, OVERVIEW_LINES + 5)
    app = make_app(write_briefing(book_of(meetings=count)))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main_screen(app)
        ids = screen.pane_ids()
        assert "meetings" in ids and MEETING_PANE in ids
        assert not [pane for pane in ids if pane.startswith("meeting-")], "no tab a meeting"
        overview = screen.query_one(Overview)
        await wait_until(pilot, lambda: overview.filled, "the overview's lines below its first screen")
        overview_links = [link for link in screen.query(OverviewLink) if link.target.session_id is None
                          and link.target.item_id is None]
        assert len(overview_links) == OVERVIEW_LINES, "the overview lists some meetings and says how many more"
        assert screen.query(".overview-more")
        picker = await screen.show_tab("meetings")
        assert isinstance(picker, MeetingPicker)
        await pilot.press("f", *"number 7", "enter")
        await settle(pilot)
        assert picker.listed == ["council-7"]
        await pilot.press("enter")  # enter on the list opens the meeting in the meeting tab
        await settle(pilot)
        assert screen.tabs.active == MEETING_PANE
        view = screen.query_one(f"#{MEETING_PANE}").query_one(MeetingView)
        assert view.meeting.id == "council-7"
        assert "Council number 7" in str(screen.tabs.get_tab(MEETING_PANE).label)


async def test_a_book_with_few_meetings_keeps_a_tab_a_meeting(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 40)):
        ids = main_screen(sample_app).pane_ids()
        assert "meetings" not in ids and MEETING_PANE not in ids
        assert len([pane for pane in ids if pane.startswith("meeting-")]) == len(sample_app.briefing.meetings)


async def test_a_long_meeting_shows_a_window_of_sessions_that_follows_the_reader(
    write_briefing: Callable[[dict], Path],
) -> None:
    app = make_app(write_briefing(book_of(meetings=1, sessions=SESSION_WINDOW * 2 + 5)))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main_screen(app)
        view = await screen.show_tab(f"meeting-{app.briefing.meetings[0].id}")
        assert isinstance(view, MeetingView)
        await settle(pilot)
        assert 1 <= len(view.query(SessionHeading)) < SESSION_WINDOW, "the sessions of the first screen"
        view.reader.fill()
        await settle(pilot)
        assert len(view.query(SessionHeading)) == SESSION_WINDOW, "the window's, once all of it is mounted"
        last = view.sessions[-1]
        view.show(session_id=last.id)
        await settle(pilot)
        assert last.id in [heading.session.id for heading in view.query(SessionHeading)]
        assert len(view.query(SessionHeading)) <= SESSION_WINDOW
        view.show(session_id=view.sessions[0].id)
        await settle(pilot)
        headings = [heading.session.id for heading in view.query(SessionHeading)]
        assert headings[0] == view.sessions[0].id
        await pilot.press(*["right_square_bracket"] * SESSION_WINDOW)  # ] past the last one on screen
        await settle(pilot)
        assert view.window_start > 0
        assert isinstance(app.focused, SessionHeading) and app.focused.session.id == view.sessions[SESSION_WINDOW].id


def test_a_windows_widgets_are_styled_when_mounted_not_before(
    write_briefing: Callable[[dict], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.dom import DOMNode

    app = make_app(write_briefing(book_of(meetings=1, sessions=3)))
    view = MeetingView(app.lookup, app.briefing.meetings[0])
    styled: list[DOMNode] = []
    monkeypatch.setattr(DOMNode, "update_node_styles", lambda node, *args, **kwargs: styled.append(node))
    maker = TextMaker(app.lookup, view.meeting, view.sessions, 120, lambda: None)
    widgets = [part.make() for part in maker.window_parts(0)]
    assert widgets and all(widget.has_class("-windowed") for widget in widgets)
    assert styled == [], "marking an unmounted widget restyled it (and its children) before its mount"
