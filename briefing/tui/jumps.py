"""The jump list: where the reader was before each jump, to go back (ctrl+o, backspace) and forth again.

A jump is any move that opens a place of the book from elsewhere: a search hit (enter, n/N), a
person's appearance, an overview line, the command palette. As in vim, going back from the newest
place first records it, so ctrl+i (tab in most terminals: see the help) returns to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_PLACES = 100
"""Places remembered; the oldest are forgotten first."""


@dataclass(frozen=True)
class Place:
    """A tab, the widget that had the keyboard there (by id) and how far the tab was scrolled."""

    tab: str
    focus_id: str | None = None
    scroll_y: float = 0.0


@dataclass
class JumpList:
    places: list[Place] = field(default_factory=list)
    position: int = 0
    """Index in `places` of where `back` goes next, plus one; `len(places)` when not going back."""

    def record(self, place: Place) -> None:
        """Remember `place` before a jump away from it; places ahead of the current one are dropped."""
        del self.places[self.position:]
        if not self.places or self.places[-1] != place:
            self.places.append(place)
        del self.places[:-MAX_PLACES]
        self.position = len(self.places)

    def back(self, here: Place) -> Place | None:
        """Where to go back to from `here`, or None at the oldest place."""
        if self.position == 0:
            return None
        if self.position == len(self.places):
            # Leaving the newest place: keep it, so that forward comes back here.
            if not self.places or self.places[-1] != here:
                self.places.append(here)
            self.position = len(self.places) - 1
        self.position -= 1
        return self.places[self.position]

    def forward(self) -> Place | None:
        """Where the last `back` came from, or None when there is nothing ahead."""
        if self.position + 1 >= len(self.places):
            return None
        self.position += 1
        return self.places[self.position]
