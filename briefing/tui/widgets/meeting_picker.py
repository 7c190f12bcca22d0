"""The meeting picker: one tab that lists every meeting, for a book with more meetings than tabs can hold.

A 2,000-meeting book cannot have a tab each (the tab bar would be unusable, and composing 2,000 panes
took most of the start-up). The picker is a `BrowsePane` (the quote browser's filter mode: `f` or `/`)
over a list of "title — dates, place" lines in time order; every word of the filter must start a word
of the title, the place or the id (any case and accents); Enter opens the meeting in the tab beside it
(`MeetingPicker.Picked`).

The list is Textual's `OptionList`, which draws only the lines on screen; filtering is one pass of
plain string tests over pre-folded keys, so a keystroke costs the same whatever is on screen.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.widgets import Static
from textual.widgets.option_list import Option

from briefing.model import BriefingLookup, Meeting
from briefing.model.ordering import meetings_in_time_order
from briefing.render.vocabulary import Vocabulary, vocabulary
from briefing.tui.widgets.browse_pane import BrowsePane
from briefing.tui.widgets.filter_input import FilterInput
from briefing.tui.widgets.lazy_options import LazyOption
from briefing.tui.widgets.literal import literal, one_line
from briefing.tui.widgets.reader_scroll import BrowseList

_WORD = re.compile(r"[^\W_]+")
"""A run of letters and digits (`str.isalnum`): `\\w` without the underscore."""


def _fold(text: str) -> str:
    if text.isascii():  # nothing to decompose: most titles, and much faster
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(character for character in decomposed if not unicodedata.combining(character))


def _words(text: str) -> list[str]:
    return _WORD.findall(_fold(text))


def meeting_line(meeting: Meeting, words: Vocabulary | None = None) -> Content:
    """ "Title — 6–7 April 2022, Brussels": the title as literal briefing text, the rest muted."""
    words = words or vocabulary()
    # One line whatever the book holds: the picker's list declares one line per meeting (`LazyOption`).
    return Content.assemble(literal(one_line(meeting.title), "bold"),
                            literal(one_line(f" — {words.meeting_dates(meeting)}, {words.place_name(meeting)}"), "dim"))


class MeetingPicker(BrowsePane[str]):
    """A filter box and the list of meetings (entries are meeting ids); Enter on one posts `Picked`."""

    NAME = "picker"

    DEFAULT_CSS = """
    MeetingPicker > #picker-count { color: $text-muted; padding: 0 1; height: 1; }
    """

    class Picked(Message):
        """The reader chose a meeting to read."""

        def __init__(self, meeting_id: str) -> None:
            super().__init__()
            self.meeting_id = meeting_id

    def __init__(self, lookup: BriefingLookup, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lookup = lookup
        self._meetings = meetings_in_time_order(lookup.briefing)
        self._words = vocabulary(lookup.briefing.language)
        self._keys: list[tuple[str, list[str]]] | None = None
        # Built when drawn: a list of 2,000 meetings shows 30 of them.
        self._options = {meeting.id: LazyOption(partial(meeting_line, meeting, self._words), id=meeting.id)
                         for meeting in self._meetings}

    @property
    def keys(self) -> list[tuple[str, list[str]]]:
        """(meeting id, the words a filter matches), worked out at the first filter typed."""
        if self._keys is None:
            self._keys = [
                (meeting.id, [*_words(meeting.title), *_words(self._words.place_name(meeting)), meeting.id])
                for meeting in self._meetings
            ]
        return self._keys

    def compose(self) -> ComposeResult:
        yield FilterInput(placeholder="f or / to filter: words of the title or place", id="picker-filter")
        yield Static(self._count(len(self._options)), id="picker-count")
        yield Static(classes="browse-empty", id="picker-empty")
        yield BrowseList(id="picker-list", classes="browse-list")

    def _count(self, shown: int) -> str:
        total = len(self._options)
        return f"{total:,} meetings, in time order" if shown == total else f"{shown:,} of {total:,} meetings"

    def matching(self, text: str) -> list[str]:
        """Ids of the meetings whose title, place or id has a word starting with each word of `text`."""
        wanted = _words(text)
        if not wanted:
            return list(self._options)
        return [
            meeting_id for meeting_id, words in self.keys
            if all(any(word.startswith(part) for word in words) for part in wanted)
        ]

    def entry_id(self, entry: str) -> str:
        return entry

    def options(self, entries: Sequence[str]) -> list[Option]:
        return [self._options[meeting_id] for meeting_id in entries]

    def show_entry(self, entry: str | None) -> None:
        if counts := self.query("#picker-count"):
            counts.first(Static).update(self._count(len(self.listed)))

    @on(BrowseList.OptionSelected, "#picker-list")
    def _picked(self, event: BrowseList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Picked(event.option.id))
