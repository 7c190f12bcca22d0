"""One search state for the whole app: the query, its hits with their spans, and the n/N cursor.

`SearchController` is owned by the main screen. The search panel asks it to run what the reader
types; the answer arrives from a worker thread as `SearchController.Answered`, which the screen hands
back to the controller (`accept`) before the panel and the meeting views render from it. Highlight
spans are worked out for the items on screen only, when first shown (`spans_for`): a regular
expression over one item's text, where a book-wide pass took a second on a big book.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from textual.message import Message
from textual.worker import get_current_worker

from briefing.model import BriefingLookup, Figure, Located, Quote
from briefing.render.safety import safe_text

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from briefing.search import CompiledQuery, SearchHit, SearchIndex, SearchResults
    from briefing.tui.background import GiveWay

INDEX_SWITCH_INTERVAL = 0.0005
"""`sys.setswitchinterval` while the index is built in its thread (Python's default is 0.005 s)."""

RESULT_LIMIT = 50
"""Hits listed at most; the status says how many matched in all."""

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class ItemSpans:
    """Where the query matches in what an item shows: its main text and its second line."""

    body: Spans = ()
    second: Spans = ()

    @property
    def count(self) -> int:
        return len(self.body) + len(self.second)


def display_texts(lookup: BriefingLookup, located: Located) -> tuple[str, str | None]:
    """What an item shows, neutralised, as (main text, second line): the strings spans refer to."""
    item = located.item
    if isinstance(item, Figure):
        return safe_text(item.as_written), safe_text(item.counts)
    if isinstance(item, Quote):
        return safe_text(item.text), safe_text(lookup.actor_name(item.speaker))
    return safe_text(item.text), None


def group_hits(hits: list[SearchHit]) -> list[SearchHit]:
    """Hits of one meeting together, meetings by their best hit; people and organisations last (the
    book's text first: enter on the query opens the top hit, which should be in a meeting)."""
    order: dict[str | None, list[SearchHit]] = {}
    for hit in hits:
        order.setdefault(hit.meeting_id, []).append(hit)
    directory = order.pop(None, [])
    return [hit for group in order.values() for hit in group] + directory


@dataclass
class SearchController:
    """The search state; `owner` (the main screen) runs its workers and receives its messages."""

    lookup: BriefingLookup
    owner: DOMNode
    index: SearchIndex | None = None
    query: str = ""
    """The pattern the reader typed (kept after leaving the box, for n/N)."""
    answered_query: str = ""
    """The query the hits below answer."""
    error: str | None = None
    hits: list[SearchHit] = field(default_factory=list)
    """The listed hits in the order shown: what n/N walk."""
    total: int = 0
    item_spans: dict[str, ItemSpans] = field(default_factory=dict)
    """Spans of the query in the items asked for so far (`spans_for`), by item id."""
    compiled: CompiledQuery | None = None
    """The query the hits answer, compiled: what `spans_for` matches an item's texts against."""
    cursor: int = -1
    """Index in `hits` of the hit last opened; -1 before any."""
    highlighting: bool = False
    """Whether the meeting views show the matches (from the first opened hit until cleared)."""
    open_when_answered: bool = False
    """Enter came before the answer to the query typed (a fast "/mali⏎"): open the top hit on arrival."""
    open_item_when_answered: str | None = None
    """The library opened this book at a hit of its cross-book search: open the hit on this item."""
    _give_way: GiveWay | None = None
    """What the index thread pauses for (the reader's keys), once `build_index` started it."""

    @dataclass
    class IndexReady(Message):
        """The search index finished building in its worker."""

        index: Any

    @dataclass
    class Answered(Message):
        """A worker finished `query`: its results and spans, or `error` when the query is not valid."""

        query: str
        results: Any = None
        compiled: Any = None
        error: str | None = None

    def build_index(self, give_way: GiveWay | None = None) -> None:
        """Build the index in a thread (after the first frame), pausing for the reader's keys (`give_way`)."""
        self._give_way = give_way
        self.owner.run_worker(self._build_index, thread=True, exclusive=True, group="index")

    def _build_index(self) -> None:
        from briefing.search import SearchIndex
        from briefing.tui.background import WorkCancelled

        worker, give_way = get_current_worker(), self._give_way
        # The thread hands the interpreter back every half millisecond instead of every five: each key's
        # work on the UI thread waits for it many times (at every write to the terminal, every await).
        previous = sys.getswitchinterval()
        sys.setswitchinterval(min(previous, INDEX_SWITCH_INTERVAL))
        try:
            index = SearchIndex.for_briefing(
                self.lookup.briefing, (lambda: give_way.pause(lambda: worker.is_cancelled)) if give_way else None)
        except WorkCancelled:
            return  # the app is closing
        finally:
            sys.setswitchinterval(previous)
        self.owner.post_message(self.IndexReady(index))

    def index_ready(self, index: SearchIndex) -> bool:
        """Take the built index; True when a query typed meanwhile is now being run."""
        self.index = index
        if self.query.strip():
            self.run(self.query)
            return True
        return False

    def run(self, query: str) -> None:
        """Search for `query` in a worker (a newer query cancels the running one); empty clears."""
        self.query = query
        if not query.strip():
            self.clear()
            return
        if self.index is not None:
            self.owner.run_worker(lambda: self._search(query), thread=True, exclusive=True, group="search")
        elif self._give_way is not None:
            self._give_way.urge()  # the reader waits for the index: it no longer pauses for keys

    def _search(self, query: str) -> None:
        from briefing.search import QueryError, compile_query
        from briefing.search.matching import SearchCancelled

        assert self.index is not None
        worker = get_current_worker()
        try:
            compiled = compile_query(query, as_you_type=True)
            results = self.index.search_compiled(compiled, limit=RESULT_LIMIT,
                                                 cancelled=lambda: worker.is_cancelled)
            results = self._with_notes(compiled, results)
        except SearchCancelled:
            return  # the reader typed on: a newer query is running
        except QueryError as error:
            self.owner.post_message(self.Answered(query, error=error.message))
            return
        if not worker.is_cancelled:
            self.owner.post_message(self.Answered(query, results, compiled))

    def _with_notes(self, compiled: CompiledQuery, results: SearchResults) -> SearchResults:
        """The reader's private notes that match, first (see `briefing.tui.note_search`)."""
        from briefing.tui.note_search import note_hits, with_note_hits

        reader = getattr(self.owner.app, "reader", None)
        if reader is None:
            return results
        return with_note_hits(results, note_hits(compiled, reader.notes(), reader.items))

    def accept(self, answer: Answered) -> bool:
        """Take a worker's answer; False when it is stale (the reader typed on since)."""
        if answer.query != self.query:
            return False
        self.answered_query = answer.query
        self.cursor = -1
        if answer.error is not None:
            self.error, self.hits, self.total, self.item_spans, self.compiled = answer.error, [], 0, {}, None
            self.open_when_answered = False
            return True
        self.error = None
        self.hits = group_hits(answer.results.hits)
        self.total = answer.results.total
        self.item_spans, self.compiled = {}, answer.compiled
        return True

    @property
    def waiting(self) -> bool:
        """A query is typed whose answer has not arrived yet."""
        return bool(self.query.strip()) and self.query != self.answered_query

    def step(self, direction: int) -> SearchHit | None:
        """The next (1) or previous (-1) hit, wrapping around, now current; None when there are none."""
        if not self.hits:
            return None
        current = self.cursor if self.cursor >= 0 else (-1 if direction > 0 else 0)
        return self.select((current + direction) % len(self.hits))

    def select(self, number: int) -> SearchHit:
        """Make hit `number` current (it is being opened): matches are highlighted from now on."""
        self.cursor = number
        self.highlighting = True
        return self.hits[number]

    def counter(self) -> str:
        """ "3/9": the current hit and how many are listed ("–/9" before one is opened)."""
        if not self.hits:
            return "0/0"
        more = "+" if self.total > len(self.hits) else ""
        current = str(self.cursor + 1) if self.cursor >= 0 else "–"
        return f"{current}/{len(self.hits)}{more}"

    def clear_highlights(self) -> None:
        """Stop highlighting the matches; the pattern stays, so n/N still work (and highlight again)."""
        self.highlighting = False

    def clear(self) -> None:
        """Forget the query, its hits and the highlights."""
        self.query = self.answered_query = ""
        self.error, self.hits, self.total, self.item_spans, self.compiled = None, [], 0, {}, None
        self.cursor = -1
        self.highlighting = self.open_when_answered = False

    def spans_for(self, item_id: str) -> ItemSpans | None:
        """What to highlight in item `item_id`, if highlighting is on (None where the query is not found).

        Worked out for the items shown, when first shown, not for the whole book in advance: matching a
        common word against a big book's 66,000 items took the search a second and more."""
        if not self.highlighting or self.compiled is None:
            return None
        spans = self.item_spans.get(item_id)
        if spans is None:
            located = self.lookup.items.get(item_id)
            if located is None:
                return None
            body, second = display_texts(self.lookup, located)
            compiled = self.compiled
            spans = self.item_spans[item_id] = ItemSpans(
                tuple(compiled.spans(body)), tuple(compiled.spans(second)) if second else ())
        return spans if spans.count else None
