"""Explaining a verbatim mismatch so that the author can fix it in one go.

Where the item stops matching the paragraph it cites (the two texts aligned at that character), which
classic trap it is (straight or curly quotes, dashes, no-break or invisible spaces, quotation marks kept
inside the quote, a comma that belongs to the sentence), and whether the text occurs in another paragraph.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

CONTEXT = 24
"""Characters shown on each side of the first difference."""

QUOTE_MARKS = "“”‘’\"'«»„‚‹›"
_STRAIGHT = "\"'"
_CURLY = "“”‘’„‚«»‹›"
_DASHES = "-‐‑‒–—―−"
_INVISIBLE = "\u00a0\u202f\u2009\u200a\u2007\u200b\u200c\u200d\u2060\ufeff\u00ad"
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Mismatch:
    """What `validate` says about one verbatim item that is not in its paragraph."""

    message: str
    hint: str | None
    detail: tuple[str, ...]


def collapse(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def explain(text: str, paragraph: str, number: int, paragraphs: list[str], what: str) -> Mismatch:
    """Why `text` (an item citing ¶`number`) does not occur in `paragraph`."""
    item, source = collapse(text), collapse(paragraph)
    matched, start = _longest_prefix(item, source)
    detail = _aligned(item, source, matched, start)
    hint = _trap(item, source, matched, start, what)
    elsewhere = [i + 1 for i, other in enumerate(paragraphs) if i + 1 != number and item in collapse(other)]
    message = f"this {what} does not occur word for word in ¶{number}"
    if elsewhere:
        message += f"; this text occurs in ¶{elsewhere[0]}" + (" (correct the citation)" if not hint else "")
    return Mismatch(message, hint, detail)


def _longest_prefix(item: str, source: str) -> tuple[int, int]:
    """How many leading characters of `item` occur in `source`, and where they start (binary search)."""
    low, high = 0, len(item)
    while low < high:
        middle = (low + high + 1) // 2
        if item[:middle] in source:
            low = middle
        else:
            high = middle - 1
    return low, source.find(item[:low]) if low else 0


def _aligned(item: str, source: str, matched: int, start: int) -> tuple[str, ...]:
    """The two texts one above the other, cut around the first difference, a caret under it."""
    if matched == 0:
        return (f"item:   {_visible(item[:2 * CONTEXT])}…", "source: (no part of its beginning occurs in this paragraph)")
    left = max(0, matched - CONTEXT)
    item_part = item[left:matched + CONTEXT]
    source_part = source[start + left:start + matched + CONTEXT]
    prefix_item, prefix_source = ("…" if left else ""), ("…" if left else "")
    caret = " " * (len("source: ") + len(prefix_source) + len(_visible(source[start + left:start + matched])))
    differing = item[matched] if matched < len(item) else "(end)"
    found = source[start + matched] if start + matched < len(source) else "(end of paragraph)"
    return (
        f"item:   {prefix_item}{_visible(item_part)}",
        f"source: {prefix_source}{_visible(source_part)}",
        f"{caret}^ first difference, at character {matched + 1} of the item: "
        f"{_name(differing)} in the item, {_name(found)} in the source",
    )


def _visible(text: str) -> str:
    # Invisible characters are the usual culprits: show them as <U+00A0> so the author can see them.
    return "".join(f"<U+{ord(c):04X}>" if c in _INVISIBLE or unicodedata.category(c) in ("Cc", "Cf") else c for c in text)


def _name(character: str) -> str:
    if len(character) != 1:
        return character
    return f"“{_visible(character)}” ({unicodedata.name(character, 'unnamed')}, U+{ord(character):04X})"


def _trap(item: str, source: str, matched: int, start: int, what: str) -> str | None:
    """The classic mistake behind a mismatch, if it is one of them."""
    if what == "quote" and item[:1] in QUOTE_MARKS and collapse(item.strip(QUOTE_MARKS + " ,")) in source:
        return "the quote keeps its quotation marks: remove them, they are added when it is shown"
    if item.endswith(",") and item[:-1] in source:
        return "the trailing comma belongs to the sentence around the quote, not to the quote: remove it"
    mine = item[matched] if matched < len(item) else ""
    theirs = source[start + matched] if start + matched < len(source) else ""
    if mine and theirs:
        if (mine in _STRAIGHT and theirs in _CURLY) or (mine in _CURLY and theirs in _STRAIGHT + _CURLY):
            return (f"straight and curly quotation marks or apostrophes differ: the source has {theirs} "
                    f"(U+{ord(theirs):04X}); copy it from the source")
        if mine in _DASHES and theirs in _DASHES:
            return f"dashes differ: the source has {theirs} (U+{ord(theirs):04X}), not {mine} (U+{ord(mine):04X})"
        if mine in _INVISIBLE or theirs in _INVISIBLE:
            return "a no-break or invisible space differs from the source's: retype that space"
    return None


def keeps_its_marks(text: str) -> bool:
    """A quote written with its own quotation marks, which would print as ““…””."""
    stripped = text.strip()
    return len(stripped) > 1 and stripped[0] in QUOTE_MARKS and stripped[-1] in QUOTE_MARKS
