"""Export the summary in every format from the one document structure.

text, ansi and svg go through Rich (`Console(record=True)`, `export_text`, `export_svg`); markdown
and html through their own small writers. The console is isolated from the environment (`_environ`),
so NO_COLOR, COLUMNS or TERM of the calling process never change an export: the caller decides the
format, and `briefing print` decides it from the terminal.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence

from rich._export_format import CONSOLE_SVG_FORMAT
from rich.console import Console, RenderableType
from rich.terminal_theme import MONOKAI

from briefing.model import Briefing
from briefing.render.html_writer import render_html
from briefing.render.markdown_writer import render_markdown
from briefing.render.rich_writer import render_document
from briefing.render.summary import build_summary

EXPORT_FORMATS = ("ansi", "text", "markdown", "html", "svg")
"""Every format `export_summary` writes, in the order `briefing print --help` lists them."""

FORMAT_SUFFIXES = {"ansi": ".ans", "text": ".txt", "markdown": ".md", "html": ".html", "svg": ".svg"}
"""The file suffix that goes with each format."""

OFFLINE_SVG_FORMAT = re.sub(r"@font-face \{\{.*?\}\}\s*", "", CONSOLE_SVG_FORMAT, flags=re.DOTALL)
"""Rich's SVG template without its web-font `@font-face` rules: the file must not reach for the network."""

MIN_WIDTH = 20
"""Below this, tables and block quotes cannot lay out at all."""


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
) -> str:
    """The summary in `format` (one of `EXPORT_FORMATS`) as text; `width` applies to text, ansi, svg.

    `brief` gives the brief instead: per meeting, positions, key points and figures, no passages.
    `meeting_ids` may hold ids, unique id prefixes or title words (`briefing.render.selection`).

    Raises `ValueError` for an unknown format or a width below `MIN_WIDTH`, and `UnknownMeetingError`
    (a `ValueError`) when a meeting id is not in the briefing.
    """
    if format not in EXPORT_FORMATS:
        raise ValueError(f"unknown format {format!r}; choose one of: {', '.join(EXPORT_FORMATS)}")
    if width < MIN_WIDTH:
        raise ValueError(f"width {width} is too narrow; the least is {MIN_WIDTH}")
    document = build_summary(briefing, meeting_ids, include_quotes, reader_notes, brief=brief)
    if format == "markdown":
        return render_markdown(document)
    if format == "html":
        return render_html(document)
    console = _recording_console(width, colour=format != "text")
    console.print(render_document(document))
    if format == "svg":
        return console.export_svg(title=document.title, theme=MONOKAI, code_format=OFFLINE_SVG_FORMAT)
    if format == "ansi":
        return console.export_text(styles=True)
    # Rich pads table rows and centred lines with spaces; in plain text they are only noise.
    return "\n".join(line.rstrip() for line in console.export_text(styles=False).split("\n"))


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
