"""Differences between two versions of a briefing book, item by item (no I/O, no UI).

The output formats of `briefing diff` are in `briefing.diff.formats` (imported only by that command).

Used by `briefing diff OLD NEW` and by the reader's "changed since you last read" (`briefing.state`).
The comparison itself (`briefing.diff.compare`: word diffs, field changes) is imported on first use: the
reader's start needs only the items and their hashes.
"""

from typing import TYPE_CHECKING, Any

from briefing.diff.items import KIND_NAMES, BookItem, book_items, item_hashes

if TYPE_CHECKING:
    from briefing.diff.compare import (
        BookDiff,
        FieldChange,
        ItemChange,
        WordOp,
        compare_items,
        describe_counts,
        word_diff,
    )

_FROM_COMPARE = frozenset({"BookDiff", "FieldChange", "ItemChange", "WordOp", "compare_items", "describe_counts",
                           "word_diff"})


def __getattr__(name: str) -> Any:
    if name in _FROM_COMPARE:
        from briefing.diff import compare

        return getattr(compare, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
