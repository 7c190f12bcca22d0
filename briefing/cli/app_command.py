"""`briefing [FILE]`: open the briefing book in the terminal app.

The file is loaded (and checked) before the app starts: a load error is printed on the ordinary
terminal by `briefing.cli.main`, with its exit code, and the app never starts on invalid data.
"""

from __future__ import annotations

import argparse

from briefing.cli.common import add_file_argument, briefing_path, subcommand_parser

NAME = "open"


def add_parser(subcommands: argparse._SubParsersAction, epilog: str) -> None:
    parser = subcommand_parser(subcommands, NAME, "open a briefing book (the default command)", epilog)
    add_file_argument(parser)
    parser.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    # Imported here so that `briefing validate` and friends do not pay for importing Textual.
    from briefing.tui.app import make_app

    app = make_app(briefing_path(options))
    app.run()
    return int(app.return_code or 0)
