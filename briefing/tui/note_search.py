"""Private notes in search results: the reader's notes are matched with the same query, and their
hits, marked "private note", come first (they are few, and the reader wrote them to be found).

Notes are not in the book's FTS index (they change while the app runs); a note is short, and even a
thousand of them are scanned with the compiled query faster than a keystroke.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from briefing.diff import BookItem
from briefing.search import CompiledQuery, SearchHit, SearchResults
from briefing.search.snippets import make_snippet
from briefing.state import Note

NOTE_KIND = "note"
NOTE_KIND_NAME = "private note"
"""How a note hit is named in the results."""

NOTE_SCORE = 1e9
"""Above any relevance score: note hits rank first."""


def note_hits(compiled: CompiledQuery, notes: Iterable[Note], items: Mapping[str, BookItem]) -> list[SearchHit]:
    """Hits for the notes that satisfy `compiled`, on items this version of the book has."""
    hits = []
    for note in notes:
        item = items.get(note.item_id)
        if item is None or not compiled.matches(note.text):
            continue
        spans = tuple(compiled.spans(note.text))
        hits.append(
            SearchHit(
                briefing_id=note.book_id,
                meeting_id=item.meeting_id or None,
                session_id=(item.item_id if item.kind == "session" else item.session_id) or None,
                kind=NOTE_KIND,
                item_id=item.item_id,
                score=NOTE_SCORE,
                text=note.text,
                spans=spans,
                snippet=make_snippet(note.text, spans),
                label=item.label,
            )
        )
    return hits


def with_note_hits(results: SearchResults, hits: list[SearchHit]) -> SearchResults:
    """`results` with the note hits first, counted in the total."""
    if not hits:
        return results
    return replace(results, hits=[*hits, *results.hits], total=results.total + len(hits))
