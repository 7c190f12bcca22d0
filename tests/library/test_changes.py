"""Indexing from the JSON alone (then validating), and noticing source texts edited on their own."""

from __future__ import annotations

import json
import os
from pathlib import Path

from briefing.library import LibraryIndex
from briefing.library.rows import NotStructured, raw_book
from briefing.loading import load_briefing
from briefing.loading.loader import sample_path
from briefing.search.documents import briefing_items
from tests.library.conftest import RELEASE, book_dict, write_book


def _rows(items: list) -> list[tuple]:
    return [
        (item.briefing_id, item.meeting_id, item.session_id, item.kind, item.item_id, item.text, item.label,
         item.column, item.extras, item.extra_names)
        for item in items
    ]


def test_rows_from_the_json_are_the_rows_of_the_validated_book() -> None:
    path = sample_path()
    from_json = raw_book(json.loads(path.read_text(encoding="utf-8")))
    briefing = load_briefing(path)
    assert _rows(from_json.items) == _rows(list(briefing_items(briefing)))
    assert len(from_json.items) > 100
    assert (from_json.title, from_json.start, from_json.meetings) == (briefing.title, briefing.start, len(briefing.meetings))
    assert from_json.source_paths == tuple(document.path for document in briefing.sources)


def test_rows_from_the_json_cover_every_kind_and_optional_field() -> None:
    data = book_dict("every", "Wilmès’s sanctions")
    data["people"][0]["aliases"] = ["A. Minister"]
    data["organisations"][0]["aliases"] = ["the Ministry"]
    data["meetings"][0]["country"] = "Luxembourg"
    data["meetings"][0]["sessions"][0]["format"] = "working breakfast"
    data["meetings"][0]["sessions"][0]["passages"][0]["heading"] = True
    data["status"] = "draft"
    from_json = raw_book(json.loads(json.dumps(data)))
    briefing = load_briefing_from(data)
    assert _rows(from_json.items) == _rows(list(briefing_items(briefing)))
    assert from_json.draft


def load_briefing_from(data: dict) -> object:
    from briefing.model import Briefing

    return Briefing.model_validate(data)


def test_json_not_shaped_like_a_briefing_is_refused() -> None:
    for data in ([], {"id": "x"}, {**book_dict("x", "y"), "title": 7}, {**book_dict("x", "y"), "meetings": {}}):
        try:
            raw_book(data)
        except NotStructured:
            continue
        raise AssertionError(f"accepted {data!r:.60}")


