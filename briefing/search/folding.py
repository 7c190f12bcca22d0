"""Folding: the one way text is made comparable, for the index, for queries and for highlights.

Folding is per character (the fold of a string is the concatenation of the folds of its
characters), which is what lets a match found in folded text be mapped back to exact offsets in the
original text, even where folding changed lengths (`ß` → `ss`, `ﬁ` → `fi`, `e` + U+0301 → `e`).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

TYPOGRAPHIC = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u02bc": "'", "\u2032": "'",
        "\u00b4": "'", "\u0060": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
        "\u2212": "-", "\ufe58": "-", "\ufe63": "-", "\uff0d": "-",
    }
)
"""Typographic quotes, apostrophes and dashes → their ASCII forms (`Court’s` reads as `Court's`)."""

TOKEN = re.compile(r"[^\W_]+")
"""A token: a run of letters and digits (Unicode-aware). Everything else separates tokens, so
`Asia-Pacific` is the two tokens `asia pacific`, exactly as `asia pacific` is."""

_NON_ASCII = re.compile(r"[^\x00-\x7f]")

_NON_ASCII_SEPARATORS = re.compile(r"[^\w\x00-\x7f]+")
"""Non-ASCII characters that separate tokens; ASCII ones the index's `ascii` tokenizer handles itself."""


def _strip_marks(text: str) -> str:
    return "".join(c for c in text if not unicodedata.combining(c) and unicodedata.category(c) != "Mn")


@lru_cache(maxsize=8192)
def fold_character(character: str) -> str:
    """The fold of one character: compatibility-decomposed, case-folded, marks removed, ASCII punctuation."""
    decomposed = unicodedata.normalize("NFKD", character).casefold()
    # Case folding can itself produce combining marks (İ → i + U+0307), so decompose once more.
    decomposed = unicodedata.normalize("NFKD", decomposed)
    # Lower-casing last keeps `fold` free to lower-case whole strings: casefold maps some scripts
    # (Cherokee) to upper case, which `str.lower` would otherwise change again.
    return _strip_marks(decomposed).translate(TYPOGRAPHIC).lower()


def fold(text: str) -> str:
    """Text as the engine compares it: case-, accent-, width- and typography-insensitive.

    `fold("Wilmès") == fold("WILMES") == "wilmes"`, `fold("Court’s") == "court's"`, and the NFC and
    NFD forms of a word fold alike.
    """
    if text.isascii():
        return text.lower()
    return _NON_ASCII.sub(lambda match: fold_character(match.group()), text).lower()


def index_form(text: str) -> str:
    """The folded text with non-ASCII separators made spaces, so that FTS5's `ascii` tokenizer (which
    splits on ASCII punctuation and spaces, and keeps every non-ASCII character) sees exactly TOKEN."""
    folded = fold(text)
    return folded if folded.isascii() else _NON_ASCII_SEPARATORS.sub(" ", folded)


@dataclass(frozen=True, slots=True)
class FoldedText:
    """A text with its fold, and the way back from offsets in the fold to offsets in the original.

    Offsets are identical in ASCII stretches; each non-ASCII character is a segment of its own whose
    fold may be longer, shorter or empty (combining marks belong to the character before them).
    """

    original: str
    folded: str
    _folded_starts: tuple[int, ...] = ()
    """Start offset in `folded` of each non-ASCII character's fold, ascending."""
    _original_starts: tuple[int, ...] = ()
    """Offset in `original` of each of those characters."""
    _folded_lengths: tuple[int, ...] = ()

    @classmethod
    def of(cls, original: str) -> FoldedText:
        if original.isascii():
            return cls(original, original.lower())
        pieces: list[str] = []
        folded_starts: list[int] = []
        original_starts: list[int] = []
        folded_lengths: list[int] = []
        folded_length = 0
        position = 0
        for match in _NON_ASCII.finditer(original):
            start = match.start()
            if start > position:
                ascii_run = original[position:start].lower()
                pieces.append(ascii_run)
                folded_length += len(ascii_run)
            folded_character = fold_character(match.group())
            pieces.append(folded_character)
            folded_starts.append(folded_length)
            original_starts.append(start)
            folded_lengths.append(len(folded_character))
            folded_length += len(folded_character)
            position = start + 1
        pieces.append(original[position:].lower())
        return cls(
            original, "".join(pieces), tuple(folded_starts), tuple(original_starts), tuple(folded_lengths)
        )

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of the folded range `[start, end)` (non-empty), widened to whole characters."""
        return self._original_start(start), self._original_end(end)

    def _original_start(self, folded_offset: int) -> int:
        segment = bisect_right(self._folded_starts, folded_offset) - 1
        if segment < 0:
            return folded_offset
        segment_start = self._folded_starts[segment]
        length = self._folded_lengths[segment]
        if folded_offset < segment_start + length:
            return self._original_starts[segment]  # inside a non-ASCII character's fold
        return self._original_starts[segment] + 1 + (folded_offset - segment_start - length)

    def _original_end(self, folded_offset: int) -> int:
        """Original end offset of a range ending at `folded_offset`, including trailing combining marks."""
        last = folded_offset - 1
        segment = bisect_right(self._folded_starts, last) - 1
        if segment < 0:
            end = folded_offset
        else:
            segment_start = self._folded_starts[segment]
            length = self._folded_lengths[segment]
            if last < segment_start + length:
                end = self._original_starts[segment] + 1
            else:
                end = self._original_starts[segment] + 1 + (folded_offset - segment_start - length)
        # Characters right after the range that fold to nothing (combining marks) belong to it.
        while end < len(self.original) and fold_character_is_empty(self.original[end]):
            end += 1
        return end


def fold_character_is_empty(character: str) -> bool:
    """True for a character that folds to nothing (a combining mark): it belongs to the one before."""
    return not character.isascii() and fold_character(character) == ""
