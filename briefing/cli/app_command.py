"""`briefing [FILE]`: open the briefing book.

The app is not built yet: for now this validates the file and says so.
"""

from __future__ import annotations

import argparse

from briefing.cli.common import add_file_argument, briefing_path, load_from_options, subcommand_parser
from briefing.cli.validate_command import verdict

NAME = "open"


def add_parser(subcommands: argparse._SubParsersAction, epilog: str) -> None:
    parser = subcommand_parser(subcommands, NAME, "open a briefing book (the default command)", epilog)
    add_file_argument(parser)
    parser.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    briefing = load_from_options(options)
    print(f"{briefing_path(options)}: valid — {verdict(briefing)}")
    print("The reading app is not available in this version yet; the file was only validated.")
    return 0
