"""A book's index rows and summary straight from its parsed JSON, without validating it first.

Validating a book as `briefing validate` does (Pydantic, references, the source check) costs more
than indexing it, so the first build of a large library indexes from the JSON as it stands and the
books are checked afterwards (`LibraryIndex.check_books`): a book found invalid then leaves the search
and is listed with its problems. The rows made here must be the rows `briefing.search.documents`
makes from the validated book (a test compares them); anything unexpected in the JSON raises
`NotStructured`, and that book is validated at once instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from briefing.model import ITEM_KIND_SPECS, ItemKind
from briefing.search.documents import BODY, HEADING, QUOTE
from briefing.search.documents import _named as named

MEETING_ITEM_KINDS = tuple(kind for kind in ITEM_KIND_SPECS if kind.in_meeting)


class NotStructured(ValueError):
    """The JSON is not shaped like a briefing (validation will say how)."""


class RawRow(NamedTuple):
    """One index row made from the JSON: the fields of `briefing.search.documents.IndexedItem`, as a
    tuple. A first build makes some 65 of them per book, and a frozen dataclass took 2.7 µs each to
    make against 0.4 µs for this (a tenth of the build's CPU)."""

    briefing_id: str
    meeting_id: str | None
    session_id: str | None
    kind: str
    item_id: str
    text: str
    label: str
    column: str
    extras: tuple[str, ...] = ()
    extra_names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RawBook:
    """What the index keeps of a book read from its JSON: the table's columns, rows and source paths."""

    briefing_id: str
    title: str
    start: dt.date
    end: dt.date
    meetings: int
    classification: str
    draft: bool
    source_paths: tuple[str, ...]
    items: list[RawRow]


def raw_book(data: Any) -> RawBook:
    """The summary and rows of a briefing's parsed JSON; raises `NotStructured`."""
    try:
        return _raw_book(data)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise NotStructured(str(error)) from None


def _raw_book(data: dict[str, Any]) -> RawBook:
    meetings = _list(data["meetings"])
    return RawBook(
        briefing_id=_text(data["id"]),
        title=_text(data["title"]),
        start=dt.date.fromisoformat(_text(data["start"])),
        end=dt.date.fromisoformat(_text(data["end"])),
        meetings=len(meetings),
        classification=_text(data["classification"]),
        draft=data.get("status") == "draft",
        source_paths=tuple(_text(document["path"]) for document in _list(data["sources"])),
        items=list(_items(data, meetings)),
    )


def _items(data: dict[str, Any], meetings: list[Any]) -> Iterator[RawRow]:
    """`briefing.search.documents.briefing_items`, over the JSON."""
    book = _text(data["id"])
    people = _list(data.get("people", []))
    speakers = {_text(person["id"]): _text(person["name"]) for person in people}
    for meeting in meetings:
        yield from _meeting_rows(book, meeting, speakers)
    for person in people:
        role = _optional(person.get("role"))
        yield RawRow(
            book, None, None, "person", _text(person["id"]), _text(person["name"]), role or "person", HEADING,
            *named(role=role, country=_optional(person.get("country")), alias=_texts(person.get("aliases", []))),
        )
    for organisation in _list(data.get("organisations", [])):
        acronym = _optional(organisation.get("acronym"))
        yield RawRow(
            book, None, None, "organisation", _text(organisation["id"]), _text(organisation["name"]),
            acronym or "organisation", HEADING, *named(acronym=acronym, alias=_texts(organisation.get("aliases", []))),
        )


def _meeting_rows(book: str, meeting: dict[str, Any], speakers: dict[str, str]) -> list[RawRow]:
    meeting_id, title, kind = _text(meeting["id"]), _text(meeting["title"]), _text(meeting["kind"])
    where = (book, meeting_id, None, "meeting", meeting_id)
    place, country = _optional(meeting.get("place")), _optional(meeting.get("country"))
    rows = [
        RawRow(*where, title, kind, HEADING, *named(kind=kind, place=place, country=country)),
        RawRow(*where, _text(meeting["summary"]), title, BODY),
    ]
    _add_items(rows, book, meeting_id, None, meeting, MEETING_ITEM_KINDS, speakers)
    for session in _list(meeting["sessions"]):
        session_id, session_title = _text(session["id"]), _text(session["title"])
        rows.append(RawRow(
            book, meeting_id, session_id, "session", session_id, session_title, session_title, HEADING,
            *named(format=_optional(session.get("format"))),
        ))
        _add_items(rows, book, meeting_id, session_id, session, ITEM_KIND_SPECS, speakers)
    return rows


def _add_items(
    rows: list[RawRow], book: str, meeting_id: str, session_id: str | None, holder: dict[str, Any],
    kinds: Iterable[ItemKind], speakers: dict[str, str],
) -> None:
    """The rows of the items a meeting or session holds, kind by kind, added to `rows`."""
    for spec in kinds:
        items = _list(holder.get(spec.field, _NONE))
        if items:
            make, kind, append = _ROW_MAKERS.get(spec.name, _plain_row), spec.name, rows.append
            for item in items:
                append(make(book, meeting_id, session_id, kind, item, speakers))


# Each maker builds its row with `tuple.__new__`: `RawRow(...)` goes through a `__new__` written in
# Python, and with 44 item rows a book that call was a twentieth of the rows' making.

def _passage_row(
    book: str, meeting_id: str, session_id: str | None, kind: str, item: dict[str, Any], speakers: dict[str, str]
) -> RawRow:
    label, column = ("heading", HEADING) if item.get("heading") is True else ("passage", BODY)
    item_id, text = _text(item["id"]), _text(item["text"])
    return _new(RawRow, (book, meeting_id, session_id, kind, item_id, text, label, column, (), ()))


def _figure_row(
    book: str, meeting_id: str, session_id: str | None, kind: str, item: dict[str, Any], speakers: dict[str, str]
) -> RawRow:
    as_written, unit = _text(item["as_written"]), _text(item["unit"])
    extras, names = _joined(_tagged("as_written", (as_written,)), _tagged("unit", (unit,)))
    item_id, counts = _text(item["id"]), _text(item["counts"])
    return _new(RawRow, (book, meeting_id, session_id, kind, item_id, counts, as_written, BODY, extras, names))


def _quote_row(
    book: str, meeting_id: str, session_id: str | None, kind: str, item: dict[str, Any], speakers: dict[str, str]
) -> RawRow:
    speaker_id = _text(item["speaker"])
    speaker = speakers.get(speaker_id, speaker_id)
    extras, names = _joined(_tagged("speaker", (speaker,)), _tagged("topic", _texts(item.get("topics", _NONE))))
    item_id, text = _text(item["id"]), _text(item["text"])
    return _new(RawRow, (book, meeting_id, session_id, kind, item_id, text, speaker, QUOTE, extras, names))


def _plain_row(
    book: str, meeting_id: str, session_id: str | None, kind: str, item: dict[str, Any], speakers: dict[str, str]
) -> RawRow:
    """Key points, positions, and any kind added later: their text, and their topics if they have some."""
    extras, names = _tagged("topic", _texts(item.get("topics", _NONE)))
    item_id, text = _text(item["id"]), _text(item["text"])
    return _new(RawRow, (book, meeting_id, session_id, kind, item_id, text, "", BODY, extras, names))


_ROW_MAKERS = {"passage": _passage_row, "figure": _figure_row, "quote": _quote_row}

_new = tuple.__new__

_NONE: list[str] = []
"""An absent list of topics (never changed)."""

_Extras = tuple[tuple[str, ...], tuple[str, ...]]


def _tagged(name: str, values: tuple[str, ...]) -> _Extras:
    """`named(name=values)` for the kinds every book has many of, without its keyword dict and loops
    (the same result: empty values left out)."""
    kept = values if all(values) else tuple(value for value in values if value)
    return kept, (name,) * len(kept)


def _joined(first: _Extras, second: _Extras) -> _Extras:
    return first[0] + second[0], first[1] + second[1]


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise NotStructured(f"expected text, found {type(value).__name__}")
    return value


def _optional(value: Any) -> str | None:
    return None if value is None else _text(value)


def _texts(values: Any) -> tuple[str, ...]:
    for value in _list(values):
        if not isinstance(value, str):
            raise NotStructured(f"expected text, found {type(value).__name__}")
    return tuple(values)


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise NotStructured(f"expected a list, found {type(value).__name__}")
    return value
