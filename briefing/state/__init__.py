"""The reader's own state: notes, bookmarks, reading position, theme and read marks, kept locally.

No Textual here. One SQLite database in the user's state folder (`paths`), never next to a briefing.

For other features (the library's "last read / notes / changed since read" columns):
- `StateStore.open()` → the store; `store.book_summary(book_id)` → last opened, note and bookmark counts;
- `changes_since_read(store, briefing)` → what is new, changed and removed since the reader last read it.
"""

from briefing.state.paths import STATE_DIR_VARIABLE, database_path, state_dir
from briefing.state.reading import (
    COMPARISON,
    FIRST_READING,
    ChangesSinceRead,
    Reading,
    RemovedItem,
    begin_reading,
    changes_since_read,
    detached_notes,
    finish_reading,
    mark_read,
    open_reading,
)
from briefing.state.records import Bookmark, BookSummary, Note, Position, SaveResult
from briefing.state.store import StateStore

__all__ = [
    "COMPARISON",
    "FIRST_READING",
    "STATE_DIR_VARIABLE",
    "BookSummary",
    "Bookmark",
    "ChangesSinceRead",
    "Note",
    "Position",
    "Reading",
    "RemovedItem",
    "SaveResult",
    "StateStore",
    "begin_reading",
    "changes_since_read",
    "database_path",
    "detached_notes",
    "finish_reading",
    "mark_read",
    "open_reading",
    "state_dir",
]
