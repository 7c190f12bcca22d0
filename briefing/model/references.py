"""Cross-reference rules of a briefing: unique ids, references that resolve, dates that fit.

Every problem is collected, with the path of the field at fault, so that whoever fixes a file sees
all of them at once instead of one per attempt.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic_core import PydanticCustomError

from briefing.model.items import Location, iter_nodes
from briefing.model.numbers import agrees, read_number

if TYPE_CHECKING:
    from briefing.model.types import Briefing, Figure, Meeting, Session

_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")

REFERENCE_ERROR_TYPE = "broken_references"
"""The Pydantic error type under which all cross-reference problems are reported together."""


@dataclass(frozen=True, slots=True)
class ReferenceProblem:
    """One broken rule, with where it is."""

    location: Location
    message: str


def raise_for_reference_problems(briefing: Briefing) -> None:
    """Raise one Pydantic error listing every reference problem; the loader unpacks `ctx["problems"]`."""
    problems = list(find_reference_problems(briefing))
    if not problems:
        return
    summary = "; ".join(f"{format_location(p.location)}: {p.message}" for p in problems)
    raise PydanticCustomError(
        REFERENCE_ERROR_TYPE,
        "{count} cross-reference problem(s): {summary}",
        {"count": len(problems), "summary": summary, "problems": problems},
    )


def format_location(location: Location) -> str:
    """`("meetings", 0, "id")` → `meetings[0].id`, the way people read JSON paths."""
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part}]"
        elif _PLAIN_KEY.fullmatch(part):
            text += f".{part}" if text else part
        else:  # a key from the file itself: quoted and escaped, so that no control character reaches a terminal
            text += f"[{json.dumps(part)}]"
    return text or "(top level)"


def find_reference_problems(briefing: Briefing) -> Iterator[ReferenceProblem]:
    """Every broken id, dangling reference and misplaced date of `briefing`, in document order."""
    if briefing.end < briefing.start:
        yield ReferenceProblem(("end",), f"the book ends ({briefing.end}) before it starts ({briefing.start})")

    seen: dict[str, Location] = {}

    def claim(identifier: str, location: Location) -> Iterator[ReferenceProblem]:
        if identifier in seen:
            yield ReferenceProblem(
                location, f"id {identifier!r} is already used at {format_location(seen[identifier])}"
            )
        else:
            seen[identifier] = location

    for field in ("sources", "organisations", "people", "referenced_meetings"):
        for i, entry in enumerate(getattr(briefing, field)):
            yield from claim(entry.id, (field, i, "id"))
    for located in iter_nodes(briefing):
        yield from claim(located.item.id, (*located.path, "id"))

    documents = {d.id for d in briefing.sources}
    people = {p.id for p in briefing.people}
    organisations = {o.id for o in briefing.organisations}
    actors = people | organisations

    def expect(identifier: str | None, known: set[str], what: str, location: Location) -> Iterator[ReferenceProblem]:
        if identifier is not None and identifier not in known:
            yield ReferenceProblem(location, f"no {what} has the id {identifier!r}")

    yield from expect(briefing.principal, people, "person", ("principal",))
    for i, referenced in enumerate(briefing.referenced_meetings):
        for r, ref in enumerate(referenced.sources):
            yield from expect(ref.document, documents, "source document", ("referenced_meetings", i, "sources", r, "document"))
    for i, person in enumerate(briefing.people):
        yield from expect(person.organisation, organisations, "organisation", ("people", i, "organisation"))

    for located in iter_nodes(briefing):
        if located.kind == "meeting":
            yield from _meeting_problems(briefing, located.item, located.path, organisations, actors)
        elif located.kind == "session":
            yield from _session_problems(located.meeting, located.item, located.path, actors)
        elif located.kind == "quote":
            yield from expect(located.item.speaker, people, "person", (*located.path, "speaker"))
        for r, ref in enumerate(located.sources):
            # One `source`, or a list of `sources`: the path says which.
            at = (*located.path, "source") if hasattr(located.item, "source") else (*located.path, "sources", r)
            yield from expect(ref.document, documents, "source document", (*at, "document"))
        if located.kind == "figure" and briefing.schema_version >= 2:
            yield from _figure_problems(located.item, located.path)


def _figure_problems(figure: Figure, here: Location) -> Iterator[ReferenceProblem]:
    if not agrees(figure.value, figure.as_written):
        stated = read_number(figure.as_written)
        yield ReferenceProblem(
            (*here, "value"),
            f"the value {figure.value} does not agree with as_written {figure.as_written!r}, "
            f"which states {stated.value if stated else '?'}",
        )


def _meeting_problems(
    briefing: Briefing, meeting: Meeting, here: Location, organisations: set[str], actors: set[str]
) -> Iterator[ReferenceProblem]:
    if meeting.organiser is not None and meeting.organiser not in organisations:
        yield ReferenceProblem((*here, "organiser"), f"no organisation has the id {meeting.organiser!r}")
    yield from _participant_problems(meeting.participants, actors, here)
    if not (briefing.start <= meeting.start and meeting.end <= briefing.end):
        yield ReferenceProblem(
            (*here, "start"),
            f"the meeting ({meeting.start}–{meeting.end}) falls outside the book's dates "
            f"({briefing.start}–{briefing.end})",
        )


def _session_problems(meeting: Meeting, session: Session, at: Location, actors: set[str]) -> Iterator[ReferenceProblem]:
    if not meeting.start <= session.date <= meeting.end:
        yield ReferenceProblem(
            (*at, "date"),
            f"the session's date {session.date} is outside its meeting ({meeting.start}–{meeting.end})",
        )
    yield from _participant_problems(session.participants, actors, at)


def _participant_problems(participants: Iterable[str], actors: set[str], here: Location) -> Iterator[ReferenceProblem]:
    for p, participant in enumerate(participants):
        if participant not in actors:
            yield ReferenceProblem(
                (*here, "participants", p), f"no person or organisation has the id {participant!r}"
            )
