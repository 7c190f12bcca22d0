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

    # Plain checks inline, a problem built only when there is one: a big book has 66,000 nodes, and a
    # helper generator per check and node was most of the cost of validating it.
    seen: dict[str, Location] = {}
    for field in ("sources", "organisations", "people", "referenced_meetings"):
        for i, entry in enumerate(getattr(briefing, field)):
            if entry.id in seen:
                yield _reused(entry.id, (field, i, "id"), seen)
            else:
                seen[entry.id] = (field, i, "id")
    for located in iter_nodes(briefing):
        identifier = located.item.id
        if identifier in seen:
            yield _reused(identifier, (*located.path, "id"), seen)
        else:
            seen[identifier] = (*located.path, "id")

    documents = {d.id for d in briefing.sources}
    people = {p.id for p in briefing.people}
    organisations = {o.id for o in briefing.organisations}
    actors = people | organisations

    def unknown(identifier: str | None, known: set[str], what: str, location: Location) -> Iterator[ReferenceProblem]:
        if identifier is not None and identifier not in known:
            yield ReferenceProblem(location, f"no {what} has the id {identifier!r}")

    yield from unknown(briefing.principal, people, "person", ("principal",))
    for i, referenced in enumerate(briefing.referenced_meetings):
        for r, ref in enumerate(referenced.sources):
            yield from unknown(ref.document, documents, "source document", ("referenced_meetings", i, "sources", r, "document"))
    for i, person in enumerate(briefing.people):
        yield from unknown(person.organisation, organisations, "organisation", ("people", i, "organisation"))

    checks_figures = briefing.schema_version >= 2
    for located in iter_nodes(briefing):
        kind = located.kind
        if kind == "meeting":
            yield from _meeting_problems(briefing, located.item, located.path, organisations, actors)
        elif kind == "session":
            yield from _session_problems(located.meeting, located.item, located.path, actors)
        elif kind == "quote" and located.item.speaker not in people:
            yield from unknown(located.item.speaker, people, "person", (*located.path, "speaker"))
        sources = located.sources
        if sources and any(ref.document not in documents for ref in sources):
            for r, ref in enumerate(sources):
                # One `source`, or a list of `sources`: the path says which.
                at = (*located.path, "source") if hasattr(located.item, "source") else (*located.path, "sources", r)
                yield from unknown(ref.document, documents, "source document", (*at, "document"))
        if kind == "figure" and checks_figures:
            yield from _figure_problems(located.item, located.path)


def _reused(identifier: str, location: Location, seen: dict[str, Location]) -> ReferenceProblem:
    return ReferenceProblem(location, f"id {identifier!r} is already used at {format_location(seen[identifier])}")


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
