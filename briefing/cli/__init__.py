"""The `briefing` command: open the app, validate, print, search, and the JSON Schema.

Each sub-command lives in its own module with `add_parser(subcommands)`; this module only wires
them together and turns load errors into a message and an exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from briefing import __version__
from briefing.cli import app_command, print_command, schema_command, search_command, validate_command
from briefing.loading import BriefingLoadError, ExitCode

COMMAND_MODULES = [app_command, validate_command, search_command, print_command, schema_command]
"""Sub-commands, in the order `--help` lists them. The first one is what a bare `briefing` runs."""

EXIT_CODES_HELP = """\
exit codes:
  0   success
  1   `briefing search` found nothing
  2   usage error (unknown option, invalid query, refused output file)
  65  the briefing file is not a valid briefing
  66  the briefing file is missing or cannot be read

With no FILE, the bundled sample briefing (11 April 2022) is used.
briefing never opens a network connection.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="A terminal briefing book: read, search, quote and print, offline.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    subcommands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.add_parser(subcommands, epilog=EXIT_CODES_HELP)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `briefing` and `python -m briefing`; returns the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not _names_a_command(arguments, parser):
        arguments.insert(0, COMMAND_MODULES[0].NAME)  # `briefing [FILE]` opens the app
    try:
        options = parser.parse_args(arguments)
        return int(options.handler(options))
    except BriefingLoadError as error:
        print(error.message, file=sys.stderr)
        return int(error.exit_code)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `briefing print | head` closed the pipe: nothing more to say, and nothing to report.
        sys.stderr.close()
        return int(ExitCode.OK)


def _names_a_command(arguments: list[str], parser: argparse.ArgumentParser) -> bool:
    if not arguments:
        return False
    first = arguments[0]
    return first in {module.NAME for module in COMMAND_MODULES} or first in {"-h", "--help", "--version"}
