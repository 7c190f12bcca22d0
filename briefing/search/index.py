"""The search index: SQLite FTS5 over the rows of one or many briefings (in memory, or on disk for a library).

FTS5 finds and ranks; spans and snippets are computed in Python, with the same folding, for the
returned hits only. The index is fed the folded text as space-separated tokens and uses the `ascii`
tokenizer, so FTS5 sees exactly the tokens `briefing.search.folding.TOKEN` sees, in every script.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.model import Briefing
from briefing.search.documents import (
    BODY,
    COLUMN_WEIGHTS,
    COLUMNS,
    EXTRA,
    HEADING,
    QUOTE,
    IndexedItem,
    indexed_items,
)
from briefing.search.folding import FoldedText, index_form
from briefing.search.matching import Cancelled, FieldMatch, Where, check_cancelled
from briefing.search.query import CompiledQuery, QueryFailedError, compile_query
from briefing.search.snippets import Snippet, make_snippet

if TYPE_CHECKING:
    from briefing.search.scan import ScanIndex
    from briefing.search.suggest import Suggestion, Vocabulary

FTS_MODULE = "fts5"
"""The SQLite virtual table module the index needs."""

PREFIX_LENGTHS = "2"
"""Prefix indexes FTS5 keeps ("" for none). Two-letter prefixes match so many words that merging
their lists at query time is slow; from three letters on, FTS5 is fast enough without an index,
and each prefix index adds about a fifth to the build time."""

MOST_RANKED = 2000
"""Most matches ranked by relevance. FTS5's bm25 first counts, over the whole index, the rows holding
each word or phrase (its rarity), which for a common phrase in ten thousand briefings costs tens of
milliseconds. A query matching more rows than this is too common for relevance to tell its hits
apart anyway: its hits come in row order instead, which is titles and names first, then quotes, then
body text, each in document order (see TIERS), and `SearchResults.ranked` is False."""

TOTAL_CAP = 10_000
"""Matches counted at most; above it, `SearchResults.total` is this cap and `total_is_exact` False."""

TIERS = {HEADING: 0, QUOTE: 1}
"""Row order of the index by where a row's text sits: titles and names, then quotes, then the rest."""

PROGRESS_STEPS = 2000
"""SQLite virtual-machine steps between two questions to `cancelled` (well under a millisecond)."""

SLICE_ROWS = 2000
"""Rows built between two calls of a `between` callback (some 20 ms of work on a big book)."""

FOLDED_CACHE_SIZE = 4096
"""How many hit texts keep their folded form between searches (typing re-runs similar queries)."""


class SearchUnavailableError(RuntimeError):
    """This Python's SQLite has no FTS5, so no index can be built."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One ranked result: what matched, where it lives, and where in its text the matches are."""

    briefing_id: str
    meeting_id: str | None
    session_id: str | None
    kind: str
    """One of `briefing.search.documents.KINDS`."""
    item_id: str
    score: float
    """Relevance (higher is better); only comparable within one search."""
    text: str
    """The item's whole original text."""
    spans: tuple[tuple[int, int], ...]
    """Character offsets into `text` of every match of the query's words."""
    snippet: Snippet
    label: str
    """A short human label: the speaker of a quote, the title of a session, the kind of a passage."""
    matched_in: tuple[FieldMatch, ...] = ()
    """Where the query's words were found: the text (spans as `spans`), the label, or the context."""

    @property
    def context_only(self) -> bool:
        """True when the words were found only around the item (topics, place…), not in its text or label."""
        return bool(self.matched_in) and all(match.where is Where.CONTEXT for match in self.matched_in)


@dataclass(frozen=True, slots=True)
class SearchResults:
    """The best hits of a search (at most the limit), and how many items matched in all."""

    query: str
    total: int
    """How many rows matched (at most TOTAL_CAP; see `total_is_exact`)."""
    hits: list[SearchHit]
    total_is_exact: bool = True
    """False when more than TOTAL_CAP rows matched: then say "10,000+ hits"."""
    ranked: bool = True
    """False when more than MOST_RANKED rows matched and hits come in row order, not by relevance."""


