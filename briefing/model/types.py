"""The briefing model: what a briefing book holds, as immutable, validated Pydantic types.

No I/O and no UI here: `loading` turns files into these types, `search`, `render` and `tui` read them.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from briefing.model.references import raise_for_reference_problems

SCHEMA_VERSION = 1
"""Version of the briefing file format; bumped when a file written for the old one would no longer load."""

Identifier = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", min_length=1, max_length=80),
    Field(description="A stable id: lower-case letters, digits and hyphens, e.g. `fac-2022-04-11`."),
]
"""Ids are used in citations, command-line options and search results, so they stay plain ASCII."""

Text = Annotated[str, StringConstraints(min_length=1, max_length=100_000)]
"""Any non-empty piece of prose. Shown as literal text everywhere, never as markup."""

ShortText = Annotated[str, StringConstraints(min_length=1, max_length=500)]
"""Names, titles and labels."""


_Element = TypeVar("_Element")


def _at_least_one(items: tuple[_Element, ...]) -> tuple[_Element, ...]:
    if not items:
        raise ValueError("must hold at least one entry")
    return items


NonEmpty = Annotated[tuple[_Element, ...], AfterValidator(_at_least_one), Field(json_schema_extra={"minItems": 1})]
"""A non-empty tuple. Not `Field(min_length=1)`: that also fires, misleadingly, when an element is invalid."""


def _inside_the_briefing_folder(path: str) -> str:
    # A briefing names its sources; it must not make the reader open files elsewhere (or /dev/zero).
    parts = path.replace("\\", "/").split("/")
    if path.startswith(("/", "\\")) or ":" in parts[0] or ".." in parts:
        raise ValueError("must be a relative path inside the briefing's folder, e.g. `sources/release.txt`")
    if any(ord(character) < 32 or ord(character) == 127 for character in path):
        raise ValueError("must not contain control characters")
    return path


class Frozen(BaseModel):
    """Base of every model type: unknown fields are errors, values never change after loading."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class PartOfDay(StrEnum):
    """When in the day a session took place, as far as the source says."""

    MORNING = "morning"
    MIDDAY = "midday"
    AFTERNOON = "afternoon"
    EVENING = "evening"


class OrganisationKind(StrEnum):
    """What sort of actor an organisation entry is; states are listed as actors too."""

    INTERNATIONAL_ORGANISATION = "international-organisation"
    EU_INSTITUTION = "eu-institution"
    GOVERNMENT_BODY = "government-body"
    STATE = "state"
    GROUP = "group"
    INITIATIVE = "initiative"
    OTHER = "other"


class SourceRef(Frozen):
    """Where a piece of the briefing comes from: a source document and one of its paragraphs."""

    document: Identifier = Field(description="Id of an entry in the briefing's `sources`.")
    paragraph: int = Field(
        ge=1,
        description="1-based number of the paragraph in the source text; paragraphs are separated "
        "by blank lines, and headings count as paragraphs.",
    )


class SourceDocument(Frozen):
    """An official document the briefing was made from."""

    id: Identifier
    title: ShortText
    issuer: ShortText
    published: dt.date
    language: ShortText = Field(description="BCP 47 language tag, e.g. `en`.")
    path: Annotated[ShortText, AfterValidator(_inside_the_briefing_folder)] = Field(
        description="Path of the source text, relative to the briefing file, with `/` between folders; "
        "it stays inside the briefing's folder (no leading `/`, no `..`, no control characters)."
    )
    note: Text | None = None


class Person(Frozen):
    """Someone the book names."""

    id: Identifier
    name: ShortText
    role: ShortText | None = None
    organisation: Identifier | None = Field(default=None, description="Id of an organisation entry.")
    country: ShortText | None = None


class Organisation(Frozen):
    """An organisation, institution, state or group the book names."""

    id: Identifier
    name: ShortText
    acronym: ShortText | None = None
    kind: OrganisationKind = OrganisationKind.OTHER


