"""One matcher for everything that is not the index: filters, mentions, where a hit matched.

Everything goes through `CompiledQuery` (the query language of `briefing.search.query`, with its
folding, phrases and prefixes), so a filter box, a mention and a search hit agree on what matches
and on the spans they highlight. Spans are character offsets into the original (unfolded) text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from briefing.search.folding import TOKEN, FoldedText, fold
from briefing.search.query import CompiledQuery, QueryError, Term, compile_query

Span = tuple[int, int]

Cancelled = Callable[[], bool]
"""Asked between steps of a long loop; True stops it (a worker that was superseded)."""


class SearchCancelled(Exception):
    """A search or scan stopped because its `cancelled` callback said so."""


def check_cancelled(cancelled: Cancelled | None) -> None:
    """Raise `SearchCancelled` when `cancelled` says the work is no longer wanted."""
    if cancelled is not None and cancelled():
        raise SearchCancelled


class Where(StrEnum):
    """Which part of a record a match is in."""

    TEXT = "text"
    """The item's own text (a quote's words, a point, a title)."""
    LABEL = "label"
    """What names the item: a quote's speaker, a person's role, an organisation's acronym."""
    CONTEXT = "context"
    """Around it: topics, a meeting's place, a session's format, a figure's unit."""


@dataclass(frozen=True, slots=True)
class FieldMatch:
    """The spans of a query in one field of a record."""

    where: Where
    field: str
    """The field's name, e.g. `text`, `speaker`, `role`, `topic`, `place`."""
    text: str
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class RecordMatch:
    """A record that satisfies a query, with the fields the query's words were found in."""

    fields: tuple[FieldMatch, ...]

    def spans_of(self, field: str) -> tuple[Span, ...]:
        """Spans in the field named (empty when nothing matched there)."""
        return next((match.spans for match in self.fields if match.field == field), ())

    @property
    def context_only(self) -> bool:
        """True when every match is in the context (topics, place…), none in the text or the label."""
        return bool(self.fields) and all(match.where is Where.CONTEXT for match in self.fields)

    @property
    def places(self) -> tuple[Where, ...]:
        """Where it matched, text first, each place once."""
        return tuple(where for where in Where if any(match.where is where for match in self.fields))


@dataclass(frozen=True, slots=True)
class Field:
    """A named piece of text of a record that a query is matched against."""

    name: str
    text: str
    where: Where = Where.TEXT


def match_record(query: CompiledQuery, fields: Sequence[Field], *, empty_matches: bool = False) -> RecordMatch | None:
    """The match of `query` in a record made of `fields`, or None when the record does not satisfy it.

    Like the index: every group must be found in some field, and no excluded term in any field.
    With `empty_matches`, a blank query matches every record (a filter box with nothing typed).
    """
    if query.is_empty:
        return RecordMatch(()) if empty_matches else None
    folded = [FoldedText.of(field.text) for field in fields]
    for group in query.groups:
        if not any(query.term_found(term, text.folded) for term in group for text in folded):
            return None
    if any(query.term_found(term, text.folded) for term in query.excluded for text in folded):
        return None
    found = []
    for field, text in zip(fields, folded, strict=True):
        if spans := query.folded_spans(text):
            found.append(FieldMatch(field.where, field.name, field.text, tuple(spans)))
    return RecordMatch(tuple(found))


def compile_filter(text: str) -> tuple[CompiledQuery, str | None]:
    """A filter box's query, read as typed (the last word is a prefix); an error message if it has one.

    A query that cannot be understood filters nothing out (the blank query), and its message says why.
    """
    try:
        return compile_query(text, as_you_type=True), None
    except QueryError as error:
        return compile_query(""), error.message


def phrases_query(names: Iterable[str]) -> CompiledQuery:
    """A query matching any of `names` as a whole phrase (no prefixes), e.g. a person's name or alias."""
    terms: list[Term] = []
    for name in names:
        tokens = tuple(TOKEN.findall(fold(name)))
        if tokens and (term := Term(tokens)) not in terms:
            terms.append(term)
    # The longest first: where "Karim Khan" and "Khan" both match, the longer span wins when merged anyway.
    terms.sort(key=lambda term: len(term.tokens), reverse=True)
    label = " OR ".join('"' + " ".join(term.tokens) + '"' for term in terms)
    return CompiledQuery(label, (tuple(terms),) if terms else ())