class FullTextIndex:
    """What every index shares: an FTS5 `items` table, its query, ranking, spans and snippets.

    Subclasses say where the rows are kept (`_items_of`): in memory for one book (`SearchIndex`), in
    SQLite for a library (`briefing.library.index.LibraryIndex`). Safe to query from a worker thread.
    """

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._lock = threading.RLock()
        self._folded: OrderedDict[int, FoldedText] = OrderedDict()
        self._connection = connection
        self._weights = ", ".join(str(COLUMN_WEIGHTS[column]) for column in COLUMNS)
        self._vocabulary: Vocabulary | None = None

    def _items_of(self, rowids: list[int]) -> dict[int, IndexedItem]:
        """The rows of these rowids (called with the lock held)."""
        raise NotImplementedError

    counts_beyond_ranking = True
    """Whether matches are counted up to TOTAL_CAP ("10,000+") or only up to MOST_RANKED ("2,000+")."""

    unavailable_reason: str | None = None
    """Why this index is slower than it should be (None: it is not); see `briefing.search.scan`."""

    def search(
        self, query: str, limit: int = 50, as_you_type: bool = False, cancelled: Cancelled | None = None
    ) -> SearchResults:
        """The `limit` best hits for `query`, best first; raises `QueryError` for a query it cannot run."""
        compiled = compile_query(query, as_you_type=as_you_type)
        return self.search_compiled(compiled, limit, cancelled=cancelled)

    def search_compiled(
        self, compiled: CompiledQuery, limit: int = 50, cancelled: Cancelled | None = None
    ) -> SearchResults:
        """Like `search`; `cancelled` is asked while SQLite works and between hits (`SearchCancelled`)."""
        if compiled.is_empty:
            return SearchResults(compiled.query, 0, [])
        expression = compiled.fts_expression
        limit = max(0, int(limit))
        cap = TOTAL_CAP if self.counts_beyond_ranking else MOST_RANKED
        check_cancelled(cancelled)
        try:
            with self._lock, _interruptible(self._connection, cancelled):
                total = self._connection.execute(
                    "SELECT count(*) FROM (SELECT rowid FROM items WHERE items MATCH ? LIMIT ?)",
                    (expression, cap + 1),
                ).fetchone()[0]
                ranked = total <= MOST_RANKED
                if ranked:
                    rows = self._connection.execute(
                        f"SELECT rowid, bm25(items, {self._weights}) AS score FROM items WHERE items MATCH ? "
                        "ORDER BY score, rowid LIMIT ?",
                        (expression, limit),
                    ).fetchall()
                else:
                    rows = self._connection.execute(
                        "SELECT rowid, NULL FROM items WHERE items MATCH ? LIMIT ?", (expression, limit)
                    ).fetchall()
                items = self._items_of([rowid for rowid, _ in rows])
        except sqlite3.Error as error:
            check_cancelled(cancelled)  # an interrupted statement is a cancellation, not a failure
            # The expression is built from quoted tokens only; reaching this is a bug, not a user mistake.
            raise QueryFailedError("This query could not be run; try fewer or simpler words.") from error
        hits = []
        for rowid, score in rows:
            check_cancelled(cancelled)
            if rowid in items:
                item = items[rowid]
                hits.append(self._hit(rowid, item, -score if ranked else COLUMN_WEIGHTS[item.column], compiled))
        return SearchResults(compiled.query, min(total, cap), hits, total <= cap, ranked)

    def items_with_all_words(self, word_groups: Iterable[tuple[str, ...]]) -> set[str]:
        """Ids of the items with a row holding every word of at least one group (folded tokens, any
        column, any order): a superset of the items where a group's words stand together as a phrase,
        found by FTS5 instead of a scan (a person's mentions in a 66,000-item book)."""
        groups = [group for group in word_groups if group]
        if not groups:
            return set()
        expression = " OR ".join("(" + " AND ".join(f'"{word}"' for word in group) + ")" for group in groups)
        with self._lock:
            rowids = [rowid for (rowid,) in self._connection.execute(
                "SELECT rowid FROM items WHERE items MATCH ?", (expression,))]
            return {item.item_id for item in self._items_of(rowids).values()}

    def suggest(self, compiled: CompiledQuery) -> Suggestion | None:
        """For a query that found nothing: the query with its unknown words replaced by the nearest
        words of the index ("sanctons" → "sanctions"), or None when no word is near enough."""
        # Imported here: rapidfuzz is needed only after a miss, not to start the app.
        from briefing.search.suggest import Vocabulary, suggest

        with self._lock:
            if self._vocabulary is None:
                self._vocabulary = Vocabulary(self._connection, self._lock)
            return suggest(self._vocabulary, compiled)

    def _hit(self, rowid: int, item: IndexedItem, score: float, compiled: CompiledQuery) -> SearchHit:
        return make_hit(item, score, compiled, self._folded_text(rowid, item.text))

    def _folded_text(self, rowid: int, text: str) -> FoldedText:
        with self._lock:
            folded = self._folded.get(rowid)
            if folded is not None:
                self._folded.move_to_end(rowid)
                return folded
        folded = FoldedText.of(text)
        with self._lock:
            self._folded[rowid] = folded
            if len(self._folded) > FOLDED_CACHE_SIZE:
                self._folded.popitem(last=False)
        return folded

    def forget_folded_texts(self) -> None:
        """Empty the cache of folded hit texts (benchmarks measure cold searches with it)."""
        with self._lock:
            self._folded.clear()

    def close(self) -> None:
        with self._lock:
            self._connection.close()


