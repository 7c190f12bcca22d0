"""What every sub-command shares: the FILE argument and loading it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from briefing.loading import load_briefing, sample_path
from briefing.model import Briefing
from briefing.render.safety import safe_text

DASH_WORD_MARK = "\0"
"""Put before a `-word` that is a positional argument while argparse parses (no argument can hold NUL)."""


class SafeArgumentParser(argparse.ArgumentParser):
    """argparse, with two changes every sub-command gets (sub-parsers are made of the same class).

    * Its messages, which quote what the user typed, are made terminal-safe (`safe_text`).
    * With `dash_words_are_positional` set, a `-word` that is none of the parser's options is taken
      as a positional argument: `briefing search -russia` searches for items without "russia"
      instead of failing with "unrecognized arguments".
    * A sub-command takes its options anywhere, also between its positional arguments
      (`briefing search QUERY --json FILE`): plain argparse fills every positional from the first run of
      them, so FILE after an option was "unrecognized".
    """

    dash_words_are_positional = False
    _intermixing = False

    def _print_message(self, message: str, file: IO[str] | None = None) -> None:
        # argparse swallows a failed write: `--version >&-` or `--help > /dev/full` exited 0 having
        # written nothing. Written and flushed here, the error reaches `main`, which reports it (74).
        if message:
            stream = file or sys.stderr
            stream.write(safe_text(message))
            stream.flush()

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if args is None:
            return super().parse_known_args(args, namespace)
        marked = self._marked(list(args)) if self.dash_words_are_positional else list(args)
        options, extras = self._parse_any_order(marked, namespace)
        if not self.dash_words_are_positional:
            return options, extras
        for name, value in vars(options).items():
            if isinstance(value, (str, Path)) and str(value).startswith(DASH_WORD_MARK):
                setattr(options, name, type(value)(str(value)[len(DASH_WORD_MARK):]))
        return options, [extra.removeprefix(DASH_WORD_MARK) for extra in extras]

    def _parse_any_order(
        self, args: list[str], namespace: argparse.Namespace | None
    ) -> tuple[argparse.Namespace, list[str]]:
        """Options and positionals in any order (argparse's intermixed parsing), for a parser without
        sub-commands of its own (the top level and `notes` dispatch to theirs)."""
        if self._intermixing or self._subparsers is not None:
            return super().parse_known_args(args, namespace)
        self._intermixing = True  # parse_known_intermixed_args calls parse_known_args itself
        try:
            return self.parse_known_intermixed_args(args, namespace)
        finally:
            self._intermixing = False

    def _marked(self, args: list[str]) -> list[str]:
        marked: list[str] = []
        takes_value = False
        for position, token in enumerate(args):
            if token == "--":
                return marked + args[position:]
            action = self._option_string_actions.get(token.split("=", 1)[0])
            # Only `-word`: an unknown `--option` is still a mistake worth an error.
            if takes_value or action is not None or not token.startswith("-") or token.startswith("--") or token == "-":
                takes_value = action is not None and "=" not in token and action.nargs not in (0, "?")
                marked.append(token)
            else:
                marked.append(DASH_WORD_MARK + token)
        return marked


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
