"""The summary as a document structure: sections and blocks, independent of any output format.

`briefing.render.summary` builds it once from a briefing; the Rich, Markdown and HTML writers walk
it. So the layout (what comes in which order, under which heading) lives in one place, and every
format shows the same content.

Every string in a document has already been through `safe_text`; writers still escape it for their
own format (HTML entities, Markdown backslashes) and never interpret it as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import overload


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
    sections: Sequence[Section] = ()
    """A tuple, or `LazySections` for a meeting's sessions (a meeting may hold ten thousand)."""


@dataclass(frozen=True, slots=True)
class SummaryDocument:
    """The whole printable summary: a marking, a front matter, the meetings, the appendices."""

    title: str
    marking: str
    language: str
    front: tuple[Block, ...]
    sections: Sequence[Section]
    """A tuple, or `LazySections` for a whole book: each meeting's section built when it is reached."""
    brief: bool = False
    """A brief (one page per meeting): writers lay it out compactly."""


class LazySections(Sequence[Section]):
    """The sections of a long summary (or a meeting's sessions), each built when it is read, not kept.

    A 2,000-meeting book's whole document takes about a hundred megabytes; a writer walking it in order
    needs one meeting's (or one session's) at a time.
    """

    def __init__(
        self, count: int, build: Callable[[int], Section], head: tuple[Section, ...] = (),
        tail: tuple[Section, ...] = (),
    ) -> None:
        self._count = count
        self._build = build
        self._head = head
        self._tail = tail

    def __len__(self) -> int:
        return len(self._head) + self._count + len(self._tail)

    @overload
    def __getitem__(self, index: int) -> Section: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Section]: ...
    def __getitem__(self, index: int | slice) -> Section | Sequence[Section]:
        if isinstance(index, slice):
            return tuple(self[position] for position in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        if index < len(self._head):
            return self._head[index]
        index -= len(self._head)
        return self._build(index) if index < self._count else self._tail[index - self._count]

    def __iter__(self) -> Iterator[Section]:
        yield from self._head
        for index in range(self._count):
            yield self._build(index)
        yield from self._tail


def walk_sections(sections: Sequence[Section]) -> list[Section]:
    """Every section, depth first, in reading order."""
    found: list[Section] = []
    for section in sections:
        found.append(section)
        found.extend(walk_sections(section.sections))
    return found