def make_hit(item: IndexedItem, score: float, compiled: CompiledQuery, folded: FoldedText) -> SearchHit:
    """A hit for a row that matched: spans in its text, its snippet, and where else it matched."""
    spans = tuple(compiled.folded_spans(folded))
    return SearchHit(
        briefing_id=item.briefing_id,
        meeting_id=item.meeting_id,
        session_id=item.session_id,
        kind=item.kind,
        item_id=item.item_id,
        score=score,
        text=item.text,
        spans=spans,
        snippet=make_snippet(item.text, spans),
        label=item.label,
        matched_in=matched_fields(item, spans, compiled),
    )


def matched_fields(item: IndexedItem, spans: tuple[tuple[int, int], ...], compiled: CompiledQuery) -> tuple[FieldMatch, ...]:
    """Where in the row the query's words are: its text (`spans`), then each extra that holds some."""
    found = [FieldMatch(Where.TEXT, "text", item.text, spans)] if spans else []
    for name, extra in item.named_extras:
        if extra_spans := compiled.spans(extra):
            where = Where.LABEL if extra == item.label else Where.CONTEXT
            found.append(FieldMatch(where, name, extra, tuple(extra_spans)))
    return tuple(found)


@contextmanager
def _interruptible(connection: sqlite3.Connection, cancelled: Cancelled | None) -> Iterator[None]:
    """While inside, SQLite asks `cancelled` every few thousand steps and stops the statement if True."""
    if cancelled is None:
        yield
        return
    connection.set_progress_handler(lambda: 1 if cancelled() else 0, PROGRESS_STEPS)
    try:
        yield
    finally:
        connection.set_progress_handler(None, 0)


