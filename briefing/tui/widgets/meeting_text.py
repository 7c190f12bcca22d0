"""A meeting's text as parts (its header, each session's heading, items and folds), made and mounted as the
reader comes within a screen of them.

Each widget of a text costs about a millisecond of the key that shows it (made, styled, mounted, measured,
drawn): enter on a search hit of a book of 2,000 meetings made the 37 widgets of a meeting whose first
screen shows 15. The parts are always mounted from the first: what is mounted is a prefix of the text,
so the text above the reader is always there and scrolling up never moves what is on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial

from textual.content import Content
from textual.widget import Widget

from briefing.model import BriefingLookup, Meeting, Quote, Session
from briefing.render.vocabulary import Vocabulary, vocabulary
from briefing.tui.search_state import display_texts
from briefing.tui.widgets.hanging import Hanging
from briefing.tui.widgets.item_block import ItemBlock
from briefing.tui.widgets.literal import labelled, literal
from briefing.tui.widgets.measured import MeasuredStatic
from briefing.tui.widgets.meeting_parts import PassageFold, SessionHeading, label_hanging

FILL_MARGIN = 4
"""Lines mounted beyond the bottom of the screen: what is mounted is worked out before the text is laid out,
from `TextPart.lines`, a guess."""


@dataclass(frozen=True)
class TextPart:
    """One child of a meeting's text, not made until it is mounted."""

    make: Callable[[], Widget]
    lines: int
    """The lines it takes at the least (its margin included): a screen is filled when enough are mounted."""
    sessions: tuple[str, ...] = ()
    """The session it heads, if it is a session's heading."""
    items: tuple[str, ...] = ()
    """The items it shows (an item block: one; a fold: its passages)."""


