"""The Search tab: a query box, results as you type (ranked, grouped by meeting), highlighted snippets.

The panel holds no search state of its own: it posts what the reader does (`QueryChanged`, `OpenHit`,
`Submitted`) and renders from the screen's `SearchController` (`show`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from briefing.model import BriefingLookup
from briefing.render.vocabulary import vocabulary
from briefing.tui.focus import focus_now
from briefing.tui.widgets.hanging import Hanging
from briefing.tui.widgets.literal import component_style, literal, literal_with_spans
from briefing.tui.widgets.reader_scroll import ReaderOptionList
from briefing.tui.widgets.safe_input import SafeInput

if TYPE_CHECKING:
    from briefing.search import SearchHit
    from briefing.tui.search_state import SearchController

KIND_NAMES = {"note": "private note"}
"""Kinds the index has and the book does not; the book's kinds are named in its language (vocabulary)."""

PLACEHOLDER = 'words, "a phrase", this OR that, -without, prefix*'

IDLE_STATUS = "Type to search the whole book (/ from any tab)."

GROUP_STYLE = "bold underline $text-primary"
"""The meeting a group of hits belongs to: above the hits' labels in the hierarchy (theme variables)."""

LABEL_STYLE = "$text-secondary"
"""What and where a hit is ("position · Working session on Ukraine")."""


class SearchInput(SafeInput):
    """The query box: enter opens the top hit, escape leaves the box; both keep the pattern for n/N."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Open top hit"),
        Binding("escape", "leave", "Leave box", tooltip="leave the box, keeping the search for n/N"),
        Binding("down", "leave", "Results", show=False),
    ]

    class Leave(Message):
        """Escape or down in the box: the reader goes to the results, the pattern stays."""

    def action_leave(self) -> None:
        self.post_message(self.Leave())


class ResultList(ReaderOptionList):
    """The hits; enter opens one; `/` or `f` goes back to the box."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash,f", "edit_query", "Edit query", show=False),
    ]

    def action_edit_query(self) -> None:
        focus_now(self.screen.query_one("#search-input"))


