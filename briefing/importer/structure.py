"""The shape of a release: which paragraphs are headings, and how they group into meetings and sessions.

A heading that names a meeting ("NATO ministerial meeting on 6-7 April") starts a meeting; any other
heading starts a session. Inside a section, a paragraph that opens with a session word (breakfast,
working session, dinner) or a time cue ("In the afternoon", "On Thursday", "The previous day") starts a
session. The first plain paragraph of a meeting is about the meeting as a whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.importer.blocks import BlockKind
from briefing.importer.lexicon import MEETING_WORDS, SESSION_FORMATS, TIME_CUES, TRIP_WORDS

MAX_HEADING_WORDS = 14
_ABOUT_ANOTHER_MEETING = re.compile(
    r"^(?i:preparing|preparation (?:of|for)|ahead of|towards|in view of|préparation|préparer|en vue d|"
    r"voorbereiding|met het oog op)\b"
)
"""A heading that is about getting ready for a meeting ("Preparing the European Council") is a topic of
the meeting reported on, not a meeting of its own."""
_ENDS_LIKE_PROSE = re.compile(r"[.!?;:,…”»\"’)]$")


def detect_headings(paragraphs: list[str], kinds: list[BlockKind], datelines: list[bool]) -> list[bool]:
    """Markup decides when there is any; in plain text a heading is one short line that is not a sentence."""
    headings = []
    for index, (text, kind) in enumerate(zip(paragraphs, kinds, strict=True)):
        if datelines[index]:
            headings.append(False)  # "Dublin, Wednesday 8 March": a dateline, not a heading
            continue
        if kind is not BlockKind.UNKNOWN:
            headings.append(kind is BlockKind.HEADING)
            continue
        words = text.split()
        headings.append(
            index + 1 < len(paragraphs)  # the last paragraph is prose, possibly cut off: never a heading
            and "\n" not in text
            and 0 < len(words) <= MAX_HEADING_WORDS
            and not _ENDS_LIKE_PROSE.search(text)
            and (text[0].isupper() or text[0].isdigit())
            and not any(mark in text for mark in "“«„\"")
        )
    return headings


@dataclass
class Cue:
    """What the opening words of a paragraph say about a new session."""

    format: str | None = None
    part_of_day: str | None = None
    weekday_words: str | None = None
    time_phrase: str | None = None

    @property
    def starts_session(self) -> bool:
        return bool(self.weekday_words or self.time_phrase or self.format)


def session_cue(text: str, weekday_names: set[str]) -> Cue:
    """Session words in the first sentence, time cues at its very start."""
    first = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0].lower()
    cue = Cue()
    for phrase, part in TIME_CUES:
        if re.match(rf"(?:{re.escape(phrase)})\b", first):
            cue.time_phrase, cue.part_of_day = phrase, part
            break
    opening = re.match(r"(?:on|le|op)?\s*(\w+)\b", first)
    if opening and opening.group(1) in weekday_names:
        cue.weekday_words = opening.group(1)
    for phrase, part in SESSION_FORMATS:
        if re.search(rf"\b{re.escape(phrase)}\b", first):
            cue.format = phrase
            cue.part_of_day = cue.part_of_day or part
            break
    return cue


@dataclass
class SessionPlan:
    title: str
    paragraphs: list[int] = field(default_factory=list)
    heading: int | None = None
    cue: Cue = field(default_factory=Cue)


@dataclass
class MeetingPlan:
    title: str | None = None
    heading: int | None = None
    intro: list[int] = field(default_factory=list)
    sessions: list[SessionPlan] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[int]:
        own = [self.heading] if self.heading is not None else []
        return sorted([*own, *self.intro, *(p for s in self.sessions for p in s.paragraphs)])

    @property
    def empty(self) -> bool:
        return self.heading is None and not self.intro and not self.sessions


def plan_meetings(
    paragraphs: list[str], headings: list[bool], weekday_names: set[str], datelines: list[bool]
) -> list[MeetingPlan]:
    """Meetings and their sessions, every paragraph in exactly one place."""
    meetings = [MeetingPlan()]
    for index, text in enumerate(paragraphs):
        meeting = meetings[-1]
        names_meeting = MEETING_WORDS.search(text) and not _ABOUT_ANOTHER_MEETING.search(text)
        if headings[index] and (names_meeting or (index == 0 and TRIP_WORDS.search(text))):
            if meeting.heading is not None or meeting.sessions:  # else: a label or dateline came first
                meeting = MeetingPlan()
                meetings.append(meeting)
            meeting.title, meeting.heading = text, index
            continue
        if headings[index]:
            meeting.sessions.append(SessionPlan(text, heading=index))
            continue
        cue = session_cue(text, weekday_names)
        current = meeting.sessions[-1] if meeting.sessions else None
        fresh = current is not None and not current.paragraphs
        if current is None and (not meeting.intro or datelines[index] or (index > 0 and datelines[index - 1])):
            meeting.intro.append(index)  # what the meeting is: who went where, and why (after the dateline)
        elif current is None or (cue.starts_session and not fresh):
            meeting.sessions.append(SessionPlan(_session_title(text, cue), [index], cue=cue))
        else:
            current.paragraphs.append(index)
            if fresh and cue.starts_session:
                current.cue = cue
    for meeting in meetings:
        if not meeting.sessions:  # a meeting is made of sessions: its intro becomes one
            meeting.sessions.append(SessionPlan(meeting.title or "Session", meeting.intro[1:] or list(meeting.intro)))
            meeting.intro = meeting.intro[:1] if len(meeting.intro) > 1 else []
    return meetings


def _session_title(text: str, cue: Cue) -> str:
    if cue.format:
        return cue.format[0].upper() + cue.format[1:]
    words = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0].split()
    title = " ".join(words[:10]).rstrip(",;:")
    return title + ("…" if len(words) > 10 else "") if title.strip(" .,;:!?") else "Session"
