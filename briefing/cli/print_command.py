"""`briefing print [FILE]`: the summary of the book, for the terminal, a file or a printer.

Formats: ansi (coloured terminal text), text, markdown, html (self-contained, print-ready), svg.
With no --format, a terminal gets ansi; a pipe or file gets plain text with no escape sequences, and so
does a terminal when NO_COLOR is set or TERM is `dumb`. `--format ansi` forces colour anywhere.

Output is always encoded as UTF-8 and written to `sys.stdout.buffer` (or to the --output file), never
through the locale's encoding: under LANG=C / LC_ALL=C the non-ASCII text of a briefing (names,
dashes, €, ¶) comes out intact instead of raising UnicodeEncodeError. A terminal that does not show
UTF-8 will show those characters wrongly but the command never fails because of them.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import shutil
import stat
import sys
from collections.abc import Callable
from pathlib import Path

from briefing.cli.common import add_file_argument, load_from_options, subcommand_parser
from briefing.cli.exit_codes import ExitCode
from briefing.cli.streams import say
from briefing.files import write_atomic
from briefing.model import Briefing
from briefing.render import EXPORT_FORMATS, FORMAT_SUFFIXES, UnknownMeetingError
from briefing.render.export import MIN_WIDTH, ExportTooLargeError, export_chunks

NAME = "print"

FILE_WIDTH = 100
"""Width of text, ansi and svg written to a file when --width is not given (no terminal to measure)."""

SUFFIX_FORMATS = {suffix: format for format, suffix in FORMAT_SUFFIXES.items()} | {
    ".htm": "html",
    ".markdown": "markdown",
    ".text": "text",
}
"""With --output and no --format, the format follows the file's suffix (text if it says nothing)."""


def add_parser(subcommands: argparse._SubParsersAction, epilog: str) -> None:
    parser = subcommand_parser(
        subcommands, NAME, "print the summary of the book (terminal, text, Markdown, HTML, SVG)", epilog
    )
    add_file_argument(parser)
    parser.add_argument(
        "--meeting", metavar="ID", action="append", dest="meetings", default=None,
        help="only this meeting (repeat for several): its id, a unique id prefix or words of its title, "
        "any case (`fac`, `nato`, `foreign affairs`); unknown or ambiguous names list the candidates",
    )
    parser.add_argument(
        "--brief", action="store_true",
        help="the brief: per meeting, the principal's positions, key points and figures, each quote once, "
        "no source passages (one A4 page per meeting in HTML)",
    )
    parser.add_argument(
        "--format", choices=EXPORT_FORMATS, default=None,
        help="output format; default: ansi on a colour terminal, otherwise text "
        "(with --output: from the file's suffix)",
    )
    parser.add_argument("--output", "-o", metavar="PATH", type=Path, default=None,
                        help="write to this file (UTF-8) instead of standard output")
    parser.add_argument("--force", action="store_true", help="overwrite an existing --output file")
    parser.add_argument("--width", metavar="N", type=_width, default=None,
                        help=f"line width for ansi, text and svg, {MIN_WIDTH} to {MAX_WIDTH} (default: the "
                        f"terminal's, or {FILE_WIDTH} for a file)")
    parser.add_argument("--no-quotes", action="store_true", help="leave out quotes and the quote appendix")
    parser.add_argument("--notes", action="store_true",
                        help="add your private notes on this book at the end, headed as your own "
                        "(never included otherwise)")
    parser.set_defaults(handler=run)


MAX_WIDTH = 1000
"""Widest --width: wider lines help no reader, and a huge one would make the renderer pad every line."""


def _width(text: str) -> int:
    digits = text.strip()
    if len(digits) > len(str(MAX_WIDTH)) and digits.isdigit():  # also spares int() a 5,000-digit string
        raise argparse.ArgumentTypeError(f"is too wide; the most is {MAX_WIDTH}")
    try:
        width = int(digits)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text[:40]!r}") from None
    if width < MIN_WIDTH:
        raise argparse.ArgumentTypeError(f"{width} is too narrow; the least is {MIN_WIDTH}")
    if width > MAX_WIDTH:
        raise argparse.ArgumentTypeError(f"{width} is too wide; the most is {MAX_WIDTH}")
    return width


