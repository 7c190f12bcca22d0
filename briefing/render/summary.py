"""Build the printable summary of a briefing as a `SummaryDocument`: the one place its layout is decided.

Reading order: marking; title, issuer, principal, dates; each meeting (facts, summary, its own source
passages, then each session with key points, positions, figures, quotes with their full citation and
source passages); a who's who; the marking again (added by writers). Each quote appears once: its words
are elided from the source passage that holds them. Topics are listed once per session.

Every string taken from the briefing goes through `safe_text` here, once, so no writer can forget.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from briefing.model import (
    ITEM_KIND_SPECS,
    Briefing,
    BriefingLookup,
    Figure,
    ItemKind,
    Meeting,
    Passage,
    Point,
    Quote,
    Session,
    SourceRef,
)
from briefing.render.citation import source_reference
from briefing.render.document import (
    Block,
    BlockQuote,
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
    Table,
    plain,
)
from briefing.render.safety import safe_text
from briefing.render.selection import AmbiguousMeetingError, UnknownMeetingError, select_meetings
from briefing.render.vocabulary import vocabulary

__all__ = ["AmbiguousMeetingError", "UnknownMeetingError", "build_summary", "select_meetings"]

QUOTED_ABOVE = "[quoted above]"
"""Stands in a source passage for words the summary already shows as a quote: each quote appears once."""
SUMMARY_PART_ORDER = ("key_point", "position", "figure", "quote", "passage")
"""A session's parts in a printout: what was said and decided first, the source passages last.
A kind not listed here (a new one) is printed after these, as a list of its texts."""


def build_summary(
    briefing: Briefing,
    meeting_ids: Iterable[str] | None = None,
    include_quotes: bool = True,
    reader_notes: Sequence[tuple[str, str]] = (),
    brief: bool = False,
) -> SummaryDocument:
    """The summary of `briefing` (or of the meetings named) as a format-neutral document.

    `reader_notes` ((what the note is on, note text) pairs) adds a last section of the reader's own
    notes, headed as such; without it a summary never holds a note. `brief` gives the
    one-page-per-meeting brief (`briefing.render.brief`) instead of the full summary.
    """
    meetings = select_meetings(briefing, meeting_ids)
    if brief:
        from briefing.render.brief import BriefBuilder

        document = BriefBuilder(briefing, meetings, include_quotes).build()
    else:
        document = _SummaryBuilder(briefing, meetings, include_quotes).build()
    if not reader_notes:
        return document
    return replace(document, sections=(*document.sections, reader_notes_section(reader_notes)))


READER_NOTES_TITLE = "Your private notes (not part of the briefing)"

READER_NOTES_WARNING = (
    "These notes are the reader's own, from this computer; the issuer of the briefing did not write them."
)


def reader_notes_section(notes: Sequence[tuple[str, str]]) -> Section:
    items = tuple(
        (Span(safe_text(about), Emphasis.STRONG), Span(" — " + safe_text(text))) for about, text in notes
    )
    return Section(
        READER_NOTES_TITLE, 2, SectionKind.APPENDIX, "reader-notes",
        blocks=(Paragraph((Span(READER_NOTES_WARNING, Emphasis.EMPHASIS),)), ItemList(items)),
    )


class _SummaryBuilder:
    def __init__(self, briefing: Briefing, meetings: tuple[Meeting, ...], include_quotes: bool) -> None:
        self.briefing = briefing
        self.lookup = BriefingLookup(briefing)
        self.meetings = meetings
        self.include_quotes = include_quotes
        self.whole_book = meetings == briefing.meetings
        self.words = vocabulary(briefing.language)
        """Labels, dates and quotation marks in the book's language."""

    def fields(self, rows: list[tuple[str, Inline]]) -> Fields:
        """Labelled rows, the labels in the book's language."""
        return Fields(tuple((self.words.label(label), value) for label, value in rows))

    def build(self) -> SummaryDocument:
        meetings = self.meetings
        sections = LazySections(len(meetings), lambda index: self.meeting_section(meetings[index]),
                                tail=(self.whos_who(),))
        return SummaryDocument(
            title=safe_text(self.briefing.title),
            marking=safe_text(self.words.marking(self.briefing.classification, self.briefing.status)),
            language=safe_text(self.briefing.language),
            front=self.front_matter(),
            sections=sections,
        )

    def front_matter(self) -> tuple[Block, ...]:
        principal = self.lookup.principal
        rows: list[tuple[str, Inline]] = [
            ("Issued by", plain(safe_text(self.briefing.issuer))),
            ("Prepared for", plain(safe_text(self.person_with_role(principal.id) if principal else self.words.words.not_stated_principal))),
            ("Dates", plain(self.words.date_range(self.briefing.start, self.briefing.end))),
        ]
        if self.briefing.principal_note:
            rows.append(("Note on the principal", plain(safe_text(self.briefing.principal_note))))
        if self.briefing.dates_note:
            rows.append(("Note on the dates", plain(safe_text(self.briefing.dates_note))))
        if not self.whole_book:
            rows.append(("Selection", plain(f"{len(self.meetings)} of {len(self.briefing.meetings)} meetings")))
        contents = ItemList(
            tuple(
                (
                    Span(safe_text(meeting.title), Emphasis.STRONG),
                    Span(f" — {self.words.meeting_dates(meeting)}, {safe_text(self.words.place_name(meeting))}"),
                )
                for meeting in self.meetings
            )
        )
        if self.briefing.referenced_meetings:
            return (self.fields(rows), contents, self.referenced_meetings())
        return (self.fields(rows), contents)

    def referenced_meetings(self) -> Fields:
        """Meetings the sources mention but the principal did not attend: named, never mistaken for attended ones."""
        lines = []
        for meeting in self.briefing.referenced_meetings:
            when = self.words.date_range(meeting.start, meeting.end or meeting.start) if meeting.start else None
            cited = ", ".join(self.source_label(ref) for ref in meeting.sources)
            details = ", ".join(filter(None, (meeting.place, when, meeting.note)))
            lines.append(f"{meeting.title}" + (f" ({details})" if details else "") + f" {cited}")
        return self.fields([("Mentioned, not attended", plain(safe_text("; ".join(lines))))])

    # Meetings and sessions

    def meeting_section(self, meeting: Meeting) -> Section:
        rows: list[tuple[str, Inline]] = [
            ("Dates", plain(self.words.meeting_dates(meeting))),
            ("Place", plain(safe_text(self.words.place(meeting)))),
            *([("Note on the place", plain(safe_text(meeting.place_note)))] if meeting.place_note else []),
            ("Kind", plain(safe_text(meeting.kind))),
        ]
        if meeting.organiser:
            rows.append(("Organiser", plain(safe_text(self.lookup.actor_name(meeting.organiser)))))
        if meeting.participants:
            rows.append(("Participants", plain(self.actor_names(meeting.participants))))
        head = ()
        if meeting.passages:
            quotes = [quote for session in meeting.sessions for quote in session.quotes]
            head = (self.passages_part(f"meeting-{meeting.id}-sources", meeting.passages,
                                       f"{self.words.kind_section('passage')} on the meeting", level=3, quotes=quotes),)
        sessions = meeting.sessions
        parts = LazySections(len(sessions), lambda index: self.session_section(sessions[index]), head=head)
        return Section(
            title=safe_text(meeting.title),
            level=2,
            kind=SectionKind.MEETING,
            anchor=f"meeting-{meeting.id}",
            blocks=(self.fields(rows), Paragraph(plain(safe_text(meeting.summary)))),
            sections=parts,
        )

    def session_section(self, session: Session) -> Section:
        part_of_day = self.words.part_of_day(session.part_of_day) if session.part_of_day else None
        subtitle = " · ".join(filter(None, (self.words.date(session.date), part_of_day, session.format)))
        blocks: list[Block] = []
        rows: list[tuple[str, Inline]] = []
        if session.dating_note:  # a date the source does not state must not print as if it did
            rows.append(("Note on the date", plain(safe_text(session.dating_note))))
        if session.participants:
            rows.append(("Participants", plain(self.actor_names(session.participants))))
        # Topics once per session, not after every bullet: they help to skim, but repeated they are noise.
        topics = dict.fromkeys(t for point in (*session.key_points, *session.positions) for t in point.topics)
        if topics:
            rows.append(("Topics", plain(safe_text(", ".join(topics)))))
        if rows:
            blocks.append(self.fields(rows))
        anchor = f"session-{session.id}"
        parts = [
            self.session_part(kind, anchor, items, session)
            for kind in sorted(ITEM_KIND_SPECS, key=_summary_rank)
            if (items := kind.items_of(session)) and (self.include_quotes or kind.name != "quote")
        ]
        return Section(
            title=safe_text(session.title),
            level=3,
            kind=SectionKind.SESSION,
            anchor=anchor,
            subtitle=safe_text(subtitle),
            blocks=tuple(blocks),
            sections=tuple(parts),
        )

    def session_part(self, kind: ItemKind, anchor: str, items: Sequence[object], session: Session) -> Section:
        """One part of a session: the items of one kind, laid out for that kind."""
        title = self.words.kind_section(kind.name)
        part_anchor = f"{anchor}-{kind.field.replace('_', '-')}"
        if kind.name == "passage":
            return self.passages_part(f"{anchor}-sources", items, title, quotes=session.quotes)
        if kind.name in ("key_point", "position"):
            title = self.positions_title() if kind.name == "position" else title
            return self.points_part(part_anchor, title, items)
        if kind.name == "figure":
            return Section(title, 4, SectionKind.PART, part_anchor, blocks=(self.figure_table(items),))
        if kind.name == "quote":
            return Section(title, 4, SectionKind.PART, part_anchor,
                           blocks=tuple(self.block_quote(quote) for quote in items))
        texts = tuple(plain(safe_text(getattr(item, kind.text_field))) for item in items)
        return Section(title, 4, SectionKind.PART, part_anchor, blocks=(ItemList(texts),))

    def positions_title(self) -> str:
        country = self.lookup.principal.country if self.lookup.principal else None
        return f"{self.words.kind_section('position')} of {safe_text(country)}" if country else self.words.kind_section("position")

    def points_part(self, anchor: str, title: str, points: Sequence[Point]) -> Section:
        items = tuple(self.point_item(point) for point in points)
        return Section(title, 4, SectionKind.PART, anchor, blocks=(ItemList(items),))

    def point_item(self, point: Point) -> Inline:
        return (
            Span(safe_text(point.text)),
            Span(f" ({'; '.join(self.source_label(ref) for ref in point.sources)})", Emphasis.MUTED),
        )

    def figure_table(self, figures: Sequence[Figure]) -> Table:
        rows = tuple(
            (
                (
                    Span(safe_text(figure.as_written), Emphasis.STRONG),
                    # A rank reads best as written ("third tranche"); a count also shows its exact value.
                    *(() if figure.ordinal else (Span(f" ({figure.value:,} {safe_text(figure.unit)})", Emphasis.MUTED),)),
                ),
                plain(safe_text(figure.counts)),
                plain(self.source_label(figure.source)),
            )
            for figure in figures
        )
        return Table(("Figure as written", "What it counts", "Source"), rows)

    def block_quote(self, quote: Quote) -> BlockQuote:
        """The quote with its full citation under it: the one place the summary shows these words."""
        source = source_reference(self.lookup, quote.source)
        speaker = self.words.person_with_role(self.lookup.people.get(quote.speaker), quote.speaker)
        attribution = f"— {speaker} ({source})"
        text = f"{quote.text} {self.words.words.breaks_off}" if quote.truncated else quote.text
        return BlockQuote(safe_text(text), safe_text(attribution))

    def passages_part(
        self, anchor: str, passages: Sequence[Passage], title: str, level: int = 4,
        quotes: Sequence[Quote] = (),
    ) -> Section:
        shown_quotes = [quote.text for quote in quotes] if self.include_quotes else []
        items = tuple(
            (
                Span(f"{self.source_label(passage.source)} ", Emphasis.MUTED),
                Span(safe_text(self.without_quotes(passage.text, shown_quotes)),
                     Emphasis.STRONG if passage.heading else Emphasis.PLAIN),
                *((Span(f" {self.words.words.breaks_off}", Emphasis.MUTED),) if passage.truncated else ()),
            )
            for passage in passages
        )
        return Section(title, level, SectionKind.PART, anchor, blocks=(ItemList(items),))

    @staticmethod
    def without_quotes(text: str, quotes: Sequence[str]) -> str:
        for quote in quotes:
            text = text.replace(quote, QUOTED_ABOVE)
        return text

    # Appendices

    def whos_who(self) -> Section:
        people_ids, organisation_ids = self.people_and_organisations_shown()
        people = [person for person in self.briefing.people if person.id in people_ids]
        organisations = [o for o in self.briefing.organisations if o.id in organisation_ids]
        parts: list[Section] = []
        if people:
            rows = tuple(
                (
                    (Span(safe_text(person.name), Emphasis.STRONG),),
                    plain(safe_text(person.role or "")),
                    plain(safe_text(self.lookup.actor_name(person.organisation)) if person.organisation else ""),
                    plain(safe_text(person.country or "")),
                )
                for person in people
            )
            parts.append(Section("People", 3, SectionKind.PART, "whos-who-people",
                                 blocks=(Table(("Name", "Role", "Organisation", "Country"), rows),)))
        if organisations:
            rows = tuple(
                (
                    (Span(safe_text(organisation.name), Emphasis.STRONG),),
                    plain(safe_text(organisation.acronym or "")),
                    plain(self.words.organisation_kind(organisation.kind)),
                )
                for organisation in organisations
            )
            parts.append(Section("Organisations", 3, SectionKind.PART, "whos-who-organisations",
                                 blocks=(Table(("Name", "Acronym", "Kind"), rows),)))
        return Section("Appendix: who's who", 2, SectionKind.APPENDIX, "appendix-whos-who",
                       sections=tuple(parts))

    def people_and_organisations_shown(self) -> tuple[set[str], set[str]]:
        """Everyone for the whole book; for a selection, those its meetings name (and the principal)."""
        people = set(self.lookup.people)
        organisations = set(self.lookup.organisations)
        if self.whole_book:
            return people, organisations
        named = {self.briefing.principal} if self.briefing.principal else set()
        for meeting in self.meetings:
            named.update(meeting.participants)
            named.update(filter(None, (meeting.organiser,)))
            for session in meeting.sessions:
                named.update(session.participants)
                named.update(quote.speaker for quote in session.quotes)
        named.update(p.organisation for p in self.briefing.people if p.id in named and p.organisation)
        return people & named, organisations & named

    # Small helpers

    def person_with_role(self, person_id: str) -> str:
        return self.words.person_with_role(self.lookup.people.get(person_id), person_id)

    def actor_names(self, identifiers: Iterable[str]) -> str:
        return safe_text(", ".join(self.lookup.actor_name(identifier) for identifier in identifiers))

    def source_label(self, ref: SourceRef) -> str:
        """ "¶7" when the book has one source document; "Title, ¶7" when the reader must know which."""
        return safe_text(self.words.source_label(self.lookup, ref))


def _summary_rank(kind: ItemKind) -> int:
    return SUMMARY_PART_ORDER.index(kind.name) if kind.name in SUMMARY_PART_ORDER else len(SUMMARY_PART_ORDER)
