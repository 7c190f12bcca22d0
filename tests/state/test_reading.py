"""'Changed since you last read': baseline on first opening, new/changed/removed after an edit."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.diff import book_items
from briefing.diff import items as items_module
from briefing.loading import LoadedBook, load_book, load_briefing
from briefing.model import Briefing
from briefing.state import (
    COMPARISON,
    FIRST_READING,
    StateStore,
    begin_reading,
    changes_since_read,
    detached_notes,
    finish_reading,
    mark_read,
    open_reading,
)
from briefing.state import reading as reading_module
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


def full_comparison(store: StateStore, briefing: Briefing) -> dict[str, str]:
    """What the read hashes say is unread in `briefing`, compared item by item."""
    return changes_since_read(store, briefing).unread


def test_a_first_reading_hashes_nothing_until_its_baseline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = StateStore.open(tmp_path / "state.sqlite3")
    book = load_book(sample_copy(tmp_path / "v1"))
    hashed = count_hashes(monkeypatch)
    reading = open_reading(store, book.briefing, book.digest)
    assert reading.changes.first_reading and reading.pending == FIRST_READING
    assert hashed == [] and not store.has_read(book.briefing.id)
    assert store.book_summary(book.briefing.id).last_opened is not None
    finish_reading(store, book.briefing, reading, book.digest)
    assert len(hashed) == len(reading.items) == len(store.read_hashes(book.briefing.id))
    again = open_reading(store, book.briefing, book.digest)
    assert again.pending is None and again.changes.is_empty and not again.changes.first_reading


def test_reopening_the_version_last_opened_hashes_nothing_and_agrees_with_a_comparison(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = StateStore.open(tmp_path / "state.sqlite3")
    first = load_book(sample_copy(tmp_path / "v1"))
    first_reading(store, first)
    second = load_book(sample_copy(tmp_path / "v2", overnight_edit))
    compared = open_reading(store, second.briefing, second.digest)  # a new version: compared in full
    assert compared.changes.unread == {NEW_KEY_POINT: "new", CHANGED_POSITION: "changed"}
    hashed = count_hashes(monkeypatch)
    reopened = open_reading(store, second.briefing, second.digest)
    assert hashed == []
    assert reopened.changes.unread == compared.changes.unread == full_comparison(store, second.briefing)
    assert [item.item_id for item in reopened.changes.new] == [NEW_KEY_POINT]
    assert [item.item_id for item in reopened.changes.changed] == [CHANGED_POSITION]
    hashed.clear()  # the full comparison above hashed every item
    mark_read(store, second.briefing.id, [reopened.items[NEW_KEY_POINT]], second.digest)
    assert len(hashed) == 1  # only the item read
    assert open_reading(store, second.briefing, second.digest).changes.unread == {CHANGED_POSITION: "changed"}
    assert full_comparison(store, second.briefing) == {CHANGED_POSITION: "changed"}


def test_reading_the_other_version_meanwhile_is_seen_at_the_next_reopening(tmp_path: Path) -> None:
    # Two copies of the book on the same day: the reader reads the position in the old one. Back in the
    # new one, the position shows as changed again (what they read is not what this version says).
    store = StateStore.open(tmp_path / "state.sqlite3")
    old = load_book(sample_copy(tmp_path / "v1"))
    first_reading(store, old)
    new = load_book(sample_copy(tmp_path / "v2", overnight_edit))
    reading = open_reading(store, new.briefing, new.digest)
    mark_read(store, new.briefing.id, [reading.items[CHANGED_POSITION]], new.digest)
    assert open_reading(store, new.briefing, new.digest).changes.unread == {NEW_KEY_POINT: "new"}
    old_items = open_reading(store, old.briefing, old.digest).items  # compared: another version
    mark_read(store, old.briefing.id, [old_items[CHANGED_POSITION]], old.digest)
    expected = {NEW_KEY_POINT: "new", CHANGED_POSITION: "changed"}
    assert open_reading(store, new.briefing, new.digest).changes.unread == expected == full_comparison(store, new.briefing)


def count_hashes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every item hash worked out from now on (its kind), whichever way."""
    hashed: list[str] = []
    original = items_module._Hasher.__call__

    def counting(self: object, kind: str, content: dict) -> str:
        hashed.append(kind)
        return original(self, kind, content)

    monkeypatch.setattr(items_module._Hasher, "__call__", counting)
    return hashed


def first_reading(store: StateStore, book: LoadedBook) -> None:
    """Open `book` for the first time and record its baseline, as the app does after its first frame."""
    reading = open_reading(store, book.briefing, book.digest)
    assert reading.pending == FIRST_READING
    finish_reading(store, book.briefing, reading, book.digest)


def test_a_big_new_version_is_compared_after_the_first_frame(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = StateStore.open(tmp_path / "state.sqlite3")
    first_reading(store, load_book(sample_copy(tmp_path / "v1")))
    new = load_book(sample_copy(tmp_path / "v2", overnight_edit))
    monkeypatch.setattr(reading_module, "COMPARED_AT_ONCE", 10)  # the sample's 110 items count as a big book
    hashed = count_hashes(monkeypatch)
    reading = open_reading(store, new.briefing, new.digest)
    assert reading.pending == COMPARISON and reading.changes.comparing and not reading.changes.unread
    assert hashed == [], "nothing hashed before the first frame"
    changes = finish_reading(store, new.briefing, reading, new.digest)
    assert len(hashed) == len(reading.items), "each item hashed once"
    assert changes.unread == {NEW_KEY_POINT: "new", CHANGED_POSITION: "changed"} == full_comparison(store, new.briefing)
    assert open_reading(store, new.briefing, new.digest).changes.unread == changes.unread  # kept for next time


def test_a_small_new_version_is_compared_before_the_first_frame(tmp_path: Path) -> None:
    store = StateStore.open(tmp_path / "state.sqlite3")
    first_reading(store, load_book(sample_copy(tmp_path / "v1")))
    new = load_book(sample_copy(tmp_path / "v2", overnight_edit))
    reading = open_reading(store, new.briefing, new.digest)
    assert reading.pending is None and not reading.changes.comparing
    assert reading.changes.unread == {NEW_KEY_POINT: "new", CHANGED_POSITION: "changed"}
