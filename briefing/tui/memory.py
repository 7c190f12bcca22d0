"""The garbage collector while the app run from the command line fills in a big book.

A book's objects live as long as the app; a full collection walks every one of them. The command line
freezes what loading made (`gc.freeze`) before the first frame, but right after it the app builds as
much again (the other tabs' entries, the search index's rows, every item's place): with the collector
on, full collections of 150–200 ms each fell on the reader's first keys. So the collector stays off
until that work is done (`MainScreen` says so: `BriefingApp.book_settled`), then what it made is
frozen too and the collector resumes. A fallback timer resumes it anyway, should that never come
(a library screen, an app closed early). Tests never use this: they build many apps in one process
and must get their garbage back.
"""

from __future__ import annotations

import gc

COLLECTOR_FALLBACK_AFTER = 30.0
"""Seconds after which the collector resumes whatever the app is doing."""

YOUNG_COLLECTION_EVERY = 10_000
"""Allocations between two collections of the youngest generation once the book is settled (Python's
default is 700). The frozen book is out of reach, but each key still leaves cyclic garbage (Textual's
widgets and messages: 3,000 to 10,000 objects a full collection on the big books of issue 9) and a full
collection comes once in a hundred young ones: with 700 it fell inside every few keys, 20-60 ms of the
key's UI thread (three in a benchmark's fifteen keys); with 10,000, about once in a whole session."""


class CollectorHold:
    """Keeps the collector off from `hold()` until `release()` (once; later calls do nothing)."""

    def __init__(self) -> None:
        self.released = False

    def hold(self) -> None:
        """Freeze what is alive now (the loaded book) and leave the collector off."""
        gc.freeze()
        gc.disable()

    def release(self) -> None:
        """Freeze what the app built meanwhile and turn the collector back on."""
        if self.released:
            return
        self.released = True
        gc.freeze()
        gc.set_threshold(YOUNG_COLLECTION_EVERY, *gc.get_threshold()[1:])
        gc.enable()
