"""One pass of every finder over a release: structure, actors, quotes with speakers, dates, figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from briefing.importer.actors import Actor, Places, find_organisations_and_places
from briefing.importer.blocks import ReleaseText
from briefing.importer.dates import Dating, _names, find_dates
from briefing.importer.figures import FoundFigure, find_figures
from briefing.importer.lexicon import guess_language
from briefing.importer.mentions import MentionedMeeting, find_mentioned_meetings
from briefing.importer.people import PeopleRegistry, resolve_speaker
from briefing.importer.quotes import FoundQuote, find_quotes
from briefing.importer.structure import MeetingPlan, detect_headings, plan_meetings
from briefing.importer.wording import say


@dataclass
class Attributed:
    """A quote and who said it (None: the author must say), with how the speaker was decided."""

    quote: FoundQuote
    speaker: Actor | None
    how: str


@dataclass
class Analysis:
    release: ReleaseText
    language: str
    headings: list[bool]
    meetings: list[MeetingPlan]
    organisations: dict[str, Actor]
    people: PeopleRegistry
    places: Places
    quotes: list[Attributed]
    dating: Dating
    mentions: list[MentionedMeeting]
    """Meetings the release mentions but does not report on (found before the meetings are dated)."""
    figures: list[FoundFigure]
    principal: Actor | None
    published: dt.date | None
    warnings: list[str] = field(default_factory=list)


def analyse(release: ReleaseText, *, language: str | None, principal: str | None, published: dt.date | None) -> Analysis:
    """Everything the draft is made of, found in `release`."""
    paragraphs = release.paragraphs
    language = language or guess_language("\n".join(paragraphs))
    months, weekdays = _names(language)
    dating = find_dates(paragraphs, language, published)
    mentions = find_mentioned_meetings(paragraphs, dating)
    datelines = [dating.is_dateline(index, text) for index, text in enumerate(paragraphs)]
    headings = detect_headings(paragraphs, release.kinds, datelines)
    meetings = plan_meetings(paragraphs, headings, set(weekdays), datelines)
    organisations, places, spans = find_organisations_and_places(paragraphs, language)
    registry = PeopleRegistry(spans, _gazetteer_words(organisations, places), language=language)
    registry.scan(paragraphs)
    principal_actor = _principal(registry, principal)
    found, warnings = find_quotes(paragraphs, release.kinds)
    attributed = _attribute(found, registry, principal_actor)
    excluded: dict[int, list[tuple[int, int]]] = {}
    for date, _, _ in dating.found:  # "11 April" is a date, never a count of eleven
        excluded.setdefault(date.paragraph, []).append((date.offset, date.end))
    figures = find_figures(paragraphs, excluded, set(months), language)
    published = published or dating.date_of_dateline(datelines)
    return Analysis(release, language, headings, meetings, organisations, registry, places, attributed, dating,
                    mentions, figures, principal_actor, published, warnings)


def _gazetteer_words(organisations: dict[str, Actor], places: Places) -> set[str]:
    words = {actor.name for actor in organisations.values()}
    words |= {word for actor in organisations.values() for word in actor.name.split()}
    words |= {name for _, _, name, _ in places.mentions}
    return words


def _principal(registry: PeopleRegistry, principal: str | None) -> Actor | None:
    """The person named by `--principal` (a name or an id); added when the text does not name them."""
    if not principal:
        return None
    found = registry.people.get(principal) or registry.match(principal)
    if found is not None:
        return found
    added = registry.add_named(principal, None)
    if added is not None:
        added.note = say(registry.language, "Named as the principal by the author at import; the release does not "
                         "name them.")
    return added


def _attribute(found: list[FoundQuote], registry: PeopleRegistry, principal: Actor | None) -> list[Attributed]:
    """Each quote's speaker; a pronoun, or a quote with no cue in the same paragraph, continues the previous one."""
    attributed: list[Attributed] = []
    previous: Attributed | None = None
    for quote in found:
        paragraph = quote.parts[0][0]
        if quote.who is not None:
            resolution = resolve_speaker(quote.who, registry, previous.speaker if previous else None, principal, paragraph)
            speaker, how = resolution.person, f"{quote.cue}: {resolution.how}"
        elif previous is not None and previous.quote.parts[-1][0] in (paragraph, paragraph - 1):
            speaker, how = previous.speaker, "no cue: continues the previous quote"
        else:
            speaker, how = None, "no speaker found"
        current = Attributed(quote, speaker, how)
        attributed.append(current)
        if speaker is not None:
            previous = current
    return attributed
