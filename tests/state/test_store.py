"""The state store below the UI: notes, bookmarks, position, settings, read marks, files and folders."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from briefing.state import Position, StateStore, database_path, state_dir
from briefing.state.schema import SCHEMA_VERSION


@pytest.fixture
def store(tmp_path: Path) -> StateStore:
    opened = StateStore.open(tmp_path / "state" / "state.sqlite3")
    yield opened
    opened.close()


def test_a_note_is_saved_listed_counted_and_deleted(store: StateStore) -> None:
    note = store.add_note("book", "q-1", "Ask about the tranche.", "quote", "Borrell on the EPF")
    store.add_note("book", "q-1", "Second thought.")
    store.add_note("other-book", "q-1", "Not this book.")
    assert [n.text for n in store.notes("book", "q-1")] == ["Ask about the tranche.", "Second thought."]
    assert store.note_counts("book") == {"q-1": 2}
    assert store.note(note.note_id).item_label == "Borrell on the EPF"
    assert store.delete_note(note.note_id)
    assert store.note_counts("book") == {"q-1": 1}


def test_an_update_keeps_the_note_and_bumps_its_revision(store: StateStore) -> None:
    note = store.add_note("book", "p-1", "first")
    result = store.update_note(note, "second")
    assert not result.conflict
    assert result.note.revision == 2
    assert [n.text for n in store.notes("book")] == ["second"]


def test_a_stale_update_never_overwrites_another_copys_save(store: StateStore) -> None:
    seen_by_both = store.add_note("book", "p-1", "original")
    assert not store.update_note(seen_by_both, "from copy A").conflict
    late = store.update_note(seen_by_both, "from copy B")
    assert late.conflict
    assert sorted(n.text for n in store.notes("book", "p-1")) == ["from copy A", "from copy B"]


def test_emptying_a_note_deletes_it_unless_someone_changed_it(store: StateStore) -> None:
    note = store.add_note("book", "p-1", "text")
    changed = store.update_note(note, "changed elsewhere").note
    assert store.update_note(note, "  ").conflict  # stale: the other copy's text stays
    assert [n.text for n in store.notes("book")] == ["changed elsewhere"]
    assert store.update_note(changed, "").note is None
    assert store.notes("book") == []


def test_merge_adds_updates_and_never_duplicates(store: StateStore) -> None:
    note = store.add_note("book", "p-1", "mine")
    assert store.merge_note(note) == "unchanged"
    newer = note.__class__(**{**_fields(note), "text": "edited on the laptop", "updated_at": "9999"})
    assert store.merge_note(newer) == "updated"
    same_text_other_id = newer.__class__(**{**_fields(newer), "note_id": "elsewhere"})
    assert store.merge_note(same_text_other_id) == "unchanged"
    fresh = newer.__class__(**{**_fields(newer), "note_id": "new", "text": "new thought"})
    assert store.merge_note(fresh) == "added"
    assert sorted(n.text for n in store.notes("book")) == ["edited on the laptop", "new thought"]


def _fields(note: object) -> dict:
    return {name: getattr(note, name) for name in note.__slots__}


def test_bookmarks_toggle(store: StateStore) -> None:
    assert store.toggle_bookmark("book", "q-1", "a quote")
    assert store.toggle_bookmark("book", "p-2")
    assert [b.item_id for b in store.bookmarks("book")] == ["q-1", "p-2"]
    assert not store.toggle_bookmark("book", "q-1")
    assert [b.item_id for b in store.bookmarks("book")] == ["p-2"]
    assert not store.add_bookmark("book", "p-2")


def test_position_settings_and_book_summary(store: StateStore) -> None:
    assert store.position("book") is None
    store.save_position("book", Position("meeting-fac", "q-1", 42))
    store.save_position("book", Position("meeting-nato", "p-3", 7))
    assert store.position("book") == Position("meeting-nato", "p-3", 7)
    store.set_setting("theme", "nord")
    store.set_setting("theme", "gruvbox")
    assert store.setting("theme") == "gruvbox"
    assert store.book_summary("book").last_opened is None
    store.record_open("book", "Week of 11 April")
    store.add_note("book", "x", "n")
    summary = store.book_summary("book")
    assert (summary.title, summary.note_count, summary.bookmark_count) == ("Week of 11 April", 1, 0)
    assert summary.last_opened is not None


def test_read_hashes_are_upserted_and_forgotten(store: StateStore) -> None:
    store.mark_read("book", {"a": "h1", "b": "h2"})
    store.mark_read("book", {"a": "h3"})
    assert store.read_hashes("book") == {"a": "h3", "b": "h2"}
    store.forget_read("book", ["b"])
    assert store.read_hashes("book") == {"a": "h3"}


def test_file_and_new_folders_are_private(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "state" / "state.sqlite3"
    store = StateStore.open(path)
    store.add_note("book", "x", "private")
    for companion in path.parent.iterdir():  # the -wal and -shm files too
        assert stat.S_IMODE(companion.stat().st_mode) == 0o600, companion
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "deep").stat().st_mode) == 0o700
    store.close()


def test_database_is_wal_and_at_the_current_schema(store: StateStore) -> None:
    connection = sqlite3.connect(store.path)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    connection.close()


def test_a_file_from_a_newer_briefing_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    before = path.read_bytes()
    store = StateStore.open(path)
    assert store.is_in_memory
    assert "schema version" in store.take_messages()[0]
    store.add_note("book", "x", "kept in memory")
    assert path.read_bytes() == before


def test_state_dir_follows_the_override_then_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(tmp_path / "override"))
    assert database_path() == tmp_path / "override" / "state.sqlite3"
    monkeypatch.delenv("BRIEFING_STATE_DIR")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
    if state_dir().is_relative_to(tmp_path / "xdg"):  # Linux and other XDG systems
        assert state_dir() == tmp_path / "xdg" / "briefing"
    else:  # macOS, Windows: the platform's own folder
        assert state_dir().name == "briefing"


def test_a_write_failure_mid_session_moves_to_memory_and_keeps_the_note(store: StateStore) -> None:
    store.add_note("book", "x", "before")
    store._connection.execute("PRAGMA query_only = ON")  # every write now fails like a read-only disk
    note = store.add_note("book", "y", "after the disk went read-only")
    assert store.is_in_memory
    assert "memory" in store.take_messages()[0]
    assert store.take_messages() == []  # said once
    assert [n.text for n in store.notes("book")] == ["before", "after the disk went read-only"]
    assert store.note(note.note_id) is not None


def test_opened_books_lists_every_book_opened_or_annotated_in_one_go(store: StateStore) -> None:
    assert store.opened_books() == {}
    store.record_open("read", "A book read")
    store.add_note("read", "x", "n")
    store.add_note("read", "y", "m")
    store.add_note("noted-only", "x", "n")
    found = store.opened_books()
    assert set(found) == {"read", "noted-only"}
    assert found["read"][0] == store.book_summary("read").last_opened and found["read"][1] == 2
    assert found["noted-only"] == ("", 1)


def test_unread_of_the_version_last_opened_until_read(store: StateStore) -> None:
    assert store.unread_in_version("book", "v1") is None  # never opened
    store.mark_read("book", {"a": "h1", "b": "h2"}, version="v1")
    store.save_unread("book", "v1", {"c": "new", "d": "changed"})
    assert store.unread_in_version("book", "v1") == {"c": "new", "d": "changed"}
    assert store.unread_in_version("book", "v2") is None  # another version: work it out
    store.mark_read("book", {"c": "h3"}, version="v1")
    assert store.unread_in_version("book", "v1") == {"d": "changed"}
    store.save_unread("book", "v2", {"e": "new"})  # the other version opened since
    assert store.unread_in_version("book", "v1") is None
    assert store.unread_in_version("book", "v2") == {"e": "new"}
    assert store.unread_in_version("other book", "v2") is None


@pytest.mark.parametrize("version", ["v0", None], ids=["another version", "unknown version"])
def test_reading_in_another_version_drops_the_unread_list(store: StateStore, version: str | None) -> None:
    # An item read as it is in another version of the book may now differ from this version's:
    # only a comparison can tell, so the list kept for this version no longer counts.
    store.save_unread("book", "v1", {"c": "new"})
    store.mark_read("book", {"a": "h-of-v0"}, version=version)
    assert store.unread_in_version("book", "v1") is None


def test_forgetting_removed_items_drops_the_unread_list(store: StateStore) -> None:
    store.mark_read("book", {"a": "h1", "b": "h2"}, version="v1")
    store.save_unread("book", "v1", {})
    store.forget_read("book", ["b"])
    assert store.unread_in_version("book", "v1") is None
    assert store.has_read("book") and not store.has_read("other book")


def test_a_version_2_file_gains_the_unread_tables_and_keeps_its_read_marks(tmp_path: Path) -> None:
    from briefing.state.schema import MIGRATIONS, _statements

    path = tmp_path / "state.sqlite3"
    connection = sqlite3.connect(path, isolation_level=None)
    for number, script in enumerate(MIGRATIONS[:2], 1):
        for statement in _statements(script):
            connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {number}")
    connection.execute("INSERT INTO read_items VALUES ('book', 'a', 'h1', '2026-01-01', 'key point: a')")
    connection.close()
    store = StateStore.open(path)
    assert store.read_hashes("book") == {"a": "h1"}
    assert store.unread_in_version("book", "v1") is None
    store.save_unread("book", "v1", {"b": "new"})
    assert store.unread_in_version("book", "v1") == {"b": "new"}
    store.close()
