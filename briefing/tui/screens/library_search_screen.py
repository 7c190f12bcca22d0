"""The `/` screen of the library: one query over every book, hits grouped by book, enter opens one.

The query language, ranking, spans and snippets are the one-book search's (`briefing.search`); each
search runs in a worker, so typing never waits for it, and an answer to an older query is dropped.
Dismissed with (hit, query) for the library screen to open that book at that item, or None.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from briefing.library import LibraryHit, LibraryIndex, LibraryResults
from briefing.library.index import TYPING_PREFIX
from briefing.search import QueryError
from briefing.tui.widgets.classification_bar import ClassificationBar
from briefing.tui.widgets.hanging import Hanging
from briefing.tui.widgets.literal import literal, literal_with_spans
from briefing.tui.widgets.reader_scroll import ReaderOptionList
from briefing.tui.widgets.safe_input import SafeInput

LIMIT = 100
"""Hits asked for per search: enough for several books, few enough to show at once."""

KIND_NAMES = {"key_point": "key point"}

MATCH_STYLE = "bold reverse"
"""Matches are shown reversed and bold: never by colour alone."""


@dataclass(frozen=True)
class Where:
    """A hit and the titles of its meeting and session (read from the index in the worker)."""

    hit: LibraryHit
    meeting_title: str | None
    session_title: str | None


class LibrarySearchScreen(Screen[tuple[LibraryHit, str] | None]):
    DEFAULT_CSS = """
    LibrarySearchScreen { layout: vertical; }
    LibrarySearchScreen > Header { dock: none; }
    LibrarySearchScreen > #library-query { height: 3; }
    LibrarySearchScreen > #library-hits { height: 1fr; }
    LibrarySearchScreen > #library-search-status { height: auto; padding: 0 1; color: $text-muted; }
    LibrarySearchScreen > #library-search-status.-error { color: $error; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Library", tooltip="back to the library from its search"),
    ]

    @dataclass
    class Answered(Message):
        query: str
        results: LibraryResults | None = None
        places: list[Where] = field(default_factory=list)
        error: str | None = None

    def __init__(self, index: LibraryIndex) -> None:
        super().__init__()
        self.index = index
        self.hits: list[LibraryHit] = []
        """The hits listed, in list order (option `hit-N` is `hits[N]`)."""

    def compose(self) -> ComposeResult:
        marking = getattr(self.app, "marking", "LIBRARY")
        yield ClassificationBar(marking, id="marking-top")
        yield Header(icon="≡")
        yield SafeInput(placeholder='Search every book: sanctions russia, "peace facility", sanct*', id="library-query")
        yield ReaderOptionList(id="library-hits")  # j/k/g/G as in every list of the app
        yield Static(Content("Type to search every book of the library; escape goes back."),
                     id="library-search-status")
        yield ClassificationBar(marking, id="marking-bottom")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.title = "Search the library"
        self.sub_title = literal(str(self.index.library)).plain
        self.query_input.focus()

    @property
    def query_input(self) -> Input:
        return self.query_one("#library-query", Input)

    @property
    def hit_list(self) -> OptionList:
        return self.query_one("#library-hits", OptionList)

    def action_back(self) -> None:
        self.dismiss(None)

    @on(Input.Changed, "#library-query")
    def _typed(self, event: Input.Changed) -> None:
        self.search(event.value)

    @on(Input.Submitted, "#library-query")
    def _submitted(self) -> None:
        if self.hits:
            self.dismiss((self.hits[0], self.query_input.value))

    def on_key(self, event: events.Key) -> None:
        if event.key == "down" and self.query_input.has_focus and self.hit_list.option_count:
            event.stop()
            self.hit_list.focus()
            if self.hit_list.highlighted is None:
                self.hit_list.action_first()

    @work(thread=True, exclusive=True, group="library-search")
    def search(self, query: str) -> None:
        try:
            results = self.index.search_library(query, limit=LIMIT, as_you_type=True)
        except QueryError as error:
            self.post_message(self.Answered(query, error=error.message))
            return
        places = [Where(hit, *self.index.titles(hit)) for group in results.groups for hit in group.hits]
        self.post_message(self.Answered(query, results, places))

    @on(Answered)
    def _answered(self, message: Answered) -> None:
        if message.query != self.query_input.value:
            return  # typed on: a newer answer is coming
        status = self.query_one("#library-search-status", Static)
        status.set_class(message.error is not None, "-error")
        self.hit_list.clear_options()
        self.hits = []
        if message.error is not None or message.results is None:
            status.update(literal(f"Invalid query: {message.error}" if message.error else ""))
            return
        self._fill(message.results, message.places)
        results = message.results.results
        books = len(message.results.groups)
        shown = f" (best {len(self.hits)} shown)" if results.total > len(self.hits) else ""
        if not results.total and _short_last_word(message.query):
            status.update(literal("No word is just that: type on — a word matches as a beginning from its third letter."))
            return
        status.update(literal(
            f"{results.total:,}{'' if results.total_is_exact else '+'} match{'es' if results.total != 1 else ''} in {books} book"
            f"{'s' if books != 1 else ''}{shown} — enter opens the top hit, ↓ picks another"
        ))

    def _fill(self, results: LibraryResults, places: list[Where]) -> None:
        where = {id(place.hit): place for place in places}
        options: list[Option | None] = []
        for group in results.groups:
            book = group.book
            options.append(Option(Content.assemble(literal(book.title, "bold underline"), "  ",
                                                   literal(str(book.path), "dim")), disabled=True))
            for hit in group.hits:
                options.append(Option(self._hit_content(hit, where.get(id(hit))), id=f"hit-{len(self.hits)}"))
                self.hits.append(hit)
        self.hit_list.add_options(options)

    @staticmethod
    def _hit_content(hit: LibraryHit, place: Where | None) -> Hanging:
        kind = KIND_NAMES.get(hit.kind, hit.kind)
        parts = [kind]
        if hit.label and hit.label not in (hit.kind, kind, "passage", hit.text):
            parts.append(hit.label)
        if place is not None:
            parts += [title for title in (place.meeting_title, place.session_title)
                      if title and title != hit.text and title not in parts]
        snippet = hit.snippet
        text = literal_with_spans(snippet.text.replace("\n", " "), snippet.spans, MATCH_STYLE)
        label = literal(" · ".join(parts), "italic")
        return Hanging.indented(Content.assemble("  ", label, "\n  ", text))

    @on(OptionList.OptionSelected, "#library-hits")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id and event.option.id.startswith("hit-"):
            self.dismiss((self.hits[int(event.option.id.removeprefix("hit-"))], self.query_input.value))


def _short_last_word(query: str) -> bool:
    """The query ends in a word of one or two letters still being typed (matched whole, not as a beginning)."""
    last = query.split()[-1] if query.split() and not query[-1].isspace() else ""
    return 0 < len(last) < TYPING_PREFIX and last.isalnum()
