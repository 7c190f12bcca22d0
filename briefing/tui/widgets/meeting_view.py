"""A meeting tab: its sessions in time order, as sections the reader moves through; a session list beside.

In a session the reader meets key points, positions, figures and quotes first, then the verbatim source
passages (folded away under a heading that enter opens).
"""

from __future__ import annotations

import asyncio
from contextlib import suppress
from functools import partial
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import Collapsible, OptionList
from textual.widgets.option_list import Option

from briefing.model import BriefingLookup, Meeting, Session
from briefing.model.ordering import sessions_in_time_order
from briefing.render.vocabulary import Vocabulary, vocabulary
from briefing.tui.focus import focus_now
from briefing.tui.widgets.hanging import Hanging
from briefing.tui.widgets.item_block import ItemBlock
from briefing.tui.widgets.lazy_options import LazyOption
from briefing.tui.widgets.literal import labelled, literal, one_line
from briefing.tui.widgets.measured import MeasuredStatic, SizedQuietly, bar_ahead
from briefing.tui.widgets.meeting_parts import PassageFold, SessionHeading, label_hanging
from briefing.tui.widgets.reader_scroll import ReaderOptionList, StopReader


def session_when(session: Session, words: Vocabulary | None = None) -> str:
    """ "11 April 2022, morning · working session" — when, and what sort of session (in the book's
    language when `words` is the book's vocabulary)."""
    return (words or vocabulary()).session_when(session)


SESSION_KEYS = Binding.Group("Session")
"""[ and ] share one footer entry."""

READING_ORDER = ("key_point", "position", "figure", "quote")
"""What a session shows first; its source passages follow, folded."""

