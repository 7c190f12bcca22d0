"""The quote browser's domain, below the UI: entries, their filter with spans, and source passages."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.model import BriefingLookup, Located, Passage, Person, Quote
from briefing.search.matching import Field, RecordMatch, Where, match_record
from briefing.search.query import CompiledQuery


@dataclass(frozen=True, slots=True)
class QuoteEntry:
    """One quote with its speaker and the fields its filter matches."""

    located: Located[Quote]
    speaker: Person | None
    fields: tuple[Field, ...]

    @property
    def quote(self) -> Quote:
        return self.located.item

    @property
    def speaker_name(self) -> str:
        return self.speaker.name if self.speaker else self.quote.speaker


def build_quote_entries(lookup: BriefingLookup) -> list[QuoteEntry]:
    """Every quote of the book, in document order, ready to list and filter.

    The filter looks at the words (`text`), who said them (`speaker`, their role and aliases), and
    the context: meeting and session titles and the topics.
    """
    entries = []
    for located in lookup.quotes():
        speaker = lookup.people.get(located.item.speaker)
        fields = [
            Field("text", located.item.text),
            Field("speaker", speaker.name if speaker else located.item.speaker, Where.LABEL),
            *(Field("alias", alias, Where.LABEL) for alias in (speaker.aliases if speaker else ())),
            Field("role", (speaker.role or "") if speaker else "", Where.LABEL),
            Field("meeting", located.meeting.title, Where.CONTEXT),
            Field("session", located.session.title if located.session else "", Where.CONTEXT),
            *(Field("topic", topic, Where.CONTEXT) for topic in located.item.topics),
        ]
        entries.append(QuoteEntry(located, speaker, tuple(field for field in fields if field.text)))
    return entries


def filter_quotes(entries: list[QuoteEntry], query: CompiledQuery) -> list[tuple[QuoteEntry, RecordMatch]]:
    """The entries that satisfy `query` (all of them for a blank query), with where each matched."""
    found = []
    for entry in entries:
        if (match := match_record(query, entry.fields, empty_matches=True)) is not None:
            found.append((entry, match))
    return found


def source_passages(lookup: BriefingLookup, located: Located[Quote]) -> list[Passage]:
    """The passages taken from the same source paragraph as the quote: its session's, else its
    meeting's, else the whole book's (a quote's context is sometimes filed with the meeting)."""
    source = located.item.source
    scopes: list[tuple[Passage, ...]] = []
    if located.session is not None:
        scopes.append(located.session.passages)
    scopes.append(located.meeting.passages)
    for passages in scopes:
        found = [passage for passage in passages if passage.source == source]
        if found:
            return found
    # The whole book's, from an index built once: a scan of a big book's 66,000 items per quote shown
    # made every j in the quote list wait for it.
    return list(lookup.passages_by_source.get(source, ()))