class SearchIndex(FullTextIndex):
    """An in-memory full-text index over briefings.

    `between`, if given, is called after every `SLICE_ROWS` rows built: the app's index thread pauses
    there while the reader presses keys (`briefing.tui.background`)."""

    def __init__(self, items: list[IndexedItem], between: Callable[[], None] | None = None) -> None:
        super().__init__(_open_connection())
        # A stable sort keeps document order within each tier, which is the tie-break of the ranking.
        self._items = sorted(items, key=lambda item: TIERS.get(item.column, len(TIERS)))
        columns = ", ".join(COLUMNS)
        placeholders = ", ".join("?" for _ in range(len(COLUMNS) + 1))
        insert = f"INSERT INTO items (rowid, {columns}) VALUES ({placeholders})"
        with self._lock:
            for start in range(0, len(self._items), SLICE_ROWS):
                if between is not None and start:
                    between()
                sliced = self._items[start : start + SLICE_ROWS]
                self._connection.executemany(insert, (index_row(start + n, item) for n, item in enumerate(sliced)))
            self._connection.commit()

    @classmethod
    def build(cls, briefings: Iterable[Briefing], between: Callable[[], None] | None = None) -> SearchIndex | ScanIndex:
        """Index every briefing; hits come back in the order of their briefing when relevance ties.

        Without FTS5 in this Python's SQLite, a `ScanIndex` answers the same queries the same way,
        more slowly; its `unavailable_reason` says why, for the user.
        """
        items: list[IndexedItem] = []
        for item in indexed_items(briefings):
            items.append(item)
            if between is not None and len(items) % SLICE_ROWS == 0:
                between()
        try:
            return cls(items, between)
        except SearchUnavailableError as error:
            from briefing.search.scan import ScanIndex

            return ScanIndex(items, str(error))

    @classmethod
    def for_briefing(cls, briefing: Briefing, between: Callable[[], None] | None = None) -> SearchIndex | ScanIndex:
        return cls.build([briefing], between)

    def __len__(self) -> int:
        """Number of rows (searchable things) in the index."""
        return len(self._items)

    def _items_of(self, rowids: list[int]) -> dict[int, IndexedItem]:
        return {rowid: self._items[rowid] for rowid in rowids}


_TEXT_COLUMN_POSITION = {column: position for position, column in enumerate(COLUMNS, start=1)}
_EXTRA_POSITION = _TEXT_COLUMN_POSITION[EXTRA]


def index_row(rowid: int, item: IndexedItem) -> tuple[object, ...]:
    """`(rowid, heading, quote, body, extra)` with the item's text in its column, the others empty."""
    # Empty columns are '' (no tokens, as NULL would be): binding None makes Python's sqlite3 look for
    # an adapter and format an AttributeError it then drops, about 5% of a library's first build.
    # A tuple of text: the collector stops tracking it, which matters when a library's first build
    # holds a batch of 65,000 of them (lists were traversed by every collection until the batch ended).
    text = index_form(item.text)
    extra = index_form(" \n ".join(item.extras)) if item.extras else ""
    column = item.column
    if column == BODY:
        return (rowid, "", "", text, extra)
    if column == HEADING:
        return (rowid, text, "", "", extra)
    if column == QUOTE:
        return (rowid, "", text, "", extra)
    values: list[object] = [rowid, "", "", "", ""]
    values[_TEXT_COLUMN_POSITION[column]] = text
    if extra:
        values[_EXTRA_POSITION] = extra
    return tuple(values)


def _open_connection() -> sqlite3.Connection:
    # The app builds the index on one thread and queries it from a worker; the lock serialises access.
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    try:
        create_items_table(connection)
    except SearchUnavailableError:
        connection.close()
        raise
    return connection


def create_items_table(
    connection: sqlite3.Connection, contentless: bool = False, prefix_lengths: str = PREFIX_LENGTHS
) -> None:
    """The FTS5 table every index queries; `contentless` keeps only the index (the rows live elsewhere)."""
    prefixes = f", prefix = '{prefix_lengths}'" if prefix_lengths else ""
    content = ", content = ''" if contentless else ""
    try:
        connection.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS items USING {FTS_MODULE}({', '.join(COLUMNS)}, "
            f"tokenize = 'ascii'{prefixes}{content})"
        )
    except sqlite3.OperationalError as error:
        if "no such module" not in str(error):
            raise
        raise SearchUnavailableError(
            f"Search needs SQLite with the FTS5 extension, which this Python's SQLite "
            f"({sqlite3.sqlite_version}) lacks; use a Python build whose sqlite3 includes FTS5."
        ) from error
