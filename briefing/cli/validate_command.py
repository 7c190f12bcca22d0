"""`briefing validate FILE...`: one verdict line per file, or its problems."""

from __future__ import annotations

import argparse
from pathlib import Path

from briefing.cli.common import subcommand_parser
from briefing.cli.exit_codes import ExitCode, exit_code_for
from briefing.cli.streams import say
from briefing.loading import BriefingLoadError, load_briefing, sample_path
from briefing.model import Briefing
from briefing.render.safety import safe_text

NAME = "validate"


def add_parser(subcommands: argparse._SubParsersAction, epilog: str) -> None:
    parser = subcommand_parser(subcommands, NAME, "check briefing files and say what each holds", epilog)
    parser.add_argument("files", metavar="FILE", nargs="*", type=Path, help="briefing files; the sample if none")
    parser.set_defaults(handler=run)


def verdict(briefing: Briefing) -> str:
    """One line saying what a valid briefing holds."""
    sessions = sum(len(meeting.sessions) for meeting in briefing.meetings)
    quotes = sum(len(session.quotes) for meeting in briefing.meetings for session in meeting.sessions)
    return (
        f"{briefing.title!r}: {len(briefing.meetings)} meetings, {sessions} sessions, {quotes} quotes"
    )


def run(options: argparse.Namespace) -> int:
    """Check every file; the exit code is the worst one (66 over 65 over 0)."""
    worst = ExitCode.OK
    for path in options.files or [sample_path()]:
        try:
            briefing = load_briefing(path)
        except BriefingLoadError as error:
            say(error.message)
            worst = max(worst, exit_code_for(error))
            continue
        print(safe_text(f"{path}: valid — {verdict(briefing)}"))
    return int(worst)
