"""Where a person or organisation appears, for the people directory: fast in any book once the search
index is built.

Without help, finding someone's mentions is a match of their names against every item of the book
(0.5–0.8 s on the 20 MB book of issue 9). With the book's search index, only the items holding every
word of one of the names are matched; who organised, attended or said what comes from one walk of the
book (`Participation`), done once. Both give exactly the appearances the plain scan gives.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from briefing.model import BriefingLookup
from briefing.search import SearchIndex
from briefing.search.matching import Cancelled
from briefing.search.people import Actor, Appearance, Participation, find_appearances, mention_words

INDEX_POLL = 0.05
"""Seconds between two looks, from a worker, at whether the search index is built."""

IndexSource = Callable[[], "SearchIndex | object | None"]
"""What gives the book's search index: None while it is being built, another kind of index when this
Python has no FTS5 (then every item is matched)."""


class AppearanceFinder:
    """Appearances of each entry, computed once; safe to call from a worker thread."""

    def __init__(self, lookup: BriefingLookup, index: IndexSource) -> None:
        self.lookup = lookup
        self._index = index
        self._participation: Participation | None = None
        self.found: dict[str, list[Appearance]] = {}
        """Appearances by entry id, for the entries already looked up."""

    @property
    def participation(self) -> Participation:
        """Who takes part where, worked out once for the whole book (at the first entry looked up)."""
        if self._participation is None:
            self._participation = Participation(self.lookup)
        return self._participation

    @property
    def index(self) -> SearchIndex | None:
        """The book's FTS5 index, once built."""
        index = self._index()
        return index if isinstance(index, SearchIndex) else None

    @property
    def index_pending(self) -> bool:
        """The index is still being built (it will narrow the search down: worth waiting for)."""
        return self._index() is None

    def appearances(self, actor: Actor, cancelled: Cancelled | None = None) -> list[Appearance]:
        if actor.id not in self.found:
            index = self.index
            candidates = index.items_with_all_words(mention_words(actor)) if index is not None else None
            self.found[actor.id] = find_appearances(self.lookup, actor, cancelled, self.participation, candidates)
        return self.found[actor.id]

    def wait_for_index(self, cancelled: Cancelled) -> None:
        """In a worker: until the index is built (or the worker is cancelled)."""
        while self.index_pending and not cancelled():
            time.sleep(INDEX_POLL)
