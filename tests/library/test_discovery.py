"""Finding books in a library folder, summing them up, and where the library and cache live."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from briefing.library import book_files, library_dir, read_book, sort_newest_first
from briefing.library.paths import (
    CACHE_VARIABLE,
    LIBRARY_VARIABLE,
    cache_dir,
    default_library_dir,
    index_path,
)
from tests.library.conftest import write_book


def test_book_files_finds_folders_and_bare_files_and_skips_the_rest(library: Path) -> None:
    (library / ".tmp-add-x").mkdir()
    (library / ".tmp-add-x" / "briefing.json").write_text("{}", encoding="utf-8")
    (library / "notes.txt").write_text("not a book", encoding="utf-8")
    (library / "empty-folder").mkdir()
    names = [path.relative_to(library).as_posix() for path in book_files(library)]
    assert names == ["alpha/briefing.json", "beta/briefing.json", "delta.json", "gamma.json"]


def test_an_absent_library_has_no_books(tmp_path: Path) -> None:
    assert book_files(tmp_path / "nowhere") == []


def test_a_valid_book_is_summed_up(library: Path) -> None:
    summary, briefing = read_book(library / "alpha" / "briefing.json")
    assert briefing is not None and summary.is_valid
    assert (summary.briefing_id, summary.meetings, summary.start) == ("alpha", 1, dt.date(2022, 4, 6))
    assert summary.status(dt.date(2022, 4, 8)) == "under way"
    assert summary.status(dt.date(2022, 4, 1)) == "upcoming"
    assert summary.status(dt.date(2023, 1, 1)) == "past"


def test_an_invalid_book_keeps_every_error_and_says_the_first(library: Path) -> None:
    summary, briefing = read_book(library / "delta.json")
    assert briefing is None and not summary.is_valid
    assert summary.status(dt.date(2022, 1, 1)) == "invalid"
    assert len(summary.errors) == 2
    assert summary.first_error.startswith("is not a valid briefing: 2 problem(s): ")
    assert "classification" in summary.first_error
    assert "language" in summary.errors[1]
    assert summary.message.startswith(f"{library / 'delta.json'}: is not a valid briefing")


def test_a_book_whose_quote_is_not_in_its_source_is_invalid(tmp_path: Path) -> None:
    path = write_book(tmp_path, "misquoted", "word for word")
    (path.parent / "sources" / "release.txt").write_text("Intro.\n\nSomething else entirely.\n", encoding="utf-8")
    summary, _ = read_book(path)
    assert "with the source texts it cites" in summary.first_error and "does not occur word" in summary.first_error


def test_newest_and_upcoming_first_invalid_last(library: Path) -> None:
    summaries = [read_book(path)[0] for path in book_files(library)]
    assert [book.briefing_id or book.path.name for book in sort_newest_first(summaries)] == [
        "beta", "gamma", "alpha", "delta.json"
    ]


def test_library_dir_prefers_the_option_then_the_variable_then_the_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(LIBRARY_VARIABLE, str(tmp_path / "from-env"))
    assert library_dir(tmp_path / "option") == tmp_path / "option"
    assert library_dir(None) == tmp_path / "from-env"
    monkeypatch.delenv(LIBRARY_VARIABLE)
    assert library_dir(None) == default_library_dir()
    assert default_library_dir().name == "library" and "briefing" in default_library_dir().parts


def test_the_index_lives_in_the_cache_dir_one_file_per_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path / "cache"))
    assert cache_dir() == tmp_path / "cache"
    first, second = index_path(tmp_path / "one"), index_path(tmp_path / "two")
    assert first.parent == tmp_path / "cache" / "library-index" and first != second
    assert index_path(tmp_path / "one" / ".." / "one") == first


def test_a_draft_book_says_so_in_its_status(tmp_path: Path) -> None:
    path = write_book(tmp_path, "drafty", "draft text", start="2030-01-01", end="2030-01-02")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["schema_version"], data["status"] = 2, "draft"
    path.write_text(json.dumps(data), encoding="utf-8")
    summary, _ = read_book(path)
    assert summary.is_valid and summary.draft, summary.message
    assert summary.status(dt.date(2022, 1, 1)) == "upcoming, draft"
