"""`briefing notes export [FILE]` and `briefing notes import FILE`: move private notes between machines.

Export writes JSON (standard output without FILE); import merges a file made by export into this
machine's notes without duplicating any. Notes are the reader's own: nothing here reads a briefing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefing.cli.common import subcommand_parser
from briefing.cli.exit_codes import ExitCode
from briefing.cli.streams import say
from briefing.files import read_bounded, write_atomic
from briefing.state import StateStore
from briefing.state.exchange import NotesFileError, export_notes, import_notes, parse_notes_file

NAME = "notes"

MAX_IMPORT_BYTES = 64 * 1024 * 1024
"""A notes file larger than this is not one `notes export` wrote for a person."""


def add_parser(subcommands: argparse._SubParsersAction, epilog: str) -> None:
    parser = subcommand_parser(subcommands, NAME, "export or import your private notes and bookmarks (JSON)", epilog)
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write your notes and bookmarks as JSON (to FILE or standard output)")
    export.add_argument("file", metavar="FILE", nargs="?", type=Path, default=None)
    export.add_argument("--book", metavar="ID", default=None, help="only the notes of the book with this id")
    export.add_argument("--force", action="store_true", help="overwrite an existing FILE")
    export.set_defaults(handler=run_export)
    imported = actions.add_parser("import", help="merge notes from a file made by `notes export`")
    imported.add_argument("file", metavar="FILE", type=Path)
    imported.set_defaults(handler=run_import)


def _open_store() -> StateStore:
    store = StateStore.open()
    for message in store.take_messages():
        say(f"briefing notes: {message}")
    return store


def run_export(options: argparse.Namespace) -> int:
    store = _open_store()
    text = export_notes(store, options.book)
    store.close()
    if options.file is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
        return int(ExitCode.OK)
    return write_private_file(options.file, text, options.force)


def write_private_file(path: Path, text: str, force: bool) -> int:
    """Write `text` to `path` readable by the user only; refuse to overwrite unless forced."""
    try:
        write_atomic(path, text, overwrite=force, mode=0o600)
    except FileExistsError:
        say(f"briefing notes: {path} already exists; add --force to overwrite it")
        return int(ExitCode.USAGE)
    except OSError as error:
        say(f"briefing notes: cannot write {path}: {error.strerror or error}")
        return int(ExitCode.IO_ERROR)
    say(f"briefing notes: wrote your notes to {path}")
    return int(ExitCode.OK)


def run_import(options: argparse.Namespace) -> int:
    try:
        text = read_bounded(options.file, MAX_IMPORT_BYTES).decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        say(f"briefing notes: cannot read {options.file}: {reason}")
        return int(ExitCode.NO_INPUT)
    try:
        document = parse_notes_file(text)
    except NotesFileError as error:
        say(f"briefing notes: {options.file} is not a notes export: {error}. Make one with `briefing notes export FILE`.")
        return int(ExitCode.DATA_ERROR)
    store = _open_store()
    counts = import_notes(store, document)
    store.close()
    say(f"briefing notes: {options.file}: {counts.describe()}")
    return int(ExitCode.OK)
