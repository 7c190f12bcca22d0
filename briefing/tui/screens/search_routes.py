"""The main screen's search routes: the panel's requests go to the `SearchController`, its answers back
to the panel, the meeting views and the Search tab's "3/9" counter.

A mixin of `MainScreen` (handlers by name, as Textual finds them on any base class), so that the
screen's module stays a list of what is composed and where each message goes.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual.css.query import NoMatches
from textual.events import Key
from textual.widget import MountError

from briefing.tui.background import GiveWay
from briefing.tui.messages import OpenDirectoryEntry, OpenLocation
from briefing.tui.search_state import SearchController
from briefing.tui.tabs import MEETING_PANE, meeting_pane_id

if TYPE_CHECKING:  # the widgets are imported on use: not for the first frame
    from textual.widget import Widget

    from briefing.model import BriefingLookup
    from briefing.tui.widgets.search_panel import SearchPanel


class SearchRoutes:
    """Needs `self.search` (a SearchController), `show_tab`, `ensure_content`, `_label_tabs` and the
    Screen API; also starts what follows the first frame (`_after_first_frame`)."""

    lookup: BriefingLookup
    search: SearchController
    give_way: GiveWay
    _unmounted: list[str]
    _content: dict[str, Widget]

    async def ensure_content(self, pane_id: str) -> Widget:
        raise NotImplementedError

    async def show_tab(self, pane_id: str) -> Widget:
        raise NotImplementedError

    def _label_tabs(self) -> None:
        raise NotImplementedError

    if TYPE_CHECKING:  # MeetingRoutes' (a stub here would shadow it in MainScreen's method order)

        def picks_meetings(self, pane_id: str) -> bool:
            raise NotImplementedError

    @property
    def search_panel(self) -> SearchPanel:
        """The Search tab's panel (mounted: after the first frame, or by `show_tab("search")`)."""
        from briefing.tui.widgets.search_panel import SearchPanel

        return self.query_one(SearchPanel)  # type: ignore[attr-defined]

    async def action_focus_search(self) -> None:
        """Go to the Search tab, into the query box (a jump: ctrl+o comes back here)."""
        if self.tabs.active != "search":  # type: ignore[attr-defined]
            self.jumps.record(self.here())  # type: ignore[attr-defined]
        panel = await self.show_tab("search")
        panel.focus_box()  # type: ignore[attr-defined]

    def on_search_panel_query_changed(self, message: SearchPanel.QueryChanged) -> None:
        self.search.open_when_answered = False  # an enter before this key was for the previous query
        self.search.run(message.query)
        self._search_changed()

    def on_search_panel_submitted(self, message: SearchPanel.Submitted) -> None:
        if self.search.waiting:
            self.search.open_when_answered = True  # "/mali⏎" typed faster than the answer
        elif self.search.hits:
            self._open_hit(0)
        else:
            self.search_panel.focus_results()  # nothing to open

    def on_search_panel_open_hit(self, message: SearchPanel.OpenHit) -> None:
        self._open_hit(message.number)

    def on_search_controller_index_ready(self, message: SearchController.IndexReady) -> None:
        self.search.index_ready(message.index)
        self._search_changed()
        self.check_settled()

    def _after_first_frame(self) -> None:
        """The other tabs, then the search index, in a worker: the screen's messages (a key on its way to
        its binding) are not held up behind it, and each slice of the index waits while the reader
        presses keys (`give_way`)."""
        if getattr(self.app, "exit_after_first_frame", False):  # type: ignore[attr-defined]
            return  # a start-up benchmark's run: it ends at the first frame, and this is no part of it
        self.run_worker(self._fill_in(), group="after-first-frame")  # type: ignore[attr-defined]

    async def _fill_in(self) -> None:
        # The index after the tabs: built alongside, it held the interpreter lock while the first key
        # after the first frame awaited a tab being mounted. Before the tabs, the book's item map in
        # slices, a key answered between two: a meeting tab's mount built it in one go otherwise.
        for _ in self.lookup.map_items():
            await asyncio.sleep(0)
        await self._mount_hidden_tabs()
        if self.is_running:  # type: ignore[attr-defined]
            self.finish_opening_in_background()  # type: ignore[attr-defined]
            self.search.build_index(self.give_way)

    async def _mount_hidden_tabs(self) -> None:
        # No pause for keys here: each tab is one short slice on the UI thread, a key is answered between
        # two (this runs in a worker), and a tab held back was one the reader's next key then had to mount.
        for pane_id in list(self._unmounted):
            try:
                await self.ensure_content(pane_id)
            except (MountError, NoMatches):
                return  # the app is closing

    def on_key(self, event: Key) -> None:
        self.give_way.key_pressed()  # the work after the first frame waits (see `briefing.tui.background`)

    def check_settled(self) -> None:
        """Tell the app once the work after the first frame is done: every tab mounted, the index built."""
        if not self._unmounted and self.search.index is not None:
            self.app.book_settled()

    def on_search_controller_answered(self, message: SearchController.Answered) -> None:
        if self.search.accept(message):
            self._search_changed()
            open_now, self.search.open_when_answered = self.search.open_when_answered, False
            wanted, self.search.open_item_when_answered = self.search.open_item_when_answered, None
            if wanted is not None:
                self._open_item_hit(wanted)
            elif open_now and self.search.hits:
                self._open_hit(0)

    def show_search_hit(self, query: str, item_id: str) -> None:
        """Search this book for `query` and open its hit on `item_id`, matches highlighted: how the
        library's cross-book search opens a book (n/N then walk this book's hits, as after a search here)."""
        self.search.open_item_when_answered = item_id
        self.search.run(query)
        self._search_changed()

    def _open_item_hit(self, item_id: str) -> None:
        number = next((n for n, hit in enumerate(self.search.hits) if hit.item_id == item_id), None)
        if number is not None:
            self._open_hit(number)

    def _open_hit(self, number: int) -> None:
        hit = self.search.select(number)
        # The meeting tab's view gets the hit's meeting, highlighted as its text is made: highlighting the
        # meeting it shows now, just before that text goes, was work for nothing.
        shown = self._content.get(MEETING_PANE)
        replaced = hit.meeting_id is not None and self.picks_meetings(meeting_pane_id(hit.meeting_id)) and (
            getattr(shown, "meeting", None) is not None and shown.meeting.id != hit.meeting_id)  # type: ignore[union-attr]
        self._search_changed(skip=shown if replaced else None)
        if hit.meeting_id is None:
            self.post_message(OpenDirectoryEntry(hit.item_id))
        else:
            self.post_message(OpenLocation(hit.meeting_id, hit.session_id, hit.item_id))

    def action_step_hit(self, direction: int) -> None:
        if self.search.step(direction) is None:
            self.notify("No search results to step through: press / and type a query.", markup=False)
        else:
            self._open_hit(self.search.cursor)

    def action_clear_highlights(self) -> None:
        self.search.clear_highlights()
        self._search_changed()

    def _search_changed(self, skip: Widget | None = None) -> None:
        """Render the search state everywhere it shows: the panel, the meeting views (but `skip`), the
        tab's counter."""
        from briefing.tui.widgets.meeting_view import MeetingView
        from briefing.tui.widgets.search_panel import SearchPanel

        # The tabs' contents, not a query of the screen: matching every widget of the screen against a
        # selector was a third of an enter on a search hit.
        for content in list(self._content.values()):
            if not content.is_mounted or content is skip:  # one being mounted shows the search itself once mounted
                continue
            if isinstance(content, SearchPanel):
                content.show(self.search)
            elif isinstance(content, MeetingView):
                content.highlight(self.search.spans_for)
        self._label_tabs()
        self.refresh_bindings()

