"""`briefing [FILE] [--library DIR]`: open a briefing book, or the library, in the terminal app.

With no FILE the library opens (`--library DIR`, else `BRIEFING_LIBRARY`, else the user's data
folder); a library with no book opens the bundled sample, and one with a single book opens that book,
so that a new user's first `briefing` shows a book at once.

The file is loaded (and checked) before the app starts: a load error is printed on the ordinary
terminal by `briefing.cli.main`, with its exit code, and the app never starts on invalid data.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from typing import TYPE_CHECKING

from briefing.cli.common import add_file_argument, add_library_argument, subcommand_parser
from briefing.cli.exit_codes import ExitCode
from briefing.cli.streams import say

if TYPE_CHECKING:
    from briefing.model import Briefing
    from briefing.tui.app import BriefingApp

NAME = "open"


def add_parser(subcommands: argparse._SubParsersAction, epilog: str) -> None:
    parser = subcommand_parser(subcommands, NAME, "open a briefing book (the default command)", epilog)
    add_file_argument(parser)
    add_library_argument(parser)
    parser.add_argument("--top", action="store_true",
                        help="start at the Overview instead of where you left off (tab, item, scroll)")
    parser.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    # Imported here so that `briefing validate` and friends do not pay for importing Textual.
    from briefing.tui.terminal import TerminalUnusable, measured_where_drawn

    app = choose_app(options)  # a bad file is reported first, with its own exit code
    app.driver_class = measured_where_drawn(app.driver_class)  # `briefing > log` still fills the window
    freeze_what_is_loaded(app)
    from briefing.cli.ending import end_on_signals

    end_on_signals(app)  # `kill` ends it even when its terminal no longer takes output
    try:
        app.run()
    except TerminalUnusable as unusable:
        if unusable.dumb:
            return _print_instead(app.briefing) if app.briefing is not None else _list_instead(options)
        say(f"briefing: {unusable.reason}. Run it in a terminal, or use `briefing print` or `briefing search`.")
        return int(ExitCode.IO_ERROR)
    finally:
        from briefing.files import remove_unfinished

        remove_unfinished()  # an export still being written when the app ended leaves no temporary file
        _finish_first_reading(app)
    return int(app.return_code or 0)


def _finish_first_reading(app: BriefingApp) -> None:
    """A first reading closed before its baseline was recorded: record it now, with the terminal already
    given back (`briefing.state.reading`), saying why the prompt waits when that takes a while."""
    from briefing.state import reading

    if app.reader is None or app.reader.pending != reading.FIRST_READING:
        return
    if len(app.reader.items) > reading.COMPARED_AT_ONCE:  # a big book: a second or two
        say("briefing: noting this first reading of the book, so that its next version shows what changed…")
    app.reader.finish_opening()


def choose_app(options: argparse.Namespace) -> BriefingApp:
    """FILE's book; else the library, unless it holds fewer than two books (then the one, or the sample)."""
    from briefing.tui.app import make_app, make_library_app

    if options.file is not None:
        return make_app(options.file, start_at_top=getattr(options, "top", False))
    from briefing.cli.library_support import chosen_library
    from briefing.library import book_files

    library = chosen_library(options)
    books = book_files(library, at_most=2)
    return make_library_app(library) if len(books) > 1 else make_app(books[0] if books else None)


def freeze_what_is_loaded(app: BriefingApp) -> None:
    """Move every object alive now (the loaded book: some 100k long-lived objects, no cycles) to the
    permanent generation, so that full collections no longer walk them (50–80 ms pauses, mid-keystroke,
    on large books). The collector stays off (`briefing.cli.main` turned it off for the start) until the
    app has built what follows the first frame, which is then frozen too (`briefing.tui.memory`).
    No collection first: with the collector off since the start there is next to no garbage to free
    (a few hundred objects), and a full collection would cost the first frame tens of milliseconds.
    Done once per process, by the command line only: never in code tests call often."""
    from briefing.tui.memory import CollectorHold

    app.collector = CollectorHold()
    app.collector.hold()


def _print_instead(briefing: Briefing) -> int:
    """TERM=dumb (Emacs shell, some serial consoles) cannot draw the app: print the summary as text."""
    # Imported here: opening the app must not pay for the exporters (tests/test_layers.py checks it).
    from briefing.render import export_summary
    from briefing.render.export import MIN_WIDTH

    say("briefing: this terminal (TERM=dumb) cannot show the full-screen app; here is the book as "
        "text instead (`briefing print`). Set TERM to your terminal's type to read it interactively.")
    width = shutil.get_terminal_size((80, 24)).columns
    sys.stdout.write(export_summary(briefing, "text", width=max(width, MIN_WIDTH)).rstrip("\n") + "\n")
    return int(ExitCode.OK)


def _list_instead(options: argparse.Namespace) -> int:
    """TERM=dumb and a library: list its books as `briefing list` does."""
    from briefing.cli import list_command

    say("briefing: this terminal (TERM=dumb) cannot show the library screen; here are its books "
        "(`briefing list`). Open one with `briefing FILE`.")
    return list_command.run(argparse.Namespace(library=options.library, json=False))
