"""Export the summary in every format from the one document structure.

text and ansi are written line by line from `rich_writer.document_lines` (styles as SGR codes for
ansi); svg goes through Rich (`Console(record=True)`, `export_svg`); markdown and html through their
own small writers. The console is isolated from the environment (`_environ`),
so NO_COLOR, COLUMNS or TERM of the calling process never change an export: the caller decides the
format, and `briefing print` decides it from the terminal.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Iterator, Sequence

from rich._export_format import CONSOLE_SVG_FORMAT
from rich.color import ColorSystem
from rich.console import Console, RenderableType
from rich.terminal_theme import MONOKAI

from briefing.model import Briefing
from briefing.render.document import SummaryDocument
from briefing.render.html_writer import html_chunks
from briefing.render.markdown_writer import markdown_chunks
from briefing.render.rich_writer import document_chunks, document_lines, render_document
from briefing.render.summary import build_summary
from briefing.render.wrapping import Line

EXPORT_FORMATS = ("ansi", "text", "markdown", "html", "svg")
"""Every format `export_summary` writes, in the order `briefing print --help` lists them."""

FORMAT_SUFFIXES = {"ansi": ".ans", "text": ".txt", "markdown": ".md", "html": ".html", "svg": ".svg"}
"""The file suffix that goes with each format."""

OFFLINE_SVG_FORMAT = re.sub(r"@font-face \{\{.*?\}\}\s*", "", CONSOLE_SVG_FORMAT, flags=re.DOTALL)
"""Rich's SVG template without its web-font `@font-face` rules: the file must not reach for the network."""

MIN_WIDTH = 20
"""Below this, tables and block quotes cannot lay out at all."""

MAX_SVG_LINES = 20_000
"""Tallest SVG written: about 300 screens. A whole big book would be an image hundreds of thousands of
lines tall that no viewer opens (and Rich's SVG export holds every character of it in memory)."""

Progress = Callable[[int, int], None]
"""`progress(done, total)`: how far a long export has come, for a progress line."""


class ExportTooLargeError(ValueError):
    """The summary is too long for the format asked (an SVG of a whole big book)."""


def summary_renderable(
    briefing: Briefing, meeting_ids: Iterable[str] | None = None, include_quotes: bool = True,
    brief: bool = False,
) -> RenderableType:
    """The summary (or the brief) as a Rich renderable (for the app and the terminal).

    Raises `UnknownMeetingError` (a `ValueError`) when a meeting id is not in the briefing.
    """
    return render_document(build_summary(briefing, meeting_ids, include_quotes, brief=brief))


def export_summary(
    briefing: Briefing,
    format: str,
    *,
    meeting_ids: Iterable[str] | None = None,
    include_quotes: bool = True,
    width: int = 100,
    reader_notes: Sequence[tuple[str, str]] = (),
    brief: bool = False,
    progress: Progress | None = None,
) -> str:
    """The summary in `format` (one of `EXPORT_FORMATS`) as text; `width` applies to text, ansi, svg.

    `brief` gives the brief instead: per meeting, positions, key points and figures, no passages.
    `meeting_ids` may hold ids, unique id prefixes or title words (`briefing.render.selection`).
    `progress(done, total)` is called as the text and ansi formats are laid out, section by section.

    Raises `ValueError` for an unknown format or a width below `MIN_WIDTH`, `UnknownMeetingError`
    (a `ValueError`) when a meeting id is not in the briefing, and `ExportTooLargeError` (a
    `ValueError`) for an SVG taller than `MAX_SVG_LINES`.
    """
    return "".join(export_chunks(briefing, format, meeting_ids=meeting_ids, include_quotes=include_quotes,
                                 width=width, reader_notes=reader_notes, brief=brief, progress=progress))


def export_chunks(
    briefing: Briefing,
    format: str,
    *,
    meeting_ids: Iterable[str] | None = None,
    include_quotes: bool = True,
    width: int = 100,
    reader_notes: Sequence[tuple[str, str]] = (),
    brief: bool = False,
    progress: Progress | None = None,
) -> Iterator[str]:
    """`export_summary` in pieces (a section at a time for text and ansi), for a writer that encodes
    as it goes: a big book's text is never held twice. Errors are raised by the first `next()`."""
    if format not in EXPORT_FORMATS:
        raise ValueError(f"unknown format {format!r}; choose one of: {', '.join(EXPORT_FORMATS)}")
    if width < MIN_WIDTH:
        raise ValueError(f"width {width} is too narrow; the least is {MIN_WIDTH}")
    document = build_summary(briefing, meeting_ids, include_quotes, reader_notes, brief=brief)
    if format == "markdown":
        yield from markdown_chunks(document)
    elif format == "html":
        yield from html_chunks(document)
    elif format == "svg":
        yield _svg(document, width, progress)
    else:
        total = len(document.sections) + 2
        reported = 0
        for done, lines in document_chunks(document, width):
            if format == "ansi":
                yield "".join(_ansi_line(line) + "\n" for line in lines)
            else:
                # Centred and padded lines end in spaces; in plain text they are only noise.
                yield "".join("".join(segment.text for segment in line).rstrip() + "\n" for line in lines)
            if progress is not None and done != reported:
                reported = done
                progress(done, total)


def _ansi_line(line: Line) -> str:
    return "".join(
        style.render(segment.text, color_system=ColorSystem.TRUECOLOR) if (style := segment.style) else segment.text
        for segment in line
    )


def _svg(document: SummaryDocument, width: int, progress: Progress | None) -> str:
    lines = 0
    for chunk in document_lines(document, width):
        lines += len(chunk)
        if lines > MAX_SVG_LINES:
            raise ExportTooLargeError(
                f"an SVG of this summary would be over {MAX_SVG_LINES:,} lines tall: an image that long cannot "
                "be viewed or printed; choose some meetings with --meeting, or the html format"
            )
    console = _recording_console(width, colour=True)
    console.print(render_document(document))
    if progress is not None:
        progress(1, 1)
    return console.export_svg(title=document.title, theme=MONOKAI, code_format=OFFLINE_SVG_FORMAT)


def _recording_console(width: int, colour: bool) -> Console:
    return Console(
        record=True,
        width=width,
        file=io.StringIO(),
        force_terminal=colour,
        color_system="truecolor" if colour else None,
        no_color=not colour,
        markup=False,
        emoji=False,
        highlight=False,
        legacy_windows=False,
        force_jupyter=False,
        _environ={},
    )
