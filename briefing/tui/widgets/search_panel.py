"""The Search tab: a query box, results as you type (ranked, grouped by meeting), highlighted snippets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from briefing.model import BriefingLookup
from briefing.tui.messages import OpenDirectoryEntry, OpenLocation
from briefing.tui.widgets.filter_input import type_into
from briefing.tui.widgets.hanging import Hanging
from briefing.tui.widgets.literal import component_style, literal, literal_with_spans
from briefing.tui.widgets.reader_scroll import ReaderOptionList

if TYPE_CHECKING:
    from briefing.search import SearchHit, SearchIndex

RESULT_LIMIT = 50
"""Hits listed at most; the count above the list says how many matched in all."""

SHORT_HEIGHT = 16
"""Below this many rows the query box and the results drop their borders and the status keeps to one line."""

KIND_NAMES = {"key_point": "key point"}
"""How a hit's kind is named where the index's name (`key_point`) would not read as words."""

PLACEHOLDER = 'words, "a phrase", this OR that, -without, prefix*'


class SearchInput(Input):
    """The query box; its footer keys say what enter and down do from here."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Open top hit"),
        Binding("down", "to_results", "Results"),
    ]

    class ToResults(Message):
        """Down in the box: the reader wants to pick a hit from the list."""

    def action_to_results(self) -> None:
        self.post_message(self.ToResults())


