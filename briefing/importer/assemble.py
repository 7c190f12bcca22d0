"""An analysis → the draft book, as the JSON-ready dict of a schema version 2 briefing with `status: draft`.

Every paragraph becomes a passage, every quote and figure cites the paragraph(s) it was cut from, and
nothing is written in the author's place except what the book cannot do without (a meeting summary
taken from the release's own words, session titles from headings and cue words); the rest is left
for the author, and `briefing import` says what.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from briefing.importer.actors import Actor, country_name, slug
from briefing.importer.analysis import Analysis, Attributed
from briefing.importer.lexicon import DAY_SHIFTS
from briefing.importer.mentions import MONTH, PAST, UPCOMING
from briefing.importer.structure import MeetingPlan, SessionPlan
from briefing.importer.wording import long_date, quoted, say, weekday_name
from briefing.model import SCHEMA_VERSION

UNKNOWN_SPEAKER = "speaker-to-identify"
BORROWED_NOTE = "The text gives no date for this session: filed under the date of the session before; check it."
ONE_DAY_NOTE = "The text gives no date for this session: filed under the first day of the meeting; check it."
_MEETING_PHRASE = re.compile(
    r"(?:attend(?:ed)?|participated in|took part in|chaired|hosted|assisté à|participé à|participe à|assiste à"
    r"|nam deel aan|woonde)\s+(?:a|an|the|la|le|l[’']|une|un|de|het|een|aan)\s+"
    r"(?P<title>[^.,;]{3,90}?)(?=\s+(?:in|à|te|on|le|op|at|du)\s|[.,;]|$)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DraftOptions:
    source_id: str
    source_path: str
    source_title: str
    issuer: str
    classification: str
    published: dt.date | None


def build_book(analysis: Analysis, options: DraftOptions) -> dict:
    """The draft book: every paragraph cited, every quote attributed or marked for the author."""
    paragraphs = analysis.release.paragraphs
    meetings = [_meeting(analysis, plan, number, options) for number, plan in enumerate(analysis.meetings, 1)]
    _place_items(analysis, meetings, options.source_id)
    starts = [m["start"] for m in meetings]
    ends = [m["end"] for m in meetings]
    people = [_person(actor) for actor in analysis.people.people.values()]
    if any(q.speaker is None for q in analysis.quotes):
        people.append({"id": UNKNOWN_SPEAKER, "name": say(analysis.language, "Speaker to be identified"),
                       "note": say(analysis.language, "Placeholder from `briefing import`: the release does not "
                                   "say who spoke.")})
    return {
        "schema_version": SCHEMA_VERSION,
        "status": "draft",
        "id": slug(options.source_id)[:60],
        "title": options.source_title,
        "issuer": options.issuer,
        **_principal_fields(analysis),
        "classification": options.classification,
        "language": analysis.language,
        "start": min(starts),
        "end": max(ends),
        "dates_note": " ".join(analysis.dating.notes) or None,
        "sources": [{
            "id": options.source_id,
            "title": options.source_title,
            "issuer": options.issuer,
            "published": options.published.isoformat() if options.published else None,
            "language": analysis.language,
            "path": options.source_path,
            "note": say(analysis.language, "Imported by `briefing import` from a {format} file; {count} paragraphs, "
                        "headings counted as paragraphs.", format=analysis.release.format, count=len(paragraphs)),
        }],
        "meetings": meetings,
        "people": people,
        "organisations": [_organisation(actor) for actor in analysis.organisations.values()],
        "referenced_meetings": _referenced(analysis, options.source_id),
    }


REFERENCE_NOTES = {
    UPCOMING: "Mentioned as upcoming ({quoted}, ¶{paragraph}), not attended in this release; found by "
              "`briefing import`: check it.",
    PAST: "Mentioned as a past meeting ({quoted}, ¶{paragraph}); found by `briefing import`: check it.",
    MONTH: "Mentioned by its month ({quoted}, ¶{paragraph}): give its dates; found by `briefing import`: check it.",
}
"""The note of a referenced meeting, by how the release pointed at it."""


def _referenced(analysis: Analysis, source_id: str) -> list[dict]:
    """Meetings the release points at (an upcoming summit, the last European Council): referenced, not attended."""
    mentions = analysis.mentions
    return [
        {
            "id": f"referenced-{number}-{slug(mention.title)[:40]}",
            "title": mention.title[:200],
            "place": mention.place,
            "start": mention.start,
            "end": mention.end,
            "note": say(analysis.language, REFERENCE_NOTES[mention.cue],
                        quoted=quoted(analysis.language, mention.wording[:120]), paragraph=mention.paragraph + 1),
            "sources": [{"document": source_id, "paragraph": mention.paragraph + 1}],
        }
        for number, mention in enumerate(mentions, 1)
    ]


def _principal_fields(analysis: Analysis) -> dict:
    if analysis.principal is not None:
        return {"principal": analysis.principal.id}
    return {"principal": None,
            "principal_note": say(analysis.language, "No principal was given at import (`--principal NAME`).")}


def _person(actor: Actor) -> dict:
    role = actor.role[:200] if actor.role else None
    return {"id": actor.id, "name": actor.name[:200], "role": role, "aliases": [a[:200] for a in actor.aliases],
            "note": actor.note}


def _organisation(actor: Actor) -> dict:
    return {"id": actor.id, "name": actor.name, "acronym": actor.acronym, "kind": actor.kind}


def _passage(analysis: Analysis, index: int, source_id: str) -> dict:
    text = analysis.release.paragraphs[index]
    last = index == len(analysis.release.paragraphs) - 1
    return {
        "id": f"src-p{index + 1:02d}",
        "text": text,
        "source": {"document": source_id, "paragraph": index + 1},
        "heading": analysis.headings[index],
        # A release whose last paragraph stops without a full stop was cut off.
        "truncated": last and not analysis.headings[index] and not re.search(r"[.!?…”»\"’)]\s*$", text),
    }


def _meeting(analysis: Analysis, plan: MeetingPlan, number: int, options: DraftOptions) -> dict:
    paragraphs = analysis.release.paragraphs
    own = sorted(([plan.heading] if plan.heading is not None else []) + plan.intro)
    # The meeting's days: those its heading and introduction give, and those that open its sessions.
    openings = [s.paragraphs[0] if s.paragraphs else s.heading for s in plan.sessions]
    days = [d for i in own + [i for i in openings if i is not None] for d in analysis.dating.in_paragraph(i)]
    start = min((s for s, _ in days), default=None)
    undated = start is None
    if start is None:  # not the day of the import: the date the release gives last before this meeting
        start = _date_before(analysis, min(plan.paragraphs, default=0)) or options.published or dt.date.today()
    end = max((e for _, e in days), default=start)
    title, place, country = _meeting_title(analysis, plan, number), *_place(analysis, plan)
    sessions, previous = [], None
    for s_number, session in enumerate(plan.sessions, 1):
        previous = _session(analysis, session, f"m{number}-s{s_number}", (start, end), previous, options.source_id)
        sessions.append(previous)
    # The summary starts from the release's own opening words, not from its dateline or a label.
    prose = [i for i in plan.intro if len(paragraphs[i].split()) > 8] or plan.intro or plan.paragraphs
    summary_from = prose[0]
    start = min([start, *(dt.date.fromisoformat(s["date"]) for s in sessions)])
    end = max([end, *(dt.date.fromisoformat(s["date"]) for s in sessions)])
    for session in sessions:  # on a one-day meeting an undated session needs no note; on a longer one it does
        if session["dating_note"] == say(analysis.language, ONE_DAY_NOTE) and start == end:
            session["dating_note"] = None
        if undated and not session["dating_note"]:  # its date is borrowed: the author must check it
            session["dating_note"] = say(analysis.language, BORROWED_NOTE)
    return {
        "id": f"meeting-{number}",
        "title": title,
        "kind": title,
        "place": place,
        "place_note": None if place else say(analysis.language, "The release does not name the place; check it."),
        "country": country,
        "start": start.isoformat(),
        "end": max(end, start).isoformat(),
        "summary": _first_sentences(paragraphs[summary_from]),
        "participants": _mentioned(analysis, plan.paragraphs),
        "passages": [_passage(analysis, i, options.source_id) for i in own],
        "sessions": sessions,
    }


def _meeting_title(analysis: Analysis, plan: MeetingPlan, number: int) -> str:
    if plan.title:
        return plan.title[:200]
    for index in plan.intro or plan.paragraphs[:1]:
        match = _MEETING_PHRASE.search(analysis.release.paragraphs[index])
        if match:
            title = match.group("title").strip()
            return title[0].upper() + title[1:]
    return say(analysis.language, "Meeting {number}", number=number)


def _date_before(analysis: Analysis, paragraph: int) -> dt.date | None:
    """The last date the release gives before `paragraph`, else its first date anywhere (None: it gives none)."""
    count = len(analysis.release.paragraphs)
    earlier = [s for i in range(paragraph) for s, _ in analysis.dating.in_paragraph(i)]
    anywhere = earlier or [s for i in range(count) for s, _ in analysis.dating.in_paragraph(i)]
    return (max(earlier) if earlier else min(anywhere)) if anywhere else None


def _place(analysis: Analysis, plan: MeetingPlan) -> tuple[str | None, str | None]:
    wanted = set(([plan.heading] if plan.heading is not None else []) + plan.intro) or set(plan.paragraphs)
    for paragraph, _, name, code in analysis.places.mentions:
        if paragraph in wanted:
            return name, country_name(code, analysis.language)
    return None, None


def _session(
    analysis: Analysis, plan: SessionPlan, identifier: str, span: tuple[dt.date, dt.date], previous: dict | None,
    source_id: str,
) -> dict:
    indexes = ([plan.heading] if plan.heading is not None else []) + plan.paragraphs
    date, note = _session_date(analysis, plan, span, previous)
    return {
        "id": identifier,
        "title": plan.title[:200],
        "date": date.isoformat(),
        "part_of_day": plan.cue.part_of_day,
        "format": plan.cue.format,
        "dating_note": note,
        "participants": _mentioned(analysis, indexes),
        "passages": [_passage(analysis, i, source_id) for i in indexes],
        "key_points": [],
        "positions": [],
        "figures": [],
        "quotes": [],
    }


def _session_date(
    analysis: Analysis, plan: SessionPlan, span: tuple[dt.date, dt.date], previous: dict | None
) -> tuple[dt.date, str | None]:
    start, end = span
    language = analysis.language
    first = plan.paragraphs[0] if plan.paragraphs else plan.heading
    stated = [s for s, _ in analysis.dating.in_paragraph(first) if start <= s <= end] if first is not None else []
    if stated:
        return stated[0], None
    before = dt.date.fromisoformat(previous["date"]) if previous else start
    cue = plan.cue
    if cue.weekday_words:
        day = next((start + dt.timedelta(days=n) for n in range((end - start).days + 1)
                    if (start + dt.timedelta(days=n)).strftime("%A").lower() == _english_weekday(analysis, cue.weekday_words)), None)
        if day is not None:
            return day, say(language, "The text says {quoted}: the {weekday} of the meeting, {date}.",
                            quoted=quoted(language, cue.weekday_words), weekday=weekday_name(language, day.weekday()),
                            date=long_date(language, day))
    if cue.time_phrase in DAY_SHIFTS:
        day = before + dt.timedelta(days=DAY_SHIFTS[cue.time_phrase])  # the meeting stretches to include it
        return day, say(language, "The text says {quoted}: counted from the session before.",
                        quoted=quoted(language, cue.time_phrase))
    if start == end:
        return start, say(language, ONE_DAY_NOTE)
    if cue.time_phrase:
        return before, say(language, "The text says {quoted}: taken as the same day as the session before.",
                           quoted=quoted(language, cue.time_phrase))
    return before, say(language, BORROWED_NOTE)


def _english_weekday(analysis: Analysis, word: str) -> str:
    from briefing.importer.dates import _names

    number = _names(analysis.language)[1].get(word.lower())
    return ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")[number] if number is not None else word


def _mentioned(analysis: Analysis, indexes: list[int]) -> list[str]:
    wanted = set(indexes)
    actors = [*analysis.people.people.values(), *analysis.organisations.values()]
    return [actor.id for actor in actors if actor.paragraphs & wanted]


def _first_sentences(text: str) -> str:
    sentences = re.split(r"(?<=[.!?])\s+", text)
    summary = sentences[0]
    return summary if len(summary) <= 600 else summary[:597].rstrip() + "…"


def _place_items(analysis: Analysis, meetings: list[dict], source_id: str) -> None:
    """Quotes and figures go to the session holding their paragraph (the meeting's first session for its intro)."""
    home: dict[int, dict] = {}
    for plan, meeting in zip(analysis.meetings, meetings, strict=True):
        for index in plan.paragraphs:
            home[index] = meeting["sessions"][0]
        for session_plan, session in zip(plan.sessions, meeting["sessions"], strict=True):
            for index in ([session_plan.heading] if session_plan.heading is not None else []) + session_plan.paragraphs:
                home[index] = session
    for number, attributed in enumerate(analysis.quotes, 1):
        home[attributed.quote.parts[0][0]]["quotes"].append(_quote(attributed, number, source_id))
    for number, figure in enumerate(analysis.figures, 1):
        home[figure.paragraph]["figures"].append({
            "id": f"fig-{number}-{slug(figure.as_written)[:40]}",
            "value": _json_number(figure.value), "unit": figure.unit, "counts": figure.sentence,
            "as_written": figure.as_written, "ordinal": figure.ordinal, "approximate": figure.approximate,
            "source": {"document": source_id, "paragraph": figure.paragraph + 1},
        })


def _json_number(value: Decimal) -> int | float:
    """A JSON number, as the schema has it: an integer when the figure is whole (1.5 billion is)."""
    return int(value) if value == value.to_integral_value() else float(value)


def meeting_titles(analysis: Analysis) -> list[str]:
    """Each meeting's title: its heading, or the meeting named in its opening paragraph."""
    return [_meeting_title(analysis, plan, number) for number, plan in enumerate(analysis.meetings, 1)]


def _quote(attributed: Attributed, number: int, source_id: str) -> dict:
    parts = attributed.quote.parts
    source = {"document": source_id, "paragraph": parts[0][0] + 1}
    if len(parts) > 1:
        source["last_paragraph"] = parts[-1][0] + 1
    words = " ".join(parts[0][1].split()[:5])
    return {
        "id": f"quote-{number}-{slug(words)[:40]}",
        "speaker": attributed.speaker.id if attributed.speaker else UNKNOWN_SPEAKER,
        "text": "\n\n".join(text for _, text in parts),
        "source": source,
        "truncated": attributed.quote.truncated,
    }
