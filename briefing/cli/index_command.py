"""`briefing index [--library DIR] [--rebuild]`: bring the library's search index up to date (or make it anew).

Every other library command refreshes the index itself; this one is for doing it ahead of time, and
for `--rebuild` when the cache file is damaged.
"""

from __future__ import annotations

import argparse

from briefing.cli.common import add_library_argument, subcommand_parser
from briefing.cli.exit_codes import ExitCode
from briefing.render.safety import safe_text

NAME = "index"


def add_parser(subcommands: argparse._SubParsersAction, epilog: str) -> None:
    parser = subcommand_parser(subcommands, NAME, "update the library's search index (kept in the user's cache)",
                               epilog)
    add_library_argument(parser)
    parser.add_argument("--rebuild", action="store_true", help="delete the index and build it anew")
    parser.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    from briefing.cli.library_support import chosen_library, refreshed_index

    library = chosen_library(options)
    index, report = refreshed_index(library, rebuild=options.rebuild)
    books = index.books()
    invalid = sum(not book.is_valid for book in books)
    where = index.index_file if index.on_disk else "memory (not kept)"
    print(safe_text(f"{library}: {len(books):,} books ({invalid:,} invalid); index in {where}"))
    print(report.describe())
    return int(ExitCode.OK)
