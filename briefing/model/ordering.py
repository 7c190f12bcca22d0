"""Meetings and sessions in the order they took place, for every view and export.

A briefing lists meetings and sessions as its author filed them; a reader wants them in time order.
Sessions of one day sort by part of day; a session with no part of day keeps its place in the file
relative to the sessions around it (it inherits the part of day of the session filed before it), so
"the breakfast that opened the day" comes first and an untimed session filed after a dinner stays
after it.
"""

from __future__ import annotations

from briefing.model.types import Briefing, Meeting, PartOfDay, Session

PART_OF_DAY_RANK = {PartOfDay.MORNING: 1, PartOfDay.MIDDAY: 2, PartOfDay.AFTERNOON: 3, PartOfDay.EVENING: 4}
"""Morning first; an untimed session borrows the rank of the session before it on the same day."""


def meetings_in_time_order(briefing: Briefing) -> list[Meeting]:
    """The meetings by start, then end date; meetings of the same dates keep their file order."""
    return sorted(briefing.meetings, key=lambda meeting: (meeting.start, meeting.end))


def sessions_in_time_order(meeting: Meeting) -> list[Session]:
    """The sessions of `meeting` by date and part of day (see the module's note on untimed sessions)."""
    return _ordered(list(meeting.sessions))


def all_sessions_in_time_order(briefing: Briefing) -> list[tuple[Meeting, Session]]:
    """Every session of the book with its meeting, in time order across meetings (for a timeline)."""
    pairs = [(meeting, session) for meeting in meetings_in_time_order(briefing) for session in meeting.sessions]
    ranks = _ranks([session for _, session in pairs])
    order = sorted(range(len(pairs)), key=lambda index: (pairs[index][1].date, ranks[index], index))
    return [pairs[index] for index in order]


def _ordered(sessions: list[Session]) -> list[Session]:
    ranks = _ranks(sessions)
    order = sorted(range(len(sessions)), key=lambda index: (sessions[index].date, ranks[index], index))
    return [sessions[index] for index in order]


def _ranks(sessions: list[Session]) -> list[int]:
    """Each session's part-of-day rank; an untimed one takes the rank of the one before it that day."""
    ranks: list[int] = []
    last: dict[object, int] = {}
    for session in sessions:
        if session.part_of_day is not None:
            rank = PART_OF_DAY_RANK[session.part_of_day]
        else:
            rank = last.get(session.date, 0)
        last[session.date] = rank
        ranks.append(rank)
    return ranks
