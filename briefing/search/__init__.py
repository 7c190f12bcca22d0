"""Search: an FTS5 index over briefings, a small query language, and exact highlight spans.

No UI here: the app, `briefing search` and `briefing print` style the spans this package returns.
"""

from briefing.search.documents import KINDS, IndexedItem
from briefing.search.folding import FoldedText, fold
from briefing.search.index import FullTextIndex, SearchHit, SearchIndex, SearchResults, SearchUnavailableError
from briefing.search.matching import (
    Field,
    FieldMatch,
    RecordMatch,
    SearchCancelled,
    Where,
    compile_filter,
    match_record,
    phrases_query,
)
from briefing.search.query import QUERY_HELP, CompiledQuery, QueryError, QueryFailedError, Term, compile_query
from briefing.search.snippets import Snippet, make_snippet

# `briefing.search.suggest` (typo suggestions) imports rapidfuzz: it is loaded on the first miss only,
# through `FullTextIndex.suggest`, so start-up does not pay for it.

__all__ = [
    "KINDS",
    "QUERY_HELP",
    "CompiledQuery",
    "Field",
    "FieldMatch",
    "FoldedText",
    "FullTextIndex",
    "IndexedItem",
    "QueryError",
    "QueryFailedError",
    "RecordMatch",
    "SearchCancelled",
    "SearchHit",
    "SearchIndex",
    "SearchResults",
    "SearchUnavailableError",
    "Snippet",
    "Term",
    "Where",
    "compile_filter",
    "compile_query",
    "fold",
    "make_snippet",
    "match_record",
    "phrases_query",
]