class SearchPanel(Vertical):
    """Type a query; results arrive from a worker thread, so typing never waits for the search."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"search-panel--match"}
    """`--match`: the matched words in a snippet (reverse + bold, not colour alone)."""

    DEFAULT_CSS = """
    SearchPanel > Input { margin: 0 0; }
    SearchPanel > #search-status { height: auto; padding: 0 1; color: $text-muted; }
    SearchPanel > #search-status.-error { color: $text-error; text-style: bold; }
    SearchPanel > OptionList { height: 1fr; }
    SearchPanel > .search-panel--match { text-style: reverse bold; }
    """

    @dataclass
    class QueryChanged(Message):
        """The reader typed: `query` is what the box holds now."""

        query: str

    class Submitted(Message):
        """Enter in the box: open the top hit (now, or when the answer arrives)."""

    @dataclass
    class OpenHit(Message):
        """Enter (or a click) on hit `number` of the list."""

        number: int

    def __init__(self, lookup: BriefingLookup, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lookup = lookup
        self.words = vocabulary(lookup.briefing.language)
        """The book's names of kinds and groups (the panel's own messages stay English)."""
        self.hits: list[SearchHit] = []
        """The hits shown (the controller's, as last rendered)."""

    def compose(self) -> ComposeResult:
        yield SearchInput(placeholder=PLACEHOLDER, id="search-input", select_on_focus=False)
        yield Static(IDLE_STATUS, id="search-status", markup=False)
        yield ResultList(id="search-results")

    def on_mount(self) -> None:
        # Shown by a key (or a search opened from the library) while it was being mounted, the panel may
        # have missed the search's last change: it renders the screen's search state once composed.
        search = getattr(self.screen, "search", None)
        if search is not None and self.query_children("#search-results"):  # none if removed before composing
            self.show(search)

    @property
    def input(self) -> Input:
        return self.query_one("#search-input", Input)

    @property
    def results_list(self) -> OptionList:
        return self.query_one("#search-results", OptionList)

    _status_shown: tuple[str, bool] = (IDLE_STATUS, False)
    """The status line's text and error flag as last set (it is composed with the idle text)."""

    def status(self, text: str, *, error: bool = False) -> None:
        # Unchanged, it is left alone: an update lays the whole screen out again, and the index being
        # ready (the panel hidden, nothing typed) redrew scrollbars of the tab the reader was looking at,
        # in the middle of their keys.
        if (text, error) == self._status_shown:
            return
        self._status_shown = (text, error)
        status = self.query_one("#search-status", Static)
        status.update(Content(text))
        status.set_class(error, "-error")

    @on(Input.Changed, "#search-input")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.QueryChanged(event.value))

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted())

    @on(SearchInput.Leave)
    def _leave(self, event: SearchInput.Leave) -> None:
        event.stop()
        self.focus_results()

    def set_query(self, query: str) -> None:
        """Put `query` in the box without running it again (the controller already holds it)."""
        if self.input.value != query:
            with self.input.prevent(Input.Changed):
                self.input.value = query

    def show(self, search: SearchController) -> None:
        """Render the controller's state: status line and results."""
        if not search.query.strip():
            self.hits = []
            if self.results_list.option_count:  # clearing an empty list would still refresh it
                self.results_list.clear_options()
            self.status(IDLE_STATUS)
            return
        if search.index is None:
            self.status("Preparing the search index…")
            return
        if search.error is not None:
            self.hits = []
            self.results_list.clear_options()
            self.status(f"Invalid query: {search.error}", error=True)
            return
        if search.hits is not self.hits:
            self.hits = search.hits
            self._fill(search.hits)
        status = self.status_text(search)
        if reason := getattr(search.index, "unavailable_reason", None):
            status = f"{status} ({reason})"  # searching without SQLite's full-text engine: slower
        self.status(status)
        self.mark(search.cursor)

    def status_text(self, search: SearchController) -> str:
        """ "12 matches · 3/12 · enter opens…"; with no match, `no_hits_message`."""
        if not search.hits:
            return self.no_hits_message(search.answered_query)
        shown = f" (first {len(search.hits)} shown)" if search.total > len(search.hits) else ""
        noun = "match" if search.total == 1 else "matches"
        return f"{search.total} {noun}{shown} · {search.counter()} · enter opens, n/N step, ctrl+l unhighlights"

    def no_hits_message(self, query: str) -> str:
        """What the status says when nothing matches, with the nearest words of the book if a word was
        mistyped ("No match for 'sanctons'. Did you mean sanctions?")."""
        message = f"No match for {query.strip()!r}."
        suggestion = self._suggestion(query)
        return f"{message} Did you mean {suggestion}?" if suggestion else message

    def _suggestion(self, query: str) -> str | None:
        from briefing.search import QueryError, compile_query

        index = getattr(getattr(self.screen, "search", None), "index", None)
        if index is None or not query.strip():
            return None
        try:  # every word as typed (as you type, the last one would be a prefix, never corrected)
            suggestion = index.suggest(compile_query(query))
        except QueryError:
            return None
        return suggestion.query if suggestion else None

    def _fill(self, hits: list[SearchHit]) -> None:
        match_style = component_style(self, "search-panel--match")
        options: list[Option | None] = []
        meeting_id: object = object()  # no group yet; None is the group of people and organisations
        for number, hit in enumerate(hits):
            if hit.meeting_id != meeting_id:
                meeting_id = hit.meeting_id
                meeting = self.lookup.meetings.get(meeting_id or "")
                title = meeting.title if meeting is not None else self.words.label("People & organisations")
                options.append(Option(literal(title).stylize(GROUP_STYLE), disabled=True))
            snippet = hit.snippet
            # The snippet's text carries its own ellipses where it was cut.
            text = literal_with_spans(snippet.text.replace("\n", " "), snippet.spans, match_style)
            label = literal(self._label(hit)).stylize(LABEL_STYLE)
            # Continuation lines stay under the first one, clear of the group titles.
            options.append(Option(Hanging.indented(Content.assemble("  ", label, "\n  ", text)), id=f"hit-{number}"))
        results_list = self.results_list
        results_list.clear_options()
        results_list.add_options(options)

    def _label(self, hit: SearchHit) -> str:
        """What the hit is and where: "position · Working session on Ukraine"."""
        located = self.lookup.sessions.get(hit.session_id or "")
        session_title = located[1].title if located else None
        kind = "heading" if hit.kind == "passage" and hit.label == "heading" else hit.kind
        kind = self.words.label(KIND_NAMES[kind]) if kind in KIND_NAMES else self.words.kind_name(kind)
        parts = [kind]
        if hit.label and hit.label not in (session_title, hit.kind, kind, "passage", "heading"):
            parts.append(hit.label)
        if session_title:
            parts.append(session_title)
        return " · ".join(parts)

    def _first_hit_option(self) -> int | None:
        for index in range(self.results_list.option_count):
            if not self.results_list.get_option_at_index(index).disabled:
                return index
        return None

    def _option_index_of(self, number: int) -> int | None:
        for index in range(self.results_list.option_count):
            if self.results_list.get_option_at_index(index).id == f"hit-{number}":
                return index
        return None

    def mark(self, number: int) -> None:
        """Keep the list's cursor on hit `number` (the one n/N last opened)."""
        if number >= 0:
            self.results_list.highlighted = self._option_index_of(number)

    @property
    def highlighted_hit(self) -> SearchHit | None:
        """The hit under the list's cursor."""
        option = self.results_list.highlighted_option
        if option is None or not option.id or not option.id.startswith("hit-"):
            return None
        number = int(option.id.removeprefix("hit-"))
        return self.hits[number] if number < len(self.hits) else None

    def copy_target(self) -> object:
        """What `y` copies here: the hit under the list's cursor (an item, a person, an organisation)."""
        hit = self.highlighted_hit
        if hit is None:
            return None
        lookup = self.lookup
        return lookup.items.get(hit.item_id) or lookup.people.get(hit.item_id) or lookup.organisations.get(hit.item_id)

    @on(OptionList.OptionSelected, "#search-results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id and event.option.id.startswith("hit-"):
            self.post_message(self.OpenHit(int(event.option.id.removeprefix("hit-"))))

    def focus_results(self) -> None:
        """Give the keyboard to the results (on the first hit, if none is highlighted yet)."""
        results = self.results_list
        focus_now(results)
        if self.hits and results.highlighted is None:
            results.highlighted = self._first_hit_option()

    def focus_box(self) -> None:
        """Into the box for a new search (`/` from anywhere): the last query is selected, so what is typed
        replaces it (it appended: `/nato` after `/mali` searched "malinato"); an arrow key keeps it to edit."""
        focus_now(self.input)
        self.input.select_all()

    def on_key(self, event: events.Key) -> None:
        """Up from the first hit goes back to the box (down came from there)."""
        if (self.results_list.has_focus and event.key == "up"
                and self.results_list.highlighted in (None, self._first_hit_option())):
            event.stop()
            event.prevent_default()
            focus_now(self.input)
