"""A meeting tab: its sessions in order, as sections the reader moves through; a session list beside."""

from __future__ import annotations

from contextlib import suppress
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing.model import BriefingLookup, Meeting, Session, iter_meeting_nodes
from briefing.render.vocabulary import vocabulary
from briefing.tui.widgets.hanging import Hanging
from briefing.tui.widgets.item_block import ItemBlock, SpanFinder
from briefing.tui.widgets.literal import labelled, literal
from briefing.tui.widgets.reader_scroll import ReaderOptionList, ReaderScroll


def session_when(session: Session) -> str:
    """ "11 April 2022, morning · working session" — when, and what sort of session."""
    return vocabulary().session_when(session)


ITEM_KEYS = Binding.Group("Item")
"""j and k share one footer entry."""


LABELS = ("Participants: ", "Dating: ")
"""Labels of the header lines; a long value (a list of names) continues under itself."""


def label_hanging(lines: list[Content]) -> Hanging:
    """`lines` as a Hanging: a labelled line hangs at the end of its label, any other line at 0."""
    return Hanging(
        (line, next((len(label) for label in LABELS if line.plain.startswith(label)), 0)) for line in lines
    )


class SessionHeading(Static, can_focus=True):
    """The title line of a session: where `[` and `]` land."""

    DEFAULT_CSS = """
    SessionHeading {
        text-style: bold;
        color: $text-accent;
        border-top: hkey $primary;
        padding: 0 1;
    }
    SessionHeading:focus {
        background: $boost;
    }
    """

    def __init__(self, session: Session) -> None:
        super().__init__(literal(session.title), id=f"session-{session.id}")
        self.session = session


