"""Exit codes of the `briefing` command, and how a load failure maps to one.

sysexits.h numbers where one fits, so that scripts can tell "your file is wrong" (65) from "your file
is not there" (66) from "the disk refused the write" (74). The lower layers only say what went wrong
(`briefing.loading.LoadFailure`); the number is the command line's business.
"""

from __future__ import annotations

from enum import IntEnum

from briefing.loading import BriefingLoadError, LoadFailure


class ExitCode(IntEnum):
    """Exit codes of the `briefing` command."""

    OK = 0
    NO_MATCH = 1
    """`briefing search` found nothing, as grep does."""
    USAGE = 2
    """Unknown option, invalid query, refused output file."""
    DATA_ERROR = 65
    """EX_DATAERR: the briefing file was read but is not a valid briefing."""
    NO_INPUT = 66
    """EX_NOINPUT: the briefing file is missing or cannot be read."""
    IO_ERROR = 74
    """EX_IOERR: output could not be written (disk full, permission, closed standard output), or the app has
    no terminal (standard input or error closed or redirected)."""
    INTERRUPTED = 130
    """Stopped with ctrl+c (128 + SIGINT, as shells report it)."""


FAILURE_CODES: dict[LoadFailure, ExitCode] = {
    LoadFailure.INVALID: ExitCode.DATA_ERROR,
    LoadFailure.UNREADABLE: ExitCode.NO_INPUT,
}


def exit_code_for(error: BriefingLoadError) -> ExitCode:
    """The exit code that reports `error`."""
    return FAILURE_CODES[error.failure]


EXIT_CODES_HELP = """\
exit codes:
  0   success
  1   `briefing search` found nothing
  2   usage error (unknown option, invalid query, refused output file)
  65  the briefing file is not a valid briefing
  66  the briefing file is missing or cannot be read
  74  output could not be written (disk full, standard output closed), or no terminal for the app
  130 interrupted (ctrl+c)
"""
"""The `exit codes:` block of `briefing --help` and every sub-command's help."""
