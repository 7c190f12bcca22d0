"""The library table's rules (cells, sorting, filtering) and `add_book`'s all-or-nothing copy."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from briefing.library import BookSummary, book_files, read_book
from briefing.library.adding import TEMPORARY_PREFIX, BookConflictError, add_book
from briefing.loading import BriefingLoadError
from briefing.tui.screens.library_table import book_row, columns_for, filtered, sorted_books
from tests.factories import HOSTILE
from tests.library.conftest import write_book

TODAY = dt.date(2024, 1, 1)


def summaries(library: Path) -> list[BookSummary]:
    return [read_book(path)[0] for path in book_files(library)]


def no_state(book: BookSummary) -> tuple[str, str, str]:
    return ("", "", "")


def test_cells_are_literal_text_and_invalid_books_show_their_first_problem(tmp_path: Path, library: Path) -> None:
    write_book(tmp_path / "hostile", "hostile", HOSTILE)
    (hostile,) = summaries(tmp_path / "hostile")
    cells = book_row(hostile, TODAY, ("", "", ""))
    assert "[@click=app.quit]q[/]" in cells["title"].plain and "\x1b" not in cells["title"].plain
    assert not cells["title"].spans, "no markup was interpreted"
    invalid = next(book for book in summaries(library) if not book.is_valid)
    cells = book_row(invalid, TODAY, ("", "", ""))
    assert cells["title"].plain.startswith("⚠ delta.json: is not a valid briefing")
    assert cells["status"].plain == "invalid"


def test_narrow_screens_keep_the_essential_columns_and_the_title_fills_the_width() -> None:
    wide = columns_for(160)
    assert [key for key, _, _ in wide][:2] == ["title", "dates"] and len(wide) == 8
    narrow = columns_for(80)
    assert [key for key, _, _ in narrow] == ["title", "dates", "status", "last_read", "changed"]
    for width, columns in ((160, wide), (80, narrow)):
        assert sum(column_width + 2 for _, _, column_width in columns) + 2 == width


def test_sorting_keeps_invalid_books_last(library: Path) -> None:
    books = summaries(library)
    by_title = [book.briefing_id or "?" for book in sorted_books(books, "title", False, no_state)]
    assert by_title == ["beta", "gamma", "alpha", "?"]  # "grain…", "Moldova…", "sanctions…"
    reversed_titles = [book.briefing_id or "?" for book in sorted_books(books, "title", True, no_state)]
    assert reversed_titles == ["alpha", "gamma", "beta", "?"]
    by_date = [book.briefing_id or "?" for book in sorted_books(books, "date", False, no_state)]
    assert by_date == ["beta", "gamma", "alpha", "?"]

    def read_alpha_only(book: BookSummary) -> tuple[str, str, str]:
        return ("2024-01-01" if book.briefing_id == "alpha" else "", "", "")

    assert sorted_books(books, "last_read", False, read_alpha_only)[0].briefing_id == "alpha"


def test_filtering_matches_every_word_anywhere(library: Path) -> None:
    books = summaries(library)
    assert [book.briefing_id for book in filtered(books, "MOLDOVA gamma")] == ["gamma"]
    assert {book.briefing_id for book in filtered(books, "moldova")} == {"alpha", "gamma"}
    assert [book.path.name for book in filtered(books, "language")] == ["delta.json"], "errors are searchable"
    assert filtered(books, "  ") == books


def test_a_folder_without_a_book_is_not_replaced_without_asking(tmp_path: Path) -> None:
    library = tmp_path / "lib"
    (library / "moldova").mkdir(parents=True)
    (library / "moldova" / "mine.txt").write_text("private", encoding="utf-8")
    incoming = write_book(tmp_path / "in", "moldova", "x")
    with pytest.raises(BookConflictError, match="holds no book"):
        add_book(incoming, library)
    assert (library / "moldova" / "mine.txt").exists()


def test_a_failed_copy_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    library = tmp_path / "lib"
    library.mkdir()
    incoming = write_book(tmp_path / "in", "moldova", "x")

    def refuse(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "rename", refuse)
    with pytest.raises(OSError, match="No space"):
        add_book(incoming, library)
    assert list(library.iterdir()) == []


def test_a_book_without_its_sources_is_refused_unless_no_source_check(tmp_path: Path) -> None:
    incoming = write_book(tmp_path / "in", "bare", "x", folder=False)
    with pytest.raises(BriefingLoadError, match="source"):
        add_book(incoming, tmp_path / "lib")  # as `briefing validate`: the sources must be there
    added = add_book(incoming, tmp_path / "lib", source_check=False)
    assert added.outcome == "added" and added.missing_sources == ("sources/release.txt",)
    assert added.path == tmp_path / "lib" / "bare" / "briefing.json"
    assert not any(path.name.startswith(TEMPORARY_PREFIX) for path in (tmp_path / "lib").iterdir())
