"""Reading one book of the library into what the index stores: quickly from its JSON, or validated."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from briefing.files import read_bounded
from briefing.library.changes import FileStamp, encode_stamps, source_stamps
from briefing.library.discovery import BookSummary, read_book
from briefing.library.rows import NotStructured, raw_book
from briefing.library.writing import BookRecord
from briefing.loading.loader import max_bytes_from_environment
from briefing.search.documents import briefing_items


def quick_record(path: str, stamp: FileStamp, data: bytes, digest: str) -> BookRecord:
    """The book as its JSON stands (validated later), or validated now when the JSON is not shaped
    like a briefing (then validation's messages are what the library lists)."""
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
        raw = raw_book(parsed)
    except (UnicodeDecodeError, ValueError, RecursionError):  # NotStructured and JSONDecodeError are ValueErrors
        return checked_record(path, stamp, digest)
    folder = str(Path(path).parent)
    summary = BookSummary(
        Path(path), raw.briefing_id, raw.title, raw.start, raw.end, raw.meetings, raw.classification, raw.draft,
    )
    return BookRecord(summary, stamp, digest, raw.items, encode_stamps(source_stamps(folder, raw.source_paths)), False)


def checked_record(path: str, stamp: FileStamp, digest: str) -> BookRecord:
    """The book validated as `briefing validate` does (its source texts stamped, valid or not)."""
    summary, briefing = read_book(Path(path))
    folder = str(Path(path).parent)
    if briefing is not None:
        items = list(briefing_items(briefing))
        relatives: list[str] = [document.path for document in briefing.sources]
    else:
        items, relatives = [], _source_paths_in(path)
    return BookRecord(summary, stamp, digest, items, encode_stamps(source_stamps(folder, relatives)), True)


def _source_paths_in(path: str) -> list[str]:
    """The source paths an invalid book names, as far as its JSON can be read: fixing the source text
    (not the book) must make it valid again on the next refresh."""
    try:
        data: Any = json.loads(read_bounded(path, max_bytes_from_environment()).decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return []
    documents = data.get("sources") if isinstance(data, dict) else None
    return [
        document["path"] for document in (documents if isinstance(documents, list) else [])
        if isinstance(document, dict) and isinstance(document.get("path"), str)
    ]


__all__ = ["NotStructured", "checked_record", "quick_record"]
