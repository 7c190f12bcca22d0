"""The summary as a document structure: sections and blocks, independent of any output format.

`briefing.render.summary` builds it once from a briefing; the Rich, Markdown and HTML writers walk
it. So the layout (what comes in which order, under which heading) lives in one place, and every
format shows the same content.

Every string in a document has already been through `safe_text`; writers still escape it for their
own format (HTML entities, Markdown backslashes) and never interpret it as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Emphasis(StrEnum):
    """How a run of text stands out; each writer maps it to its own means (bold, <strong>, **…**)."""

    PLAIN = "plain"
    STRONG = "strong"
    EMPHASIS = "emphasis"
    MUTED = "muted"
    """Secondary detail such as paragraph references; dim on a terminal, grey in HTML."""


@dataclass(frozen=True, slots=True)
class Span:
    """A run of literal text with one emphasis."""

    text: str
    emphasis: Emphasis = Emphasis.PLAIN


Inline = tuple[Span, ...]
"""A line's worth of text made of spans; may still wrap when rendered."""


def plain(text: str) -> Inline:
    return (Span(text),)


@dataclass(frozen=True, slots=True)
class Paragraph:
    spans: Inline


@dataclass(frozen=True, slots=True)
class Fields:
    """Label: value pairs, such as "Dates: 6–7 April 2022"."""

    rows: tuple[tuple[str, Inline], ...]


@dataclass(frozen=True, slots=True)
class ItemList:
    """A bulleted (or numbered) list; each item is one inline run."""

    items: tuple[Inline, ...]
    numbered: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[Inline, ...], ...]


@dataclass(frozen=True, slots=True)
class BlockQuote:
    """Words quoted verbatim, with who said them underneath."""

    text: str
    attribution: str


@dataclass(frozen=True, slots=True)
class Marking:
    """The classification marking, shown at the top and bottom of the summary."""

    text: str


Block = Paragraph | Fields | ItemList | Table | BlockQuote | Marking


class SectionKind(StrEnum):
    """What a section holds; the HTML writer uses it as a class, print CSS starts meetings on a new page."""

    MEETING = "meeting"
    SESSION = "session"
    PART = "part"
    """A part of a session or meeting: key points, positions, figures, quotes, sources."""
    APPENDIX = "appendix"


@dataclass(frozen=True, slots=True)
class Section:
    """A heading with its blocks and sub-sections. `level` 2 is a meeting or an appendix."""

    title: str
    level: int
    kind: SectionKind
    anchor: str
    """An id unique in the document, made of briefing ids (plain ASCII by the schema) and fixed words."""
    subtitle: str | None = None
    blocks: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()


@dataclass(frozen=True, slots=True)
class SummaryDocument:
    """The whole printable summary: a marking, a front matter, the meetings, the appendices."""

    title: str
    marking: str
    language: str
    front: tuple[Block, ...]
    sections: tuple[Section, ...]
    brief: bool = False
    """A brief (one page per meeting): writers lay it out compactly."""


def walk_sections(sections: tuple[Section, ...]) -> list[Section]:
    """Every section, depth first, in reading order."""
    found: list[Section] = []
    for section in sections:
        found.append(section)
        found.extend(walk_sections(section.sections))
    return found
