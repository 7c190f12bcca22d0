"""`briefing diff OLD NEW [--format text|markdown|json]`: what changed between two versions of a book.

Item by item: added, removed, and changed with a word-level diff of each changed field. Exit 0 when
both files load (whether or not they differ); load errors exit 65/66 as for every command.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefing.cli.common import subcommand_parser
from briefing.cli.exit_codes import ExitCode
from briefing.cli.streams import say
from briefing.diff import book_items, compare_items
from briefing.diff.formats import DIFF_FORMATS, format_diff
from briefing.loading import load_briefing

NAME = "diff"


def add_parser(subcommands: argparse._SubParsersAction, epilog: str) -> None:
    parser = subcommand_parser(
        subcommands, NAME, "show what changed between two versions of a briefing, item by item", epilog
    )
    parser.add_argument("old", metavar="OLD", type=Path, help="the earlier briefing file")
    parser.add_argument("new", metavar="NEW", type=Path, help="the later briefing file")
    parser.add_argument("--format", choices=DIFF_FORMATS, default="text", help="output format (default: text)")
    parser.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    old, new = load_briefing(options.old), load_briefing(options.new)
    if old.id != new.id:
        say(f"briefing diff: note: the books have different ids ({old.id!r}, {new.id!r}); comparing them anyway")
    diff = compare_items(book_items(old), book_items(new))
    text = format_diff(diff, str(options.old), str(options.new), options.format)
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()
    return int(ExitCode.OK)
