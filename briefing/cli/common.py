"""What every sub-command shares: the FILE argument and loading it."""

from __future__ import annotations

import argparse
from pathlib import Path

from briefing.loading import load_briefing, sample_path
from briefing.model import Briefing


def add_file_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", metavar="FILE", nargs="?", type=Path, default=None,
        help="briefing file (JSON); the bundled sample if omitted",
    )


def briefing_path(options: argparse.Namespace) -> Path:
    """The FILE the user named, or the bundled sample."""
    return options.file if options.file is not None else sample_path()


def load_from_options(options: argparse.Namespace) -> Briefing:
    """Load FILE (or the sample); a `BriefingLoadError` reaches `main`, which prints it."""
    return load_briefing(briefing_path(options))


def subcommand_parser(
    subcommands: argparse._SubParsersAction, name: str, help_text: str, epilog: str
) -> argparse.ArgumentParser:
    return subcommands.add_parser(
        name, help=help_text, description=help_text, epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


LIBRARY_HELP = "library folder (default: $BRIEFING_LIBRARY, else the user's data folder)"


def add_library_argument(parser: argparse.ArgumentParser, *, optional_value: bool = False) -> None:
    """`--library DIR`; with `optional_value`, a bare `--library` means the default library."""
    if optional_value:
        parser.add_argument("--library", metavar="DIR", nargs="?", const="", default=None, help=LIBRARY_HELP)
    else:
        parser.add_argument("--library", metavar="DIR", default=None, help=LIBRARY_HELP)
