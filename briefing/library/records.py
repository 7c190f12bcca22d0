"""Reading one book of the library into what the index stores: quickly from its JSON, or validated."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from pydantic_core import from_json

from briefing.files import read_bounded
from briefing.library.changes import FileStamp, encode_stamps, source_stamps
from briefing.library.discovery import BookSummary, read_book
from briefing.library.rows import NotStructured, raw_book
from briefing.library.writing import BookRecord
from briefing.loading.loader import max_bytes_from_environment
from briefing.search.documents import briefing_items

MAX_MARKING = 500
"""Longest marking taken from an invalid book's JSON (the model's limit for a valid one)."""


def quick_record(path: str, stamp: FileStamp, data: bytes, digest: str) -> BookRecord:
    """The book as its JSON stands (validated later), or validated now when the JSON is not shaped
    like a briefing (then validation's messages are what the library lists)."""
    try:
        raw = raw_book(parsed_json(data))
    except (UnicodeDecodeError, ValueError, RecursionError):  # NotStructured and JSONDecodeError are ValueErrors
        return checked_record(path, stamp, digest)
    book = Path(path)
    folder = str(book.parent)
    summary = BookSummary(
        book, raw.briefing_id, raw.title, raw.start, raw.end, raw.meetings, raw.classification, raw.draft,
    )
    return BookRecord(summary, stamp, digest, raw.items, encode_stamps(source_stamps(folder, raw.source_paths)), False)


def parsed_json(data: bytes) -> Any:
    """The JSON of a book file, as `json.loads` reads it; raises its errors (and `UnicodeDecodeError`)."""
    # pydantic's parser takes a third less CPU than `json` (a tenth of a first build was parsing).
    # Whatever it refuses (a byte-order mark, a lone surrogate, deep nesting, bad JSON) goes to `json`
    # as before, so both give the same values, or `json`'s error.
    try:
        return from_json(data, cache_strings="keys")
    except ValueError:
        return json.loads(data.decode("utf-8-sig"))


def checked_record(path: str, stamp: FileStamp, digest: str) -> BookRecord:
    """The book validated as `briefing validate` does (its source texts stamped, valid or not)."""
    summary, briefing = read_book(Path(path))
    folder = str(Path(path).parent)
    if briefing is not None:
        items = list(briefing_items(briefing))
        relatives: list[str] = [document.path for document in briefing.sources]
    else:
        relatives, marking = _raw_fields(path)
        items, summary = [], replace(summary, classification=marking)
    return BookRecord(summary, stamp, digest, items, encode_stamps(source_stamps(folder, relatives)), True)


def _raw_fields(path: str) -> tuple[list[str], str]:
    """The source paths and the marking an invalid book states, as far as its JSON can be read: fixing
    the source text (not the book) must make it valid again on the next refresh, and the library's
    marking bar must still show the marking of a book it lists."""
    try:
        data: Any = json.loads(read_bounded(path, max_bytes_from_environment()).decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return [], ""
    if not isinstance(data, dict):
        return [], ""
    documents = data.get("sources")
    paths = [
        document["path"] for document in (documents if isinstance(documents, list) else [])
        if isinstance(document, dict) and isinstance(document.get("path"), str)
    ]
    marking = data.get("classification")
    plain = isinstance(marking, str) and 0 < len(marking) <= MAX_MARKING and marking.isprintable() and marking.strip()
    return paths, marking if plain else ""  # type: ignore[return-value]


__all__ = ["NotStructured", "checked_record", "quick_record"]
