"""Which meetings a reader means by `--meeting FAC`: an id, a unique id prefix, or words of the title.

A person at a printer types what they remember ("fac", "NATO", "foreign affairs"), not the full id
`fac-2022-04-11`. Matching is case-insensitive and accent-insensitive. An exact id always wins; then a
unique id prefix; then meetings whose title has a word starting with each word typed. More than one
candidate is refused with the candidates listed, so a brief never silently covers the wrong meeting.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from briefing.model import Briefing, Meeting
from briefing.render.safety import safe_text

_WORD = re.compile(r"[^\W_]+")

LISTED = 20
"""How many meeting ids an error message lists: a big book has thousands, and a screenful helps more."""


class UnknownMeetingError(ValueError):
    """Some `meeting_ids` name no meeting of the briefing; `valid_ids` lists the ones it has."""

    def __init__(self, unknown_ids: Sequence[str], valid_ids: Sequence[str]) -> None:
        self.unknown_ids = tuple(unknown_ids)
        self.valid_ids = tuple(valid_ids)
        shown = ", ".join(self.valid_ids[:LISTED])
        more = f", … ({len(self.valid_ids)} in all)" if len(self.valid_ids) > LISTED else ""
        super().__init__(
            "no meeting has the id, id prefix or title words "
            f"{', '.join(safe_text(repr(unknown)) for unknown in self.unknown_ids)}; "
            f"valid meeting ids: {shown}{more}"
        )


class AmbiguousMeetingError(UnknownMeetingError):
    """A `--meeting` value fits several meetings; `candidates` holds their ids, to pick one."""

    def __init__(self, wanted: str, candidates: Sequence[Meeting]) -> None:
        self.candidates = tuple(meeting.id for meeting in candidates)
        ValueError.__init__(
            self,
            f"{safe_text(repr(wanted))} fits {len(candidates)} meetings; give more of the id or title: "
            + "; ".join(f"{meeting.id} ({safe_text(meeting.title)})" for meeting in candidates[:LISTED])
            + (f"; … and {len(candidates) - LISTED} more" if len(candidates) > LISTED else ""),
        )
        self.unknown_ids = (wanted,)
        self.valid_ids = self.candidates


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def find_meeting(briefing: Briefing, wanted: str) -> list[Meeting]:
    """The meetings `wanted` designates: one exact id, else id-prefix matches, else title-word matches."""
    key = _fold(wanted.strip())
    if not key:
        return []
    meetings = briefing.meetings
    exact = [meeting for meeting in meetings if meeting.id == key]
    if exact:
        return exact
    by_prefix = [meeting for meeting in meetings if meeting.id.startswith(key)]
    if by_prefix:
        return by_prefix
    words = _WORD.findall(key)
    if not words:
        return []
    found = []
    for meeting in meetings:
        title_words = _WORD.findall(_fold(meeting.title))
        if all(any(title_word.startswith(word) for title_word in title_words) for word in words):
            found.append(meeting)
    return found


def select_meetings(briefing: Briefing, meeting_ids: Iterable[str] | None) -> tuple[Meeting, ...]:
    """The meetings named (all when `meeting_ids` is None), in the briefing's order.

    Raises `AmbiguousMeetingError` when a name fits several meetings and `UnknownMeetingError` when
    some fit none (both are `ValueError`s whose message a command can print as it is).
    """
    if meeting_ids is None:
        return briefing.meetings
    chosen: set[str] = set()
    unknown = []
    for wanted in dict.fromkeys(meeting_ids):
        found = find_meeting(briefing, wanted)
        if len(found) > 1:
            raise AmbiguousMeetingError(wanted, found)
        if not found:
            unknown.append(wanted)
        else:
            chosen.add(found[0].id)
    if unknown:
        raise UnknownMeetingError(unknown, [meeting.id for meeting in briefing.meetings])
    return tuple(meeting for meeting in briefing.meetings if meeting.id in chosen)