def run(options: argparse.Namespace) -> int:
    briefing = load_from_options(options)
    # The book stays alive until exit: keep the collector from walking its million objects again and
    # again while the summary is built (on a 2,000-meeting book that alone took a third of the time).
    gc.freeze()
    output: Path | None = options.output
    if output is not None and (refusal := _refuse_output(output, options.force)):
        say(f"briefing print: {refusal}")
        return int(ExitCode.USAGE)
    format = options.format or (_format_for_file(output) if output else _format_for_stdout())
    width = options.width or (FILE_WIDTH if output else shutil.get_terminal_size((80, 24)).columns)
    try:
        chunks = export_chunks(
            briefing, format, meeting_ids=options.meetings, include_quotes=not options.no_quotes,
            width=min(max(width, MIN_WIDTH), MAX_WIDTH), reader_notes=_reader_notes(briefing, options),
            brief=options.brief, progress=_progress_line(len(briefing.meetings)),
        )
        # Encoded as it is laid out: a big book's summary is held once, as UTF-8, not also as str.
        text = bytearray()
        for chunk in chunks:
            text += chunk.encode("utf-8")
    except (UnknownMeetingError, ExportTooLargeError) as error:
        say(f"briefing print: {error}")
        return int(ExitCode.USAGE)
    if not text.endswith(b"\n"):
        text += b"\n"
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(text)
        sys.stdout.buffer.flush()
        return int(ExitCode.OK)
    try:
        if _is_device_or_pipe(output):  # `-o /dev/null --force`, a named pipe: nothing to replace, just write
            with output.open("wb") as stream:
                stream.write(text)
        else:
            # Whole or not at all: a full disk, an error or a signal leaves any old file as it was.
            write_atomic(output, text, overwrite=options.force)
    except FileExistsError:  # it appeared after the check above; the link that publishes it refuses
        say(f"briefing print: {_exists_message(output)}")
        return int(ExitCode.USAGE)
    except OSError as error:
        say(f"briefing print: cannot write {output}: {error.strerror or error}; nothing was written")
        return int(ExitCode.IO_ERROR)
    say(f"briefing print: wrote the {format} summary to {output}")
    return int(ExitCode.OK)


PROGRESS_FROM = 100
"""Meetings from which a terminal gets a progress line while the summary is laid out."""


def _progress_line(meetings: int) -> Callable[[int, int], None] | None:
    """A progress callback that keeps one line on a terminal's stderr up to date (None: no progress)."""
    stream = sys.stderr
    if meetings < PROGRESS_FROM or stream is None or not stream.isatty():
        return None
    shown = {"percent": -1}

    def show(done: int, total: int) -> None:
        percent = done * 100 // max(total, 1)
        if percent != shown["percent"]:
            shown["percent"] = percent
            end = "\n" if done >= total else ""
            with contextlib.suppress(OSError, ValueError):
                stream.write(f"\rbriefing print: laying out the summary… {percent:3d}%{end}")
                stream.flush()

    return show


def _reader_notes(briefing: Briefing, options: argparse.Namespace) -> list[tuple[str, str]]:
    if not options.notes:
        return []
    # Imported here: printing without --notes must not even open the state database.
    from briefing.state import StateStore
    from briefing.state.reading import notes_for_print

    store = StateStore.open()
    for message in store.take_messages():
        say(f"briefing print: {message}")
    notes = notes_for_print(store, briefing, options.meetings)
    store.close()
    if not notes:
        say("briefing print: you have no notes on this book")
    return notes


def _is_device_or_pipe(path: Path) -> bool:
    # Renaming a file over /dev/null (as root) would replace the device: such targets are written in place.
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def _refuse_output(path: Path, force: bool) -> str | None:
    """Why `path` cannot be written, or None when it can."""
    if path.is_dir():
        return f"{path} is a directory; name a file with --output"
    if path.exists() and not force:
        return _exists_message(path)
    return None


def _exists_message(path: Path) -> str:
    return f"{path} already exists; add --force to overwrite it, or choose another --output"


def _format_for_file(path: Path) -> str:
    return SUFFIX_FORMATS.get(path.suffix.lower(), "text")


def _format_for_stdout() -> str:
    """ansi for a colour-capable terminal; plain text for pipes, files, NO_COLOR and TERM=dumb."""
    if not sys.stdout.isatty():
        return "text"
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return "text"
    return "ansi"
