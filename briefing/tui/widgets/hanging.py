"""Lines with a hanging indent: a wrapped line continues under its own text, not at column 1.

Textual wraps `Content` back to the left edge. Under an indented or bulleted first line ("    summary…",
"• position…", "  morning   session…") that breaks the column the eye follows, so the views hand such
lines to `Hanging`, which wraps each line's text at the width left after its indent.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.cells import cell_len
from textual.content import Content, Span
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

MIN_TEXT_WIDTH = 12
"""Below this many columns left after the indent, a line wraps to the left edge: a tall, thin column of
two-word lines would be harder to read than no indent at all."""


def leading_spaces(line: Content) -> int:
    return len(line.plain) - len(line.plain.lstrip(" "))


def wrap_hanging(line: Content, indent: int, width: int) -> list[Content]:
    """`line` wrapped to `width` cells, its continuation lines starting `indent` characters in."""
    if width <= 0:
        return [line]
    if indent <= 0 or line.cell_length <= width or width - cell_len(line.plain[:indent]) < MIN_TEXT_WIDTH:
        return line.wrap(width)
    head, text = line[:indent], line[indent:]
    head_width = cell_len(head.plain)
    pieces = text.wrap(width - head_width)
    padding = Content(" " * head_width)
    return [head + pieces[0], *(padding + piece for piece in pieces[1:])]


class Hanging(Visual):
    """Lines of content, each with its own hanging indent (in characters of its start)."""

    def __init__(self, lines: Iterable[tuple[Content, int]]) -> None:
        self.lines: tuple[tuple[Content, int], ...] = tuple(lines)
        """Each line (without line breaks) and how far in its continuation lines start."""
        self._wrapped: tuple[int, list[Content]] | None = None

    @classmethod
    def indented(cls, content: Content, extra: int = 0) -> Hanging:
        """Every line of `content` hangs at its own leading spaces, plus `extra` (e.g. 2 for a "• ")."""
        return cls((line, leading_spaces(line) + extra) for line in content.split("\n", allow_blank=True))

    @property
    def content(self) -> Content:
        """The lines as one unwrapped `Content` (for reading the text and its styles back)."""
        return Content("\n").join(line for line, _ in self.lines)

    def __str__(self) -> str:
        return self.plain

    @property
    def plain(self) -> str:
        return self.content.plain

    @property
    def spans(self) -> Sequence[Span]:
        return self.content.spans

    def wrapped(self, width: int) -> list[Content]:
        """The display lines at `width` cells (cached for the last width asked)."""
        if self._wrapped is None or self._wrapped[0] != width:
            lines = [piece for line, indent in self.lines for piece in wrap_hanging(line, indent, width)]
            self._wrapped = (width, lines)
        return self._wrapped[1]

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        # Every line already fits: Content's own wrapping leaves them as they are.
        return Content("\n").join(self.wrapped(width)).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max((line.cell_length for line, _ in self.lines), default=0)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return max((line.get_minimal_width(rules) for line, _ in self.lines), default=1)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self.wrapped(width))
