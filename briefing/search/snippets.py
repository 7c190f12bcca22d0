"""Snippets: a short window of a hit's text around its best match, with the match spans carried over."""

from __future__ import annotations

from dataclasses import dataclass

ELLIPSIS = "…"

SNIPPET_WIDTH = 160
"""Characters of original text a snippet shows at most (plus its ellipses)."""

LEAD = 50
"""How much text, at most, a snippet shows before its first highlighted match."""


@dataclass(frozen=True, slots=True)
class Snippet:
    """A piece of a hit's text; `spans` are offsets into `text`, which includes the ellipses."""

    text: str
    spans: tuple[tuple[int, int], ...]
    cut_start: bool
    cut_end: bool


def best_window(spans: list[tuple[int, int]] | tuple[tuple[int, int], ...], width: int) -> int:
    """Index of the span whose window of `width` characters holds the most spans (earliest on ties)."""
    best, best_count = 0, -1
    following = 0
    for first, (start, _) in enumerate(spans):
        following = max(following, first)
        while following < len(spans) and spans[following][1] <= start + width - LEAD:
            following += 1
        if following - first > best_count:
            best, best_count = first, following - first
    return best


def make_snippet(
    text: str, spans: list[tuple[int, int]] | tuple[tuple[int, int], ...], width: int = SNIPPET_WIDTH
) -> Snippet:
    """The window of `text` around its best cluster of matches, cut at spaces, with "…" where cut.

    Line breaks become spaces (one for one, so offsets hold) to keep a snippet on one line.
    """
    if len(text) <= width:
        start, end = 0, len(text)
    else:
        anchor_start, anchor_end = spans[best_window(spans, width)] if spans else (0, 0)
        start = max(0, anchor_start - LEAD)
        if start > 0:
            space = text.find(" ", start, anchor_start)
            start = space + 1 if space >= 0 else start
        end = min(len(text), start + width)
        if end < len(text):
            space = text.rfind(" ", anchor_end, end)
            end = space if space > start else end
        end = max(end, anchor_end)  # never cut the best match itself
    piece = text[start:end]
    for line_break in "\r\n\t\v\f\x85\u2028\u2029":
        piece = piece.replace(line_break, " ")
    cut_start, cut_end = start > 0, end < len(text)
    shift = (1 if cut_start else 0) - start
    kept = tuple(
        (max(span_start, start) + shift, min(span_end, end) + shift)
        for span_start, span_end in spans
        if span_start < end and span_end > start
    )
    return Snippet(
        (ELLIPSIS if cut_start else "") + piece + (ELLIPSIS if cut_end else ""), kept, cut_start, cut_end
    )
