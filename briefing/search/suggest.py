"""Typo tolerance: when a query finds nothing, the nearest words of the book ("did you mean sanctions?").

The vocabulary is the index's own (FTS5's `fts5vocab` over the `items` table), so a suggestion is a
word the index holds and the suggested query finds something for that word. Distances come from
rapidfuzz's Levenshtein; among equally near words the most frequent wins (a reader more likely meant
the word the book uses fifty times than the one it uses once).

Only words that are not in the book are corrected; prefixes (`sanct*`) and excluded words are left
as typed. The cost is one pass of rapidfuzz over the vocabulary per unknown word, paid only when a
query finds nothing.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from briefing.search.folding import fold
from briefing.search.query import CompiledQuery

MIN_WORD_LENGTH = 3
"""Shorter words are not corrected: at distance 1, every two-letter word is near dozens of others."""

_WORD = re.compile(r"[^\W_]+")


def max_distance(word: str) -> int:
    """Edits allowed for a word of this length: 1 up to 4 letters, 2 up to 8, 3 beyond."""
    return 1 if len(word) <= 4 else 2 if len(word) <= 8 else 3


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A corrected query and the replacements made in it (typed word → word of the book)."""

    query: str
    corrections: tuple[tuple[str, str], ...]


class Vocabulary:
    """The words of an FTS5 `items` table with how many rows hold each, read once and kept.

    A library index changes when books are added: it reads the vocabulary again when the
    connection's change counter has moved since the last read.
    """

    def __init__(self, connection: sqlite3.Connection, lock: threading.RLock | None = None) -> None:
        self._connection = connection
        self._lock = lock or threading.RLock()
        self._words: dict[str, int] = {}
        self._changes = -1

    def words(self) -> dict[str, int]:
        with self._lock:
            changes = self._connection.total_changes
            if changes != self._changes:
                self._connection.execute(
                    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.items_vocabulary USING fts5vocab(main, items, row)"
                )
                rows = self._connection.execute("SELECT term, doc FROM temp.items_vocabulary").fetchall()
                self._words = dict(rows)
                self._changes = self._connection.total_changes
            return self._words

    def nearest(self, word: str) -> str | None:
        """The word of the book nearest `word` (already folded), or None if none is near enough."""
        words = self.words()
        if len(word) < MIN_WORD_LENGTH or word in words or not word.isalpha():
            return None
        limit = max_distance(word)
        found = process.extract(word, words.keys(), scorer=Levenshtein.distance, score_cutoff=limit, limit=50)
        if not found:
            return None
        return min(found, key=lambda match: (match[1], -words[match[0]], match[0]))[0]


def suggest(vocabulary: Vocabulary, compiled: CompiledQuery) -> Suggestion | None:
    """The query with each unknown word replaced by the nearest word of the book, or None if no word
    can be corrected. Meant for a query that found nothing."""
    corrections: dict[str, str] = {}
    for term in compiled.positive_terms:
        tokens = term.tokens[:-1] if term.prefix else term.tokens
        for token in tokens:
            if token not in corrections and (nearest := vocabulary.nearest(token)):
                corrections[token] = nearest
    if not corrections:
        return None

    def correct(match: re.Match[str]) -> str:
        return corrections.get(fold(match.group()), match.group())

    return Suggestion(_WORD.sub(correct, compiled.query), tuple(corrections.items()))
