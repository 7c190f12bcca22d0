"""Back on the overview tab, the cursor is on its first line, as at start-up."""

from __future__ import annotations

from briefing.tui.app import BriefingApp
from briefing.tui.widgets.overview import Overview, OverviewLink
from tests.tui.keys import main_screen, tab_key


async def test_the_overview_tab_puts_the_cursor_on_its_first_line(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        overview = sample_app.screen.query_one(Overview)
        first = overview.first_stop()
        assert sample_app.focused is first
        meeting = next(spec.id for spec in main_screen(sample_app).tab_specs if spec.meeting_id)
        await pilot.press(tab_key(sample_app, meeting), "j")
        await pilot.pause()
        assert not isinstance(sample_app.focused, OverviewLink)
        await pilot.press(tab_key(sample_app, "overview"))
        await pilot.pause()
        assert sample_app.focused is first, "the first line, not the whole view"
        await pilot.press("j")
        await pilot.pause()
        stops = overview.stops()
        assert sample_app.focused is stops[1], "j goes on from there"
