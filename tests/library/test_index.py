"""The on-disk library index: built with progress, kept current book by book, cancellable, and safe
when its cache file is damaged or cannot be written."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from briefing.library import LibraryHit, LibraryIndex, index_path, read_book
from briefing.library.store import PAGE_SIZE, SCHEMA_VERSION, WAL_BYTES
from briefing.search import SearchIndex
from briefing.search import index as search_index


def test_first_refresh_indexes_every_book_and_lists_invalid_ones(library: Path) -> None:
    index = LibraryIndex.open(library)
    calls: list[tuple[int, int]] = []
    report = index.refresh(progress=lambda done, total: calls.append((done, total)))
    assert (report.added, report.changed, report.removed, report.unchanged) == (4, 0, 0, 0)
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert index.on_disk and index.message == "" and index_path(library).is_file()
    assert index_path(library).stat().st_mode & 0o077 == 0, "the index of classified books is private"
    books = {book.path.name if book.path.name != "briefing.json" else book.path.parent.name: book
             for book in index.books()}
    assert sorted(books) == ["alpha", "beta", "delta.json", "gamma.json"]
    assert books["delta.json"].first_error.startswith("is not a valid briefing")
    assert len(books["delta.json"].errors) == 2
    assert books["alpha"].title == "Test book sanctions on Moldova alpha" and books["alpha"].meetings == 1


def test_search_across_books_is_the_single_book_search_plus_the_book(library: Path) -> None:
    index = LibraryIndex.open(library)
    index.refresh()
    found = index.search_library("moldova", limit=100)
    assert {group.book.briefing_id for group in found.groups} == {"alpha", "gamma"}
    assert found.results.total == sum(len(group.hits) for group in found.groups)
    for group in found.groups:
        _, briefing = read_book(group.book.path)
        assert briefing is not None
        alone = SearchIndex.for_briefing(briefing).search("moldova", limit=100)
        as_found = {(hit.kind, hit.item_id, hit.text, hit.spans, hit.snippet) for hit in group.hits}
        assert as_found == {(hit.kind, hit.item_id, hit.text, hit.spans, hit.snippet) for hit in alone.hits}
        assert all(isinstance(hit, LibraryHit) and hit.book_path == str(group.book.path) for hit in group.hits)


def test_hits_across_books_say_where_they_live_as_single_book_hits_do(library: Path) -> None:
    """People, organisations and meetings live in no session (some in no meeting): None, as in one book."""
    index = LibraryIndex.open(library)
    index.refresh()
    found = index.search_library("alpha", limit=100).results.hits
    _, briefing = read_book(library / "alpha" / "briefing.json")
    assert briefing is not None
    alone = SearchIndex.for_briefing(briefing).search("alpha", limit=100).hits
    where = {(hit.briefing_id, hit.meeting_id, hit.session_id, hit.kind, hit.item_id, hit.label) for hit in found}
    assert where == {(hit.briefing_id, hit.meeting_id, hit.session_id, hit.kind, hit.item_id, hit.label) for hit in alone}
    assert {(hit.meeting_id, hit.session_id) for hit in found if hit.kind == "person"} == {(None, None)}
    assert {hit.session_id for hit in found if hit.kind == "meeting"} == {None}


def test_across_books_matches_are_counted_up_to_where_ranking_stops(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = LibraryIndex.open(library)
    index.refresh()
    everything = index.search_library("moldova OR grain", limit=100).results
    assert everything.total_is_exact and everything.total > 3
    monkeypatch.setattr(search_index, "MOST_RANKED", 3)
    capped = index.search_library("moldova OR grain", limit=2).results
    assert (capped.total, capped.total_is_exact, capped.ranked, len(capped.hits)) == (3, False, False, 2)
    monkeypatch.setattr(search_index, "MOST_RANKED", everything.total)
    assert index.search_library("moldova OR grain", limit=2).results.total_is_exact


def test_hits_are_grouped_best_book_first(library: Path) -> None:
    index = LibraryIndex.open(library)
    index.refresh()
    found = index.search_library("moldova OR grain", limit=100)
    order = [hit.book_path for hit in found.results.hits]
    first_seen = list(dict.fromkeys(order))
    assert [str(group.book.path) for group in found.groups] == first_seen


def test_unchanged_books_are_not_read_again_and_a_touched_file_is_checked_by_hash(library: Path) -> None:
    index = LibraryIndex.open(library)
    index.refresh()
    assert index.refresh().unchanged == 4
    alpha = library / "alpha" / "briefing.json"
    os.utime(alpha, ns=(1, 1))
    report = index.refresh()
    assert (report.changed, report.unchanged) == (0, 4)


def test_an_edited_book_is_reindexed_and_a_removed_one_dropped(library: Path) -> None:
    index = LibraryIndex.open(library)
    index.refresh()
    rows = index.row_count()
    path = library / "gamma.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["meetings"][0]["title"] = "Council on zanzibar"
    path.write_text(json.dumps(data), encoding="utf-8")
    report = index.refresh()
    assert (report.changed, report.changed_paths) == (1, [path])
    assert index.search("zanzibar").total == 1
    assert index.row_count() == rows
    shutil.rmtree(library / "alpha")
    report = index.refresh()
    assert report.removed == 1
    assert index.search("alpha").total == 0
    assert index.search("zanzibar").total == 1
    assert index.row_count() < rows
    assert "alpha" not in {book.briefing_id for book in index.books()}


def test_a_reindexed_book_leaves_none_of_its_old_rows_in_any_tier(library: Path, tmp_path: Path) -> None:
    """A book's rows are found by their rowid ranges, one per tier (titles, quotes, the rest): editing or
    removing it must take every one of them out of `rows` and out of the FTS5 index."""
    index = LibraryIndex.open(library)
    index.refresh()
    gamma = library / "gamma.json"
    gamma.write_text(gamma.read_text(encoding="utf-8").replace("gamma", "omega"), encoding="utf-8")
    shutil.rmtree(library / "alpha")
    index.refresh()
    assert {hit.kind for hit in index.search("omega", limit=100).hits} >= {"meeting", "quote", "passage"}
    assert index.search("gamma").total == 0 and index.search("alpha").total == 0
    fresh = LibraryIndex.open(library, in_memory=True)
    fresh.refresh()
    assert index.row_count() == fresh.row_count()
    for word in ("moldova", "omega", "beta", "council", "minister"):
        assert index.search(word, limit=100).total == fresh.search(word, limit=100).total, word


def test_the_titles_around_a_hit_come_from_its_own_book(library: Path) -> None:
    index = LibraryIndex.open(library)
    index.refresh()
    gamma = library / "gamma.json"
    gamma.write_text(gamma.read_text(encoding="utf-8").replace("Breakfast", "Lunch"), encoding="utf-8")
    index.refresh()  # gamma's rows are now numbered after every other book's
    for book, session in (("alpha", "Breakfast"), ("beta", "Breakfast"), ("gamma", "Lunch")):
        hit = next(hit for hit in index.search_library(f"position {book}").results.hits if hit.kind == "position")
        assert hit.briefing_id == book
        meeting_title, session_title = index.titles(hit)
        assert meeting_title is not None and meeting_title.startswith("Council ") and book in meeting_title
        assert session_title is not None and session_title.startswith(session) and book in session_title


def test_a_book_that_becomes_invalid_leaves_the_search_and_stays_listed(library: Path) -> None:
    index = LibraryIndex.open(library)
    index.refresh()
    (library / "gamma.json").write_text("{ not json", encoding="utf-8")
    index.refresh()
    assert index.search("gamma").total == 0
    gamma = index.book(library.resolve() / "gamma.json")
    assert gamma is not None and gamma.first_error.startswith("is not valid JSON")


def test_the_index_survives_the_process_and_is_reused(library: Path) -> None:
    first = LibraryIndex.open(library)
    first.refresh()
    first.close()
    again = LibraryIndex.open(library)
    assert len(again.books()) == 4
    assert again.search("grain").total > 0, "searchable before any refresh"
    assert again.refresh().unchanged == 4


def test_a_cancelled_refresh_keeps_what_it_did_and_the_next_one_finishes(library: Path) -> None:
    index = LibraryIndex.open(library)
    looked: list[int] = []
    report = index.refresh(progress=lambda done, total: looked.append(done), cancelled=lambda: len(looked) >= 2)
    assert report.cancelled and report.added == 2
    assert len(index.books()) == 2
    report = index.refresh()
    assert not report.cancelled and (report.added, report.unchanged) == (2, 2)


def test_a_damaged_cache_file_falls_back_to_memory_with_a_message(library: Path) -> None:
    target = index_path(library)
    target.parent.mkdir(parents=True)
    target.write_bytes(b"this is not a database" * 100)
    index = LibraryIndex.open(library)
    assert not index.on_disk
    assert str(target) in index.message and "--rebuild" in index.message
    index.refresh()
    assert index.search("grain").total > 0
    assert target.read_bytes().startswith(b"this is not a database"), "the damaged file is left alone"
    rebuilt = LibraryIndex.open(library, rebuild=True)
    assert rebuilt.on_disk and rebuilt.message == ""


def test_an_unwritable_cache_falls_back_to_memory(library: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(blocker / "cache"))  # a folder inside a file: never creatable
    index = LibraryIndex.open(library)
    assert not index.on_disk and "kept in memory" in index.message
    index.refresh()
    assert index.search("moldova").total > 0


def test_an_index_of_another_version_is_rebuilt(library: Path) -> None:
    index = LibraryIndex.open(library)
    index.refresh()
    index.close()
    with sqlite3.connect(index_path(library)) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    again = LibraryIndex.open(library)
    assert again.on_disk and again.books() == []
    assert again.refresh().added == 4


def test_an_index_with_the_rows_of_schema_6_is_rebuilt_with_packed_fields(library: Path) -> None:
    """Schema 7 keeps a row's kind, id, column, meeting, session, label and extras in one `fields`
    column: a file of schema 6 (ten columns) must be rebuilt, not written into."""
    index = LibraryIndex.open(library)
    index.refresh()
    index.close()
    with sqlite3.connect(index_path(library)) as connection:
        connection.execute("DROP TABLE rows")
        connection.execute(
            "CREATE TABLE rows (rowid INTEGER PRIMARY KEY, book INTEGER NOT NULL, meeting_id TEXT, session_id TEXT, "
            "kind TEXT NOT NULL, item_id TEXT NOT NULL, text TEXT NOT NULL, label TEXT NOT NULL, col TEXT NOT NULL, "
            "extras TEXT NOT NULL)"
        )
        connection.execute("PRAGMA user_version = 6")
    connection.close()
    again = LibraryIndex.open(library)
    assert again.books() == [] and again.refresh().added == 4
    columns = [row[1] for row in again._connection.execute("PRAGMA table_info(rows)")]
    assert columns == ["rowid", "book", "text", "fields"]
    hits = again.search_library("moldova").results.hits
    assert hits and all(again.titles(hit)[0] for hit in hits if hit.meeting_id)  # type: ignore[arg-type]


def test_a_new_index_has_large_pages_and_checkpoints_its_log_by_bytes(library: Path) -> None:
    index = LibraryIndex.open(library)
    index.refresh()
    for connection in (index._connection, index._writer):
        assert connection.execute("PRAGMA page_size").fetchone()[0] == PAGE_SIZE
        assert connection.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == WAL_BYTES // PAGE_SIZE
    assert index.search("moldova").total > 0


def test_an_index_made_with_small_pages_keeps_them_and_works(library: Path) -> None:
    path = index_path(library)
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA page_size = 4096")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("CREATE TABLE made_before (x)")
    connection.close()
    index = LibraryIndex.open(library)
    assert index.on_disk and index.refresh().added == 4
    assert index._writer.execute("PRAGMA page_size").fetchone()[0] == 4096
    assert index._writer.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == WAL_BYTES // 4096
    assert index.search("moldova").total > 0


def test_the_index_uses_a_write_ahead_log(library: Path) -> None:
    index = LibraryIndex.open(library)
    index.refresh()
    with sqlite3.connect(index_path(library)) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection.close()


def test_a_fifo_in_the_library_is_never_waited_on(library: Path) -> None:
    os.mkfifo(library / "pipe.json")
    os.mkfifo(library / "alpha" / "sources" / "fifo.txt")
    (library / "piped").mkdir()
    os.mkfifo(library / "piped" / "briefing.json")
    index = LibraryIndex.open(library)
    report = index.refresh()  # would block forever on opening a FIFO for reading
    assert report.added == 5
    piped = index.book(library.resolve() / "piped" / "briefing.json")
    assert piped is not None and not piped.is_valid and "FIFO" in piped.message.upper()
    assert index.book(library.resolve() / "pipe.json") is None, "a FIFO is not a book file"
