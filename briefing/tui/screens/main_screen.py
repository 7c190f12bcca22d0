"""The main screen: marking, header, the tabs of the book, footer; it routes `OpenLocation` and n/N."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.css.query import NoMatches
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import AwaitMount, MountError, Widget
from textual.widgets import Footer, Header, TabbedContent, TabPane

from briefing.model import BriefingLookup
from briefing.tui.messages import OpenDirectoryEntry, OpenLocation
from briefing.tui.widgets.classification_bar import ClassificationBar, book_marking
from briefing.tui.widgets.item_block import SpanFinder
from briefing.tui.widgets.literal import literal
from briefing.tui.widgets.meeting_view import MeetingView
from briefing.tui.widgets.overview import Overview
from briefing.tui.widgets.search_panel import SearchPanel

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp
    from briefing.tui.screens.export_screen import ExportRequest

TAB_TITLE_WIDTH = 28
"""Meeting titles longer than this are cut in the tab bar (the full title heads the tab's text)."""

MEETING_ACTIONS = {"previous_session", "next_session", "show_source"}
"""Actions that only make sense on a meeting tab: hidden from the footer elsewhere."""


SESSION_KEYS = Binding.Group("Session")
"""[ and ] share one footer entry, as do n and N."""

HIT_KEYS = Binding.Group("Hit")


def meeting_pane_id(meeting_id: str) -> str:
    return f"meeting-{meeting_id}"


class MainScreen(Screen[None]):
    """Everything the reader works in; modals (help, source, export) are pushed over it.

    The hidden tabs' content is mounted lazily, right after the first frame: start-up shows the
    overview without waiting for hundreds of widgets nobody sees yet.
    """

    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (110, "-wide")]
    """At 110 columns and more the meeting tabs show their session list beside the text."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(number), f"switch_tab({number})", f"Tab {number}", show=False) for number in range(1, 10)),
        Binding("slash", "focus_search", "Search"),
        Binding("left_square_bracket", "previous_session", "Previous session", group=SESSION_KEYS),
        Binding("right_square_bracket", "next_session", "Next session", group=SESSION_KEYS),
        Binding("n", "step_hit(1)", "Next hit", group=HIT_KEYS),
        Binding("N", "step_hit(-1)", "Previous hit", group=HIT_KEYS),
        Binding("s", "show_source", "Source"),
        # Not in the footer: on a meeting tab with a search open, the reading keys need all 80 columns.
        # (It is in the help and the command palette.)
        Binding("e", "export", "Export", show=False),
        Binding("escape", "clear_search", "Clear"),
    ]

    highlight_query: reactive[str | None] = reactive(None, init=False)
    """The query whose matches are highlighted in the meeting tabs; None when nothing is."""

    @dataclass
    class IndexReady(Message):
        """The search index finished building in its worker."""

        index: Any

    def __init__(self, lookup: BriefingLookup) -> None:
        super().__init__()
        self.lookup = lookup
        self._unmounted: list[str] = [
            *(meeting_pane_id(meeting.id) for meeting in lookup.briefing.meetings), "quotes", "people"
        ]
        """Tabs whose content is not mounted yet: they are filled after the first frame."""
        self._mounting: dict[str, AwaitMount] = {}

    @property
    def briefing_app(self) -> BriefingApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        briefing = self.lookup.briefing
        yield ClassificationBar(book_marking(briefing), id="marking-top")
        yield Header(icon="≡")
        with TabbedContent(id="tabs"):
            yield TabPane(Content("1 Overview"), Overview(self.lookup, id="overview-view"), id="overview")
            for number, meeting in enumerate(briefing.meetings, start=2):
                title = meeting.title if len(meeting.title) <= TAB_TITLE_WIDTH else meeting.title[:27] + "…"
                label = Content.assemble(f"{number} " if number <= 9 else "", literal(title))
                yield TabPane(label, id=meeting_pane_id(meeting.id))
            first = len(briefing.meetings) + 2
            yield TabPane(self._number(first, "Quotes"), id="quotes")
            yield TabPane(self._number(first + 1, "Search"), SearchPanel(self.lookup, id="search-panel"),
                          id="search")
            yield TabPane(self._number(first + 2, "People & organisations"), id="people")
        yield ClassificationBar(book_marking(briefing), id="marking-bottom")
        # Without "^p palette" (the help names it): the reading keys need all of 80 columns.
        yield Footer(show_command_palette=False)

    @staticmethod
    def _number(number: int, title: str) -> Content:
        return Content(f"{number} {title}" if number <= 9 else title)

    def _quote_browser(self) -> Widget:
        from briefing.tui.widgets.quote_browser import QuoteBrowser

        return QuoteBrowser(self.lookup, id="quote-browser")

    def _people_directory(self) -> Widget:
        from briefing.tui.widgets.people_directory import PeopleDirectory

        return PeopleDirectory(self.lookup, id="people-directory")

    def on_mount(self) -> None:
        from briefing.render.dates import NOT_STATED_PRINCIPAL, format_date_range

        briefing = self.lookup.briefing
        principal = self.lookup.principal
        self.title = literal(briefing.title).plain
        self.sub_title = literal(f"{format_date_range(briefing.start, briefing.end)} · {principal.name if principal else NOT_STATED_PRINCIPAL}").plain
        # After the first frame: building the index holds the interpreter lock, which would delay it.
        self.call_after_refresh(self._build_index)
        self.call_after_refresh(self._mount_hidden_tabs)
        # The reader starts in the text, where j/k and the page keys work; number keys switch tabs.
        self.query_one("#overview-view").focus()

    def _hidden_tab_content(self, pane_id: str) -> Widget:
        """A new widget for the content of tab `pane_id` (built, and its module imported, when needed)."""
        if pane_id == "quotes":
            return self._quote_browser()
        if pane_id == "people":
            return self._people_directory()
        return MeetingView(self.lookup, self.lookup.meetings[pane_id.removeprefix("meeting-")])

    async def _mount_hidden_tabs(self) -> None:
        # Not `textual.lazy.Lazy`: it raises MountError when the app quits before the mount runs.
        for pane_id in list(self._unmounted):
            try:
                await self._ensure_content(pane_id)
            except (MountError, NoMatches):
                return  # the app is closing

    async def _ensure_content(self, pane_id: str) -> None:
        """Mount the content of tab `pane_id` now if it is not there yet (a key can beat the idle mount)."""
        if pane_id in self._unmounted:
            self._unmounted.remove(pane_id)
            widget = self._hidden_tab_content(pane_id)
            mounting = self.query_one(f"#{pane_id}", TabPane).mount(widget)
            self._mounting[pane_id] = mounting
            await mounting
            if isinstance(widget, MeetingView) and self.highlight_query:
                widget.highlight(span_finder(self.highlight_query))
        elif (mounting := self._mounting.get(pane_id)) is not None:
            await mounting

    @work(thread=True, exclusive=True, group="index")
    def _build_index(self) -> None:
        # Built after the first frame, in a thread: the reader can start reading while it builds.
        from briefing.search import SearchIndex

        self.post_message(self.IndexReady(SearchIndex.for_briefing(self.lookup.briefing)))

    @on(IndexReady)
    def _index_ready(self, message: IndexReady) -> None:
        self.search_panel.index = message.index

    # -- where things are ------------------------------------------------------------------------

    @property
    def tabs(self) -> TabbedContent:
        return self.query_one("#tabs", TabbedContent)

    @property
    def search_panel(self) -> SearchPanel:
        return self.query_one("#search-panel", SearchPanel)

    def pane_ids(self) -> list[str]:
        """Ids of the tab panes, in the order of the tab bar."""
        return [pane.id or "" for pane in self.tabs.query(TabPane)]

    def current_meeting_view(self) -> MeetingView | None:
        tabs = self.query("#tabs")
        active = tabs.first(TabbedContent).active if tabs else ""
        if not active.startswith("meeting-"):
            return None
        views = self.query_one(f"#{active}", TabPane).query(MeetingView)
        return views.first() if views else None

    def meeting_views(self) -> list[MeetingView]:
        return list(self.query(MeetingView))

    # -- footer --------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in MEETING_ACTIONS:
            return self.current_meeting_view() is not None
        if action == "step_hit":
            panels = self.query(SearchPanel)
            return bool(panels and panels.first().hits)
        if action == "clear_search":
            # In the footer only while there is a search to clear.
            panels = self.query(SearchPanel)
            return bool(self.highlight_query or (panels and panels.first().hits))
        return True

    @on(TabbedContent.TabActivated, "#tabs")
    def _tab_changed(self) -> None:
        self.refresh_bindings()

    # -- actions ---------------------------------------------------------------------------------

    async def action_switch_tab(self, number: int) -> None:
        """Show tab `number` (1-based, as labelled) and give the keyboard to its content."""
        pane_ids = self.pane_ids()
        if 1 <= number <= len(pane_ids):
            await self._ensure_content(pane_ids[number - 1])
            self.tabs.active = pane_ids[number - 1]
            # Focus now, not after a refresh: a late focus in the previous pane would switch back to it.
            self._focus_pane_content()

    def _focus_pane_content(self) -> None:
        active = self.tabs.active
        if view := self.current_meeting_view():
            view.focus_reader()
        elif active == "search":
            # On the results, not in the box: number keys keep switching tabs; typing goes to the box.
            self.search_panel.focus_results()
        else:
            # The pane's one widget knows where the keys work (the quote and people widgets focus
            # their list, not their filter box, so that number keys still switch tabs).
            pane = self.query_one(f"#{active}", TabPane)
            if pane.children:
                pane.children[0].focus()

    def action_focus_search(self) -> None:
        self.tabs.active = "search"
        self.search_panel.input.focus()

    def action_step_hit(self, direction: int) -> None:
        if not self.search_panel.step(direction):
            self.notify("No search results to step through: press / and type a query.", markup=False)

    def action_previous_session(self) -> None:
        if view := self.current_meeting_view():
            view.go_to_session(-1)

    def action_next_session(self) -> None:
        if view := self.current_meeting_view():
            view.go_to_session(1)

    def action_clear_search(self) -> None:
        self.search_panel.action_clear(keep_focus=True)
        self.highlight_query = None

    def action_show_source(self) -> None:
        from briefing.tui.screens.source_screen import SourceScreen

        view = self.current_meeting_view()
        block = view.focused_item() if view else None
        if block is None:
            self.notify("Move to an item first (j/k or a click), then press s.", markup=False)
            return
        citations = []
        for ref in block.sources:
            heading, text = self.briefing_app.source_paragraph(ref)
            citations.append((heading, text))
        self.app.push_screen(SourceScreen(citations))

    def action_export(self) -> None:
        from briefing.render import EXPORT_FORMATS, FORMAT_SUFFIXES
        from briefing.tui.screens.export_screen import ExportScreen

        view = self.current_meeting_view()
        screen = ExportScreen(self.lookup.briefing.id, tuple(EXPORT_FORMATS), dict(FORMAT_SUFFIXES),
                              view.meeting if view else None)
        self.app.push_screen(screen, callback=self._export_chosen)

    def _export_chosen(self, request: ExportRequest | None) -> None:
        from briefing.tui.screens.confirm_screen import ConfirmScreen

        if request is None:
            return
        if request.path.exists():
            question = Content.assemble(
                ("A file already exists at\n", "bold"), literal(str(request.path)), "\nReplace it?"
            )

            def replace_if_confirmed(confirmed: bool | None) -> None:
                if confirmed:
                    self._write_export(request, overwrite=True)
                else:
                    self.notify("Export cancelled: the existing file was left alone.", markup=False)

            self.app.push_screen(ConfirmScreen(question, yes="Replace", no="Keep"), callback=replace_if_confirmed)
        else:
            self._write_export(request, overwrite=False)

    @work(thread=True, exclusive=True, group="export")
    def _write_export(self, request: ExportRequest, *, overwrite: bool) -> None:
        from briefing.files import write_atomic
        from briefing.render import export_summary
        from briefing.render.safety import shown

        text = export_summary(self.lookup.briefing, request.format, meeting_ids=request.meeting_ids)
        try:
            # Whole or not at all (a full disk leaves the old file as it was); without overwrite, a file
            # that appeared after the question was asked is refused, not silently replaced.
            write_atomic(request.path, text, overwrite=overwrite)
        except FileExistsError:
            self.app.call_from_thread(
                self.notify, f"Not exported: {shown(request.path)} appeared meanwhile; export again to replace it.",
                severity="warning", markup=False,
            )
        except OSError as error:
            self.app.call_from_thread(
                self.notify, f"Could not write {shown(request.path)}: {error.strerror or error}; nothing was written",
                severity="error", markup=False,
            )
        else:
            self.app.call_from_thread(self.notify, f"Exported to {shown(request.path)}", title="Export",
                                      markup=False)

    # -- opening places ------------------------------------------------------------------------------

    @on(OpenLocation)
    async def _open_location(self, message: OpenLocation) -> None:
        message.stop()
        if message.meeting_id in self.lookup.people or message.meeting_id in self.lookup.organisations:
            # A person or organisation lives in the directory, not in a meeting tab.
            await self._show_directory_entry(message.meeting_id)
            return
        pane_id = meeting_pane_id(message.meeting_id)
        if pane_id not in self.pane_ids():
            return
        await self._ensure_content(pane_id)
        if message.highlight_query is not None:
            self.highlight_query = message.highlight_query
        self.tabs.active = pane_id
        view = self.query_one(f"#{pane_id}", TabPane).query_one(MeetingView)
        view.show(message.session_id, message.item_id)

    @on(OpenDirectoryEntry)
    async def _open_directory(self, message: OpenDirectoryEntry) -> None:
        message.stop()
        await self._show_directory_entry(message.actor_id)

    async def _show_directory_entry(self, actor_id: str) -> None:
        from briefing.tui.widgets.people_directory import PeopleDirectory

        await self._ensure_content("people")
        self.tabs.active = "people"
        directory = self.query_one("#people-directory", PeopleDirectory)
        directory.select_entry(actor_id)
        # On the list, not in its filter box: n/N keep stepping through the hits, enter lists appearances.
        directory.focus()

    @on(SearchPanel.Leave)
    def _leave_search(self, message: SearchPanel.Leave) -> None:
        message.stop()
        self.highlight_query = None
        self.tabs.query_one("ContentTabs").focus()

    def watch_highlight_query(self, query: str | None) -> None:
        self.refresh_bindings()
        finder = span_finder(query) if query else None
        for view in self.meeting_views():
            view.highlight(finder)


def span_finder(query: str) -> SpanFinder | None:
    """Where `query` matches in a text, as the search engine sees it; None for a query it rejects."""
    from briefing.search import QueryError, compile_query

    try:
        compiled = compile_query(query, as_you_type=True)
    except QueryError:
        return None
    return compiled.spans
