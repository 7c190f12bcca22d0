"""`briefing validate FILE...`: one verdict line per file, or its problems."""

from __future__ import annotations

import argparse
from pathlib import Path

from briefing.cli.common import subcommand_parser
from briefing.cli.exit_codes import ExitCode, exit_code_for
from briefing.cli.streams import say
from briefing.loading import BriefingLoadError, load_briefing, sample_path
from briefing.model import BookStatus, Briefing
from briefing.render.safety import safe_text

NAME = "validate"


def add_parser(subcommands: argparse._SubParsersAction, epilog: str) -> None:
    parser = subcommand_parser(subcommands, NAME, "check briefing files and say what each holds", epilog)
    parser.add_argument("files", metavar="FILE", nargs="*", type=Path, help="briefing files; the sample if none")
    parser.add_argument(
        "--no-source-check", action="store_true",
        help="do not compare quotes, passages and figures with the source texts (a missing source is then no error)",
    )
    parser.set_defaults(handler=run)


def verdict(briefing: Briefing) -> str:
    """One line saying what a valid briefing holds."""
    sessions = sum(len(meeting.sessions) for meeting in briefing.meetings)
    quotes = sum(len(session.quotes) for meeting in briefing.meetings for session in meeting.sessions)
    counts = ", ".join(_counted(number, noun) for number, noun in
                       ((len(briefing.meetings), "meeting"), (sessions, "session"), (quotes, "quote")))
    return f"{briefing.title!r}: {counts}"


def _counted(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def run(options: argparse.Namespace) -> int:
    """Check every file; the exit code is the worst one (66 over 65 over 0)."""
    worst = ExitCode.OK
    for path in options.files or [sample_path()]:
        check = not options.no_source_check
        try:
            briefing = load_briefing(path, check_sources=check, require_sources=check)
        except BriefingLoadError as error:
            say(error.message)
            worst = max(worst, exit_code_for(error))
            continue
        skipped = "" if check else " (verbatim check skipped: --no-source-check)"
        print(safe_text(f"{path}: valid{skipped} — {verdict(briefing)}"))
        for warning in draft_warnings(briefing):
            say(f"{path}: warning: {warning}")
    return int(worst)


def draft_warnings(briefing: Briefing) -> list[str]:
    """What a draft still lacks: it validates, but it is not a book to hand to a principal yet."""
    if briefing.status != BookStatus.DRAFT:
        return []
    sessions = [session for meeting in briefing.meetings for session in meeting.sessions]
    warnings = ['status is "draft": the book is marked DRAFT on every screen and page until it is "final"']
    empty = sum(1 for session in sessions if not session.key_points and not session.positions)
    if empty:
        warnings.append(f"{empty} of {len(sessions)} sessions have no key points or positions yet")
    unknown = sum(1 for session in sessions for quote in session.quotes if quote.speaker == "speaker-to-identify")
    if unknown:
        warnings.append(f"{unknown} quote(s) still have no speaker (speaker-to-identify)")
    if briefing.principal is None:
        warnings.append("no principal is named")
    return warnings