class MeetingReader(ReaderScroll):
    """The text of a meeting; j/k and the arrows move from item to item, so `s` has an item to show."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Shown: reading is what this tab is for ("j k Item" in the footer).
        Binding("j", "step(1)", "Next item", group=ITEM_KEYS),
        Binding("k", "step(-1)", "Previous item", group=ITEM_KEYS),
        Binding("down", "step(1)", "Next item", show=False),
        Binding("up", "step(-1)", "Previous item", show=False),
        Binding("g,home", "edge(0)", "First item", show=False),
        Binding("G,end", "edge(-1)", "Last item", show=False),
    ]

    def stops(self) -> list[Widget]:
        """Everything the reader can land on, in reading order."""
        return [widget for widget in self.query("SessionHeading, ItemBlock")]

    def action_step(self, direction: int) -> None:
        stops = self.stops()
        if not stops:
            return
        focused = self.screen.focused
        if focused in stops:
            index = max(0, min(len(stops) - 1, stops.index(focused) + direction))
        else:
            index = self._first_visible(stops) if direction > 0 else 0
        self.land_on(stops[index])

    def action_edge(self, index: int) -> None:
        stops = self.stops()
        if index == 0:
            # The top of the tab, with the meeting's header, not merely the first item at the top edge.
            if stops:
                stops[0].focus(scroll_visible=False)
            self.call_after_refresh(self.scroll_home, animate=False)
        elif stops:
            self.land_on(stops[index])

    def land_on(self, widget: Widget, *, top: bool = False) -> None:
        widget.focus(scroll_visible=False)
        # After a refresh: a tab that was just switched to has not been laid out yet.
        self.call_after_refresh(self.scroll_to_widget, widget, animate=False, top=top)

    def _first_visible(self, stops: list[Widget]) -> int:
        top = self.scroll_offset.y
        for index, widget in enumerate(stops):
            if widget.virtual_region.y >= top:
                return index
        return 0


class MeetingView(Horizontal):
    """One meeting: header, meeting-level passages, then each session with its items."""

    DEFAULT_CSS = """
    MeetingView > OptionList {
        width: 34;
        height: 1fr;
        display: none;
    }
    MeetingView > MeetingReader {
        width: 1fr;
        height: 1fr;
    }
    MeetingView .meeting-header {
        padding: 0 1;
        margin-bottom: 1;
    }
    MeetingView .session-info {
        padding: 0 1;
        margin-bottom: 1;
        color: $text-muted;
    }
    """

    def __init__(self, lookup: BriefingLookup, meeting: Meeting, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lookup = lookup
        self.meeting = meeting

    def compose(self) -> ComposeResult:
        yield ReaderOptionList(
            # A long title's further lines are indented: where one session ends and the next begins shows.
            *(Option(Hanging([(literal(session.title), 2)]), id=session.id) for session in self.meeting.sessions),
            id="session-list",
        )
        with MeetingReader(id="meeting-reader"):
            yield Static(self._header(), classes="meeting-header")
            for located in iter_meeting_nodes(self.meeting):
                if located.kind == "session":
                    yield SessionHeading(located.item)
                    yield Static(self._session_info(located.item), classes="session-info")
                elif located.kind != "meeting":
                    yield ItemBlock(self.lookup, located.item, located.kind)

    def _header(self) -> Hanging:
        meeting = self.meeting
        words = vocabulary()
        lines = [
            literal(meeting.title, "bold"),
            Content.assemble(literal(meeting.kind), " · ", words.meeting_dates(meeting),
                             " · ", literal(words.place(meeting))),
            literal(meeting.summary),
        ]
        if meeting.participants:
            lines.append(labelled("Participants: ", self._names(meeting.participants)))
        return label_hanging(lines)

    def _session_info(self, session: Session) -> Hanging:
        lines = [literal(session_when(session))]  # the format is briefing text
        if session.dating_note:
            lines.append(labelled("Dating: ", session.dating_note))
        if session.participants:
            lines.append(labelled("Participants: ", self._names(session.participants)))
        return label_hanging(lines)

    def _names(self, identifiers: tuple[str, ...]) -> str:
        return ", ".join(self.lookup.actor_name(identifier) for identifier in identifiers)

    @property
    def reader(self) -> MeetingReader:
        return self.query_one(MeetingReader)

    def focus_reader(self) -> None:
        """Give the keyboard to the text, on the focused item if any, else on the first one."""
        stops = self.reader.stops()
        if stops and self.screen.focused not in stops:
            stops[0].focus(scroll_visible=False)
        elif not stops:
            self.reader.focus()

    def session_headings(self) -> list[SessionHeading]:
        return list(self.query(SessionHeading))

    def current_session_index(self) -> int:
        """The session holding the focused item, or the one at the top of the view."""
        headings = self.session_headings()
        focused = self.screen.focused
        anchor_y = focused.virtual_region.y if focused in self.reader.stops() else self.reader.scroll_offset.y
        index = -1
        for position, heading in enumerate(headings):
            if heading.virtual_region.y <= anchor_y:
                index = position
        return index

    def go_to_session(self, offset: int) -> None:
        """Move `offset` sessions forwards (1) or backwards (-1)."""
        headings = self.session_headings()
        index = max(0, min(len(headings) - 1, self.current_session_index() + offset))
        self.reader.land_on(headings[index], top=True)
        self._mark_session(headings[index].session.id)

    def _mark_session(self, session_id: str | None) -> None:
        """Keep the session list's cursor on the session being read."""
        if session_id is None:
            return
        session_list = self.query_one("#session-list", OptionList)
        with suppress(LookupError):
            session_list.highlighted = session_list.get_option_index(session_id)

    def show(self, session_id: str | None = None, item_id: str | None = None) -> None:
        """Scroll to an item (focusing it) or a session heading; the top of the meeting otherwise."""
        target: Widget | None = None
        if item_id is not None:
            target = next((b for b in self.query(ItemBlock) if b.item_id == item_id), None)
        if target is None and session_id is not None:
            target = next((h for h in self.session_headings() if h.session.id == session_id), None)
        if target is None:
            self.reader.action_edge(0)
        else:
            self.reader.land_on(target, top=True)
        located = self.lookup.items.get(item_id or "")
        self._mark_session(located.session.id if located and located.session else session_id)

    def highlight(self, span_finder: SpanFinder | None) -> int:
        """Highlight every match in this tab (None clears); returns how many there are."""
        total = 0
        for block in self.query(ItemBlock):
            block.span_finder = span_finder
            total += block.match_count
        return total

    def focused_item(self) -> ItemBlock | None:
        focused = self.screen.focused
        return focused if isinstance(focused, ItemBlock) and focused in self.query(ItemBlock) else None

    @on(OptionList.OptionSelected, "#session-list")
    def _session_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.show(session_id=event.option.id)
