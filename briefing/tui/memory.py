"""The garbage collector while the app run from the command line fills in a big book.

A book's objects live as long as the app; a full collection walks every one of them. The command line
freezes what loading made (`gc.freeze`) before the first frame, but right after it the app builds as
much again (the other tabs' entries, the search index's rows, every item's place): with the collector
on, full collections of 150–200 ms each fell on the reader's first keys. So the collector stays off
until that work is done (`MainScreen` says so: `BriefingApp.book_settled`), then what it made is
frozen too and the collector resumes. A fallback timer resumes it anyway, should that never come
(a library screen, an app closed early). Tests never use this: they build many apps in one process
and must get their garbage back.

Once it has resumed, what the reader's keys leave is collected when they stop (`CollectsWhileIdle`):
the collections Python starts by itself fell inside keys (a middle-generation one took 15-35 ms of the
people tab, a search or an enter on the big books of issue 9); collected while the reader reads, the
next keys seldom meet one.
"""

from __future__ import annotations

import gc

from textual import events
from textual.app import App
from textual.timer import Timer

COLLECTOR_FALLBACK_AFTER = 30.0
"""Seconds after which the collector resumes whatever the app is doing."""

YOUNG_COLLECTION_EVERY = 10_000
"""Allocations between two collections of the youngest generation once the book is settled (Python's
default is 700). The frozen book is out of reach, but each key still leaves cyclic garbage (Textual's
widgets and messages: 3,000 to 10,000 objects a full collection on the big books of issue 9) and a full
collection comes once in a hundred young ones: with 700 it fell inside every few keys, 20-60 ms of the
key's UI thread (three in a benchmark's fifteen keys); with 10,000, about once in a whole session."""


IDLE_BEFORE_COLLECTING = 1.0
"""Seconds without a key, click or wheel turn after which the garbage of the last ones is collected: long
enough that a reader stepping with j, or pausing in a word, is not met by it; a reader reads longer."""

WORTH_COLLECTING = 1_000
"""Objects made since the last collection below which an idle one is not worth it (a key makes thousands)."""


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

    def collect_while_idle(self) -> int | None:
        """Collect the young garbage now (the reader has stopped pressing keys), and the old too when
        Python would soon collect it by itself; the generation collected, or None (nothing was pending, or
        the collector is not on yet)."""
        if not self.released or not gc.isenabled():
            return None
        young, middle, old = gc.get_count()
        if young < WORTH_COLLECTING and middle == 0:
            return None
        # Each collection of the middle generation counts one towards a full one, which Python starts
        # after `threshold` of them: started here instead, it does not fall inside a later key.
        generation = 2 if old + 1 >= gc.get_threshold()[2] else 1
        gc.collect(generation)
        return generation


class CollectsWhileIdle(App[None]):
    """A mixin of the app: once `collector` has released the collector, garbage is collected
    `IDLE_BEFORE_COLLECTING` seconds after the last key, click or wheel turn (see the module)."""

    collector: CollectorHold | None

    _idle_collection: Timer | None = None

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp)):
            self._collect_once_idle()
        await super().on_event(event)

    def _collect_once_idle(self) -> None:
        if self.collector is None or not self.collector.released:
            return
        if self._idle_collection is not None:
            self._idle_collection.stop()
        self._idle_collection = self.set_timer(IDLE_BEFORE_COLLECTING, self.collector.collect_while_idle,
                                               name="collect-while-idle")
