"""A meeting tab: its sessions in time order, as sections the reader moves through; a session list beside.

In a session the reader meets key points, positions, figures and quotes first, then the verbatim source
passages (folded away under a heading that enter opens).
"""

from __future__ import annotations

from contextlib import suppress
from functools import partial
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Collapsible, OptionList
from textual.widgets.option_list import Option

from briefing.model import BriefingLookup, Meeting
from briefing.model.ordering import sessions_in_time_order
from briefing.tui.focus import focus_now
from briefing.tui.widgets.hanging import Hanging
from briefing.tui.widgets.item_block import ItemBlock
from briefing.tui.widgets.lazy_options import LazyOption
from briefing.tui.widgets.literal import literal, one_line
from briefing.tui.widgets.measured import SizedQuietly, bar_ahead
from briefing.tui.widgets.meeting_parts import PassageFold, SessionHeading
from briefing.tui.widgets.meeting_reader import MeetingReader
from briefing.tui.widgets.meeting_text import FILL_MARGIN, SESSION_WINDOW, LazyText, TextMaker
from briefing.tui.widgets.reader_scroll import ReaderOptionList

SESSION_KEYS = Binding.Group("Session")
"""[ and ] share one footer entry."""

LONG_MEETING = 200
"""From this many sessions the session list gives each one line (cut at the list's edge), built when drawn:
a meeting of 10,000 sessions spent 2 s building and measuring every wrapped title before its tab showed."""


