"""What changed in a book since the reader last read it, and which notes lost their item.

The store keeps, per item, the content hash it had when the reader read it. Opening a book compares
those with the book as it is now: items with no stored hash are new, a different hash is changed, a
stored hash with no item is removed. The first opening of a book reads everything as it is (nothing is
"new" in a book you have never seen). New and changed items stay marked until the reader reads them.

Hashing every item costs most of a second on a 20 MB book, so the app's `open_reading` avoids it before
the first frame where it can: a book reopened in the version last opened (same digest) takes what was
unread from the store; a first reading's baseline, and the comparison of a big book's new version, are
made after it (`finish_reading`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from briefing.diff import BookItem, book_items
from briefing.diff.items import hash_items
from briefing.model import Briefing
from briefing.state.records import Note
from briefing.state.store import StateStore


@dataclass(frozen=True, slots=True)
class RemovedItem:
    item_id: str
    label: str


@dataclass(frozen=True, slots=True)
class ChangesSinceRead:
    """New, changed and removed items since the last reading, in the book's order."""

    new: list[BookItem] = field(default_factory=list)
    changed: list[BookItem] = field(default_factory=list)
    removed: list[RemovedItem] = field(default_factory=list)
    first_reading: bool = False
    """True when the book had never been opened: nothing is new, the baseline is recorded."""
    comparing: bool = False
    """True while the comparison runs after the first frame (`open_reading`): nothing is known yet."""

    @property
    def unread(self) -> dict[str, str]:
        """Item id → 'new' or 'changed', for the marks in the meeting tabs."""
        return {item.item_id: "new" for item in self.new} | {item.item_id: "changed" for item in self.changed}

    @property
    def is_empty(self) -> bool:
        return not (self.new or self.changed or self.removed)

    def counts(self) -> str:
        """'2 new items, 3 changed, 1 removed'."""
        from briefing.diff.compare import describe_counts  # the comparison is not needed to open a book

        return describe_counts(len(self.new), len(self.changed), len(self.removed))


def changes_since_read(store: StateStore, briefing: Briefing, items: dict[str, BookItem] | None = None) -> ChangesSinceRead:
    """Compare the stored read state with `briefing`; reads only (the library uses this)."""
    items = items if items is not None else book_items(briefing)
    hashes = store.read_hashes(briefing.id)
    if not hashes:
        return ChangesSinceRead(first_reading=True)
    removed = [item_id for item_id in hashes if item_id not in items]
    # The labels only name removed items: a big book's 66,000 rows are not read when nothing went.
    labels = store.read_labels(briefing.id) if removed else {}
    return ChangesSinceRead(
        new=[item for item_id, item in items.items() if item_id not in hashes],
        changed=[item for item_id, item in items.items() if hashes.get(item_id, item.content_hash) != item.content_hash],
        removed=[RemovedItem(item_id, labels.get(item_id, "")) for item_id in removed],
    )


def begin_reading(store: StateStore, briefing: Briefing, items: dict[str, BookItem] | None = None) -> ChangesSinceRead:
    """Open the book in the store: note the time, work out the changes, record a first baseline.

    Removed items are reported by this call and then forgotten (they cannot be read any more);
    new and changed ones stay until `mark_read`.
    """
    items = items if items is not None else book_items(briefing)
    changes = changes_since_read(store, briefing, items)
    store.record_open(briefing.id, briefing.title)
    if changes.first_reading:
        mark_read(store, briefing.id, items.values())
    elif changes.removed:
        store.forget_read(briefing.id, [item.item_id for item in changes.removed])
    return changes


FIRST_READING = "first reading"
COMPARISON = "comparison"

COMPARED_AT_ONCE = 5_000
"""A book of up to this many items is compared with the version last read before its first frame (some
50 ms of hashing); a larger one after it (`finish_reading`): a 20 MB book's 66,000 items take a second."""


@dataclass(frozen=True, slots=True)
class Reading:
    """A book opened by the app: its items, what changed since the last reading, and what is left for
    after the first frame (`finish_reading`): a first reading's baseline, or the comparison."""

    items: dict[str, BookItem]
    changes: ChangesSinceRead
    pending: str | None = None
    """`FIRST_READING`, `COMPARISON`, or None when the opening is complete."""


