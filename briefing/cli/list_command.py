"""`briefing list [--library DIR] [--json]`: the books of the library, newest and upcoming first.

Invalid books are listed too (last), each with its first problem; `briefing validate FILE` shows all.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from briefing.cli.common import add_library_argument, subcommand_parser
from briefing.cli.exit_codes import ExitCode
from briefing.cli.streams import say
from briefing.render.safety import safe_json, safe_text

NAME = "list"


def add_parser(subcommands: argparse._SubParsersAction, epilog: str) -> None:
    parser = subcommand_parser(subcommands, NAME, "list the books of the library", epilog)
    add_library_argument(parser)
    parser.add_argument("--json", action="store_true", help="one JSON object per book and line")
    parser.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    from briefing.cli.library_support import chosen_library, refreshed_index
    from briefing.library import sort_newest_first

    library = chosen_library(options)
    index, _ = refreshed_index(library)
    books = sort_newest_first(index.books())
    today = dt.date.today()
    for book in books:
        if options.json:
            record = {
                "path": str(book.path), "id": book.briefing_id or None, "title": book.title or None,
                "start": book.start.isoformat() if book.start else None,
                "end": book.end.isoformat() if book.end else None,
                "meetings": book.meetings, "classification": book.classification or None,
                "status": book.status(today), "valid": book.is_valid, "errors": list(book.errors),
            }
            sys.stdout.write(safe_json(json.dumps(record, ensure_ascii=False)) + "\n")
        elif book.is_valid:
            dates = f"{book.start} – {book.end}" if book.start != book.end else f"{book.start}"
            meetings = f"{book.meetings} meeting{'s' if book.meetings != 1 else ''}"
            print(safe_text(f"{dates}  {book.title}  ({meetings}, {book.status(today)})  {book.path}"))
        else:
            print(safe_text(f"INVALID  {book.path}: {(book.first_error.splitlines() or [''])[0]}"))
    if not options.json:
        say(f"{len(books):,} books in {library}")
    return int(ExitCode.OK)
