"""Word wrapping of styled text into lines of Rich segments, in terminal cells, fast on long books.

Breaks are found on the plain text (words are runs of non-space; a word wider than the line is folded
across lines), then each line is cut out of the styled runs: a line costs a few segments whatever
its number of words. Line breaks inside the text are kept (briefing prose is `pre-line`).
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.segment import Segment

Line = list[Segment]

_WORD = re.compile(r"\S+")


def _one_cell_characters() -> frozenset[str]:
    """Characters one terminal cell wide: Rich's own set (Latin, accents) and typographic punctuation,
    currency signs and ¶ (briefing prose is full of ’ “ ” – —), each checked with Rich's `cell_len`."""
    try:
        from rich.cells import _SINGLE_CELLS as riches  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - another Rich: build from ASCII alone
        riches = frozenset(map(chr, range(0x20, 0x7F)))
    extra = (chr(code) for code in (*range(0x2010, 0x2028), *range(0x2030, 0x205F), *range(0x20A0, 0x20C1)))
    return frozenset(riches) | {character for character in extra if cell_len(character) == 1}


_single_cells = _one_cell_characters().issuperset


def _width(text: str) -> int:
    return len(text) if _single_cells(text) else cell_len(text)


def _fold(word: str, start: int, width: int) -> list[tuple[int, int, int]]:
    """A word too wide for a line as (start, end, cells) pieces that each fit."""
    pieces = []
    piece_start, used = 0, 0
    for index in range(len(word)):
        # Measured on the piece so far, not per character: a variation selector (U+FE0F) widens the
        # character before it ("🏳" is one cell, "🏳️" two), which a sum of single characters misses.
        cells = _width(word[piece_start : index + 1]) - used
        if used + cells > width and index > piece_start:
            pieces.append((start + piece_start, start + index, used))
            piece_start, used = index, 0
            cells = _width(word[index])
        used += cells
    pieces.append((start + piece_start, start + len(word), used))
    return pieces


_OTHER_SPACE = re.compile(r"[^\S ]")
"""Whitespace other than the plain space: a line holding some takes the general (slower) path."""


def _single_cell_breaks(part: str, offset: int, width: int, lines: list[tuple[int, int]]) -> None:
    """`line_breaks` for a line of one-cell characters whose only whitespace is spaces: one `rfind` per line."""
    length = len(part)
    start = len(part) - len(part.lstrip(" "))
    if start == length:
        lines.append((offset, offset))
        return
    while start < length:
        if length - start <= width:
            end = len(part.rstrip(" "))
            lines.append((offset + start, offset + end))
            return
        space = part.rfind(" ", start, start + width + 1)
        if space <= start:  # a word wider than the line: fold it
            end = next_start = start + width
        else:
            end = len(part[start:space].rstrip(" ")) + start
            next_start = space
        lines.append((offset + start, offset + end))
        while next_start < length and part[next_start] == " ":
            next_start += 1
        start = next_start


def line_breaks(text: str, width: int) -> list[tuple[int, int]]:
    """(start, end) of each line of `text` wrapped at `width` cells; spaces at line ends are dropped."""
    width = max(width, 1)
    lines: list[tuple[int, int]] = []
    offset = 0
    for part in text.split("\n"):
        if _single_cells(part) and not _OTHER_SPACE.search(part):
            _single_cell_breaks(part, offset, width, lines)
            offset += len(part) + 1
            continue
        count = len(lines)
        line_start = line_end = used = -1
        for match in _WORD.finditer(part):
            start, end = match.span()
            cells = _width(match.group())
            gap = _width(part[line_end:start]) if line_start >= 0 else 0
            if line_start >= 0 and used + gap + cells <= width:
                line_end, used = end, used + gap + cells
                continue
            if line_start >= 0:
                lines.append((offset + line_start, offset + line_end))
            if cells > width:
                *whole, (line_start, line_end, used) = _fold(match.group(), start, width)
                lines.extend((offset + a, offset + b) for a, b, _ in whole)
            else:
                line_start, line_end, used = start, end, cells
        if line_start >= 0:
            lines.append((offset + line_start, offset + line_end))
        if len(lines) == count:
            lines.append((offset, offset))  # an empty paragraph is still a line
        offset += len(part) + 1
    return lines


def wrap(segments: list[Segment], width: int) -> list[Line]:
    """`segments` (text with styles) wrapped at `width` cells, as lines of segments."""
    if not segments:
        return []
    if len(segments) == 1:  # most text has one style: no runs to cut
        text, style = segments[0].text, segments[0].style
        return [[Segment(text[start:end], style)] if end > start else [] for start, end in line_breaks(text, width)]
    text = "".join(segment.text for segment in segments)
    runs = []
    position = 0
    for segment in segments:
        runs.append((position, position + len(segment.text), segment.style))
        position += len(segment.text)
    lines: list[Line] = []
    run = 0
    for start, end in line_breaks(text, width):
        while run < len(runs) - 1 and runs[run][1] <= start:
            run += 1
        line: Line = []
        index = run
        while index < len(runs) and runs[index][0] < end:
            run_start, run_end, style = runs[index]
            piece = text[max(start, run_start) : min(end, run_end)]
            if piece:
                line.append(Segment(piece, style))
            index += 1
        lines.append(line)
    return lines


def line_width(line: Line) -> int:
    return sum(_width(segment.text) for segment in line)


def centred(line: Line, width: int) -> Line:
    left = (width - line_width(line)) // 2
    return [Segment(" " * left), *line] if left > 0 else line


def pad(line: Line, width: int) -> Line:
    missing = width - line_width(line)
    return [*line, Segment(" " * missing)] if missing > 0 else line