class SearchPanel(Vertical):
    """Type a query; results arrive from a worker thread, so typing never waits for the search."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"search-panel--match", "search-panel--label"}
    """`--match`: the matched words in a snippet (reverse + bold); `--label`: where a hit is."""

    DEFAULT_CSS = """
    SearchPanel > Input { margin: 0 0; }
    SearchPanel > #search-status { height: auto; padding: 0 1; color: $text-muted; }
    SearchPanel > #search-status.-error { color: $text-error; text-style: bold; }
    SearchPanel > OptionList { height: 1fr; }
    SearchPanel > .search-panel--match { text-style: reverse bold; }
    SearchPanel > .search-panel--label { color: $text-muted; }
    SearchPanel.-short > OptionList { border: none; }
    SearchPanel.-short > #search-status { text-wrap: nowrap; text-overflow: ellipsis; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "escape", "Clear search")]

    index: reactive[SearchIndex | None] = reactive(None, init=False)
    """The search index, once the worker that builds it at start-up is done."""

    query_text: reactive[str] = reactive("", init=False)
    """The query the shown results answer."""

    @dataclass
    class Answered(Message):
        """A worker finished a query: `results`, or `error` when the query is not valid."""

        query: str
        results: Any = None
        error: str | None = None

    class Leave(Message):
        """Escape on an empty search: the reader is done here (number keys should switch tabs again)."""

    def __init__(self, lookup: BriefingLookup, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lookup = lookup
        self.hits: list[SearchHit] = []
        """The listed hits, in the order shown (meeting groups by best rank, then rank): what n/N walk."""
        self.current_hit = -1
        """Index in `hits` of the hit last opened; -1 before any."""
        self.open_when_answered = False
        """Enter came before the answer to the query typed (a fast "/mali⏎"): open the top hit on arrival."""

    def compose(self) -> ComposeResult:
        yield SearchInput(placeholder=PLACEHOLDER, id="search-input", select_on_focus=False)
        yield Static("Type to search the whole book (/ from any tab).", id="search-status", markup=False)
        yield ReaderOptionList(id="search-results")

    @property
    def input(self) -> Input:
        return self.query_one("#search-input", Input)

    @property
    def results_list(self) -> OptionList:
        return self.query_one("#search-results", OptionList)

    def _status(self, text: str, *, error: bool = False) -> None:
        status = self.query_one("#search-status", Static)
        status.update(Content(text))
        status.set_class(error, "-error")

    def watch_index(self) -> None:
        if self.input.value.strip():
            self._run(self.input.value)

    @on(Input.Changed, "#search-input")
    def _typed(self, event: Input.Changed) -> None:
        self.open_when_answered = False
        self._run(event.value)

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        # Ten minutes before a press point: "/mali", enter, and the best hit is on the screen.
        if self.query_text != self.input.value and self.input.value.strip():
            self.open_when_answered = True  # the results are still on their way
        elif self.hits:
            self.open_hit(0)

    @on(SearchInput.ToResults)
    def _to_results(self) -> None:
        if self.hits:
            self.results_list.focus()
            self.results_list.highlighted = self._first_hit_option()

    def _run(self, query: str) -> None:
        if not query.strip():
            self.action_clear(keep_focus=True)
            return
        if self.index is None:
            self._status("Preparing the search index…")
            return
        self._search(self.index, query)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, index: SearchIndex, query: str) -> None:
        from briefing.search import QueryError

        try:
            results = index.search(query, limit=RESULT_LIMIT, as_you_type=True)
        except QueryError as error:
            self.post_message(self.Answered(query, error=error.message))
        else:
            self.post_message(self.Answered(query, results=results))

    @on(Answered)
    def _answered(self, message: Answered) -> None:
        if message.query != self.input.value:
            return  # the user typed on; a newer answer is on its way
        self.query_text = message.query
        if message.error is not None:
            self.open_when_answered = False
            self.hits = []
            self.results_list.clear_options()
            self._status(f"Invalid query: {message.error}", error=True)
            return
        results = message.results
        self.hits = self._grouped(results.hits)
        self._fill(self.hits)
        shown = f" (first {len(self.hits)} shown)" if results.total > len(self.hits) else ""
        noun = "match" if results.total == 1 else "matches"
        self._status(f"{results.total} {noun}{shown} — enter opens the top hit, ↓ picks another, n/N step")
        open_now, self.open_when_answered = self.open_when_answered, False
        if open_now and self.hits:
            self.open_hit(0)

    def _grouped(self, hits: list[SearchHit]) -> list[SearchHit]:
        """Hits of one meeting together, meetings by their best hit; people and organisations last
        (the book's text first: enter on the query opens the top hit, which should be in a meeting)."""
        order: dict[str | None, list[SearchHit]] = {}
        for hit in hits:
            order.setdefault(hit.meeting_id, []).append(hit)
        directory = order.pop(None, [])
        return [hit for group in order.values() for hit in group] + directory

    def _fill(self, hits: list[SearchHit]) -> None:
        match_style = component_style(self, "search-panel--match")
        label_style = component_style(self, "search-panel--label")
        options: list[Option | None] = []
        meeting_id: object = object()  # no group yet; None is the group of people and organisations
        for number, hit in enumerate(hits):
            if hit.meeting_id != meeting_id:
                meeting_id = hit.meeting_id
                meeting = self.lookup.meetings.get(meeting_id or "")
                title = meeting.title if meeting is not None else "People & organisations"
                options.append(Option(literal(title, "bold underline"), disabled=True))
            snippet = hit.snippet
            # The snippet's text carries its own ellipses where it was cut.
            text = literal_with_spans(snippet.text.replace("\n", " "), snippet.spans, match_style)
            label = literal(self._label(hit)).stylize(label_style)
            # Continuation lines stay under the first one, clear of the group titles.
            options.append(Option(Hanging.indented(Content.assemble("  ", label, "\n  ", text)), id=f"hit-{number}"))
        results_list = self.results_list
        results_list.clear_options()
        results_list.add_options(options)

    def _label(self, hit: SearchHit) -> str:
        """What the hit is and where: "position · Working session on Ukraine"."""
        located = self.lookup.sessions.get(hit.session_id or "")
        session_title = located[1].title if located else None
        kind = "heading" if hit.kind == "passage" and hit.label == "heading" else KIND_NAMES.get(hit.kind, hit.kind)
        parts = [kind]
        if hit.label and hit.label not in (session_title, hit.kind, kind, "passage"):
            parts.append(hit.label)
        if session_title:
            parts.append(session_title)
        return " · ".join(parts)

    def _first_hit_option(self) -> int | None:
        for index in range(self.results_list.option_count):
            if not self.results_list.get_option_at_index(index).disabled:
                return index
        return None

    @on(OptionList.OptionSelected, "#search-results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id and event.option.id.startswith("hit-"):
            self.open_hit(int(event.option.id.removeprefix("hit-")))

    def open_hit(self, number: int) -> None:
        """Ask the main screen to show hit `number` of the list, with the query's matches highlighted."""
        hit = self.hits[number]
        self.current_hit = number
        self.results_list.highlighted = self._option_index_of(number)
        if hit.meeting_id is None:
            self.post_message(OpenDirectoryEntry(hit.item_id))
        else:
            self.post_message(OpenLocation(hit.meeting_id, hit.session_id, hit.item_id, self.query_text))

    def step(self, direction: int) -> bool:
        """Open the next (1) or previous (-1) hit, wrapping around; False when there are none."""
        if not self.hits:
            return False
        current = self.current_hit if self.current_hit >= 0 else (-1 if direction > 0 else 0)
        self.open_hit((current + direction) % len(self.hits))
        return True

    def _option_index_of(self, number: int) -> int | None:
        for index in range(self.results_list.option_count):
            if self.results_list.get_option_at_index(index).id == f"hit-{number}":
                return index
        return None

    def on_resize(self, event: events.Resize) -> None:
        # On a short terminal the box's border would leave no rows for the results.
        short = event.size.height < SHORT_HEIGHT
        self.input.compact = short
        self.set_class(short, "-short")

    def focus_results(self) -> None:
        """Give the keyboard to the results (on the first hit, if none is highlighted yet)."""
        results = self.results_list
        results.focus()
        if self.hits and results.highlighted is None:
            results.highlighted = self._first_hit_option()

    def on_key(self, event: events.Key) -> None:
        """A letter typed on the results goes into the query box, as in the quote and people tabs;
        up from the first hit goes back to the box (down came from there)."""
        if not self.results_list.has_focus:
            return
        if event.key == "up" and self.results_list.highlighted in (None, self._first_hit_option()):
            event.stop()
            event.prevent_default()
            self.input.focus()
            return
        type_into(self.input, event)

    def action_escape(self) -> None:
        """Clear the query; with nothing to clear, hand the keyboard back to the tab bar."""
        if self.input.value or self.hits:
            self.action_clear()
        else:
            self.post_message(self.Leave())

    def action_clear(self, keep_focus: bool = False) -> None:
        """Empty the query and the results."""
        if self.input.value:
            with self.input.prevent(Input.Changed):
                self.input.value = ""
        self.hits = []
        self.current_hit = -1
        self.query_text = ""
        self.open_when_answered = False
        self.results_list.clear_options()
        self._status("Type to search the whole book (/ from any tab).")
        if not keep_focus:
            self.input.focus()

