"""Tabs, sessions, items and the source modal, driven by the keyboard as a reader would."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.model import iter_sessions
from briefing.tui.app import BriefingApp, make_app
from briefing.tui.screens.help_screen import HelpScreen
from briefing.tui.screens.main_screen import MainScreen
from briefing.tui.screens.source_screen import SourceScreen
from briefing.tui.widgets.item_block import ItemBlock
from briefing.tui.widgets.meeting_view import MeetingView, SessionHeading
from briefing.tui.widgets.overview import Overview, OverviewLink
from tests.tui.keys import meeting_key, whole_meeting_text
from tests.waiting import wait_until

FAC = "fac-2022-04-11"


def main_screen(app: BriefingApp) -> MainScreen:
    assert isinstance(app.screen, MainScreen)
    return app.screen


async def test_number_keys_switch_tabs(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 36)) as pilot:
        screen = main_screen(sample_app)
        expected = screen.pane_ids()
        assert expected[0] == "overview" and expected[-4:] == ["quotes", "search", "people", "notes"]
        for number, pane_id in reversed(list(enumerate(expected, start=1))):
            await pilot.press(str(number))
            await pilot.pause()
            assert screen.tabs.active == pane_id
            if pane_id == "search":
                panel = screen.search_panel
                assert sample_app.focused is panel.results_list, "not the box: the next number key works"
                await pilot.press("slash", "u")
                assert sample_app.focused is panel.input and panel.input.value == "u", "/ opens the box"
                await pilot.press("escape")  # leave the box, keeping the query
                assert sample_app.focused is panel.results_list
        await pilot.press(meeting_key(sample_app, FAC))
        await pilot.pause()
        view = screen.current_meeting_view()
        assert view is not None and sample_app.focused in view.reader.stops(), "the meeting text takes the keyboard"


async def test_brackets_move_between_sessions(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 36)) as pilot:
        await pilot.press(meeting_key(sample_app, FAC))
        await pilot.pause()
        view = sample_app.screen.query_one(f"#meeting-{FAC}").query_one(MeetingView)
        sessions = [session.id for session in view.sessions]
        for session_id in sessions:
            await pilot.press("right_square_bracket")
            await pilot.pause()
            assert isinstance(sample_app.focused, SessionHeading)
            assert sample_app.focused.session.id == session_id
        await pilot.press("right_square_bracket")  # stays on the last one
        assert sample_app.focused.session.id == sessions[-1]
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert sample_app.focused.session.id == sessions[-2]
        session_list = view.query_one("#session-list")
        assert session_list.highlighted_option.id == sessions[-2], "the session list follows"


async def test_j_k_step_through_items_and_s_shows_the_cited_paragraph(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 36)) as pilot:
        await pilot.press(meeting_key(sample_app, FAC))
        await pilot.pause()
        first = sample_app.focused
        await pilot.press("j", "j")
        await pilot.pause()
        second = sample_app.focused
        assert second is not first
        await pilot.press("k")
        await pilot.pause()
        assert sample_app.focused is not second
        await pilot.press("right_square_bracket", "j")
        await pilot.pause()
        block = sample_app.focused
        assert isinstance(block, ItemBlock)
        ref = block.sources[0]
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(sample_app.screen, SourceScreen)
        heading, text = sample_app.screen.citations[0]
        assert heading.endswith(ref.label)
        assert text, "the cited paragraph, read from the source next to the book"
        await pilot.press("escape")
        assert isinstance(sample_app.screen, MainScreen)


async def test_every_item_shows_its_source_paragraph_marker(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 36)) as pilot:
        await pilot.press(meeting_key(sample_app, FAC))
        await pilot.pause()
        blocks = list(sample_app.screen.query(ItemBlock))
        assert blocks
        for block in blocks:
            assert block.render().plain.startswith(block.sources[0].label)


@pytest.mark.parametrize(("width", "beside"), [(120, True), (100, True), (99, False), (80, False)])
async def test_session_list_beside_the_text_only_on_wide_terminals(
    sample_path: Path, width: int, beside: bool
) -> None:
    app = make_app(sample_path)
    async with app.run_test(size=(width, 36)) as pilot:
        await pilot.press(meeting_key(app, FAC))
        await pilot.pause()
        assert app.screen.query_one(f"#meeting-{FAC} #session-list").display is beside


async def test_help_opens_and_closes(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(sample_app.screen, HelpScreen)
        text = sample_app.screen.query_one("#help-text Static").render().plain
        for fragment in ("Previous session", "^p", '"peace facility"', "OR", "-russia", "sanction*", "as you type"):
            assert fragment in text
        await pilot.press("escape")
        assert isinstance(sample_app.screen, MainScreen)
        await pilot.press("question_mark")
        await pilot.press("question_mark")
        assert isinstance(sample_app.screen, MainScreen)


async def test_q_quits(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not sample_app.is_running


async def test_overview_lists_meetings_positions_figures_and_a_dated_timeline(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 36)) as pilot:
        overview = sample_app.screen.query_one(Overview)
        await wait_until(pilot, lambda: overview.filled, "the overview's lines below its first screen")
        await pilot.pause()
        text = "\n".join(static.render().plain for static in sample_app.screen.query("#overview-view Static"))
        briefing = sample_app.briefing
        for meeting in briefing.meetings:
            assert meeting.title in text
        assert "6 April 2022" in text and "11 April 2022" in text
        timeline = text[text.index("Timeline"):]
        assert timeline.index("6 April 2022\n") < timeline.index("11 April 2022\n"), "timeline in date order"
        assert len(sample_app.screen.query(OverviewLink)) > len(list(iter_sessions(briefing)))
        for _, session in iter_sessions(briefing):
            assert session.title in timeline
        positions = [point.text for m in briefing.meetings for s in m.sessions for point in s.positions]
        assert positions and all(position in text for position in positions)
        assert all(located.item.as_written in text for located in sample_app.lookup.figures())


async def test_sessions_show_when_who_and_how_the_date_was_established(sample_app: BriefingApp) -> None:
    meetings = sample_app.briefing.meetings
    meeting = next(m for m in meetings if any(s.dating_note for s in m.sessions))
    async with sample_app.run_test(size=(120, 36)) as pilot:
        await pilot.press(meeting_key(sample_app, meeting.id))
        await whole_meeting_text(pilot)
        pane = sample_app.screen.query_one(f"#meeting-{meeting.id}")
        infos = [static.render().plain for static in pane.query(".session-info")]
        assert len(infos) == len(meeting.sessions)
        for info, session in zip(infos, pane.query_one(MeetingView).sessions, strict=True):
            assert str(session.date.year) in info
            if session.dating_note:
                assert session.dating_note[:30] in info.replace("\n", " ")
            if session.participants:
                assert sample_app.lookup.actor_name(session.participants[0]) in info