def lines_of(texts: Iterable[str], width: int, extra: int = 1) -> int:
    """The lines `texts` take at `width` at the least (each starts a line; a line holds `width` characters at
    the most), plus `extra` (a margin, a border)."""
    width = max(width, 1)
    return sum(1 + len(text) // width for text in texts) + extra


class LazyText:
    """A text's parts and how many of them are mounted (a prefix)."""

    def __init__(self, parts: list[TextPart]) -> None:
        self.parts = parts
        self.mounted = 0
        """Parts mounted, from the first."""
        self._part_of_item = {item: index for index, part in enumerate(parts) for item in part.items}
        self._part_of_session = {session: index for index, part in enumerate(parts) for session in part.sessions}

    @property
    def pending(self) -> bool:
        """Whether parts remain to be mounted."""
        return self.mounted < len(self.parts)

    def part_of(self, *, item_id: str | None = None, session_id: str | None = None) -> int | None:
        """The index of the part showing `item_id` (or heading `session_id`), if the text has it."""
        if item_id is not None and item_id in self._part_of_item:
            return self._part_of_item[item_id]
        return self._part_of_session.get(session_id or "")

    def end_to_fill(self, landing: int, lines: int) -> int:
        """How many parts to mount to have part `landing`, and `lines` more lines from its top (a screen
        below it, when the reader lands on it), and everything before it."""
        end = max(self.mounted, min(landing, len(self.parts)))
        filled = 0
        while end < len(self.parts) and filled < lines:
            filled += self.parts[end].lines
            end += 1
        return end

    def take(self, end: int) -> list[Widget]:
        """The widgets of the parts up to `end` not mounted yet, counted as mounted now."""
        start, self.mounted = self.mounted, max(self.mounted, min(end, len(self.parts)))
        return [part.make() for part in self.parts[start : self.mounted]]


def session_when(session: Session, words: Vocabulary | None = None) -> str:
    """ "11 April 2022, morning · working session" — when, and what sort of session (in the book's
    language when `words` is the book's vocabulary)."""
    return (words or vocabulary()).session_when(session)


READING_ORDER = ("key_point", "position", "figure", "quote")
"""What a session shows first; its source passages follow, folded."""

ITEM_GUTTER = 3
"""An item block's border and padding beside its text, in the guess of its lines."""

ITEM_LEAD = " " * 16
"""Room for an item's source marker and label before its text ("¶12 Key point: "), in that guess."""

SESSION_WINDOW = 8
"""Sessions of a meeting in the text at once; a longer meeting moves this window as the reader goes (its
line under the last says so): 10,000 sessions would be 100,000 widgets."""


class TextMaker:
    """Makes the parts of a meeting's text, wrapped at `width` columns or fewer; its item blocks show the
    matches `spans_for()` gives when they are made."""

    def __init__(self, lookup: BriefingLookup, meeting: Meeting, sessions: list[Session], width: int,
                 spans_for: Callable[[], object]) -> None:
        self.lookup, self.meeting, self.sessions, self.width = lookup, meeting, sessions, width
        self.words = vocabulary(lookup.briefing.language)
        self._spans_for = spans_for

    def fixed_parts(self) -> list[TextPart]:
        """The meeting's header and its own source passages (folded): above every window of sessions."""
        meeting = self.meeting
        header = self._header()
        parts = [TextPart(partial(MeasuredStatic, header, classes="meeting-header"),
                          lines_of(header.plain.splitlines(), self.width))]
        if meeting.passages:
            title = self.words.phrase("Source passages about the meeting ({count})", count=len(meeting.passages))
            parts.append(self._fold_part([passage.id for passage in meeting.passages], title))
        return parts

    def window_parts(self, start: int) -> list[TextPart]:
        """The parts of the sessions in the window from session `start`, and a line saying where it is."""
        parts: list[TextPart] = []
        shown = self.sessions[start : start + SESSION_WINDOW]
        for session in shown:
            parts.append(TextPart(partial(SessionHeading, session), lines_of([session.title], self.width),
                                  sessions=(session.id,)))
            info = self._session_info(session)
            parts.append(TextPart(partial(MeasuredStatic, info, classes="session-info"),
                                  lines_of(info.plain.splitlines(), self.width)))
            parts.extend(self._session_items(session))
        if len(self.sessions) > SESSION_WINDOW:
            first, last, count = start + 1, start + len(shown), len(self.sessions)
            line = Content(f"Sessions {first:,}–{last:,} of {count:,}: j or ] past the last goes on, "
                           "k or [ before the first goes back; t lists them all.")
            parts.append(TextPart(partial(MeasuredStatic, line, classes="session-info session-window"),
                                  lines_of([line.plain], self.width)))
        return [TextPart(partial(_windowed, part.make), part.lines, part.sessions, part.items) for part in parts]

    def _session_items(self, session: Session) -> list[TextPart]:
        """The parts of a session's item blocks in reading order, then of its source passages, folded."""
        width = self.width - ITEM_GUTTER
        parts = [
            TextPart(partial(self.block, item.id), lines_of(self._item_lines(item.id), width), items=(item.id,))
            for kind in READING_ORDER
            for item in getattr(session, f"{kind}s")
        ]
        if session.passages:
            title = self.words.phrase("Source passages ({count})", count=len(session.passages))
            parts.append(self._fold_part([passage.id for passage in session.passages], title))
        return parts

    def _item_lines(self, item_id: str) -> list[str]:
        """An item's lines of text, to guess its height: the main text after its marker and label, and a
        quote's speaker."""
        located = self.lookup.items[item_id]
        body, second = display_texts(self.lookup, located)
        return [f"{ITEM_LEAD}{body}", *([second] if second and isinstance(located.item, Quote) else [])]

    def _fold_part(self, item_ids: list[str], title: str) -> TextPart:
        return TextPart(partial(self._fold, item_ids, title), 2, items=tuple(item_ids))

    def _fold(self, item_ids: list[str], title: str) -> PassageFold:
        return PassageFold(item_ids, lambda: [self.block(item_id) for item_id in item_ids], title=title)

    def block(self, item_id: str) -> ItemBlock:
        """An item's block, its matches already set: set once it is mounted, each block asked to be drawn
        again after the screen's layout pass, which was then drawn twice (enter on a search hit)."""
        block = ItemBlock(self.lookup, self.lookup.items[item_id])
        if callable(spans_for := self._spans_for()):
            block.set_reactive(ItemBlock.spans, spans_for(item_id))
        return block

    def _header(self) -> Hanging:
        meeting, words = self.meeting, self.words
        lines = [
            literal(meeting.title, "bold underline $text-primary"),
            Content.assemble(literal(meeting.kind), " · ", words.meeting_dates(meeting),
                             " · ", literal(words.place(meeting))),
            literal(meeting.summary),
        ]
        if meeting.participants:
            lines.append(labelled(f"{words.label('Participants')}: ", self._names(meeting.participants)))
        return label_hanging(lines, words)

    def _session_info(self, session: Session) -> Hanging:
        words = self.words
        lines = [literal(session_when(session, words))]  # the format is briefing text
        if session.dating_note:
            lines.append(labelled(f"{words.label('Dating')}: ", session.dating_note))
        if session.participants:
            lines.append(labelled(f"{words.label('Participants')}: ", self._names(session.participants)))
        return label_hanging(lines, words)

    def _names(self, identifiers: tuple[str, ...]) -> str:
        return ", ".join(self.lookup.actor_name(identifier) for identifier in identifiers)


def _windowed(make: Callable[[], Widget]) -> Widget:
    widget = make()
    widget.add_class("-windowed", update=False)  # not styled yet: styling it now and when mounted was a tenth
    return widget                                # of a window's mount
