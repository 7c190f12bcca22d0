"""The main screen's routes for a book with a meeting picker: the picked meeting goes into the one meeting tab.

A book with more meetings than `briefing.tui.tabs.MAX_MEETING_TABS` has a "Meetings" tab (the picker)
and one "Meeting" tab; every place that opens a meeting (the picker, a search hit, the overview, the
jump list) names the meeting's own pane id, `meeting-<id>`, and lands here.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual.widgets import TabPane

from briefing.tui.tabs import MEETING_PANE, meeting_pane_id, meeting_short_title

if TYPE_CHECKING:
    from textual.widget import Widget

    from briefing.model import BriefingLookup
    from briefing.tui.jumps import JumpList, Place
    from briefing.tui.search_state import SearchController
    from briefing.tui.tabs import TabSpec
    from briefing.tui.widgets.meeting_picker import MeetingPicker
    from briefing.tui.widgets.meeting_view import MeetingView


class MeetingRoutes:
    """A mixin of `MainScreen`: needs its tabs registry, `ensure_content`, `show_tab` and the jump list."""

    lookup: BriefingLookup
    tab_specs: list[TabSpec]
    jumps: JumpList
    search: SearchController
    _content: dict[str, Widget]

    if TYPE_CHECKING:  # MainScreen's own (stubs here would shadow JumpRoutes' in the method order)

        def pane_ids(self) -> list[str]:
            raise NotImplementedError

        def here(self) -> Place:
            raise NotImplementedError

        async def ensure_content(self, pane_id: str) -> Widget:
            raise NotImplementedError

        async def show_tab(self, pane_id: str) -> Widget:
            raise NotImplementedError

        def _label_tabs(self) -> None:
            raise NotImplementedError

    def current_meeting_view(self) -> MeetingView | None:
        """The meeting view of the tab shown, if it shows a meeting."""
        from briefing.tui.widgets.meeting_view import MeetingView  # imported on use: not for the first frame

        views = self.query_one(f"#{self.tabs.active}", TabPane).query(MeetingView)  # type: ignore[attr-defined]
        return views.first() if views else None

    def picks_meetings(self, pane_id: str) -> bool:
        """Whether `pane_id` is a meeting without a tab of its own, in a book with a picker."""
        return (pane_id.startswith("meeting-") and pane_id not in self.pane_ids()
                and MEETING_PANE in self.pane_ids() and pane_id.removeprefix("meeting-") in self.lookup.meetings)

    async def pane_showing(self, pane_id: str) -> str:
        """The pane that shows `pane_id`: itself, or the meeting tab, after putting the meeting in it."""
        if not self.picks_meetings(pane_id):
            return pane_id
        await self.show_in_meeting_pane(pane_id.removeprefix("meeting-"))
        return MEETING_PANE

    async def on_meeting_picker_picked(self, message: MeetingPicker.Picked) -> None:
        # Named, not `@on`: a mixin is not a MessagePump, so only named handlers are found on it.
        message.stop()
        self.jumps.record(self.here())
        await self.show_tab(meeting_pane_id(message.meeting_id))

    async def show_in_meeting_pane(self, meeting_id: str) -> None:
        """Put meeting `meeting_id` in the meeting tab (its title on the tab), instead of the one there."""
        from briefing.tui.widgets.meeting_view import MeetingView  # imported on use: not for the first frame

        view = await self.ensure_content(MEETING_PANE)
        assert isinstance(view, MeetingView)  # the meeting tab's content (`briefing.tui.tabs`)
        if view.meeting.id == meeting_id:
            return
        meeting = self.lookup.meetings[meeting_id]
        index = self.pane_ids().index(MEETING_PANE)
        self.tab_specs[index] = replace(self.tab_specs[index], title=meeting.title,
                                        short_title=meeting_short_title(meeting), meeting_id=meeting.id)
        self._label_tabs()  # before the mount: the tab's new width is then laid out with the new text
        await view.show_meeting(meeting, self.search.spans_for)  # its items highlighted as they are made
