"""The brief: per meeting, the principal's positions, key points and figures, on one printed page.

What a minister reads in the car: no source passages, no quotes (the positions already say what the
principal said, in the author's words; the full summary quotes them once), no who's who, no topics.
Positions come first because they are what the principal will say. The
layout reuses the full summary's pieces (`_SummaryBuilder`) so a point or figure reads the same in
both; only the selection and order differ.
"""

from __future__ import annotations

from briefing.model import Figure, Meeting, Session
from briefing.render.document import (
    Emphasis,
    Fields,
    Inline,
    ItemList,
    LazySections,
    Paragraph,
    Section,
    SectionKind,
    Span,
    SummaryDocument,
    plain,
)
from briefing.render.safety import safe_text
from briefing.render.summary import _SummaryBuilder


class BriefBuilder(_SummaryBuilder):
    """Builds the brief of the selected meetings as a `SummaryDocument` with `brief=True`."""

    def build(self) -> SummaryDocument:
        return SummaryDocument(
            title=safe_text(self.briefing.title),
            marking=safe_text(self.words.marking(self.briefing.classification, self.briefing.status)),
            language=safe_text(self.briefing.language),
            front=self.brief_front(),
            sections=LazySections(len(self.meetings), lambda index: self.brief_meeting(self.meetings[index])),
            brief=True,
        )

    def brief_front(self) -> tuple[Fields]:
        principal = self.lookup.principal
        rows: list[tuple[str, Inline]] = [
            ("Brief for", plain(safe_text(self.person_with_role(principal.id) if principal else self.words.words.not_stated_principal))),
        ]
        dates = self.words.date_range(self.briefing.start, self.briefing.end)
        if not self.whole_book:
            dates += f" ({len(self.meetings)} of {len(self.briefing.meetings)} meetings)"
        rows.append(("Dates", plain(dates)))
        return (self.fields(rows),)

    def brief_meeting(self, meeting: Meeting) -> Section:
        where = self.words.place(meeting)
        return Section(
            title=safe_text(meeting.title),
            level=2,
            kind=SectionKind.MEETING,
            anchor=f"meeting-{meeting.id}",
            subtitle=safe_text(f"{self.words.meeting_dates(meeting)} · {where}"),
            blocks=(Paragraph(plain(safe_text(meeting.summary))),),
            sections=LazySections(len(meeting.sessions), lambda index: self.brief_session(meeting.sessions[index])),
        )

    def brief_session(self, session: Session) -> Section:
        part_of_day = self.words.part_of_day(session.part_of_day) if session.part_of_day else None
        subtitle = " · ".join(filter(None, (self.words.date(session.date), part_of_day, session.format)))
        anchor = f"session-{session.id}"
        parts: list[Section] = []
        if session.positions:
            parts.append(self.points_part(f"{anchor}-positions", self.positions_title(), session.positions))
        if session.key_points:
            parts.append(self.points_part(f"{anchor}-key-points", self.words.kind_section("key_point"), session.key_points))
        if session.figures:
            parts.append(Section(self.words.kind_section("figure"), 4, SectionKind.PART, f"{anchor}-figures",
                                 blocks=(ItemList(tuple(self.figure_item(f) for f in session.figures)),)))
        return Section(
            title=safe_text(session.title),
            level=3,
            kind=SectionKind.SESSION,
            anchor=anchor,
            subtitle=safe_text(subtitle),
            sections=tuple(parts),
        )

    def figure_item(self, figure: Figure) -> Inline:
        """ "500 million euros — what it counts (¶5)": a line, where the full summary has a table row."""
        return (
            Span(safe_text(figure.as_written), Emphasis.STRONG),
            Span(f" — {safe_text(figure.counts)}"),
            Span(f" ({self.source_label(figure.source)})", Emphasis.MUTED),
        )