def test_a_book_indexed_from_its_json_is_validated_afterwards(tmp_path: Path) -> None:
    library = tmp_path / "library"
    write_book(library, "good", "grain exports")
    bad = book_dict("bad", "grain imports")
    bad["classification"] = ""  # well-formed, but validation refuses it
    (library / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    index = LibraryIndex.open(library)
    report = index.refresh(check=False)
    assert report.added == 2 and index.unchecked() == 2
    assert index.search("imports").total > 0, "searchable before it is checked"
    report = index.check_books()
    assert (report.checked, report.invalid, index.unchecked()) == (2, 1, 0)
    assert index.search("imports").total == 0, "an invalid book leaves the search"
    assert index.search("exports").total > 0
    listed = index.book(library.resolve() / "bad.json")
    assert listed is not None and "classification" in listed.first_error


def test_a_source_text_edited_alone_makes_the_book_fail_and_fixing_it_makes_it_pass(tmp_path: Path) -> None:
    library = tmp_path / "library"
    book = write_book(library, "alpha", "sanctions on Moldova")
    source = book.parent / "sources" / "release.txt"
    index = LibraryIndex.open(library)
    index.refresh()
    assert index.book(book.resolve()).is_valid  # type: ignore[union-attr]
    source.write_text(RELEASE.format(text="sanctions on Moldova").replace("We said", "They said"), encoding="utf-8")
    report = index.refresh()
    assert (report.changed, report.invalid) == (1, 1)
    listed = index.book(book.resolve())
    assert listed is not None and not listed.is_valid and "quotes[0]" in listed.message
    assert index.search("moldova").total == 0
    source.write_text(RELEASE.format(text="sanctions on Moldova"), encoding="utf-8")
    report = index.refresh()
    assert (report.changed, report.invalid) == (1, 0)
    assert index.book(book.resolve()).is_valid  # type: ignore[union-attr]
    assert index.search("moldova").total > 0


def test_a_source_text_touched_but_unchanged_is_not_reindexed(tmp_path: Path) -> None:
    library = tmp_path / "library"
    book = write_book(library, "alpha", "sanctions on Moldova")
    index = LibraryIndex.open(library)
    index.refresh()
    os.utime(book.parent / "sources" / "release.txt", ns=(5, 5))
    report = index.refresh()
    assert (report.changed, report.unchanged) == (0, 1)
    assert index.refresh().unchanged == 1


def test_a_source_text_that_appears_later_is_noticed(tmp_path: Path) -> None:
    library = tmp_path / "library"
    book = write_book(library, "alpha", "sanctions on Moldova")
    source = book.parent / "sources" / "release.txt"
    text = source.read_text(encoding="utf-8")
    source.unlink()
    index = LibraryIndex.open(library)
    index.refresh()
    source.write_text(text.replace("We said", "They said"), encoding="utf-8")
    assert index.refresh().invalid == 1


def test_books_sharing_the_same_absent_source_are_told_apart_when_one_appears(tmp_path: Path) -> None:
    # The refresh decodes each distinct record of source stamps once: three books without their
    # source text share one; the text appearing beside the second book must re-read that book only.
    library = tmp_path / "library"
    books = [write_book(library, name, "sanctions on Moldova") for name in ("alpha", "bravo", "charlie")]
    texts = []
    for book in books:
        source = book.parent / "sources" / "release.txt"
        texts.append(source.read_text(encoding="utf-8"))
        source.unlink()
    index = LibraryIndex.open(library)
    index.refresh()
    (books[1].parent / "sources" / "release.txt").write_text(texts[1].replace("We said", "They said"), encoding="utf-8")
    report = index.refresh()
    assert (report.changed, report.unchanged, report.invalid) == (1, 2, 1)
    assert report.changed_paths == [books[1]]


def test_a_source_text_replaced_by_a_fifo_is_never_waited_on(tmp_path: Path) -> None:
    library = tmp_path / "library"
    book = write_book(library, "alpha", "sanctions on Moldova")
    index = LibraryIndex.open(library)
    index.refresh()
    source = book.parent / "sources" / "release.txt"
    source.unlink()
    os.mkfifo(source)
    report = index.refresh()  # would hang here if the FIFO were opened for a blocking read
    assert report.changed == 1


def test_the_newest_books_come_from_sql_in_the_order_python_sorts_them(tmp_path: Path) -> None:
    from briefing.library import sort_newest_first
    from tests.library.conftest import make_library

    library = make_library(tmp_path)
    for name, text in (("eta", "ÉMILE zeta"), ("theta", "emile alpha"), ("iota", "Émile beta")):
        write_book(library, name, text, start="2022-04-06", end="2022-04-11")
    index = LibraryIndex.open(library)
    index.refresh()
    everything = sort_newest_first(index.books())
    assert len(everything) == 7
    for limit in (1, 3, 7, 10):
        assert index.newest_books(limit) == everything[:limit], limit
    assert index.book_count() == (7, 1)
    assert index.markings() == ["UNCLASSIFIED – PUBLIC"]


def test_while_typing_across_the_library_a_prefix_needs_three_letters(tmp_path: Path) -> None:
    from briefing.search.query import compile_query

    library = tmp_path / "library"
    write_book(library, "alpha", "sanctions on Moldova")
    index = LibraryIndex.open(library)
    index.refresh()
    assert index.search_library("mo", as_you_type=True).results.total == 0, "two letters: the word mo only"
    assert index.search_library("mol", as_you_type=True).results.total > 0
    assert index.search_library("mo*").results.total > 0, "an explicit prefix still works"
    assert compile_query("mo", as_you_type=True).fts_expression != compile_query("mo", as_you_type=True, typing_prefix=3).fts_expression


def test_an_invalid_book_keeps_its_marking_in_the_library(tmp_path: Path) -> None:
    library = tmp_path / "library"
    book = write_book(library, "alpha", "sanctions on Moldova")
    data = json.loads(book.read_text(encoding="utf-8"))
    data["classification"] = "RESTRICTED"
    book.write_text(json.dumps(data), encoding="utf-8")
    broken = book_dict("beta", "grain")
    broken["classification"], broken["title"] = "SECRET", 7  # not shaped like a briefing: validated at once
    (library / "beta.json").write_text(json.dumps(broken), encoding="utf-8")
    index = LibraryIndex.open(library)
    index.refresh()
    assert set(index.markings()) == {"RESTRICTED", "SECRET"}
    source = book.parent / "sources" / "release.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("We said", "They said"), encoding="utf-8")
    assert index.refresh().invalid == 1
    assert set(index.markings()) == {"RESTRICTED", "SECRET"}, "invalid books still mark the library"


def test_damaged_source_stamps_in_the_index_make_the_book_read_again(tmp_path: Path) -> None:
    import sqlite3

    from briefing.library import index_path

    library = tmp_path / "library"
    write_book(library, "alpha", "sanctions on Moldova")
    index = LibraryIndex.open(library)
    index.refresh()
    index.close()
    with sqlite3.connect(index_path(library)) as connection:
        connection.execute("UPDATE books SET sources = 'not json'")
    index = LibraryIndex.open(library)
    report = index.refresh()
    assert report.changed == 1 and report.invalid == 0
    assert index.refresh().unchanged == 1, "stamped again"
