"""Compare two sets of items: added, removed, changed, and a word-level diff of each changed field."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from briefing.diff.items import BookItem

TOKENS = re.compile(r"\s+|[^\s]+")
"""Words and the whitespace between them: diffing both keeps the original spacing in the output."""


@dataclass(frozen=True, slots=True)
class WordOp:
    """One run of a word diff: 'equal', 'delete' (only in the old text) or 'insert' (only in the new)."""

    op: str
    text: str


@dataclass(frozen=True, slots=True)
class FieldChange:
    name: str
    old: str
    new: str
    words: tuple[WordOp, ...]


@dataclass(frozen=True, slots=True)
class ItemChange:
    old: BookItem
    new: BookItem
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True, slots=True)
class BookDiff:
    """What differs between two versions of a book, each list in the newer version's order."""

    added: list[BookItem] = field(default_factory=list)
    removed: list[BookItem] = field(default_factory=list)
    changed: list[ItemChange] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def counts(self) -> str:
        """'2 new items, 3 changed, 1 removed' (or 'no changes')."""
        return describe_counts(len(self.added), len(self.changed), len(self.removed))


def describe_counts(new: int, changed: int, removed: int) -> str:
    parts = []
    if new:
        parts.append(f"{new} new item{'s' if new != 1 else ''}")
    if changed:
        parts.append(f"{changed} changed")
    if removed:
        parts.append(f"{removed} removed")
    return ", ".join(parts) if parts else "no changes"


def compare_items(old: Mapping[str, BookItem], new: Mapping[str, BookItem]) -> BookDiff:
    diff = BookDiff()
    for item_id, item in new.items():
        before = old.get(item_id)
        if before is None:
            diff.added.append(item)
        elif before.content_hash != item.content_hash:
            diff.changed.append(ItemChange(before, item, field_changes(before.fields, item.fields)))
    diff.removed.extend(item for item_id, item in old.items() if item_id not in new)
    return diff


def field_changes(old: Mapping[str, str], new: Mapping[str, str]) -> tuple[FieldChange, ...]:
    names = list(new) + [name for name in old if name not in new]
    return tuple(
        FieldChange(name, old.get(name, ""), new.get(name, ""), word_diff(old.get(name, ""), new.get(name, "")))
        for name in names
        if old.get(name, "") != new.get(name, "")
    )


def word_diff(old: str, new: str) -> tuple[WordOp, ...]:
    """The runs of words kept, deleted and inserted from `old` to `new` (difflib, word by word)."""
    old_tokens, new_tokens = TOKENS.findall(old), TOKENS.findall(new)
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    runs: list[WordOp] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(WordOp("equal", "".join(new_tokens[j1:j2])))
            continue
        if i2 > i1:
            runs.append(WordOp("delete", "".join(old_tokens[i1:i2])))
        if j2 > j1:
            runs.append(WordOp("insert", "".join(new_tokens[j1:j2])))
    return tuple(runs)
