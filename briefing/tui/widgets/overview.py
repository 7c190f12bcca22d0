"""The Overview tab: the meetings, a dated timeline, the principal's key positions and the figures.

Every meeting, session, position and figure is a line the cursor lands on (j/k); enter opens it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from briefing.model import BriefingLookup, Person, iter_items
from briefing.model.ordering import all_sessions_in_time_order, meetings_in_time_order, sessions_in_time_order
from briefing.render.vocabulary import Vocabulary, vocabulary
from briefing.tui.messages import OpenLocation
from briefing.tui.widgets.hanging import Hanging
from briefing.tui.widgets.literal import labelled, literal
from briefing.tui.widgets.reader_scroll import StopReader


class OverviewLink(Static, can_focus=True):
    """A line of the overview that opens a place of the book (enter or a click)."""

    DEFAULT_CSS = """
    OverviewLink { padding: 0 1 0 0; border-left: blank; }
    OverviewLink:focus { background: $accent 20%; border-left: thick $accent; }
    OverviewLink.-spaced { margin-bottom: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "open", "Open")]

    _count = 0
    """Links are numbered for their ids: the jump list finds its way back to a line by id."""

    def __init__(self, body: Hanging, target: OpenLocation, *, spaced: bool = False) -> None:
        OverviewLink._count += 1
        super().__init__(body, classes="-spaced" if spaced else "", id=f"overview-link-{OverviewLink._count}")
        self.spaced = spaced
        """Whether a blank row (its bottom margin) follows the line."""
        self.target = target
        """Where enter goes (a fresh copy is posted each time: a message is delivered once)."""

    def action_open(self) -> None:
        target = self.target
        self.post_message(OpenLocation(target.meeting_id, target.session_id, target.item_id))

    def note_target(self) -> str:
        """What `a` and `m` note here: the line's item, else its session, else its meeting."""
        target = self.target
        return target.item_id or target.session_id or target.meeting_id

    def copy_target(self) -> object:
        """What `y` copies here: the position or figure of this line (a meeting or session line: nothing)."""
        if self.target.item_id is None:
            return None  # asked on every focus: a meeting line must not make a big book locate all its items
        lookup = self.app.lookup  # type: ignore[attr-defined]
        return lookup.items.get(self.target.item_id)

    def on_click(self, event: events.Click) -> None:
        if event.chain >= 2:
            self.action_open()


