"""Differences between two versions of a briefing book, item by item (no I/O, no UI).

The output formats of `briefing diff` are in `briefing.diff.formats` (imported only by that command).

Used by `briefing diff OLD NEW` and by the reader's "changed since you last read" (`briefing.state`).
"""

from briefing.diff.compare import (
    BookDiff,
    FieldChange,
    ItemChange,
    WordOp,
    compare_items,
    describe_counts,
    word_diff,
)
from briefing.diff.items import KIND_NAMES, BookItem, book_items, item_hashes

__all__ = [
    "KIND_NAMES",
    "BookDiff",
    "BookItem",
    "FieldChange",
    "ItemChange",
    "WordOp",
    "book_items",
    "compare_items",
    "describe_counts",
    "item_hashes",
    "word_diff",
]
