"""Libraries on disk for the library tests: book folders with their sources, bare files, broken books."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.factories import changed, minimal_briefing_dict

RELEASE = "Intro {text}\n\nPassage {text} Key point {text} Position {text} Tranche {text} We said {text} 500 million euros\n"
"""A source text every item of `minimal_briefing_dict(text)` occurs in, word for word."""


def book_dict(book_id: str, text: str, start: str = "2022-04-06", end: str = "2022-04-11") -> dict[str, Any]:
    data = minimal_briefing_dict(text)
    data = changed(data, ("id",), book_id)
    data["start"], data["end"] = start, end
    data["meetings"][0]["start"] = data["meetings"][0]["end"] = end
    data["meetings"][0]["sessions"][0]["date"] = end
    return data


def write_book(library: Path, book_id: str, text: str, *, folder: bool = True, **dates: str) -> Path:
    """A valid book in the library: `<id>/briefing.json` with `sources/release.txt`, or a bare `<id>.json`."""
    data = book_dict(book_id, text, **dates)
    if folder:
        path = library / book_id / "briefing.json"
        (path.parent / "sources").mkdir(parents=True)
        (path.parent / "sources" / "release.txt").write_text(RELEASE.format(text=text), encoding="utf-8")
    else:
        library.mkdir(parents=True, exist_ok=True)
        path = library / f"{book_id}.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def edit_book(path: Path, field: tuple[str | int, ...], value: Any) -> None:
    """Change one field of the book file at `path`, as an author's editor would (the file is rewritten)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(changed(data, field, value), ensure_ascii=False), encoding="utf-8")


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return make_library(tmp_path)


def make_library(tmp_path: Path) -> Path:
    """Three books: two folders (one upcoming) and a bare file, plus one invalid file."""
    folder = tmp_path / "library"
    write_book(folder, "alpha", "sanctions on Moldova alpha", start="2022-04-06", end="2022-04-11")
    write_book(folder, "beta", "grain exports beta", start="2030-01-10", end="2030-01-12")
    write_book(folder, "gamma", "Moldova energy gamma", folder=False, start="2023-05-01", end="2023-05-02")
    broken = book_dict("delta", "broken")
    broken["classification"] = ""
    broken["language"] = 7
    (folder / "delta.json").write_text(json.dumps(broken), encoding="utf-8")
    return folder
