"""The summary document as Markdown, for pasting into e-mails and documents.

Briefing text is escaped so that it stays literal in any CommonMark/GFM reader: `*`, `_`, backticks,
brackets, `<`, `&`, `|` and `~` always get a backslash, and characters that would start a heading,
list or quote get one at the start of a line. Text has been through `safe_text` already, so no
control character reaches a terminal that `cat`s the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

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

ALWAYS_ESCAPED = re.compile(r"([\\`*_\[\]<>|~&])")
"""Characters that can act anywhere in a line (emphasis, code, links, raw HTML, entities, tables)."""

LINE_START = re.compile(r"^(\s*)([#+=-]|\d+[.)])", flags=re.MULTILINE)
"""What makes a line a heading, list item or setext underline when it starts a line."""


LEADING_INDENT = re.compile(r"(?<=\n)[ \t]+")
"""Indentation after a line break: four spaces would turn prose into a code block or a list's paragraph.
(A block's first line is stripped where the block is written: inline spans are joined without spaces.)"""


AUTOLINK_STARTS = re.compile(r"(://)|(?<![\w.])(www)\.", flags=re.IGNORECASE)
"""What makes GFM turn bare text into a link: a scheme's `://` (`https://…`, `ftp://…`) and `www.`."""

TRAILING_HASHES = re.compile(r"#+$", flags=re.MULTILINE)
"""A run of `#` ending a line: in a heading it would be taken as the optional closing sequence and dropped."""


def escape_markdown(text: str) -> str:
    """`text` with every Markdown-active character backslash-escaped, and no line-leading indentation.

    Bare URLs get an escaped `:` or `.` (`https\\://…`, `www\\.…`), which GFM renderers show as typed
    but no longer turn into links; a trailing `#` is escaped so that a heading keeps it. (Bare e-mail
    addresses still become `mailto:` links in GFM: no escape stops that, and it opens no page.)
    """
    escaped = ALWAYS_ESCAPED.sub(r"\\\1", LEADING_INDENT.sub("", text))
    escaped = AUTOLINK_STARTS.sub(_break_autolink, escaped)
    escaped = TRAILING_HASHES.sub(lambda match: "\\#" * len(match.group()), escaped)
    return LINE_START.sub(_escape_line_start, escaped)


def _break_autolink(match: re.Match[str]) -> str:
    return "\\://" if match.group(1) else f"{match.group(2)}\\."


def _escape_line_start(match: re.Match[str]) -> str:
    indent, marker = match.group(1), match.group(2)
    if marker[0].isdigit():
        return f"{indent}{marker[:-1]}\\{marker[-1]}"
    return f"{indent}\\{marker}"


MARKERS = {Emphasis.STRONG: "**", Emphasis.EMPHASIS: "*"}


def inline_markdown(spans: Inline) -> str:
    parts = []
    for span in spans:
        marker = MARKERS.get(span.emphasis)
        stripped = span.text.strip()
        if marker is None or not stripped:
            parts.append(escape_markdown(span.text))
            continue
        # Emphasis markers must touch the words, so surrounding spaces go outside them.
        leading = span.text[: len(span.text) - len(span.text.lstrip())]
        trailing = span.text[len(span.text.rstrip()) :]
        parts.append(f"{leading}{marker}{escape_markdown(stripped)}{marker}{trailing}")
    return "".join(parts)


def render_markdown(document: SummaryDocument) -> str:
    """The whole summary as one Markdown text, ending with a newline."""
    return "".join(markdown_chunks(document))


def markdown_chunks(document: SummaryDocument) -> Iterator[str]:
    """`render_markdown` in pieces, blocks separated by a blank line, so a big book can be streamed."""
    separator = ""
    for chunk in _document_chunks(document):
        yield separator + chunk
        separator = "\n\n"
    yield "\n"


def _document_chunks(document: SummaryDocument) -> Iterator[str]:
    yield _marking(document.marking)
    yield f"# {_one_line(escape_markdown(document.title))}"
    for block in document.front:
        yield from _block(block)
    for section in document.sections:
        yield from _section(section)
    yield "---"
    yield _marking(document.marking)


def _section(section: Section) -> Iterator[str]:
    level = min(section.level, 6)
    yield f"{'#' * level} {_one_line(escape_markdown(section.title))}"
    if section.subtitle:
        yield f"*{_one_line(escape_markdown(section.subtitle))}*"
    for block in section.blocks:
        yield from _block(block)
    for subsection in section.sections:
        yield from _section(subsection)


def _block(block: Block) -> Iterator[str]:
    match block:
        case Paragraph(spans):
            yield inline_markdown(spans).lstrip(" \t")
        case Fields(rows):
            yield "\n".join(
                _list_item("- ", f"**{escape_markdown(label)}:** {inline_markdown(value)}")
                for label, value in rows
            )
        case ItemList(items, numbered):
            yield "\n".join(
                _list_item(f"{number}. " if numbered else "- ", inline_markdown(item).lstrip(" \t"))
                for number, item in enumerate(items, start=1)
            )
        case Table(headers, rows):
            lines = [
                "| " + " | ".join(escape_markdown(header) for header in headers) + " |",
                "| " + " | ".join("---" for _ in headers) + " |",
            ]
            lines += ["| " + " | ".join(_one_line(inline_markdown(cell)) for cell in row) + " |" for row in rows]
            yield "\n".join(lines)
        case BlockQuote(text, attribution):
            body = escape_markdown(text.lstrip(" \t")) + "\n\n" + escape_markdown(attribution.lstrip(" \t"))
            yield "\n".join(f"> {line}".rstrip() for line in body.split("\n"))
        case Marking(text):
            yield _marking(text)


def _marking(text: str) -> str:
    return f"**{_one_line(escape_markdown(text))}**"


def _list_item(marker: str, text: str) -> str:
    indent = " " * len(marker)
    return marker + text.replace("\n", "\n" + indent)


def _one_line(text: str) -> str:
    """Headings and table cells cannot span lines in Markdown; line breaks become spaces."""
    return " ".join(text.split("\n"))
