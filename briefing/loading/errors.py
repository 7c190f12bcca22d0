"""The one error type of loading: a human message saying which file, where, what is wrong and what to do."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path


class LoadFailure(Enum):
    """Why a file cannot be used; the CLI turns it into an exit code (`briefing.cli.exit_codes`)."""

    INVALID = "invalid"
    """The file was read but is not a valid briefing (or does not match its sources)."""
    UNREADABLE = "unreadable"
    """The file is missing, a folder, or cannot be read."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a file, and where."""

    message: str
    field: str | None = None
    """JSON path of the field at fault, e.g. `meetings[0].sessions[2].quotes[0].speaker`."""
    line: int | None = None
    column: int | None = None
    hint: str | None = None
    """What to do about it, when that is more than "fix the value"."""
    detail: tuple[str, ...] = ()
    """Lines shown under the problem, e.g. the item's text and the source's, aligned at the first difference."""

    def describe(self) -> str:
        where = []
        if self.line is not None:
            where.append(f"line {self.line}" + (f", column {self.column}" if self.column else ""))
        if self.field:
            where.append(self.field)
        text = f"{' · '.join(where)}: {self.message}" if where else self.message
        text = f"{text} ({self.hint})" if self.hint else text
        return "\n".join([text, *(f"      {line}" for line in self.detail)])


class BriefingLoadError(Exception):
    """A briefing file that cannot be used, with every problem found in it."""

    def __init__(
        self,
        path: Path,
        summary: str,
        problems: list[Problem] | None = None,
        *,
        failure: LoadFailure = LoadFailure.INVALID,
        advice: str | None = None,
    ) -> None:
        self.path = path
        self.summary = summary
        self.problems = problems or []
        self.failure = failure
        self.advice = advice
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The whole error as a readable block, with no traceback."""
        lines = [f"{self.path}: {self.summary}"]
        lines += [f"  - {problem.describe()}" for problem in self.problems]
        if self.advice:
            lines.append(self.advice)
        return "\n".join(lines)
