"""The main screen's jump list routes: ctrl+o / backspace back, ctrl+i forward, to the places before jumps."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import TabbedContent, TabPane

from briefing.tui.focus import focus_now
from briefing.tui.jumps import JumpList, Place
from briefing.tui.keys_follow_focus import takes_text
from briefing.tui.tabs import MEETING_PANE, meeting_pane_id
from briefing.tui.widgets.reader_scroll import StopReader

if TYPE_CHECKING:
    from textual.widget import Widget


class JumpRoutes:
    """A mixin of `MainScreen`: needs `self.jumps`, `self.tabs`, `show_tab` and the Screen API."""

    jumps: JumpList
    tabs: TabbedContent

    async def show_tab(self, pane_id: str) -> Widget:
        raise NotImplementedError

    def here(self) -> Place:
        """Where the reader is: the tab, what has the keyboard, how far the tab's text is scrolled."""
        from briefing.tui.widgets.meeting_view import MeetingView  # imported on use: not for the first frame

        focused = self.focused  # type: ignore[attr-defined]
        pane = self.tabs.query_one(f"#{self.tabs.active}", TabPane)
        reader = pane.query(StopReader)
        tab = self.tabs.active
        if tab == MEETING_PANE and (views := pane.query(MeetingView)):
            tab = meeting_pane_id(views.first(MeetingView).meeting.id)  # the picked meeting, not whichever is shown later
        # Not a text box: back there, letters would be typed into it (ctrl+o then `n` edited the query);
        # the tab gives the keyboard to its list or text instead, as a digit key does.
        keeps = focused is not None and not takes_text(focused)
        return Place(tab, focused.id if keeps else None, reader.first().scroll_y if reader else 0.0)

    async def go_to(self, place: Place) -> None:
        """Show `place`: its tab, scrolled as it was, the keyboard where it was."""
        content = await self.show_tab(place.tab)
        for reader in [content, *content.query(StopReader)]:
            if isinstance(reader, StopReader):
                reader.fill()  # the line to focus may be below the first screen (scroll_to waits for the layout)
                reader.scroll_to(y=place.scroll_y, animate=False)
        if place.focus_id and (found := self.tabs.query(f"#{place.focus_id}")):
            focus_now(found.first())

    async def action_jump(self, direction: int) -> None:
        place = self.jumps.back(self.here()) if direction < 0 else self.jumps.forward()
        if place is None:
            message = "No earlier place to go back to." if direction < 0 else "Nothing ahead."
            self.notify(message, markup=False)  # type: ignore[attr-defined]
        else:
            await self.go_to(place)

