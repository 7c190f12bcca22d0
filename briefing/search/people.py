"""Who's who, below the UI: directory entries, their filter, mentions and appearances.

A mention is a whole-phrase match of a person's name or of an alias the book declares (an
organisation's acronym counts as one), found with the search layer's matcher and folding. No surname
is guessed: "met." or "Jr." are never a person, and a book that names someone by surname alone says
so in that person's `aliases`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from briefing.model import BriefingLookup, Located, Organisation, OrganisationKind, Person
from briefing.search.folding import fold
from briefing.search.matching import (
    Cancelled,
    Field,
    RecordMatch,
    Span,
    Where,
    check_cancelled,
    match_record,
    phrases_query,
)
from briefing.search.query import CompiledQuery

Actor = Person | Organisation


@dataclass(frozen=True, slots=True)
class DirectoryEntry:
    """A person or an organisation, with the fields its filter matches."""

    actor: Actor
    fields: tuple[Field, ...]

    @property
    def id(self) -> str:
        return self.actor.id

    @property
    def is_person(self) -> bool:
        return isinstance(self.actor, Person)


def sort_name(person: Person) -> str:
    """What people are listed by: the last word of the name (ordering only, never matching)."""
    words = person.name.split()
    return words[-1] if words else person.name


def build_entries(
    lookup: BriefingLookup, kind_name: Callable[[OrganisationKind], str] = lambda kind: kind.value
) -> list[DirectoryEntry]:
    """People by last name, then organisations by name (accents and case ignored).

    `kind_name` phrases an organisation's kind so that the filter finds what the list shows.
    """
    people = sorted(lookup.people.values(), key=lambda person: (fold(sort_name(person)), fold(person.name)))
    organisations = sorted(lookup.organisations.values(), key=lambda organisation: fold(organisation.name))
    entries = []
    for person in people:
        organisation = lookup.organisations.get(person.organisation or "")
        fields = [
            Field("name", person.name), *(Field("alias", alias, Where.LABEL) for alias in person.aliases),
            Field("role", person.role or "", Where.LABEL), Field("country", person.country or "", Where.CONTEXT),
            Field("organisation", organisation.name if organisation else "", Where.CONTEXT),
            Field("acronym", (organisation.acronym or "") if organisation else "", Where.CONTEXT),
        ]
        entries.append(DirectoryEntry(person, tuple(field for field in fields if field.text)))
    for organisation in organisations:
        fields = [
            Field("name", organisation.name), Field("acronym", organisation.acronym or "", Where.LABEL),
            *(Field("alias", alias, Where.LABEL) for alias in organisation.aliases),
            Field("kind", kind_name(organisation.kind), Where.CONTEXT),
        ]
        entries.append(DirectoryEntry(organisation, tuple(field for field in fields if field.text)))
    return entries


def filter_entries(
    entries: list[DirectoryEntry], query: CompiledQuery
) -> list[tuple[DirectoryEntry, RecordMatch]]:
    """The entries that satisfy `query` (all of them for a blank query), with where each matched."""
    found = []
    for entry in entries:
        if (match := match_record(query, entry.fields, empty_matches=True)) is not None:
            found.append((entry, match))
    return found


def mention_query(actor: Actor) -> CompiledQuery:
    """Whole-phrase matches of the actor's name, its declared aliases and (an organisation) its acronym."""
    names = [actor.name, *actor.aliases]
    if isinstance(actor, Organisation) and actor.acronym:
        names.append(actor.acronym)
    return phrases_query(names)


def mention_text(located: Located) -> str:
    """The words of an item that can mention someone (a figure: what it counts and how it is written)."""
    if located.kind == "figure":
        return f"{located.item.counts} {located.item.as_written}"
    return located.text


class Role(StrEnum):
    """How an entry takes part in a place of the book."""

    ORGANISER = "organiser"
    PARTICIPANT = "participant"
    SPEAKER = "speaker"
    MENTIONED = "mentioned"


class Group(StrEnum):
    """The headings appearances are listed under, in this order."""

    MEETINGS = "meetings"
    SESSIONS = "sessions"
    QUOTES = "quotes"
    MENTIONS = "mentions"


