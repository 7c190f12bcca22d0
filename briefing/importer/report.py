"""What `briefing import` tells the author: what it found, and what is still theirs to do.

Plain text built from the release: the command line neutralises it (`shown`) before it reaches a terminal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.importer.wording import how_in, say

if TYPE_CHECKING:
    from briefing.importer import Draft


def found_lines(draft: Draft) -> list[str]:
    """One line per kind of thing found, with the numbers an author checks against the release."""
    analysis, book = draft.analysis, draft.briefing
    language = book.language
    headings = [i + 1 for i, heading in enumerate(analysis.headings) if heading]
    sessions = sum(len(meeting.sessions) for meeting in book.meetings)
    speakers = sorted({a.speaker.name for a in analysis.quotes if a.speaker is not None})
    unknown = sum(1 for a in analysis.quotes if a.speaker is None)
    truncated = sum(1 for a in analysis.quotes if a.quote.truncated)
    quotes = say(language, "quotes: {count}", count=len(analysis.quotes))
    if speakers:
        quotes += say(language, " by {speakers}", speakers=", ".join(speakers))
    if unknown:
        quotes += say(language, "; {count} without a speaker", count=unknown)
    if truncated:
        quotes += say(language, "; {count} cut off by the end of the text", count=truncated)
    dates = say(language, "dates: {start} to {end}", start=book.start, end=book.end)
    lines = [
        say(language, "paragraphs: {count} ({headings} headings{at})", count=len(analysis.release.paragraphs),
            headings=len(headings), at=f": ¶{', ¶'.join(map(str, headings))}" if headings else ""),
        say(language, "meetings: {meetings}, sessions: {sessions}", meetings=len(book.meetings), sessions=sessions),
        quotes,
        say(language, "people: {people}, organisations and states: {organisations}", people=len(book.people),
            organisations=len(book.organisations)),
        say(language, "figures: {count}", count=len(analysis.figures)),
        dates + (f" ({book.dates_note})" if book.dates_note else ""),
    ]
    if book.referenced_meetings:
        lines.append(say(language, "meetings mentioned, not attended: {titles}",
                         titles=", ".join(m.title for m in book.referenced_meetings)))
    places = [m.place for m in book.meetings if m.place]
    if places:
        lines.append(say(language, "places: {places}", places=", ".join(dict.fromkeys(places))))
    return lines


def todo_lines(draft: Draft) -> list[str]:
    """What the author must still do before the book is final, most important first (in the release's language)."""
    analysis, book = draft.analysis, draft.briefing
    language = book.language
    todo = []
    for attributed in analysis.quotes:
        where = f"¶{attributed.quote.parts[0][0] + 1}"
        if attributed.speaker is None:
            todo.append(say(language, "name the speaker of the quote in {where} (now `speaker-to-identify`)",
                            where=where))
        elif not attributed.how.endswith("named"):
            todo.append(say(language, "check the speaker of the quote in {where}: {name} ({how})", where=where,
                            name=attributed.speaker.name, how=how_in(language, attributed.how)))
    if book.principal is None:
        quoted = _most_quoted(draft)
        todo.append(say(language, "set the principal (`principal`), or import again with --principal NAME")
                    + (say(language, " (most quoted: {name})", name=quoted) if quoted else ""))
    todo.append(say(language, "write key points and positions for each session (the importer leaves them to you)"))
    todo.append(say(language, "rewrite each meeting's summary (now its first sentence) and check session titles "
                    "and dates"))
    undated = sum(1 for m in book.meetings for s in m.sessions if s.dating_note)
    if undated:
        todo.append(say(language, "check the {count} session date(s) that carry a dating note", count=undated))
    if any(m.place is None for m in book.meetings):
        todo.append(say(language, "give each meeting's place, or say in `place_note` that the release does not "
                        "state it"))
    if book.sources[0].issuer == say(language, "Issuer not stated"):
        todo.append(say(language, "give the issuer of the release and of the book (or import with --issuer)"))
    if book.sources[0].published is None:
        todo.append(say(language, "give the release's publication date (`published`), or import with --published"))
    todo.extend(say(language, "look at {warning}", warning=warning) for warning in analysis.warnings)
    if any(session.figures for meeting in book.meetings for session in meeting.sessions):  # none: nothing to check
        todo.append(say(language, "check every figure's `counts` and delete figures that are not figures"))
    todo.append(say(language, 'when done, set "status": "final" and run `briefing validate`'))
    return todo


def _most_quoted(draft: Draft) -> str | None:
    counts: dict[str, int] = {}
    for attributed in draft.analysis.quotes:
        if attributed.speaker is not None:
            counts[attributed.speaker.name] = counts.get(attributed.speaker.name, 0) + 1
    return max(counts, key=lambda name: counts[name]) if counts else None
