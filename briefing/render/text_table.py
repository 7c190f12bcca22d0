"""A bordered table laid out in terminal cells (box-drawing lines, a rule between rows), without Rich's Table.

Column widths: each column as wide as its widest cell; when the table would be wider than the line,
the widest columns give up cells first, down to their longest word, then below it (words are folded).
"""

from __future__ import annotations

import re

from rich.segment import Segment
from rich.style import Style

from briefing.render.wrapping import Line, _width, pad, wrap

_WORD = re.compile(r"\S+")


def _natural(cell: list[Segment]) -> tuple[int, int]:
    """(longest word, longest line) of a cell, in cells."""
    text = "".join(segment.text for segment in cell)
    longest_line = max((_width(line) for line in text.split("\n")), default=0)
    longest_word = max((_width(word) for word in _WORD.findall(text)), default=0)
    return longest_word, longest_line


def column_widths(cells: list[list[list[Segment]]], available: int) -> list[int]:
    """Widths of the columns of `cells` (rows of cells), fitting `available` cells in all if possible."""
    columns = len(cells[0])
    naturals = [[_natural(row[column]) for row in cells] for column in range(columns)]
    minimum = [max(1, *(word for word, _ in column)) for column in naturals]
    widths = [max(1, *(line for _, line in column)) for column in naturals]
    excess = sum(widths) - available
    while excess > 0:
        shrinkable = [index for index in range(columns) if widths[index] > minimum[index]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda index: (widths[index], -index))
        others = [widths[index] for index in shrinkable if index != widest]
        step = min(excess, widths[widest] - minimum[widest], max(1, widths[widest] - max(others, default=0)))
        widths[widest] -= step
        excess -= step
    while excess > 0 and max(widths) > 1:  # words longer than the room: fold them
        widest = widths.index(max(widths))
        widths[widest] -= 1
        excess -= 1
    return widths


def table_lines(header: list[list[Segment]], rows: list[list[list[Segment]]], width: int, border: Style) -> list[Line]:
    columns = len(header)
    available = max(width - (columns + 1) - 2 * columns, columns)
    widths = column_widths([header, *rows], available)

    def rule(left: str, middle: str, right: str) -> Line:
        return [Segment(left + middle.join("─" * (w + 2) for w in widths) + right, border)]

    def row_lines(cells: list[list[Segment]]) -> list[Line]:
        wrapped = [wrap(cell, w) or [[]] for cell, w in zip(cells, widths, strict=True)]
        height = max(len(lines) for lines in wrapped)
        lines = []
        for number in range(height):
            line: Line = [Segment("│ ", border)]
            for index, cell_lines in enumerate(wrapped):
                content = cell_lines[number] if number < len(cell_lines) else []
                line.extend(pad(content, widths[index]))
                line.append(Segment(" │ " if index < columns - 1 else " │", border))
            lines.append(line)
        return lines

    lines = [rule("┌", "┬", "┐"), *row_lines(header), rule("├", "┼", "┤")]
    for number, row in enumerate(rows):
        if number:
            lines.append(rule("├", "┼", "┤"))
        lines.extend(row_lines(row))
    lines.append(rule("└", "┴", "┘"))
    return lines
