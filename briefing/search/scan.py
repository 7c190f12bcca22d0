"""Search without FTS5: the same queries, answered by scanning every row with the query's matcher.

Some Python builds ship an SQLite without the FTS5 extension. Rather than no search at all, the book
is scanned row by row with `CompiledQuery` (the matcher the highlighter uses): the same words,
phrases, prefixes, OR and exclusions, the same folding, the same hits; only slower on a large
library, and ranked by a simpler score (weighted match counts instead of bm25).
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.search.documents import COLUMN_WEIGHTS, EXTRA, IndexedItem
from briefing.search.folding import FoldedText
from briefing.search.index import MOST_RANKED, TIERS, TOTAL_CAP, SearchHit, SearchResults, make_hit
from briefing.search.matching import Cancelled, check_cancelled
from briefing.search.query import CompiledQuery, compile_query

CANCEL_CHECK_EVERY = 64
"""Rows scanned between two questions to `cancelled`."""


@dataclass(frozen=True, slots=True)
class _Row:
    item: IndexedItem
    text: FoldedText
    extras: FoldedText | None
    """The extras joined as the index joins them, so that a phrase matches across them alike."""


class ScanIndex:
    """The `SearchIndex` interface over a plain list of rows; `unavailable_reason` says why it is used."""

    def __init__(self, items: list[IndexedItem], unavailable_reason: str | None = None) -> None:
        ordered = sorted(items, key=lambda item: TIERS.get(item.column, len(TIERS)))
        self._rows = [
            _Row(item, FoldedText.of(item.text), FoldedText.of(" \n ".join(item.extras)) if item.extras else None)
            for item in ordered
        ]
        self.unavailable_reason = unavailable_reason

    def __len__(self) -> int:
        return len(self._rows)

    def search(
        self, query: str, limit: int = 50, as_you_type: bool = False, cancelled: Cancelled | None = None
    ) -> SearchResults:
        return self.search_compiled(compile_query(query, as_you_type=as_you_type), limit, cancelled=cancelled)

    def search_compiled(
        self, compiled: CompiledQuery, limit: int = 50, cancelled: Cancelled | None = None
    ) -> SearchResults:
        if compiled.is_empty:
            return SearchResults(compiled.query, 0, [])
        found: list[tuple[float, int]] = []
        for rowid, row in enumerate(self._rows):
            if rowid % CANCEL_CHECK_EVERY == 0:
                check_cancelled(cancelled)
            if _satisfies(compiled, row):
                found.append((_score(compiled, row), rowid))
        total = len(found)
        ranked = total <= MOST_RANKED
        if ranked:
            found.sort(key=lambda pair: (-pair[0], pair[1]))
        hits: list[SearchHit] = []
        for score, rowid in found[: max(0, int(limit))]:
            check_cancelled(cancelled)
            row = self._rows[rowid]
            hits.append(make_hit(row.item, score if ranked else COLUMN_WEIGHTS[row.item.column], compiled, row.text))
        return SearchResults(compiled.query, min(total, TOTAL_CAP), hits, total <= TOTAL_CAP, ranked)

    def suggest(self, compiled: CompiledQuery) -> None:
        """No typo suggestions without the index's vocabulary (FTS5's)."""
        return None

    def forget_folded_texts(self) -> None:
        """Nothing to forget: the folded rows are the index."""

    def close(self) -> None:
        self._rows = []


def _folded(row: _Row) -> list[str]:
    return [row.text.folded] + ([row.extras.folded] if row.extras else [])


def _satisfies(compiled: CompiledQuery, row: _Row) -> bool:
    """As FTS5 decides it: every group found in the text or the extras, no excluded term in either."""
    texts = _folded(row)
    for group in compiled.groups:
        if not any(compiled.term_found(term, text) for term in group for text in texts):
            return False
    return not any(compiled.term_found(term, text) for term in compiled.excluded for text in texts)


def _score(compiled: CompiledQuery, row: _Row) -> float:
    """Matches in the text, weighted by its column, plus matches in the extras."""
    score = COLUMN_WEIGHTS[row.item.column] * len(compiled.folded_spans(row.text))
    if row.extras is not None:
        score += COLUMN_WEIGHTS[EXTRA] * len(compiled.folded_spans(row.extras))
    return float(score)
