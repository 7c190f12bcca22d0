"""'Changed since you last read': baseline on first opening, new/changed/removed after an edit."""

from __future__ import annotations

from pathlib import Path

from briefing.diff import book_items
from briefing.loading import load_briefing
from briefing.state import StateStore, begin_reading, changes_since_read, detached_notes, mark_read
from tests.books import CHANGED_POSITION, NEW_KEY_POINT, overnight_edit, sample_copy


def test_first_opening_is_a_baseline_with_nothing_new(tmp_path: Path) -> None:
    store = StateStore.open(tmp_path / "state.sqlite3")
    briefing = load_briefing(sample_copy(tmp_path / "v1"))
    assert changes_since_read(store, briefing).first_reading
    first = begin_reading(store, briefing)
    assert first.first_reading and first.is_empty
    assert len(store.read_hashes(briefing.id)) == len(book_items(briefing))
    again = begin_reading(store, briefing)
    assert not again.first_reading and again.is_empty
    assert store.book_summary(briefing.id).last_opened is not None


def test_the_overnight_edit_is_new_and_changed_until_read(tmp_path: Path) -> None:
    store = StateStore.open(tmp_path / "state.sqlite3")
    begin_reading(store, load_briefing(sample_copy(tmp_path / "v1")))
    new_version = load_briefing(sample_copy(tmp_path / "v2", overnight_edit))
    changes = begin_reading(store, new_version)
    assert changes.counts() == "1 new item, 1 changed"
    assert changes.unread == {NEW_KEY_POINT: "new", CHANGED_POSITION: "changed"}
    assert begin_reading(store, new_version).unread == changes.unread  # still unread when reopened
    mark_read(store, new_version.id, [book_items(new_version)[NEW_KEY_POINT]])
    assert begin_reading(store, new_version).unread == {CHANGED_POSITION: "changed"}


def test_a_removed_item_is_reported_once_and_its_note_kept_detached(tmp_path: Path) -> None:
    store = StateStore.open(tmp_path / "state.sqlite3")
    original = load_briefing(sample_copy(tmp_path / "v1"))
    begin_reading(store, original)
    store.add_note(original.id, CHANGED_POSITION, "Ask about Bensouda.", "position", "position: Belgium is a party")

    def remove_position(data: dict) -> None:
        for meeting in data["meetings"]:
            for session in meeting["sessions"]:
                session["positions"] = [p for p in session["positions"] if p["id"] != CHANGED_POSITION]

    shorter = load_briefing(sample_copy(tmp_path / "v2", remove_position))
    changes = begin_reading(store, shorter)
    assert changes.counts() == "1 removed"
    assert changes.removed[0].item_id == CHANGED_POSITION
    assert changes.removed[0].label.startswith("position: Belgium is a party")
    assert begin_reading(store, shorter).is_empty
    assert [note.text for note in detached_notes(store, shorter)] == ["Ask about Bensouda."]
    assert store.notes(shorter.id)  # never dropped
