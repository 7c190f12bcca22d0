"""The Overview tab: the meetings, the principal's key positions, the figures, and a dated timeline."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from briefing.model import BriefingLookup, PartOfDay, Person, Session, iter_sessions
from briefing.tui.widgets.hanging import Hanging
from briefing.tui.widgets.literal import labelled, literal
from briefing.tui.widgets.reader_scroll import ReaderScroll

PART_OF_DAY_ORDER = {None: 0, PartOfDay.MORNING: 1, PartOfDay.MIDDAY: 2, PartOfDay.AFTERNOON: 3,
                     PartOfDay.EVENING: 4}
"""Sessions of one day sort morning first; a session with no part of day keeps its document order first."""


class Overview(ReaderScroll):
    """Everything at a glance; each section a heading and a few literal lines."""

    DEFAULT_CSS = """
    Overview > .overview-heading {
        text-style: bold;
        color: $text-accent;
        padding: 0 1;
    }
    Overview > .overview-body {
        padding: 0 1;
        margin-bottom: 1;
    }
    """

    def __init__(self, lookup: BriefingLookup, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lookup = lookup

    def compose(self) -> ComposeResult:
        yield from self._section("book", "Book", self._book())
        yield from self._section("meetings", "Meetings", self._meetings())
        yield from self._section("timeline", "Timeline", self._timeline())
        yield from self._section("positions", "Key positions of the principal's country", self._positions())
        yield from self._section("figures", "Figures", self._figures())

    def _section(self, name: str, title: str, body: Hanging) -> ComposeResult:
        yield Static(Content(title), classes="overview-heading")
        yield Static(body, classes="overview-body", id=f"overview-{name}")

    def _book(self) -> Hanging:
        from briefing.render.dates import format_date_range

        briefing = self.lookup.briefing
        principal = self.lookup.principal
        lines = [
            literal(briefing.title, "bold"),
            labelled("Dates: ", format_date_range(briefing.start, briefing.end)),
            labelled("Principal: ", principal_line(principal)),
            labelled("Prepared by: ", briefing.issuer),
        ]
        if briefing.dates_note:
            lines.append(labelled("Note on dates: ", briefing.dates_note))
        # A long value continues under itself, clear of its label.
        return Hanging((line, 0 if number == 0 else line.plain.index(": ") + 2) for number, line in enumerate(lines))

    def _meetings(self) -> Hanging:
        from briefing.render.dates import NOT_STATED_PLACE, format_date_range

        blocks = []
        for number, meeting in enumerate(self.lookup.briefing.meetings, start=2):
            place = (meeting.place or NOT_STATED_PLACE) + (f", {meeting.country}" if meeting.country else "")
            blocks.append(
                Content("\n").join(
                    [
                        Content.assemble((f"[{number}] ", "dim"), literal(meeting.title, "bold")),
                        Content.assemble("    ", format_date_range(meeting.start, meeting.end), " · ",
                                         literal(place), " · ", literal(meeting.kind)),
                        Content.assemble("    ", literal(meeting.summary)),
                    ]
                )
            )
        # Title, when and where, and summary all keep the column after "[2] ".
        return Hanging((line, 4) for line in Content("\n\n").join(blocks).split("\n", allow_blank=True))

    def _timeline(self) -> Hanging:
        from briefing.render.dates import format_date

        ordered = sorted(
            enumerate(iter_sessions(self.lookup.briefing)),
            key=lambda entry: _timeline_key(entry[0], entry[1][1]),
        )
        lines: list[tuple[Content, int]] = []
        last_date = None
        for _, (meeting, session) in ordered:
            if session.date != last_date:
                lines.append((Content(format_date(session.date)).stylize("bold"), 0))
                last_date = session.date
            when = session.part_of_day.value if session.part_of_day else "—"
            prefix = f"  {when:<9} "
            lines.append((Content.assemble(prefix, literal(session.title), (" · ", "dim"),
                                           literal(meeting.title, "dim")), len(prefix)))
        return Hanging(lines)

    def _positions(self) -> Hanging:
        lines = [
            Content.assemble("• ", literal(point.text), (" (", "dim"), literal(session.title, "dim"), (")", "dim"))
            for _, session in iter_sessions(self.lookup.briefing)
            for point in session.positions
        ]
        return Hanging((line, 2) for line in lines or [Content("No positions recorded.")])

    def _figures(self) -> Hanging:
        lines = [
            Content.assemble("• ", literal(located.item.as_written, "bold"), " — ", literal(located.item.counts),
                             (" (", "dim"), literal(located.meeting.title, "dim"), (")", "dim"))
            for located in self.lookup.figures()
        ]
        return Hanging((line, 2) for line in lines or [Content("No figures recorded.")])


def _timeline_key(document_order: int, session: Session) -> tuple:
    return (session.date, PART_OF_DAY_ORDER[session.part_of_day], document_order)


def principal_line(principal: Person | None) -> str:
    """ "Name, Role" of the person briefed, or an explicit "no principal named"."""
    from briefing.render.dates import NOT_STATED_PRINCIPAL

    if principal is None:
        return NOT_STATED_PRINCIPAL
    return principal.name + (f", {principal.role}" if principal.role else "")
