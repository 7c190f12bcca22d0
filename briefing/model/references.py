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

from briefing.model.numbers import agrees, read_number

if TYPE_CHECKING:
    from briefing.model.types import Briefing, Point, SourceRef

Location = tuple[str | int, ...]
"""A path into the briefing document, as Pydantic writes it: `("meetings", 0, "sessions", 2, "id")`."""

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

    for i, document in enumerate(briefing.sources):
        yield from claim(document.id, ("sources", i, "id"))
    for i, organisation in enumerate(briefing.organisations):
        yield from claim(organisation.id, ("organisations", i, "id"))
    for i, person in enumerate(briefing.people):
        yield from claim(person.id, ("people", i, "id"))
    for i, referenced in enumerate(briefing.referenced_meetings):
        yield from claim(referenced.id, ("referenced_meetings", i, "id"))
    for m, meeting in enumerate(briefing.meetings):
        yield from claim(meeting.id, ("meetings", m, "id"))
        for kind, items in (("passages", meeting.passages),):
            for i, item in enumerate(items):
                yield from claim(item.id, ("meetings", m, kind, i, "id"))
        for s, session in enumerate(meeting.sessions):
            yield from claim(session.id, ("meetings", m, "sessions", s, "id"))
            for kind in ("passages", "key_points", "positions", "figures", "quotes"):
                for i, item in enumerate(getattr(session, kind)):
                    yield from claim(item.id, ("meetings", m, "sessions", s, kind, i, "id"))

    documents = {d.id for d in briefing.sources}
    people = {p.id for p in briefing.people}
    organisations = {o.id for o in briefing.organisations}
    actors = people | organisations

    def expect(identifier: str | None, known: set[str], what: str, location: Location) -> Iterator[ReferenceProblem]:
        if identifier is not None and identifier not in known:
            yield ReferenceProblem(location, f"no {what} has the id {identifier!r}")

    def expect_sources(refs: Iterable[SourceRef], location: Location) -> Iterator[ReferenceProblem]:
        for r, ref in enumerate(refs):
            yield from expect(ref.document, documents, "source document", (*location, r, "document"))

    yield from expect(briefing.principal, people, "person", ("principal",))
    for i, referenced in enumerate(briefing.referenced_meetings):
        yield from expect_sources(referenced.sources, ("referenced_meetings", i, "sources"))
    for i, person in enumerate(briefing.people):
        yield from expect(person.organisation, organisations, "organisation", ("people", i, "organisation"))

    for m, meeting in enumerate(briefing.meetings):
        here: Location = ("meetings", m)
        yield from expect(meeting.organiser, organisations, "organisation", (*here, "organiser"))
        for p, participant in enumerate(meeting.participants):
            yield from expect(participant, actors, "person or organisation", (*here, "participants", p))
        if not (briefing.start <= meeting.start and meeting.end <= briefing.end):
            yield ReferenceProblem(
                (*here, "start"),
                f"the meeting ({meeting.start}–{meeting.end}) falls outside the book's dates "
                f"({briefing.start}–{briefing.end})",
            )
        for i, passage in enumerate(meeting.passages):
            yield from expect(passage.source.document, documents, "source document", (*here, "passages", i, "source", "document"))
        for s, session in enumerate(meeting.sessions):
            at: Location = (*here, "sessions", s)
            if not meeting.start <= session.date <= meeting.end:
                yield ReferenceProblem(
                    (*at, "date"),
                    f"the session's date {session.date} is outside its meeting ({meeting.start}–{meeting.end})",
                )
            for p, participant in enumerate(session.participants):
                yield from expect(participant, actors, "person or organisation", (*at, "participants", p))
            for i, passage in enumerate(session.passages):
                yield from expect(passage.source.document, documents, "source document", (*at, "passages", i, "source", "document"))
            for kind in ("key_points", "positions"):
                point: Point
                for i, point in enumerate(getattr(session, kind)):
                    yield from expect_sources(point.sources, (*at, kind, i, "sources"))
            for i, figure in enumerate(session.figures):
                yield from expect(figure.source.document, documents, "source document", (*at, "figures", i, "source", "document"))
                if briefing.schema_version >= 2 and not agrees(figure.value, figure.as_written):
                    stated = read_number(figure.as_written)
                    yield ReferenceProblem(
                        (*at, "figures", i, "value"),
                        f"the value {figure.value} does not agree with as_written {figure.as_written!r}, "
                        f"which states {stated.value if stated else '?'}",
                    )
            for i, quote in enumerate(session.quotes):
                yield from expect(quote.speaker, people, "person", (*at, "quotes", i, "speaker"))
                yield from expect(quote.source.document, documents, "source document", (*at, "quotes", i, "source", "document"))
