"""Notes and bookmarks as a JSON file, to move them to another machine (`briefing notes export/import`).

The file is checked with Pydantic on import: a hand-edited or truncated file gets a clear error naming
the field, never a half import. Importing merges: a note already here (same id, or same item and text)
is not added twice; a newer copy of one of our notes replaces the older text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from briefing.state.records import Note, now
from briefing.state.store import StateStore

FORMAT_NAME = "briefing-notes"
FORMAT_VERSION = 1


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ExportedNote(_Strict):
    id: str = Field(min_length=1, max_length=200)
    book: str = Field(min_length=1, max_length=200)
    item: str = Field(min_length=1, max_length=200)
    kind: str = ""
    label: str = ""
    text: str = Field(min_length=1, max_length=1_000_000)
    created_at: str = Field(min_length=1)
    updated_at: str = Field(min_length=1)


class ExportedBookmark(_Strict):
    book: str = Field(min_length=1, max_length=200)
    item: str = Field(min_length=1, max_length=200)
    label: str = ""
    created_at: str = Field(min_length=1)


class NotesFile(_Strict):
    format: Literal["briefing-notes"]
    version: Literal[1]
    exported_at: str
    notes: list[ExportedNote] = []
    bookmarks: list[ExportedBookmark] = []


class NotesFileError(Exception):
    """The file is not a notes export; the message says where and what."""


@dataclass(frozen=True, slots=True)
class ImportCounts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    bookmarks_added: int = 0

    def describe(self) -> str:
        return (
            f"{self.added} notes added, {self.updated} updated, {self.unchanged} already here; "
            f"{self.bookmarks_added} bookmarks added"
        )


def export_notes(store: StateStore, book_id: str | None = None) -> str:
    """The notes (and bookmarks) of one book, or of every book, as JSON text."""
    notes = [
        ExportedNote(id=n.note_id, book=n.book_id, item=n.item_id, kind=n.item_kind, label=n.item_label,
                     text=n.text, created_at=n.created_at, updated_at=n.updated_at)
        for n in store.notes(book_id)
    ]
    books = [book_id] if book_id is not None else store.bookmarked_books()
    bookmarks = [
        ExportedBookmark(book=book, item=mark.item_id, label=mark.item_label, created_at=mark.created_at)
        for book in books
        for mark in store.bookmarks(book)
    ]
    document = NotesFile(format=FORMAT_NAME, version=FORMAT_VERSION, exported_at=now(), notes=notes,
                         bookmarks=bookmarks)
    return json.dumps(document.model_dump(), ensure_ascii=False, indent=2) + "\n"


def parse_notes_file(text: str) -> NotesFile:
    try:
        return NotesFile.model_validate_json(text)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "(top level)"
        more = f" (and {error.error_count() - 1} more problems)" if error.error_count() > 1 else ""
        raise NotesFileError(f"{where}: {first['msg']}{more}") from None


def import_notes(store: StateStore, document: NotesFile) -> ImportCounts:
    counts = {"added": 0, "updated": 0, "unchanged": 0}
    for entry in document.notes:
        note = Note(entry.id, entry.book, entry.item, entry.kind, entry.label, entry.text,
                    entry.created_at, entry.updated_at, 1)
        counts[store.merge_note(note)] += 1
    marks = sum(store.add_bookmark(m.book, m.item, m.label, m.created_at) for m in document.bookmarks)
    return ImportCounts(**counts, bookmarks_added=marks)
