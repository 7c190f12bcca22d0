"""The main screen: marking, header, the tabs of the book (from `briefing.tui.tabs`), footer.

It only composes and routes: places to open go to their tab and the jump list, search to the
`SearchController` (answers back to the panel and meeting views), export to `ExportFlow`.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widget import AwaitMount, Widget
from textual.widgets import Header, TabbedContent, TabPane

from briefing.model import BriefingLookup
from briefing.tui.background import GiveWay
from briefing.tui.focus import focus_now
from briefing.tui.jumps import JumpList
from briefing.tui.messages import OpenDirectoryEntry, OpenLocation
from briefing.tui.screen_size import take_size_classes
from briefing.tui.screens.jump_routes import JumpRoutes
from briefing.tui.screens.meeting_routes import MeetingRoutes
from briefing.tui.screens.quiet_focus import QuietFocusScreen
from briefing.tui.screens.search_routes import SearchRoutes
from briefing.tui.screens.state_routes import StateRoutes
from briefing.tui.search_state import SearchController
from briefing.tui.tabs import MEETING_PANE, book_tabs, fitting_labels, meeting_pane_id, relabel, underline_now
from briefing.tui.widgets.classification_bar import ClassificationBar, book_marking
from briefing.tui.widgets.fitted_footer import FittedFooter
from briefing.tui.widgets.literal import literal
from briefing.tui.widgets.reader_scroll import StopReader

HIT_KEYS = Binding.Group("Hit")
"""n and N share one footer entry."""

class MainScreen(MeetingRoutes, SearchRoutes, JumpRoutes, StateRoutes, QuietFocusScreen):
    """Everything the reader works in; modals (help, source, export) are pushed over it.

    Only the first tab's content is composed; the others are mounted right after the first frame (or at
    once when a key needs them), so start-up does not wait for hundreds of widgets nobody sees yet.
    """

    AUTO_FOCUS = ""  # on_mount puts the cursor on the first line: not via the tab bar (two restyles of it)

    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(digit), f"tab_key('{digit}')", f"Tab {digit}", show=False) for digit in range(1, 10)),
        Binding("slash", "focus_search", "Search", tooltip="search the whole book"),
        Binding("n", "step_hit(1)", "Next hit", group=HIT_KEYS, tooltip="open the next hit of the search"),
        Binding("N", "step_hit(-1)", "Previous hit", group=HIT_KEYS, tooltip="open the previous hit"),
        Binding("ctrl+l", "clear_highlights", "Unhighlight",
                tooltip="clear the highlights (the search stays for n/N)"),
        Binding("y", "copy(False)", "Copy", show=False, tooltip="copy the focused item with its citation (text)"),
        Binding("Y", "copy(True)", "Copy MD", show=False, tooltip="copy it as Markdown, citation as a footnote"),
        Binding("ctrl+o,backspace,alt+left", "jump(-1)", "Back", show=False, tooltip="back to where you were"),
        Binding("ctrl+i,alt+right", "jump(1)", "Forward", show=False, tooltip="forward again after going back"),
        Binding("e", "export", "Export", show=False, tooltip="export the book or this meeting to a file"),
    ]

    def __init__(self, lookup: BriefingLookup) -> None:
        super().__init__()
        self.lookup = lookup
        self.tab_specs = book_tabs(lookup)
        """The tabs, in the order of the tab bar (the registry)."""
        self.search = SearchController(lookup, self)
        self.jumps = JumpList()
        self._unmounted = [spec.id for spec in self.tab_specs[1:]]
        """Tabs whose content is not mounted yet: they are filled after the first frame."""
        self._mounting: dict[str, AwaitMount] = {}
        self._content: dict[str, Widget] = {}  # each tab's content widget, once built
        self.give_way = GiveWay()  # the work after the first frame waits while keys come

    def compose(self) -> ComposeResult:
        take_size_classes(self)  # styled once with them, not restyled at the first resize
        briefing = self.lookup.briefing
        yield ClassificationBar(book_marking(briefing), id="marking-top")
        yield Header(icon="≡")
        with TabbedContent(id="tabs"):
            for number, spec in enumerate(self.tab_specs):
                if number == 0:
                    self._content[spec.id] = spec.build()
                yield spec.pane(*([self._content[spec.id]] if number == 0 else []))
        yield ClassificationBar(book_marking(briefing), id="marking-bottom")
        # Without "^p palette" (the help names it): the reading keys need all of 80 columns.
        yield FittedFooter(show_command_palette=False)

    def on_mount(self) -> None:
        from briefing.render.vocabulary import vocabulary

        briefing, principal = self.lookup.briefing, self.lookup.principal
        words = vocabulary(briefing.language)
        name = principal.name if principal else words.words.not_stated_principal
        self.title = literal(briefing.title).plain
        self.sub_title = literal(f"{words.date_range(briefing.start, briefing.end)} · {name}").plain
        self.call_after_refresh(self._after_first_frame)  # the other tabs, then the search index
        first = self._content[self.tab_specs[0].id]
        stop = first.first_stop() if isinstance(first, StopReader) else None
        focus_now(stop or first)  # the cursor on the first line of the first tab: enter opens it, j moves on

    def on_resize(self) -> None:
        self._label_tabs()

    def _label_tabs(self) -> None:
        extra = {"search": self.search.counter()} if self.search.hits else {}
        relabel(self.tabs, self.tab_specs, fitting_labels(self.tab_specs, self.size.width, extra))

    async def ensure_content(self, pane_id: str) -> Widget:
        """The content of tab `pane_id`, mounted now if it is not yet (a key can beat the idle mount)."""
        pane = self.query_one(f"#{pane_id}", TabPane)
        if pane_id in self._unmounted:
            self._unmounted.remove(pane_id)
            spec = next(spec for spec in self.tab_specs if spec.id == pane_id)
            widget = self._content[pane_id] = spec.build()
            self._mounting[pane_id] = pane.mount(widget)
            await self._mounting[pane_id]
            del self._mounting[pane_id]  # mounted: awaiting it again asked its pane for another layout
            from briefing.tui.widgets.meeting_view import MeetingView  # on use: not for the first frame
            if isinstance(widget, MeetingView):
                widget.highlight(self.search.spans_for)
        elif (mounting := self._mounting.get(pane_id)) is not None:
            await mounting
        return self._content[pane_id]

    @property
    def tabs(self) -> TabbedContent:
        return self.query_one("#tabs", TabbedContent)

    def pane_ids(self) -> list[str]:
        return [spec.id for spec in self.tab_specs]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "step_hit":
            return bool(self.search.hits) or None  # greyed out, still in the footer's place
        if action == "clear_highlights":
            return self.search.highlighting  # in the footer only while there is something to clear
        return True

    # -- tabs, places and the jump list ----------------------------------------------------------

    async def action_tab_key(self, key: str) -> None:
        spec = next((spec for spec in self.tab_specs if spec.key == key), None)
        if spec is not None:
            await self.show_tab(spec.id)

    async def show_tab(self, pane_id: str) -> Widget:
        """Show tab `pane_id` (a meeting's, in a book with a picker: the meeting tab) and focus its content."""
        shown = MEETING_PANE if self.picks_meetings(pane_id) else pane_id
        if shown not in self._unmounted:
            # Switched before a meeting is put in the meeting tab (no frame is drawn meanwhile): the panes
            # shown and hidden ask for their layout while it mounts, not after the screen's first layout
            # pass, which was laid out and drawn again for them (enter on a search hit of a big book).
            self.tabs.active = shown
        pane_id = await self.pane_showing(pane_id)
        content = await self.ensure_content(pane_id)
        self.tabs.active = pane_id
        underline_now(self.tabs)
        from briefing.tui.widgets.meeting_view import MeetingView  # on use: not for the first frame
        from briefing.tui.widgets.search_panel import SearchPanel

        # Focus now (`focus_now`): the keys typed right after the switch belong to the new tab.
        if isinstance(content, MeetingView):
            content.focus_reader()
        elif isinstance(content, StopReader) and (stop := content.resume_stop()) is not None:
            focus_now(stop)  # its line the reader left, or the first (focusing the view restyled all its lines)
        elif isinstance(content, SearchPanel):
            content.focus_results()  # not the box: digit keys keep switching tabs
        else:  # a list-and-detail tab gives it to its list, at once (`BrowsePane.focus`)
            focus_now(content) if content.can_focus else content.focus()
        return content

    @on(OpenLocation)
    async def _open_location(self, message: OpenLocation) -> None:
        message.stop()
        if message.meeting_id in self.lookup.people or message.meeting_id in self.lookup.organisations:
            await self._show_directory_entry(message.meeting_id)  # a person lives in the directory
            return
        pane_id = meeting_pane_id(message.meeting_id)
        if pane_id in self.pane_ids() or self.picks_meetings(pane_id):
            self.jumps.record(self.here())
            view = await self.show_tab(pane_id)
            await view.show_at(message.session_id, message.item_id)  # type: ignore[attr-defined]  # a MeetingView

    @on(OpenDirectoryEntry)
    async def _open_directory(self, message: OpenDirectoryEntry) -> None:
        message.stop()
        await self._show_directory_entry(message.actor_id)

    async def _show_directory_entry(self, actor_id: str) -> None:
        self.jumps.record(self.here())
        directory = await self.show_tab("people")
        directory.select_entry(actor_id)  # type: ignore[attr-defined]

    def action_export(self) -> None:
        from briefing.tui.export_flow import ExportFlow
        view = self.current_meeting_view()
        ExportFlow(self.app, self.lookup).start(view.meeting if view else None)
