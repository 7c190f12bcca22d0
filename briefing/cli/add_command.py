"""`briefing add FILE... [--library DIR] [--replace]`: check books and copy them (with sources) into the library.

An invalid book is refused with the messages of `briefing validate`; a book whose id another book
of the library already has is refused unless `--replace` (which replaces `LIBRARY/<id>/` only).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from briefing.cli.common import add_library_argument, subcommand_parser
from briefing.cli.exit_codes import ExitCode, exit_code_for
from briefing.cli.streams import say
from briefing.loading import BriefingLoadError
from briefing.render.safety import safe_text

NAME = "add"


def add_parser(subcommands: argparse._SubParsersAction, epilog: str) -> None:
    parser = subcommand_parser(subcommands, NAME, "check books and copy them into the library", epilog)
    parser.add_argument("files", metavar="FILE", nargs="+", type=Path, help="briefing files to add")
    add_library_argument(parser)
    parser.add_argument("--replace", action="store_true",
                        help="replace a different book with the same id (LIBRARY/<id>/)")
    parser.add_argument(
        "--no-source-check", action="store_true",
        help="add books whose source texts are not beside them (as `briefing validate --no-source-check`)",
    )
    parser.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    """Add every file; the exit code is the worst one (74 over 66 over 65 over 2 over 0)."""
    from briefing.cli.library_support import chosen_library
    from briefing.library import LibraryIndex
    from briefing.library.adding import BookConflictError, add_book

    library = chosen_library(options)
    index = LibraryIndex.open(library)
    worst = ExitCode.OK
    for path in options.files:
        try:
            added = add_book(path, library, replace=options.replace, index=index,
                             source_check=not options.no_source_check)
        except BriefingLoadError as error:
            say(error.message)
            worst = max(worst, exit_code_for(error))
            continue
        except BookConflictError as error:
            say(f"briefing add: {error.message}")
            worst = max(worst, ExitCode.USAGE)
            continue
        except OSError as error:
            say(f"briefing add: {path}: cannot write into {library}: {error.strerror or error}")
            worst = max(worst, ExitCode.IO_ERROR)
            continue
        print(safe_text(f"{path}: {added.outcome} — {added.briefing.title!r} as {added.path}"))
        if added.missing_sources:
            print(safe_text(f"  (without its source texts, which are not beside it: {', '.join(added.missing_sources)})"))
    index.refresh()
    return int(worst)