def open_reading(store: StateStore, briefing: Briefing, version: str | None) -> Reading:
    """What `begin_reading` does, with as little as possible before the first frame.

    `version` is the digest of the book's file (None if unknown: the comparison is then always made).
    - The version last opened, nothing read in another since: the unread items come from the store.
    - A first reading: nothing to compare; the baseline is left to `finish_reading`.
    - Otherwise every item is hashed and compared with what was read (`begin_reading`) and the result
      kept for next time: at once for a book of `COMPARED_AT_ONCE` items or fewer, else by `finish_reading`.
    """
    unread = store.unread_in_version(briefing.id, version) if version is not None else None
    items = book_items(briefing, hashed=False)
    if unread is not None:
        store.record_open(briefing.id, briefing.title)
        new = [item for item_id, item in items.items() if unread.get(item_id) == "new"] if unread else []
        changed = [item for item_id, item in items.items() if unread.get(item_id) == "changed"] if unread else []
        return Reading(items, ChangesSinceRead(new=new, changed=changed))
    if not store.has_read(briefing.id):
        store.record_open(briefing.id, briefing.title)
        return Reading(items, ChangesSinceRead(first_reading=True), FIRST_READING)
    if len(items) > COMPARED_AT_ONCE:
        store.record_open(briefing.id, briefing.title)
        return Reading(items, ChangesSinceRead(comparing=True), COMPARISON)
    hash_items(briefing, items)
    return Reading(items, _compared(store, briefing, items, version))


def finish_reading(store: StateStore, briefing: Briefing, reading: Reading, version: str | None,
                   pause: Callable[[], None] | None = None) -> ChangesSinceRead:
    """What `open_reading` left for after the first frame, in one go: the changes since the last reading
    (a first reading's: nothing new, its baseline recorded). `pause` is called between slices of the
    hashing, and may raise to give up (nothing is then written)."""
    hash_items(briefing, reading.items, pause)
    if reading.pending == COMPARISON:
        return _compared(store, briefing, reading.items, version)
    if reading.pending == FIRST_READING:
        mark_read(store, briefing.id, reading.items.values(), version)
        if version is not None:
            store.save_unread(briefing.id, version, {})
    return reading.changes


def _compared(store: StateStore, briefing: Briefing, items: dict[str, BookItem], version: str | None) -> ChangesSinceRead:
    """The changes, worked out from hashed `items`, recorded (removed items forgotten) and kept for next time."""
    changes = begin_reading(store, briefing, items)
    if version is not None:
        store.save_unread(briefing.id, version, changes.unread)
    return changes


def mark_read(store: StateStore, book_id: str, items: Iterable[BookItem], version: str | None = None) -> None:
    """Record `items` as read in their current version (`version`: the digest of the book they are from)."""
    chosen = list(items)
    store.mark_read(
        book_id, {item.item_id: item.content_hash for item in chosen}, {item.item_id: item.label for item in chosen},
        version,
    )


def detached_notes(store: StateStore, briefing: Briefing, items: dict[str, BookItem] | None = None) -> list[Note]:
    """Notes on items this version of the book no longer has: kept and shown, never dropped."""
    items = items if items is not None else book_items(briefing)
    return [note for note in store.notes(briefing.id) if note.item_id not in items]


def notes_for_print(store: StateStore, briefing: Briefing, meeting_ids: Iterable[str] | None = None) -> list[tuple[str, str]]:
    """(what the note is on, note text) for `briefing print --notes`, in the book's order, detached last."""
    items = book_items(briefing)
    wanted = set(meeting_ids) if meeting_ids is not None else None
    notes = store.notes(briefing.id)
    order = {item_id: position for position, item_id in enumerate(items)}
    notes.sort(key=lambda note: (order.get(note.item_id, len(order)), note.created_at))
    pairs = []
    for note in notes:
        item = items.get(note.item_id)
        if item is None:
            pairs.append((f"{note.item_label or note.item_id} (no longer in this version of the book)", note.text))
        elif wanted is None or item.meeting_id in wanted or item.kind == "person":
            where = f" ({item.location})" if item.location and item.kind != "meeting" else ""
            pairs.append((f"{item.label}{where}", note.text))
    return pairs
