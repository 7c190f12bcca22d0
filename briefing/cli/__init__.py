"""The `briefing` command: open the app, validate, print, search, and the JSON Schema.

Each sub-command lives in its own module with `add_parser(subcommands)`; this module only wires
them together and turns load errors into a message and an exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import signal
import sys
from collections.abc import Sequence

from briefing import __version__

COMMANDS = {
    "open": "briefing.cli.app_command",
    "validate": "briefing.cli.validate_command",
    "search": "briefing.cli.search_command",
    "print": "briefing.cli.print_command",
    "schema": "briefing.cli.schema_command",
    "import": "briefing.cli.import_command",
    "list": "briefing.cli.list_command",
    "add": "briefing.cli.add_command",
    "index": "briefing.cli.index_command",
    "diff": "briefing.cli.diff_command",
    "notes": "briefing.cli.notes_command",
}
"""Sub-command names and their modules, in the order `--help` lists them; the first is the default.

Only the module of the command being run is imported: opening the app should not pay for the
HTML writer, nor `briefing validate` for Textual.
"""

EPILOG_END = """
With no FILE, the bundled sample briefing (11 April 2022) is used.
briefing never opens a network connection.
"""


DEFAULT_COMMAND = "open"
"""What `briefing [FILE]` runs."""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser, with every sub-command, or only the one named (faster to import)."""
    from briefing.cli.common import SafeArgumentParser
    from briefing.cli.exit_codes import EXIT_CODES_HELP

    epilog = EXIT_CODES_HELP + EPILOG_END
    parser = SafeArgumentParser(
        prog="briefing",
        description="A terminal briefing book: read, search, quote and print, offline.",
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    subcommands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        if only is None or name == only:
            importlib.import_module(module_name).add_parser(subcommands, epilog=epilog)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `briefing` and `python -m briefing`; returns the exit code.

    The collector is off while the command starts: importing Textual and Pydantic and loading the book
    make some 100,000 long-lived objects and next to no garbage, and full collections (30-80 ms each)
    would only walk them again. The app turns it back on once the book and what the app builds after
    its first frame are frozen (`app_command.freeze_what_is_loaded`, `briefing.tui.memory`); every
    other command as soon as its arguments are read.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run_command(argv)
    finally:
        if collecting:
            gc.enable()


def _run_command(argv: Sequence[str] | None) -> int:
    # Imported here, with the collector off (see `main`).
    from briefing.cli.exit_codes import ExitCode, exit_code_for
    from briefing.cli.streams import StreamClosed, prepare_streams, say, silence_stdout
    from briefing.files import Terminated
    from briefing.loading import BriefingLoadError

    prepare_streams()
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments or (arguments[0] not in COMMANDS and not arguments[0].startswith("-")) or (
        arguments[0].split("=")[0] == "--library"
    ):
        arguments.insert(0, DEFAULT_COMMAND)  # `briefing [FILE]` and `briefing --library DIR` open the app
    parser = build_parser(only=arguments[0] if arguments[0] in COMMANDS else None)
    try:
        options = parser.parse_args(arguments)
        if options.command is None:  # `briefing --max-x` and the like: argparse has said nothing yet
            parser.error("a command or a FILE is needed")
        if options.command != DEFAULT_COMMAND:
            gc.enable()  # only the app waits for its first frame; batch commands make garbage as they go
        code = int(options.handler(options))
        sys.stdout.flush()  # a full disk or closed pipe shows here, inside the handlers below
        return code
    except BriefingLoadError as error:
        say(error.message)
        return int(exit_code_for(error))
    except KeyboardInterrupt:
        return int(ExitCode.INTERRUPTED)
    except Terminated as stop:
        # SIGTERM/SIGHUP during a write: the partial file is gone; now die of the signal, as callers expect.
        say(f"briefing: stopped by signal {stop.signal_number}; nothing was written")
        signal.signal(stop.signal_number, signal.SIG_DFL)
        os.kill(os.getpid(), stop.signal_number)
        return 128 + stop.signal_number
    except BrokenPipeError:
        # `briefing print | head` closed the pipe: the reader has what it wanted; nothing to report.
        silence_stdout()
        return int(ExitCode.OK)
    except StreamClosed as error:
        say(f"briefing: {error.strerror}, so there is nowhere to write; "
            "redirect it to a file (or to /dev/null) instead of closing it")
        return int(ExitCode.IO_ERROR)
    except OSError as error:
        # Writing the output failed (a full disk behind `> file`, an I/O error): say so, no traceback.
        silence_stdout()
        say(f"briefing: cannot write the output: {error.strerror or error}")
        return int(ExitCode.IO_ERROR)