class MeetingReader(StopReader):
    """The text of a meeting; j/k move from item to item (so `s` and `y` have an item), the page keys
    page with the cursor following."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False, repaint=False)
    """Sized without asking for another layout pass or drawing: a new text's height changes only the scroll
    bar (sized by `_scroll_update`), and the bar appearing or going asks for a layout itself."""

    async def replace_text(self, widgets: list[Widget]) -> None:
        """`widgets` instead of the text shown, scrolled to the top, with no stop to come back to."""
        self._left_on = None
        await self.remove_children()
        self.scroll_to(y=0, animate=False, immediate=True)
        await self.mount_all(widgets)
        # Textual also runs the mount's awaitable from this reader's queue, asking for its layout again: once
        # the caller's handler had returned, after the screen's next layout pass, which was laid out and
        # drawn again. A callback queued behind it is awaited, so that it asks now.
        queue_done = asyncio.Event()
        self.call_later(queue_done.set)
        await queue_done.wait()

    def stops(self) -> list[Widget]:
        """Everything the reader can land on and can see, in reading order."""
        return [
            widget for widget in self.query("SessionHeading, ItemBlock, CollapsibleTitle")
            if not any(isinstance(node, Collapsible) and node.collapsed and node is not widget.parent
                       for node in widget.ancestors)
        ]

    async def action_step(self, direction: int) -> None:
        # At either end of the sessions on screen of a long meeting, j/k go on into the next ones.
        view = self.parent
        stops = self.stops()
        focused = self.screen.focused
        at_edge = stops and focused is stops[-1 if direction > 0 else 0]
        if isinstance(view, MeetingView) and at_edge and view.window_can_move(direction):
            await view.move_window(direction)
            return
        super().action_step(direction)


LONG_MEETING = 200
"""From this many sessions the session list gives each one line (cut at the list's edge), built when drawn:
a meeting of 10,000 sessions spent 2 s building and measuring every wrapped title before its tab showed."""

SESSION_WINDOW = 8
"""Sessions of a meeting on screen at once; a longer meeting moves this window as the reader goes. Each
session in it is laid out when the tab is first shown: 20 sessions cost a meeting of 10,000 sessions
twice the CPU of its tab switch (160-230 ms against 100-110 ms for 8, which still fill several screens)."""


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
        self.words = vocabulary(lookup.briefing.language)
        """The book's labels, dates and quotation marks."""
        self._spans_for: object = None
        self._take(meeting)

    def on_mount(self) -> None:
        # Mounted while its tab is hidden: the text's scroll bar is there before the pass that first shows it,
        # if the text is sure to be taller than the screen (the session list decides its own in that pass).
        for reader in self.query(MeetingReader):  # none: removed before it composed (the app closing)
            bar_ahead(reader, reader.screen.size.region, reader.lines_at_least())

    def _take(self, meeting: Meeting) -> None:
        self.meeting = meeting
        self.sessions = sessions_in_time_order(meeting)
        """The sessions in the order they took place."""
        self._session_index = {session.id: index for index, session in enumerate(self.sessions)}
        self.window_start = 0
        """Index of the first session on screen: a long meeting shows `SESSION_WINDOW` sessions at a time."""

    def compose(self) -> ComposeResult:
        yield ReaderOptionList(*self._session_options(), id="session-list")
        with MeetingReader(id="meeting-reader"):
            yield from self._text_widgets()

    def _text_widgets(self) -> list[Widget]:
        """The meeting's header, its own source passages (folded), then the sessions in the window."""
        meeting = self.meeting
        widgets: list[Widget] = [MeasuredStatic(self._header(), classes="meeting-header")]
        if meeting.passages:
            title = self.words.phrase("Source passages about the meeting ({count})", count=len(meeting.passages))
            widgets.append(self._fold([passage.id for passage in meeting.passages], title))
        return widgets + self._window_widgets()

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

    def _window_widgets(self) -> list[Widget]:
        """The widgets of the sessions in the window, and a line saying where the window is."""
        widgets: list[Widget] = []
        shown = self.sessions[self.window_start : self.window_start + SESSION_WINDOW]
        for session in shown:
            widgets.append(SessionHeading(session))
            widgets.append(MeasuredStatic(self._session_info(session), classes="session-info"))
            widgets.extend(self._session_items(session))
        if len(self.sessions) > SESSION_WINDOW:
            first, last = self.window_start + 1, self.window_start + len(shown)
            widgets.append(MeasuredStatic(Content(
                f"Sessions {first:,}–{last:,} of {len(self.sessions):,}: j or ] past the last goes on, "
                "k or [ before the first goes back; t lists them all."), classes="session-info session-window"))
        for widget in widgets:  # not styled yet (update=False): styling them now and again when mounted
            widget.add_class("-windowed", update=False)  # was a tenth of a window's mount
        return widgets

    def window_can_move(self, direction: int) -> bool:
        if direction > 0:
            return self.window_start + SESSION_WINDOW < len(self.sessions)
        return self.window_start > 0

    async def move_window(self, direction: int) -> None:
        """Show the next (1) or previous (-1) sessions, landing on the first (or last) one's heading."""
        if direction > 0:
            target = self.window_start + SESSION_WINDOW
            await self._shift_window(target)
        else:
            target = self.window_start - 1
            await self._shift_window(max(0, target - SESSION_WINDOW + 1))
        self._land_on_session(target)

    async def _shift_window(self, start: int) -> None:
        """Put the sessions from `start` on screen instead of the ones there (the widgets of a long
        meeting are made for the sessions on screen only: 10,000 sessions would be 100,000 widgets)."""
        start = max(0, min(start, max(len(self.sessions) - SESSION_WINDOW, 0)))
        if start == self.window_start:
            return
        self.window_start = start
        reader = self.reader
        await reader.remove_children(".-windowed")
        await reader.mount_all(self._window_widgets())
        if self._spans_for is not None:
            self.highlight(self._spans_for)

    def _land_on_session(self, index: int) -> None:
        session = self.sessions[index]
        heading = next((h for h in self.session_headings() if h.session.id == session.id), None)
        if heading is not None:
            self.reader.land_on(heading, top=True)
            self._mark_session(session.id)

    def _session_items(self, session: Session) -> list[Widget]:
        """A session's item blocks in reading order, then its source passages, folded."""
        widgets: list[Widget] = [
            self._block(item.id)
            for kind in READING_ORDER
            for item in getattr(session, f"{kind}s")
        ]
        if session.passages:
            title = self.words.phrase("Source passages ({count})", count=len(session.passages))
            widgets.append(self._fold([passage.id for passage in session.passages], title))
        return widgets

    def _fold(self, item_ids: list[str], title: str) -> PassageFold:
        return PassageFold(item_ids, lambda: [self._block(item_id) for item_id in item_ids], title=title)

    def _block(self, item_id: str) -> ItemBlock:
        """An item's block, its matches already set: set once it is mounted, each block asked to be drawn
        again after the screen's layout pass, which was then drawn twice (enter on a search hit)."""
        block = ItemBlock(self.lookup, self.lookup.items[item_id])
        if callable(spans_for := self._spans_for):
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

    async def _show_in_fold(self, fold: PassageFold, session_id: str | None, item_id: str) -> None:
        await fold.open()
        self.show(session_id, item_id)

    async def _show_elsewhere(self, index: int, session_id: str | None, item_id: str | None) -> None:
        await self._shift_window(index - SESSION_WINDOW // 2)
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