@dataclass(frozen=True, slots=True)
class Appearance:
    """One place where a person or organisation appears, and what to open to see it.

    `located` is the meeting, session or item; `text` and `spans` are what to quote for it (a
    quote's words, or the item's text with the mention's spans), empty for meetings and sessions.
    """

    group: Group
    role: Role
    located: Located
    text: str = ""
    spans: tuple[Span, ...] = ()

    @property
    def meeting_id(self) -> str:
        return self.located.meeting.id

    @property
    def session_id(self) -> str | None:
        return self.located.session.id if self.located.session is not None else None

    @property
    def item_id(self) -> str | None:
        return self.located.item.id if self.located.kind not in ("meeting", "session") else None


class Participation:
    """Where each person or organisation takes part (organiser, participant, speaker), from one walk of
    the book: the directory asks for one entry after another, and each walk of a big book took long."""

    def __init__(self, lookup: BriefingLookup) -> None:
        self.meetings: dict[str, list[Appearance]] = {}
        self.sessions: dict[str, list[Appearance]] = {}
        self.quotes: dict[str, list[Appearance]] = {}
        for located in lookup.iter_nodes():
            if located.kind == "meeting":
                meeting = located.item
                if meeting.organiser is not None:
                    self.meetings.setdefault(meeting.organiser, []).append(
                        Appearance(Group.MEETINGS, Role.ORGANISER, located))
                for actor_id in dict.fromkeys(meeting.participants):
                    if actor_id != meeting.organiser:
                        self.meetings.setdefault(actor_id, []).append(Appearance(Group.MEETINGS, Role.PARTICIPANT, located))
            elif located.kind == "session":
                for actor_id in dict.fromkeys(located.item.participants):
                    self.sessions.setdefault(actor_id, []).append(Appearance(Group.SESSIONS, Role.PARTICIPANT, located))
        for located in lookup.quotes():
            self.quotes.setdefault(located.item.speaker, []).append(
                Appearance(Group.QUOTES, Role.SPEAKER, located, located.item.text))


def mention_words(actor: Actor) -> list[tuple[str, ...]]:
    """The folded words of each name `mention_query` looks for (for an index to narrow the items down)."""
    return [term.tokens for group in mention_query(actor).groups for term in group]


def find_appearances(
    lookup: BriefingLookup, actor: Actor, cancelled: Cancelled | None = None,
    participation: Participation | None = None, candidates: set[str] | None = None,
) -> list[Appearance]:
    """Everywhere `actor` appears: meetings, sessions, quotes, mentions; document order within each.

    `participation` (built once) spares a walk of the book; `candidates`, the ids of the items that hold
    every word of one of the actor's names (`mention_words`, from the search index), spares matching
    the others: both give the same appearances as without them."""
    if participation is None:
        found = _taking_part(lookup, actor)
    else:
        found = [*participation.meetings.get(actor.id, ()), *participation.sessions.get(actor.id, ()),
                 *participation.quotes.get(actor.id, ())]
    spoken = {appearance.located.item.id for appearance in found if appearance.group is Group.QUOTES}
    query = mention_query(actor)
    for located in _in_document_order(lookup, candidates):
        check_cancelled(cancelled)
        if located.item.id in spoken:
            continue  # their own quotes are listed once, as quotes
        text = mention_text(located)
        if spans := query.spans(text):
            found.append(Appearance(Group.MENTIONS, Role.MENTIONED, located, text, tuple(spans)))
    order = list(Group)
    return sorted(found, key=lambda appearance: order.index(appearance.group))


def _in_document_order(lookup: BriefingLookup, candidates: set[str] | None) -> Iterable[Located]:
    """Every item, or only the `candidates` among them, in document order (without walking the others:
    a walk of the 66,000 items of a big book was most of a directory entry's time)."""
    if candidates is None:
        return lookup.iter_items()
    items, position = lookup.items, lookup.item_positions
    return [items[item_id] for item_id in sorted((i for i in candidates if i in items), key=position.__getitem__)]


def _taking_part(lookup: BriefingLookup, actor: Actor) -> list[Appearance]:
    found: list[Appearance] = []
    for located in lookup.iter_nodes():
        if located.kind == "meeting":
            meeting = located.item
            if meeting.organiser == actor.id:
                found.append(Appearance(Group.MEETINGS, Role.ORGANISER, located))
            elif actor.id in meeting.participants:
                found.append(Appearance(Group.MEETINGS, Role.PARTICIPANT, located))
        elif located.kind == "session" and actor.id in located.item.participants:
            found.append(Appearance(Group.SESSIONS, Role.PARTICIPANT, located))
    for located in lookup.quotes():
        if located.item.speaker == actor.id:
            found.append(Appearance(Group.QUOTES, Role.SPEAKER, located, located.item.text))
    return found