class Passage(Frozen):
    """A verbatim excerpt of a source paragraph (a heading, a sentence or the whole paragraph)."""

    id: Identifier
    text: Text = Field(description="Copied verbatim from the source paragraph.")
    source: SourceRef
    heading: bool = Field(default=False, description="True when the excerpt is a heading of the source.")


class Point(Frozen):
    """A key point or a position of the principal's country, in the briefing author's words."""

    id: Identifier
    text: Text
    topics: tuple[ShortText, ...] = ()
    sources: NonEmpty[SourceRef]


class Figure(Frozen):
    """A number the source gives, with what it counts."""

    id: Identifier
    value: Decimal = Field(description="The number itself, e.g. 500000000.")
    unit: ShortText = Field(description="What one unit is, e.g. `EUR`, `states`, `partners`.")
    counts: Text = Field(description="What the number counts, e.g. the third EPF tranche.")
    as_written: ShortText = Field(description="The figure as the source writes it, verbatim.")
    ordinal: bool = Field(
        default=False, description="True when the number is a rank (`third tranche` → 3), not a count."
    )
    source: SourceRef


class Quote(Frozen):
    """Words somebody said, verbatim, as the source reports them."""

    id: Identifier
    speaker: Identifier = Field(description="Id of a person entry.")
    text: Text = Field(description="Verbatim, without the surrounding quotation marks.")
    topics: tuple[ShortText, ...] = ()
    source: SourceRef


class Session(Frozen):
    """One part of a meeting: a breakfast, a working session, a dinner."""

    id: Identifier
    title: ShortText
    date: dt.date
    part_of_day: PartOfDay | None = None
    format: ShortText | None = Field(default=None, description="e.g. `breakfast meeting`, `working dinner`.")
    dating_note: Text | None = Field(
        default=None, description="How the date or part of day was established when the source does not say it."
    )
    participants: tuple[Identifier, ...] = Field(default=(), description="Ids of people or organisations.")
    passages: tuple[Passage, ...] = ()
    key_points: tuple[Point, ...] = ()
    positions: tuple[Point, ...] = Field(default=(), description="The principal's country's positions.")
    figures: tuple[Figure, ...] = ()
    quotes: tuple[Quote, ...] = ()


class Meeting(Frozen):
    """A meeting the principal attended, made of sessions in the order they took place."""

    id: Identifier
    title: ShortText
    kind: ShortText = Field(description="e.g. `EU Foreign Affairs Council`, `NATO ministerial`.")
    organiser: Identifier | None = Field(default=None, description="Id of an organisation entry.")
    place: ShortText = Field(description="City, and venue when known.")
    country: ShortText | None = None
    start: dt.date
    end: dt.date
    summary: Text
    participants: tuple[Identifier, ...] = Field(default=(), description="Ids of people or organisations.")
    passages: tuple[Passage, ...] = Field(default=(), description="Source passages about the meeting as a whole.")
    sessions: NonEmpty[Session]

    @model_validator(mode="after")
    def _end_not_before_start(self) -> Meeting:
        if self.end < self.start:
            raise ValueError(f"meeting ends ({self.end}) before it starts ({self.start})")
        return self


class Briefing(Frozen):
    """A briefing book: meetings of one trip or week, for one principal, from official sources."""

    schema_version: Literal[1] = Field(description="Version of this file format; always 1 for now.")
    id: Identifier
    title: ShortText
    issuer: ShortText = Field(description="Who prepared the book.")
    principal: Identifier = Field(description="Id of the person entry of the person briefed.")
    classification: ShortText = Field(description="Marking shown on every screen and page.")
    language: ShortText = Field(description="BCP 47 language tag, e.g. `en`.")
    start: dt.date
    end: dt.date
    dates_note: Text | None = Field(default=None, description="How the dates were established, if inferred.")
    sources: NonEmpty[SourceDocument]
    meetings: NonEmpty[Meeting]
    people: tuple[Person, ...] = ()
    organisations: tuple[Organisation, ...] = ()

    @model_validator(mode="after")
    def _references_resolve(self) -> Briefing:
        raise_for_reference_problems(self)
        return self
