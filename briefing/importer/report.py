"""What `briefing import` tells the author: what it found, and what is still theirs to do.

Plain text built from the release: the command line neutralises it (`shown`) before it reaches a terminal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.importer.wording import say

if TYPE_CHECKING:
    from briefing.importer import Draft


def found_lines(draft: Draft) -> list[str]:
    """One line per kind of thing found, with the numbers an author checks against the release."""
    analysis = draft.analysis
    book = draft.briefing
    headings = [i + 1 for i, heading in enumerate(analysis.headings) if heading]
    sessions = sum(len(meeting.sessions) for meeting in book.meetings)
    speakers = sorted({a.speaker.name for a in analysis.quotes if a.speaker is not None})
    unknown = sum(1 for a in analysis.quotes if a.speaker is None)
    truncated = sum(1 for a in analysis.quotes if a.quote.truncated)
    lines = [
        f"paragraphs: {len(analysis.release.paragraphs)} ({len(headings)} headings"
        + (f": ¶{', ¶'.join(map(str, headings))}" if headings else "") + ")",
        f"meetings: {len(book.meetings)}, sessions: {sessions}",
        f"quotes: {len(analysis.quotes)}"
        + (f" by {', '.join(speakers)}" if speakers else "")
        + (f"; {unknown} without a speaker" if unknown else "")
        + (f"; {truncated} cut off by the end of the text" if truncated else ""),
        f"people: {len(book.people)}, organisations and states: {len(book.organisations)}",
        f"figures: {len(analysis.figures)}",
        f"dates: {book.start} to {book.end}" + (f" ({book.dates_note})" if book.dates_note else ""),
    ]
    if book.referenced_meetings:
        lines.append("meetings mentioned, not attended: " + ", ".join(m.title for m in book.referenced_meetings))
    places = [m.place for m in book.meetings if m.place]
    if places:
        lines.append(f"places: {', '.join(dict.fromkeys(places))}")
    return lines


def todo_lines(draft: Draft) -> list[str]:
    """What the author must still do before the book is final, most important first."""
    analysis = draft.analysis
    book = draft.briefing
    todo = []
    for attributed in analysis.quotes:
        where = f"¶{attributed.quote.parts[0][0] + 1}"
        if attributed.speaker is None:
            todo.append(f"name the speaker of the quote in {where} (now `speaker-to-identify`)")
        elif not attributed.how.endswith("named"):
            todo.append(f"check the speaker of the quote in {where}: {attributed.speaker.name} ({attributed.how})")
    if book.principal is None:
        quoted = _most_quoted(draft)
        todo.append("set the principal (`principal`), or import again with --principal NAME"
                    + (f" (most quoted: {quoted})" if quoted else ""))
    todo.append("write key points and positions for each session (the importer leaves them to you)")
    todo.append("rewrite each meeting's summary (now its first sentence) and check session titles and dates")
    undated = sum(1 for m in book.meetings for s in m.sessions if s.dating_note)
    if undated:
        todo.append(f"check the {undated} session date(s) that carry a dating note")
    if any(m.place is None for m in book.meetings):
        todo.append("give each meeting's place, or say in `place_note` that the release does not state it")
    if book.sources[0].issuer == say(book.language, "Issuer not stated"):
        todo.append("give the issuer of the release and of the book (or import with --issuer)")
    if book.sources[0].published is None:
        todo.append("give the release's publication date (`published`), or import with --published")
    if analysis.warnings:
        todo.extend(f"look at {warning}" for warning in analysis.warnings)
    todo.append("check every figure's `counts` and delete figures that are not figures")
    todo.append('when done, set "status": "final" and run `briefing validate`')
    return todo


def _most_quoted(draft: Draft) -> str | None:
    counts: dict[str, int] = {}
    for attributed in draft.analysis.quotes:
        if attributed.speaker is not None:
            counts[attributed.speaker.name] = counts.get(attributed.speaker.name, 0) + 1
    return max(counts, key=lambda name: counts[name]) if counts else None
