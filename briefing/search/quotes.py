"""The quote browser's domain, below the UI: entries, their filter with spans, and source passages."""

from __future__ import annotations

from briefing.model import BriefingLookup, Located, Passage, Person, Quote
from briefing.search.matching import Field, RecordMatch, Where, match_record
from briefing.search.query import CompiledQuery


class QuoteEntry:
    """One quote with its speaker and the fields its filter matches."""

    __slots__ = ("_fields", "located", "speaker")

    def __init__(self, located: Located[Quote], speaker: Person | None) -> None:
        self.located = located
        self.speaker = speaker
        self._fields: tuple[Field, ...] | None = None

    @property
    def quote(self) -> Quote:
        return self.located.item

    @property
    def speaker_name(self) -> str:
        return self.speaker.name if self.speaker else self.quote.speaker

    @property
    def fields(self) -> tuple[Field, ...]:
        """What the filter looks at: the words (`text`), who said them (`speaker`, their role and
        aliases), and the context: meeting and session titles and the topics. Worked out at the first
        filter typed: listing a big book's 20,000 quotes needs none of it."""
        if self._fields is None:
            located, speaker = self.located, self.speaker
            fields = [
                Field("text", located.item.text),
                Field("speaker", speaker.name if speaker else located.item.speaker, Where.LABEL),
                *(Field("alias", alias, Where.LABEL) for alias in (speaker.aliases if speaker else ())),
                Field("role", (speaker.role or "") if speaker else "", Where.LABEL),
                Field("meeting", located.meeting.title, Where.CONTEXT),
                Field("session", located.session.title if located.session else "", Where.CONTEXT),
                *(Field("topic", topic, Where.CONTEXT) for topic in located.item.topics),
            ]
            self._fields = tuple(field for field in fields if field.text)
        return self._fields


def build_quote_entries(lookup: BriefingLookup) -> list[QuoteEntry]:
    """Every quote of the book, in document order, ready to list and filter."""
    people = lookup.people
    return [QuoteEntry(located, people.get(located.item.speaker)) for located in lookup.quotes()]


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