class MeetingView(SizedQuietly, Horizontal):
    """One meeting: header, then each session with its items; the session list on wide screens. Its size is
    its pane's: its first sizing (the tab first shown) asks for no other layout pass (`SizedQuietly`)."""

    DEFAULT_CSS = """
    MeetingView > #session-list { width: 34; height: 1fr; display: none; }
    MeetingView > MeetingReader { width: 1fr; height: 1fr; }
    MeetingView .meeting-header { padding: 0 1; margin-bottom: 1; }
    MeetingView .session-info { padding: 0 1; margin-bottom: 1; color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left_square_bracket", "go_to_session(-1)", "Previous session", group=SESSION_KEYS),
        Binding("right_square_bracket", "go_to_session(1)", "Next session", group=SESSION_KEYS),
        Binding("s", "show_source", "Source", tooltip="show the source paragraph the focused item cites"),
        Binding("t", "toggle_sessions", "Sessions", show=False, tooltip="show or hide the list of sessions"),
    ]

    def __init__(self, lookup: BriefingLookup, meeting: Meeting, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lookup = lookup
        self._spans_for: object = None
        self._take(meeting)

    def on_mount(self) -> None:
        # Mounted while its tab is hidden: the text's scroll bar is there before the pass that first shows it,
        # if the text is sure to be taller than the screen (the session list decides its own in that pass).
        for reader in self.query(MeetingReader):  # none: removed before it composed (the app closing)
            # Parts still to come: what is mounted fills the screen already, so the text is taller.
            lines = reader.screen.size.height + 1 if self.text.pending else reader.lines_at_least()
            bar_ahead(reader, reader.screen.size.region, lines)

    def _take(self, meeting: Meeting) -> None:
        self.meeting = meeting
        self.sessions = sessions_in_time_order(meeting)
        """The sessions in the order they took place."""
        self._session_index = {session.id: index for index, session in enumerate(self.sessions)}
        self.window_start = 0
        """Index of the first session on screen: a long meeting shows `SESSION_WINDOW` sessions at a time."""
        self.text = LazyText([])
        """The parts of the text (header, the window's sessions), mounted as the reader comes to them."""

    def compose(self) -> ComposeResult:
        yield ReaderOptionList(*self._session_options(), id="session-list")
        with MeetingReader(id="meeting-reader"):
            yield from self._text_widgets()

    def _text_widgets(self) -> list[Widget]:
        """The widgets of the text's first screen: the parts of its text are made anew, the first mounted."""
        maker = self._maker()
        self.text = LazyText(maker.fixed_parts() + maker.window_parts(self.window_start))
        return self.text.take(self.text.end_to_fill(0, self._screen_lines()))

    def _maker(self) -> TextMaker:
        return TextMaker(self.lookup, self.meeting, self.sessions, self._text_width(), lambda: self._spans_for)

    def _screen_lines(self) -> int:
        """Lines to mount below where the reader lands: the view's height (the screen's before it is laid
        out), and a margin for the guess."""
        return (self._reader_box().height or self.app.size.height) + FILL_MARGIN

    def _text_width(self) -> int:
        """The width the text wraps at, or more: the screen's before it is laid out (fewer lines guessed,
        more parts mounted: the screen is filled)."""
        return self._reader_box().width or self.app.size.width

    def _reader_box(self) -> Size:
        """The reader's content box; empty before it is laid out (or composed)."""
        readers = self.query(MeetingReader)
        return readers.first().scrollable_content_region.size if readers else Size(0, 0)

    async def grow(self, through: int | None = None) -> None:
        """Mount the parts of the text up to part `through` (by default the next) and a screen below it."""
        text = self.text
        if text.pending:
            landing = text.mounted if through is None else through
            await self.reader.mount_parts(text.take(text.end_to_fill(landing, self._screen_lines())))

    def grow_all_now(self) -> None:
        """Put every part of the text in the DOM now (mounted soon after: a jump back scrolls and focuses)."""
        if self.text.pending:
            self.reader.mount_all(self.text.take(len(self.text.parts)))

    async def show_meeting(self, meeting: Meeting, spans_for: object = None) -> None:
        """Show `meeting` here instead of the one shown, at its top, as a new view would.

        The view, its reader (with its scroll bar) and its session list stay mounted; only the text and the
        list's entries are new: a new view's containers were styled and sized afresh, and their first
        sizing laid the whole screen out once more (enter on a search hit of a big book)."""
        self.workers.cancel_group(self, "window")  # moving the window of the meeting shown before
        self._take(meeting)
        self._spans_for = spans_for
        session_list = self.query_one("#session-list", OptionList)
        session_list.clear_options().add_options(self._session_options())
        session_list.styles.clear_rule("display")  # hidden with t for the one before: a new view shows it
        await self.reader.replace_text(self._text_widgets())

    def _session_options(self) -> list[Option]:
        if len(self.sessions) <= LONG_MEETING:
            # A long title's further lines are indented: where one session ends and the next begins shows.
            return [Option(Hanging([(literal(session.title), 2)]), id=session.id) for session in self.sessions]
        # Thousands of sessions: one line each, built when drawn (the list no longer measures every title).
        return [LazyOption(partial(literal, one_line(session.title)), id=session.id) for session in self.sessions]

    def window_can_move(self, direction: int) -> bool:
        if direction > 0:
            return self.window_start + SESSION_WINDOW < len(self.sessions)
        return self.window_start > 0

    async def move_window(self, direction: int) -> None:
        """Show the next (1) or previous (-1) sessions, landing on the first (or last) one's heading."""
        if direction > 0:
            target = self.window_start + SESSION_WINDOW
            await self._shift_window(target, target)
        else:
            target = self.window_start - 1
            await self._shift_window(max(0, target - SESSION_WINDOW + 1), target)
        self._land_on_session(target)

    async def _shift_window(self, start: int, landing: int) -> None:
        """Put the sessions from `start` on screen instead of the ones there, mounted down to a screen
        below session `landing` (the widgets of a long meeting are made for the sessions on screen only:
        10,000 sessions would be 100,000 widgets)."""
        start = max(0, min(start, max(len(self.sessions) - SESSION_WINDOW, 0)))
        if start == self.window_start:
            return
        self.window_start = start
        reader = self.reader
        await reader.remove_children(".-windowed")
        maker = self._maker()
        fixed = maker.fixed_parts()
        text = LazyText(fixed + maker.window_parts(start))
        text.mounted = min(self.text.mounted, len(fixed))  # the fixed parts stay; what was below them went
        self.text = text
        through = text.part_of(session_id=self.sessions[landing].id) or 0
        await reader.mount_parts(text.take(text.end_to_fill(through, self._screen_lines())))
        if self._spans_for is not None:
            self.highlight(self._spans_for)

    def _land_on_session(self, index: int) -> None:
        session = self.sessions[index]
        heading = next((h for h in self.session_headings() if h.session.id == session.id), None)
        if heading is not None:
            self.reader.land_on(heading, top=True)
            self._mark_session(session.id)

    @property
    def reader(self) -> MeetingReader:
        return self.query_one(MeetingReader)

    def focus_reader(self) -> None:
        """Give the keyboard to the text: on the focused item if any, else where the reader left it, else
        on the first one."""
        if not self.query(MeetingReader):
            return  # not composed: the app is closing while this tab was being mounted
        stops = self.reader.stops()
        if stops and self.screen.focused not in stops:
            focus_now(self.reader.resume_stop(stops) or stops[0])
        elif not stops:
            focus_now(self.reader)

    def session_headings(self) -> list[SessionHeading]:
        return list(self.query(SessionHeading))

    def current_session_index(self) -> int:
        """The session (of those on screen) holding the focused item, or the one at the top of the view."""
        reader = self.reader
        focused = self.screen.focused
        if focused in reader.stops():
            # By document order, not by geometry: right after a tab switch nothing is laid out yet.
            index = -1
            for widget in reader.query("SessionHeading, ItemBlock, CollapsibleTitle"):
                index += isinstance(widget, SessionHeading)
                if widget is focused:
                    return index
        index = -1
        for position, heading in enumerate(self.session_headings()):
            if reader.y_of(heading) <= reader.scroll_offset.y:
                index = position
        return index

    async def action_go_to_session(self, offset: int) -> None:
        """Move `offset` sessions forwards (1) or backwards (-1), past the window's ends in a long meeting."""
        headings = self.session_headings()
        index = self.current_session_index() + offset
        if index >= len(headings) and self.window_start + index < len(self.sessions) and (
                (part := self.text.part_of(session_id=self.sessions[self.window_start + index].id)) is not None):
            await self.grow(through=part)  # in the window, not mounted yet
            headings = self.session_headings()
        if not 0 <= index < len(headings) and self.window_can_move(offset):
            await self.move_window(offset)
            return
        index = max(0, min(len(headings) - 1, index))
        self.reader.land_on(headings[index], top=True)
        self._mark_session(headings[index].session.id)

    def action_toggle_sessions(self) -> None:
        """Show or hide the session list (shown by default on wide screens only)."""
        # A style set here outranks the stylesheet's breakpoint: the reader's choice holds.
        session_list = self.query_one("#session-list")
        session_list.display = not session_list.display

    def action_show_source(self) -> None:
        from briefing.tui.screens.source_screen import SourceScreen

        block = self.focused_item()
        if block is None:
            self.notify("Move to an item first (j/k or a click), then press s.", markup=False)
            return
        source_paragraph = self.app.source_paragraph  # type: ignore[attr-defined]
        self.app.push_screen(SourceScreen([source_paragraph(ref) for ref in block.sources]))

    def _mark_session(self, session_id: str | None) -> None:
        """Keep the session list's cursor on the session being read."""
        if session_id is None:
            return
        session_list = self.query_one("#session-list", OptionList)
        with suppress(LookupError):
            session_list.highlighted = session_list.get_option_index(session_id)

    def show(self, session_id: str | None = None, item_id: str | None = None) -> None:
        """Scroll to an item (focusing it, unfolding its passages) or a session heading; else the top."""
        located = self.lookup.items.get(item_id or "")
        wanted = located.session.id if located and located.session else session_id
        index = self._session_index.get(wanted or "")
        if index is not None and not self.window_start <= index < self.window_start + SESSION_WINDOW:
            self.run_worker(self._show_elsewhere(index, session_id, item_id), group="window", exclusive=True)
            return
        if (part := self._unmounted_part(session_id, item_id)) is not None:
            self.run_worker(self._show_after_growing(part, session_id, item_id), group="window", exclusive=True)
            return
        target: Widget | None = None
        if item_id is not None:
            target = next((b for b in self.query(ItemBlock) if b.item_id == item_id), None)
            fold = next((fold for fold in self.query(PassageFold) if item_id in fold.item_ids), None)
            if target is None and fold is not None:  # a passage not mounted yet: its fold opens first
                self.run_worker(self._show_in_fold(fold, session_id, item_id), group="window", exclusive=True)
                return
        if target is None and session_id is not None:
            target = next((h for h in self.session_headings() if h.session.id == session_id), None)
        if target is None:
            self.reader.action_edge(0)
        else:
            for fold in target.ancestors:
                if isinstance(fold, Collapsible):
                    fold.collapsed = False
            self.reader.land_on(target, top=True)
        located = self.lookup.items.get(item_id or "")
        self._mark_session(located.session.id if located and located.session else session_id)

    async def show_at(self, session_id: str | None = None, item_id: str | None = None) -> None:
        """`show`, with the text down to that place mounted first, and awaited: the screen's next layout
        pass lays it out at once (a search hit, a place reopened)."""
        if (part := self._unmounted_part(session_id, item_id)) is not None:
            await self.grow(through=part)
        self.show(session_id, item_id)

    def _unmounted_part(self, session_id: str | None, item_id: str | None) -> int | None:
        """The part of the text (in the window) showing the item, or the session's heading, if it is not
        mounted yet."""
        part = self.text.part_of(item_id=item_id, session_id=session_id)
        return part if part is not None and part >= self.text.mounted else None

    async def _show_after_growing(self, part: int, session_id: str | None, item_id: str | None) -> None:
        await self.grow(through=part)
        self.show(session_id, item_id)

    async def _show_in_fold(self, fold: PassageFold, session_id: str | None, item_id: str) -> None:
        await fold.open()
        self.show(session_id, item_id)

    async def _show_elsewhere(self, index: int, session_id: str | None, item_id: str | None) -> None:
        await self._shift_window(index - SESSION_WINDOW // 2, index)
        self.show(session_id, item_id)

    def highlight(self, spans_for: object) -> int:
        """Highlight every match in this tab (`spans_for(item_id)`, or None to clear); returns how many
        (of the sessions on screen, in a long meeting)."""
        self._spans_for = spans_for
        total = 0
        for block in self.query(ItemBlock):
            block.spans = spans_for(block.item_id) if callable(spans_for) else None
            total += block.match_count
        return total

    def focused_item(self) -> ItemBlock | None:
        focused = self.screen.focused
        return focused if isinstance(focused, ItemBlock) and focused in self.query(ItemBlock) else None

    @on(OptionList.OptionSelected, "#session-list")
    def _session_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.show(session_id=event.option.id)
