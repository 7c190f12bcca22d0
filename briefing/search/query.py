"""The query language: parse what a user typed into terms, a safe FTS5 expression and highlight patterns.

    sanctions russia          both words (in any order, anywhere in the item)
    "peace facility"          the exact phrase (hyphens and punctuation between words do not matter)
    sanctions OR embargo      either word (OR binds tighter than the implicit AND)
    -russia  -"peace facility"  items without that word or phrase
    sanct*                    words starting with `sanct`

User text never reaches FTS5 as syntax: every token is folded, reduced to letters and digits, and
quoted, so a query is either understood or refused with a `QueryError` that says why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from briefing.search.folding import TOKEN, FoldedText, fold

QUERY_HELP = """\
sanctions russia        items with both words, anywhere in them
"peace facility"        the exact phrase
sanctions OR embargo    either word (OR binds tighter than the space)
-russia                 items without the word; -"a phrase" works too
sanct*                  words that start with "sanct"
Case, accents (wilmes = Wilmès), typographic quotes and dashes (Court's = Court’s) and hyphens
(asia-pacific = asia pacific) do not matter. While typing, the last word also matches as a prefix."""
"""The query language in plain text, for `briefing search --help` and the app's help screen."""

MAX_QUERY_LENGTH = 2000
"""Longest query accepted, in characters; longer ones are refused with a message, not truncated."""

MIN_PREFIX_LENGTH = 2
"""Letters a prefix needs: one letter would match a large share of every book, slowly, and tell little.
While typing, a one-letter last word is matched as a whole word until the second letter comes."""

MAX_TERMS = 40
"""Most words and phrases in one query; FTS5 expression trees have a depth limit, and no reader types more."""

EXAMPLES = 'e.g. `sanctions russia`, `"peace facility"`, `sanctions OR embargo`, `-russia`, `sanct*`'


class QueryError(ValueError):
    """A query that cannot be run, with a message meant for the person who typed it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class QueryFailedError(QueryError):
    """The engine failed on a query the parser accepted: a bug, never the user's mistake.

    Still shown as a message rather than a traceback, but tests treat it as a failure.
    """


@dataclass(frozen=True, slots=True)
class Term:
    """A word or phrase as folded tokens; `prefix` makes the last token match any word it begins."""

    tokens: tuple[str, ...]
    prefix: bool = False

    @property
    def fts(self) -> str:
        # Tokens are letters and digits only, so quoting them cannot be escaped out of.
        return '"' + " ".join(self.tokens) + '"' + ("*" if self.prefix else "")

    @property
    def pattern(self) -> str:
        body = r"[\W_]+".join(re.escape(token) for token in self.tokens)
        return r"(?<![^\W_])" + body + (r"[^\W_]*" if self.prefix else r"(?![^\W_])")


@dataclass(frozen=True)
class CompiledQuery:
    """A parsed query: all `groups` must match (each by one of its terms), no `excluded` term may."""

    query: str
    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()
    _patterns: dict[Term, re.Pattern[str]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def is_empty(self) -> bool:
        """True for a blank query: it matches nothing and is not an error."""
        return not self.groups

    @property
    def positive_terms(self) -> tuple[Term, ...]:
        return tuple(term for group in self.groups for term in group)

    @cached_property
    def fts_expression(self) -> str:
        """The FTS5 MATCH expression; only quoted tokens, parentheses, AND, OR, NOT and `*`."""
        positive = " AND ".join("(" + " OR ".join(term.fts for term in group) + ")" for group in self.groups)
        if not self.excluded:
            return positive
        return f"({positive}) NOT (" + " OR ".join(term.fts for term in self.excluded) + ")"

    def _regex(self, term: Term) -> re.Pattern[str]:
        pattern = self._patterns.get(term)
        if pattern is None:
            pattern = self._patterns[term] = re.compile(term.pattern)
        return pattern

    def term_found(self, term: Term, folded: str) -> bool:
        """Whether `term` occurs in `folded` (text already folded with `briefing.search.folding.fold`)."""
        return self._regex(term).search(folded) is not None

    def folded_spans(self, folded: FoldedText) -> list[tuple[int, int]]:
        """Original offsets of every match of a positive term, sorted, overlaps merged."""
        found: list[tuple[int, int]] = []
        for term in self.positive_terms:
            found.extend(match.span() for match in self._regex(term).finditer(folded.folded))
        if not found:
            return []
        found.sort()
        merged = [found[0]]
        for start, end in found[1:]:
            last_start, last_end = merged[-1]
            if start < last_end:
                merged[-1] = (last_start, max(last_end, end))
            else:
                merged.append((start, end))
        return [folded.original_span(start, end) for start, end in merged]

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Character offsets in `text` (the original, unfolded) of every match of the query's words."""
        return self.folded_spans(FoldedText.of(text))

    def matches(self, text: str) -> bool:
        """Whether `text` alone satisfies the query (every group, no exclusion)."""
        if self.is_empty:
            return False
        folded = fold(text)
        return all(any(self._regex(term).search(folded) for term in group) for group in self.groups) and not any(
            self._regex(term).search(folded) for term in self.excluded
        )


@dataclass(frozen=True, slots=True)
class _Word:
    term: Term | None
    """None for a word with no letters or digits, which is ignored."""
    excluded: bool = False


_OR = "OR"
_AND = "AND"


def compile_query(query: str, as_you_type: bool = False, typing_prefix: int = MIN_PREFIX_LENGTH) -> CompiledQuery:
    """Parse `query`; raise `QueryError` with a readable message if it cannot be understood.

    With `as_you_type`, the last word (if the query does not end in a space) also matches as a
    prefix, an unfinished quote is closed, and a trailing operator is ignored: the query is still
    being typed; a last word shorter than `typing_prefix` letters matches as a whole word only.
    """
    if not isinstance(query, str):
        raise QueryError("The query must be text.")
    if len(query) > MAX_QUERY_LENGTH:
        raise QueryError(f"The query is too long ({len(query):,} characters; at most {MAX_QUERY_LENGTH:,}).")
    items = _scan(query, as_you_type, max(typing_prefix, MIN_PREFIX_LENGTH))
    if as_you_type:
        while items and items[-1] in (_OR, _AND):
            items.pop()  # an operator just typed, waiting for its next word
    # Words without letters or digits (a dash between spaces, an ellipsis) are not searched for.
    items = [item for item in items if not (isinstance(item, _Word) and item.term is None)]
    return _group(query, items, as_you_type)


def _scan(query: str, as_you_type: bool, typing_prefix: int = MIN_PREFIX_LENGTH) -> list[_Word | str]:
    items: list[_Word | str] = []
    position = 0
    length = len(query)
    while position < length:
        character = query[position]
        if character.isspace():
            position += 1
            continue
        excluded = False
        if character == "-" and position + 1 < length and query[position + 1] == '"':
            excluded = True
            position += 1
            character = '"'
        if character == '"':
            closing = query.find('"', position + 1)
            unfinished = closing < 0
            if unfinished and not as_you_type:
                raise QueryError('A quotation mark is not closed: end the phrase with another ".')
            inside = query[position + 1 :] if unfinished else query[position + 1 : closing]
            position = length if unfinished else closing + 1
            prefix = False
            if position < length and query[position] == "*":
                prefix = True
                while position < length and query[position] == "*":
                    position += 1
            tokens = tuple(TOKEN.findall(fold(inside)))
            if unfinished and not prefix and not excluded and inside and not inside[-1].isspace() and tokens:
                prefix = len(tokens[-1]) >= typing_prefix
            _check_prefix(tokens, prefix)
            items.append(_Word(Term(tokens, prefix) if tokens else None, excluded))
            continue
        end = position
        while end < length and not query[end].isspace() and query[end] != '"':
            end += 1
        word = query[position:end]
        position = end
        at_end = position >= length
        if word in (_OR, _AND):
            items.append(word)
            continue
        if word.startswith("-"):
            excluded = True
            word = word[1:]
            if not word:
                if as_you_type and at_end:
                    continue
                raise QueryError("A lone \"-\" excludes nothing: write it right before a word, as in -russia.")
        prefix = word.endswith("*")
        stem = word.rstrip("*")
        folded_stem = fold(stem)
        tokens = tuple(TOKEN.findall(folded_stem))
        if prefix and not tokens:
            raise QueryError('"*" needs the beginning of a word before it, as in sanct*.')
        if as_you_type and at_end and not excluded and tokens and TOKEN.fullmatch(folded_stem[-1]):
            prefix = len(tokens[-1]) >= typing_prefix
        _check_prefix(tokens, prefix)
        items.append(_Word(Term(tokens, prefix) if tokens else None, excluded))
    return items


def _check_prefix(tokens: tuple[str, ...], prefix: bool) -> None:
    if prefix and tokens and len(tokens[-1]) < MIN_PREFIX_LENGTH:
        raise QueryError(f'"*" needs at least {MIN_PREFIX_LENGTH} letters before it, as in sanct*.')


def _group(query: str, items: list[_Word | str], as_you_type: bool) -> CompiledQuery:
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    pending_or = False
    previous: _Word | str | None = None
    for item in items:
        if item == _AND:
            if previous is None or isinstance(previous, str):
                raise QueryError(f'"AND" needs a word on each side ({EXAMPLES}).')
            previous = item
            continue
        if item == _OR:
            if previous is None or isinstance(previous, str):
                raise QueryError('"OR" needs a word on each side, as in `sanctions OR embargo`.')
            if isinstance(previous, _Word) and previous.excluded:
                raise QueryError('An excluded word cannot be joined with "OR"; write -word on its own.')
            pending_or = True
            previous = item
            continue
        assert isinstance(item, _Word) and item.term is not None
        if item.excluded:
            if pending_or:
                raise QueryError('An excluded word cannot be joined with "OR"; write -word on its own.')
            if item.term not in excluded:
                excluded.append(item.term)
        elif pending_or:
            if item.term not in groups[-1]:
                groups[-1].append(item.term)
        else:
            groups.append([item.term])
        pending_or = False
        previous = item
    if isinstance(previous, str):
        raise QueryError(f'"{previous}" needs a word on each side, as in `sanctions {previous} embargo`.')
    if len(excluded) + sum(len(group) for group in groups) > MAX_TERMS:
        raise QueryError(f"The query has too many words and phrases (at most {MAX_TERMS}).")
    if not groups and excluded:
        raise QueryError('Add a word to look for: "-word" only excludes, it finds nothing on its own.')
    if not groups and query.strip() and not as_you_type:
        raise QueryError(f"There is nothing to search for: use letters or digits ({EXAMPLES}).")
    unique_groups: list[tuple[Term, ...]] = []
    for group in groups:
        if tuple(group) not in unique_groups:
            unique_groups.append(tuple(group))
    return CompiledQuery(query, tuple(unique_groups), tuple(excluded))

