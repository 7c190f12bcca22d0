"""The summary document laid out as lines of Rich segments: headings, rules, lists, tables, block quotes.

Used for the terminal (`briefing print`), the text, ANSI and SVG exports and the app's preview. The
layout is done here, line by line, rather than by composing Rich's Table and Panel renderables: those
measure and wrap every cell generically, which costs about 50 ms a meeting and made a 2,000-meeting
book take minutes to print. Lines come out one top-level section at a time (`document_lines`), so an
export can be written, and its progress shown, as it goes, without holding every segment at once.

Briefing text only ever becomes `Segment`s of plain strings with styles (never markup), and it has
already been through `safe_text` when the document was built.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.style import Style

from briefing.render.document import (
    Block,
    BlockQuote,
    Emphasis,
    Fields,
    Inline,
    ItemList,
    Marking,
    Paragraph,
    Section,
    Span,
    SummaryDocument,
    Table,
)
from briefing.render.text_table import table_lines
from briefing.render.wrapping import Line, centred, pad, wrap

STYLES: dict[str, Style] = {
    "marking": Style(bold=True, color="red"),
    "marking.rule": Style(color="red"),
    "title": Style(bold=True),
    "title.border": Style(color="cyan"),
    "meeting": Style(bold=True, color="bright_cyan"),
    "meeting.rule": Style(color="cyan"),
    "session": Style(bold=True),
    "session.subtitle": Style(dim=True, italic=True),
    "session.rule": Style(dim=True),
    "part": Style(bold=True, color="yellow"),
    "label": Style(bold=True),
    "bullet": Style(color="cyan"),
    "quote": Style(italic=True),
    "quote.bar": Style(color="green"),
    "quote.attribution": Style(dim=True),
    "table.header": Style(bold=True),
    "table.border": Style(),
}
"""Colours only add to what weight and layout already say, so the plain-text export reads the same."""

EMPHASIS_STYLES: dict[Emphasis, Style] = {
    Emphasis.PLAIN: Style(),
    Emphasis.STRONG: Style(bold=True),
    Emphasis.EMPHASIS: Style(italic=True),
    Emphasis.MUTED: Style(dim=True),
}

QUOTE_BAR = "│ "
BLANK: Line = []


def styled(spans: Inline, base: Style | None = None) -> list[Segment]:
    """Spans as segments: literal strings with their emphasis (over `base`), nothing parsed."""
    return [
        Segment(span.text, base + EMPHASIS_STYLES[span.emphasis] if base else EMPHASIS_STYLES[span.emphasis])
        for span in spans
    ]


def _plain(text: str, style: Style) -> list[Segment]:
    return [Segment(text, style)]


class SummaryRenderable:
    """The whole summary as a Rich renderable, laid out at the width it is given."""

    def __init__(self, document: SummaryDocument) -> None:
        self.document = document

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        newline = Segment.line()
        for chunk in document_lines(self.document, options.max_width):
            for line in chunk:
                yield from line
                yield newline


def render_document(document: SummaryDocument) -> SummaryRenderable:
    """The whole summary, top marking to bottom marking, as one renderable."""
    return SummaryRenderable(document)


def document_lines(document: SummaryDocument, width: int) -> Iterator[list[Line]]:
    """The summary's lines, in chunks: the front matter, each meeting's heading, each session, the end."""
    for _, lines in document_chunks(document, width):
        yield lines


def document_chunks(document: SummaryDocument, width: int) -> Iterator[tuple[int, list[Line]]]:
    """`document_lines` with, for each chunk, how many top-level parts (front, sections, end) are done
    once it is written: progress for a long export."""
    width = max(width, 1)
    front: list[Line] = [*_marking(document.marking, width), *_title_box(document.title, width)]
    for block in document.front:
        front.append(BLANK)
        front.extend(_block(block, width))
    yield 1, front
    for number, section in enumerate(document.sections, start=2):
        # A section's own lines, then each sub-section apart: a meeting of 10,000 sessions is laid
        # out (and its memory freed) a session at a time.
        yield number - 1, list(_section(section, width, children=False))
        for subsection in section.sections:
            yield number - 1, list(_section(subsection, width))
        yield number, []
    yield len(document.sections) + 2, [BLANK, *_marking(document.marking, width)]


def _rule(character: str, style: Style, width: int) -> Line:
    return [Segment(character * width, style)]


def _marking(text: str, width: int) -> list[Line]:
    # Wrapped, never cut: a marking must be shown whole.
    rule = _rule("━", STYLES["marking.rule"], width)
    return [rule, *(centred(line, width) for line in wrap(_plain(text, STYLES["marking"]), width)), rule]


def _title_box(title: str, width: int) -> list[Line]:
    border = STYLES["title.border"]
    inner = max(width - 4, 1)
    lines = [[Segment("╔" + "═" * (width - 2) + "╗", border)]]
    for line in wrap(_plain(title, STYLES["title"]), inner):
        lines.append([Segment("║ ", border), *pad(centred(line, inner), inner), Segment(" ║", border)])
    lines.append([Segment("╚" + "═" * (width - 2) + "╝", border)])
    return lines


def _section(section: Section, width: int, children: bool = True) -> Iterator[Line]:
    yield BLANK
    if section.level <= 2:
        rule = _rule("━", STYLES["meeting.rule"], width)
        yield rule
        yield from wrap(_plain(section.title, STYLES["meeting"]), width)
        yield rule
    elif section.level == 3:
        yield from wrap(_plain(section.title, STYLES["session"]), width)
        if section.subtitle:
            yield from wrap(_plain(section.subtitle, STYLES["session.subtitle"]), width)
        yield _rule("─", STYLES["session.rule"], width)
    else:
        yield from wrap(_plain(section.title, STYLES["part"]), width)
    for block in section.blocks:
        yield from _block(block, width)
    if children:
        for subsection in section.sections:
            yield from _section(subsection, width)


def _block(block: Block, width: int) -> list[Line]:
    match block:
        case Paragraph(spans):
            return [BLANK, *wrap(styled(spans), width)]  # air between label/value lines and prose
        case Fields(rows):
            return _hanging([(_plain(label, STYLES["label"]), styled(value)) for label, value in rows], 2, width)
        case ItemList(items, numbered):
            bullet = STYLES["bullet"]
            labels = [_plain(f"{n}." if numbered else "•", bullet) for n in range(1, len(items) + 1)]
            return _hanging(list(zip(labels, (styled(item) for item in items), strict=True)), 1, width,
                            right=True)
        case Table(headers, rows):
            header = [_plain(h, STYLES["table.header"]) for h in headers]
            return table_lines(header, [[styled(cell) for cell in row] for row in rows], width,
                               STYLES["table.border"])
        case BlockQuote(text, attribution):
            inner = max(width - cell_len(QUOTE_BAR), 1)
            bar = Segment(QUOTE_BAR, STYLES["quote.bar"])
            quoted = [*wrap(_plain(text, STYLES["quote"]), inner),
                      *wrap(_plain(attribution, STYLES["quote.attribution"]), inner)]
            return [[bar, *line] for line in quoted]
        case Marking(text):
            return _marking(text, width)
    raise TypeError(f"not a block: {block!r}")


def _hanging(rows: list[tuple[list[Segment], list[Segment]]], gap: int, width: int, right: bool = False) -> list[Line]:
    """Label | text rows: labels in a column as wide as the widest, each text wrapped beside its label."""
    label_width = max((sum(cell_len(s.text) for s in label) for label, _ in rows), default=0)
    text_width = max(width - label_width - gap, 1)
    indent = Segment(" " * (label_width + gap))
    lines: list[Line] = []
    for label, text in rows:
        used = sum(cell_len(s.text) for s in label)
        fill = Segment(" " * (label_width - used))
        first = [fill, *label] if right else [*label, fill]
        for number, line in enumerate(wrap(text, text_width) or [BLANK]):
            lines.append([*first, Segment(" " * gap), *line] if number == 0 else [indent, *line])
    return lines


__all__ = ["STYLES", "Span", "SummaryRenderable", "document_chunks", "document_lines", "render_document", "styled"]
