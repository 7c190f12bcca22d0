"""The briefing model: what a briefing book holds, as immutable, validated Pydantic types.

No I/O and no UI here: `loading` turns files into these types, `search`, `render` and `tui` read them.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from briefing.model.references import raise_for_reference_problems

SCHEMA_VERSION = 2
"""Version of the briefing file format. Version 2 adds what real releases need (paragraph ranges,
truncation, "not stated" facts, approximate figures, aliases, referenced meetings, draft status); every
version 1 file still loads unchanged, and the checks version 2 adds apply to version 2 files only."""

NOT_STATED_HINT = "leave it out (or null) when the source does not state it, and say so in the note"

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


_NOT_SEEN_CATEGORIES = frozenset({"Mn", "Me", "Mc", "Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"})
"""Unicode categories that draw nothing by themselves: marks, controls, format characters, spaces."""

_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
"""Hangul fillers and the blank Braille pattern: letters or symbols by category, drawn as nothing."""


def _visible(text: str) -> str:
    # A marking made only of tag characters or combining marks shows blank: the book would look
    # unmarked. The marking is the one string whose absence misleads, so such a book is refused.
    if not any(unicodedata.category(c) not in _NOT_SEEN_CATEGORIES and c not in _BLANK_LETTERS for c in text):
        raise ValueError("must hold at least one visible letter, digit or sign; this marking would show blank")
    return text


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
    last_paragraph: int | None = Field(
        default=None,
        ge=1,
        description="For an item running over several paragraphs (a quote continued in the next one): the "
        "last paragraph it covers. Its text then holds one part per paragraph, separated by a blank line.",
    )

    @model_validator(mode="after")
    def _range_in_order(self) -> SourceRef:
        if self.last_paragraph is not None and self.last_paragraph < self.paragraph:
            raise ValueError(
                f"last_paragraph ({self.last_paragraph}) comes before paragraph ({self.paragraph})"
            )
        return self

    @property
    def paragraphs(self) -> range:
        """Every paragraph number the reference covers."""
        return range(self.paragraph, (self.last_paragraph or self.paragraph) + 1)

    @property
    def label(self) -> str:
        """`¶7`, or `¶7–8` for a range."""
        if self.last_paragraph is None or self.last_paragraph == self.paragraph:
            return f"¶{self.paragraph}"
        return f"¶{self.paragraph}–{self.last_paragraph}"


class SourceDocument(Frozen):
    """An official document the briefing was made from."""

    id: Identifier
    title: ShortText
    issuer: ShortText
    published: dt.date | None = Field(default=None, description="Date of publication; " + NOT_STATED_HINT + ".")
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
    aliases: tuple[ShortText, ...] = Field(
        default=(), description="Other ways the sources name this person, e.g. `the Tánaiste`, `Minister Lahbib`."
    )
    note: Text | None = Field(default=None, description="How the person was identified, e.g. `named only by title`.")


class Organisation(Frozen):
    """An organisation, institution, state or group the book names."""

    id: Identifier
    name: ShortText
    acronym: ShortText | None = None
    kind: OrganisationKind = OrganisationKind.OTHER
    aliases: tuple[ShortText, ...] = Field(default=(), description="Other names the sources use for it.")
    note: Text | None = None


TRUNCATED = "True when the source breaks off inside this text (a release cut off mid-sentence)."


class Passage(Frozen):
    """A verbatim excerpt of a source paragraph (a heading, a sentence or the whole paragraph)."""

    id: Identifier
    text: Text = Field(description="Copied verbatim from the source paragraph.")
    source: SourceRef
    heading: bool = Field(default=False, description="True when the excerpt is a heading of the source.")
    truncated: bool = Field(default=False, description=TRUNCATED)


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
    approximate: bool = Field(
        default=False, description="True when the source hedges the number: `some 15,000`, `nearly 500`."
    )
    source: SourceRef


class Quote(Frozen):
    """Words somebody said, verbatim, as the source reports them."""

    id: Identifier
    speaker: Identifier = Field(description="Id of a person entry.")
    text: Text = Field(description="Verbatim, without the surrounding quotation marks.")
    topics: tuple[ShortText, ...] = ()
    source: SourceRef
    truncated: bool = Field(default=False, description=TRUNCATED)


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
    place: ShortText | None = Field(default=None, description="City, and venue when known; " + NOT_STATED_HINT + ".")
    place_note: Text | None = Field(default=None, description="How the place was established, or why it is unknown.")
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


class ReferencedMeeting(Frozen):
    """A meeting the sources mention but the principal did not attend: a past summit, an upcoming one."""

    id: Identifier
    title: ShortText
    kind: ShortText | None = None
    place: ShortText | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    note: Text | None = Field(default=None, description="What the sources say of it, in the author's words.")
    sources: NonEmpty[SourceRef]


class BookStatus(StrEnum):
    """A draft (from `briefing import`) validates with warnings and is marked DRAFT everywhere."""

    DRAFT = "draft"
    FINAL = "final"


class Briefing(Frozen):
    """A briefing book: meetings of one trip or week, for one principal, from official sources."""

    schema_version: Literal[1, 2] = Field(description="Version of this file format: 2 (1 still loads).")

    @field_validator("schema_version", mode="before")
    @classmethod
    def _a_number_not_a_boolean(cls, value: object) -> object:
        # `true == 1` in Python, and Pydantic's literal check compares with ==.
        if isinstance(value, bool):
            raise ValueError("must be the number 1 or 2, not true or false")
        return value
    id: Identifier
    title: ShortText
    issuer: ShortText = Field(description="Who prepared the book.")
    principal: Identifier | None = Field(
        default=None,
        description="Id of the person entry of the person briefed; absent when no one is (a Council release).",
    )
    principal_note: Text | None = Field(default=None, description="Why there is no principal, or who it is.")
    status: BookStatus = Field(default=BookStatus.FINAL, description="`draft` until the author has finished it.")
    classification: Annotated[ShortText, AfterValidator(_visible)] = Field(
        description="Marking shown on every screen and page; it must hold at least one visible character."
    )
    language: ShortText = Field(description="BCP 47 language tag, e.g. `en`.")
    start: dt.date
    end: dt.date
    dates_note: Text | None = Field(default=None, description="How the dates were established, if inferred.")
    sources: NonEmpty[SourceDocument]
    meetings: NonEmpty[Meeting]
    people: tuple[Person, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    referenced_meetings: tuple[ReferencedMeeting, ...] = Field(
        default=(), description="Meetings the sources mention but the principal did not attend."
    )

    @model_validator(mode="after")
    def _references_resolve(self) -> Briefing:
        raise_for_reference_problems(self)
        return self