class Overview(StopReader):
    """Everything at a glance; each section a heading and its lines."""

    DEFAULT_CSS = """
    Overview > .overview-heading { text-style: bold; color: $text-accent; padding: 0 1; }
    Overview > .overview-body { padding: 0 1; margin-bottom: 1; }
    Overview > .overview-gap { height: 1; }
    Overview > .overview-date { padding: 0 1; }
    """

    def __init__(self, lookup: BriefingLookup, meeting_keys: Mapping[str, str] | None = None, *,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.lookup = lookup
        self.words = vocabulary(lookup.briefing.language)
        """The book's labels and dates (the overview's own instructions stay English)."""
        self.meeting_keys = dict(meeting_keys or {})
        """The digit key of each meeting's tab (from the tab registry), shown as "[2]"."""
        self._below: Iterator[Widget] | None = None
        """The lines below the first screen, not built yet: built and mounted once the first frame is shown
        (None when every line is in the DOM)."""

    def stops(self) -> list[Widget]:
        self.fill()  # a key that moves the cursor sees every line
        return list(self.query(OverviewLink))

    def first_stop(self) -> Widget | None:
        links = self.query(OverviewLink)
        return links.first() if links else None

    def compose(self) -> ComposeResult:
        # Only what fills the first screen is mounted before the first frame (each widget costs Textual
        # about a millisecond to mount, style and lay out; the sample's overview has 54). Every widget
        # takes at least the rows counted by `least_rows`, so the screen is full when they are spent; and
        # the first line is always there, for the cursor to start on (a long book entry can fill a small screen).
        rows, width = self.app.size.height - CHROME_ROWS, self.app.size.width
        lines, first_line = self._lines(), False
        for widget in lines:
            yield widget
            rows -= least_rows(widget, width)
            first_line = first_line or isinstance(widget, OverviewLink)
            if rows <= 0 and first_line:
                # The rest is built when it is mounted: widgets nobody sees yet cost the first frame their
                # making and their memory (up to four sections of `OVERVIEW_LINES` on a big book).
                self._below = lines
                break

    def on_mount(self) -> None:
        if self._below is not None and not getattr(self.app, "exit_after_first_frame", False):
            # Not in a start-up benchmark's run: it ends at the first frame, and this comes after it.
            self.call_after_refresh(self.fill)

    def fill(self) -> None:
        """Build and mount the lines below the first screen now, if they are not yet (they join the DOM at once)."""
        if self._below is not None:
            below, self._below = list(self._below), None
            if below:
                self.mount_all(below)

    @property
    def filled(self) -> bool:
        """Whether every line has joined the DOM (they are mounted then, or being mounted)."""
        return self._below is None

    def _lines(self) -> ComposeResult:
        yield Static(Content(self.words.label("Book")), classes="overview-heading")
        yield Static(self._book(), classes="overview-body", id="overview-book")
        yield Static(Content(self.words.label("Meetings")), classes="overview-heading")
        meetings = len(self.lookup.briefing.meetings)
        yield from capped(self._meetings(), meetings, "meetings: the Meetings tab lists them all")
        yield Static(Content(self.words.label("Timeline")), classes="overview-heading")
        yield from capped(self._timeline(), len(self.lookup.sessions), "sessions: open a meeting to see them all")
        yield Static(classes="overview-gap")
        yield Static(Content(self.words.label("Key positions of the principal's country")), classes="overview-heading")
        yield from capped(self._positions(), None, "positions: search (/) or open a meeting to see them")
        yield Static(classes="overview-gap")
        yield Static(Content(self.words.label("Figures")), classes="overview-heading")
        yield from capped(self._figures(), None, "figures: search (/) or open a meeting to see them")

    def _book(self) -> Hanging:
        briefing, words = self.lookup.briefing, self.words
        principal = self.lookup.principal
        lines = [
            literal(briefing.title, "bold"),
            labelled(f"{words.label('Dates')}: ", words.date_range(briefing.start, briefing.end)),
            labelled(f"{words.label('Principal')}: ", principal_line(principal, words)),
            labelled(f"{words.label('Prepared by')}: ", briefing.issuer),
        ]
        if briefing.dates_note:
            lines.append(labelled(f"{words.label('Note on dates')}: ", briefing.dates_note))
        # A long value continues under itself, clear of its label.
        return Hanging((line, 0 if number == 0 else line.plain.index(": ") + 2) for number, line in enumerate(lines))

    def _meetings(self) -> ComposeResult:
        words = self.words
        for meeting in meetings_in_time_order(self.lookup.briefing):
            place = words.place(meeting)
            key = self.meeting_keys.get(meeting.id)
            number = f"[{key}] " if key else "    "
            lines = [
                Content.assemble((number, "$text-muted"), literal(meeting.title, "bold")),
                Content.assemble("    ", words.meeting_dates(meeting), " · ",
                                 literal(place), " · ", literal(meeting.kind)),
                Content.assemble("    ", literal(meeting.summary)),
            ]
            # Title, when and where, and summary all keep the column after "[2] ".
            yield OverviewLink(Hanging((line, 4) for line in lines), OpenLocation(meeting.id), spaced=True)

    def _timeline(self) -> ComposeResult:
        words = self.words
        # The column of the session titles clears the longest part of day of the language ("après-midi").
        width = max(len(part) for part in words.words.parts_of_day.values())
        last_date = None
        for meeting, session in all_sessions_in_time_order(self.lookup.briefing):
            if session.date != last_date:
                yield Static(Content(words.date(session.date)).stylize("bold"), classes="overview-date")
                last_date = session.date
            when = words.part_of_day(session.part_of_day) if session.part_of_day else "—"
            prefix = f"  {when:<{width}} "
            line = Content.assemble(prefix, literal(session.title), (" · ", "$text-muted"),
                                    literal(meeting.title, "$text-muted"))
            yield OverviewLink(Hanging([(line, len(prefix))]), OpenLocation(meeting.id, session.id))

    def _positions(self) -> ComposeResult:
        found = False
        for meeting in meetings_in_time_order(self.lookup.briefing):
            for session in sessions_in_time_order(meeting):
                for point in session.positions:
                    found = True
                    line = Content.assemble("• ", literal(point.text), (" (", "$text-muted"),
                                            literal(session.title, "$text-muted"), (")", "$text-muted"))
                    yield OverviewLink(Hanging([(line, 2)]), OpenLocation(meeting.id, session.id, point.id))
        if not found:
            yield Static(Content(self.words.label("No positions recorded.")), classes="overview-body")

    def _figures(self) -> ComposeResult:
        # A generator over the book, not `lookup.figures()`: `capped` stops after OVERVIEW_LINES, so the
        # first frame of a 58,000-item book does not wait for every item to be located (1 s).
        found = False
        for located in iter_items(self.lookup.briefing):
            if located.kind != "figure":
                continue
            found = True
            item = located.item
            line = Content.assemble("• ", literal(item.as_written, "bold"), " — ", literal(item.counts),
                                    (" (", "$text-muted"), literal(located.meeting.title, "$text-muted"),
                                    (")", "$text-muted"))
            session_id = located.session.id if located.session else None
            yield OverviewLink(Hanging([(line, 2)]), OpenLocation(located.meeting.id, session_id, item.id))
        if not found:
            yield Static(Content(self.words.label("No figures recorded.")), classes="overview-body")


CHROME_ROWS = 4
"""Rows of the main screen that are never the overview's, at any size: the two marking bars, the tab bar and
the footer (the header and the tab underline go on short screens)."""


def least_rows(widget: Widget, width: int) -> int:
    """The fewest rows `widget` of the overview takes when it is at most `width` columns wide: its lines
    wrapped at `width` (narrower, they wrap into as many rows or more) and its bottom margin. The screen's
    width is more than the overview's, so the count errs low: the lines counted always fill the screen."""
    content = widget.content if isinstance(widget, Static) else None
    rows = len(content.wrapped(width)) if isinstance(content, Hanging) else 1
    spaced = widget.spaced if isinstance(widget, OverviewLink) else widget.has_class("overview-body")
    return rows + int(spaced)


OVERVIEW_LINES = 60
"""Lines (links) each overview section shows at most. A 2,000-meeting book would otherwise compose tens
of thousands of widgets before its first frame; past this, one line says how many more there are and
where to find them (the meeting picker, a meeting's tab, the search)."""


def capped(lines: Iterator[Widget], total: int | None, where: str) -> Iterator[Widget]:
    """The first `OVERVIEW_LINES` links of a section (with what goes between them), then a line saying
    how many more there are (`total` of them in all, or "more" when counting would cost as much)."""
    shown = 0
    for widget in lines:
        if isinstance(widget, OverviewLink):
            if shown == OVERVIEW_LINES:
                more = f"{total - shown:,} more" if total is not None else "More"
                yield Static(Content(f"… {more} {where}."), classes="overview-body overview-more")
                return
            shown += 1
        yield widget


def principal_line(principal: Person | None, words: Vocabulary | None = None) -> str:
    """ "Name, Role" of the person briefed, or an explicit "no principal named" (in the book's language)."""
    if principal is None:
        return (words or vocabulary()).words.not_stated_principal
    return principal.name + (f", {principal.role}" if principal.role else "")
