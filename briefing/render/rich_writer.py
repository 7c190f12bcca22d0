"""The summary document as Rich renderables: headings, rules, tables and block quotes, width-aware.

Used for the terminal (`briefing print`), the text, ANSI and SVG exports and the app's preview.
Briefing text only ever enters Rich as `Text` objects built from plain strings and styles (never as
markup), and it has already been through `safe_text` when the document was built.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.panel import Panel
from rich.rule import Rule
from rich.segment import Segment
from rich.style import Style
from rich.table import Table as RichTable
from rich.text import Text

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
    SummaryDocument,
    Table,
)

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
}
"""Colours only add to what weight and layout already say, so the plain-text export reads the same."""

EMPHASIS_STYLES: dict[Emphasis, Style] = {
    Emphasis.PLAIN: Style(),
    Emphasis.STRONG: Style(bold=True),
    Emphasis.EMPHASIS: Style(italic=True),
    Emphasis.MUTED: Style(dim=True),
}


def inline_text(spans: Inline, style: Style | None = None) -> Text:
    """Spans as one `Text`: literal strings with styles, so nothing in them is parsed."""
    text = Text(style=style or "")
    for span in spans:
        text.append(span.text, EMPHASIS_STYLES[span.emphasis])
    return text


class QuoteBlock:
    """A block quote: the quoted words and the attribution, behind a bar down the left edge."""

    BAR = "│ "

    def __init__(self, quote: BlockQuote) -> None:
        self.quote = quote

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        inner = Group(
            Text(self.quote.text, style=STYLES["quote"]),
            Text(self.quote.attribution, style=STYLES["quote.attribution"]),
        )
        lines = console.render_lines(inner, options.update(width=max(options.max_width - len(self.BAR), 1)))
        bar = Segment(self.BAR, STYLES["quote.bar"])
        for line in lines:
            yield bar
            yield from line
            yield Segment.line()


def render_document(document: SummaryDocument) -> Group:
    """The whole summary, top marking to bottom marking, as one renderable."""
    return Group(*_document_parts(document))


def _document_parts(document: SummaryDocument) -> Iterator[RenderableType]:
    yield from _marking(Marking(document.marking))
    yield Panel(
        Text(document.title, style=STYLES["title"], justify="center"),
        box=box.DOUBLE,
        border_style=STYLES["title.border"],
    )
    for block in document.front:
        yield Text()
        yield from _block(block)
    for section in document.sections:
        yield from _section(section)
    yield Text()
    yield from _marking(Marking(document.marking))


def _section(section: Section) -> Iterator[RenderableType]:
    yield Text()
    if section.level <= 2:
        yield Rule(characters="━", style=STYLES["meeting.rule"])
        yield Text(section.title, style=STYLES["meeting"])
        yield Rule(characters="━", style=STYLES["meeting.rule"])
    elif section.level == 3:
        yield Text(section.title, style=STYLES["session"])
        if section.subtitle:
            yield Text(section.subtitle, style=STYLES["session.subtitle"])
        yield Rule(style=STYLES["session.rule"])
    else:
        yield Text(section.title, style=STYLES["part"])
    for block in section.blocks:
        yield from _block(block)
    for subsection in section.sections:
        yield from _section(subsection)


def _block(block: Block) -> Iterator[RenderableType]:
    match block:
        case Paragraph(spans):
            yield Text()  # a paragraph after label/value lines needs air to read as prose
            yield inline_text(spans)
        case Fields(rows):
            grid = RichTable.grid(padding=(0, 2))
            grid.add_column(style=STYLES["label"], no_wrap=True)
            grid.add_column(overflow="fold")
            for label, value in rows:
                grid.add_row(Text(label), inline_text(value))
            yield grid
        case ItemList(items, numbered):
            grid = RichTable.grid(padding=(0, 1))
            grid.add_column(style=STYLES["bullet"], no_wrap=True, justify="right")
            grid.add_column(overflow="fold")
            for number, item in enumerate(items, start=1):
                grid.add_row(Text(f"{number}." if numbered else "•"), inline_text(item))
            yield grid
        case Table(headers, rows):
            table = RichTable(box=box.SQUARE, show_lines=True, header_style=STYLES["table.header"])
            for header in headers:
                table.add_column(Text(header), overflow="fold")
            for row in rows:
                table.add_row(*(inline_text(cell) for cell in row))
            yield table
        case BlockQuote():
            yield QuoteBlock(block)
        case Marking():
            yield from _marking(block)


def _marking(marking: Marking) -> Iterator[RenderableType]:
    # Text rather than a Rule title: a Rule would truncate a long marking, and a marking must be whole.
    yield Rule(characters="━", style=STYLES["marking.rule"])
    yield Text(marking.text, style=STYLES["marking"], justify="center")
    yield Rule(characters="━", style=STYLES["marking.rule"])
