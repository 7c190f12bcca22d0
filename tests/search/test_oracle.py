"""Oracle tests: the engine finds exactly the items whose folded text holds the words, and its spans
cut the original text exactly at the matches.

The oracle is deliberately naive (tokenise the folded text, compare lists) and shares nothing with
the engine: it folds and tokenises on its own (`oracle_fold`, `tokens`, a few lines over
`unicodedata`), so that a bug in the engine's folding shows as a disagreement instead of being
repeated on both sides.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.model import Briefing
from briefing.search import SearchHit, SearchIndex
from briefing.search.documents import IndexedItem, briefing_items
from tests.search.conftest import briefing_from_sources, source_paragraphs

WORD = re.compile(r"[^\W_]+")
"""Where to cut a paragraph into sample phrases (the oracle's `tokens` decides what they mean)."""

RowKey = tuple[str, str, str]
"""(kind, item id, text): a meeting has two rows (title and summary) under one id, told apart by text."""


def oracle_fold(text: str) -> str:
    """Compatibility-decomposed, accents dropped, case-folded: the README's promise, written for the test."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def tokens(text: str) -> list[str]:
    """Runs of letters and digits of the folded text; everything else separates words."""
    words, current = [], []
    for character in oracle_fold(text):
        if character.isalnum():
            current.append(character)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def is_word_character(text: str) -> bool:
    return bool(text) and oracle_fold(text)[:1].isalnum()


def row_sequences(item: IndexedItem) -> list[list[str]]:
    # The text is one column; the extras are joined into another, as the index stores them.
    return [tokens(item.text), tokens(" ".join(item.extras))]


def contains(sequence: list[str], phrase: list[str]) -> bool:
    width = len(phrase)
    return any(sequence[start : start + width] == phrase for start in range(len(sequence) - width + 1))


def oracle_rows(briefing: Briefing) -> list[tuple[RowKey, list[list[str]]]]:
    """Every row's key and its word sequences (tokenised once per book, not once per word looked up)."""
    return [((item.kind, item.item_id, item.text), row_sequences(item)) for item in briefing_items(briefing)]


def expected_rows(rows: list[tuple[RowKey, list[list[str]]]], phrase: list[str]) -> set[RowKey]:
    return {key for key, sequences in rows if any(contains(sequence, phrase) for sequence in sequences)}


def hit_keys(hits: list[SearchHit]) -> set[RowKey]:
    return {(hit.kind, hit.item_id, hit.text) for hit in hits}


def check_spans(hit: SearchHit, phrase: list[str]) -> None:
    """Every span folds to exactly the phrase, and there is one span per occurrence in the text."""
    for start, end in hit.spans:
        assert tokens(hit.text[start:end]) == phrase, (hit.text[start:end], phrase)
        assert start == 0 or not oracle_fold(hit.text[start - 1])[-1:].isalnum()
        assert end == len(hit.text) or not is_word_character(hit.text[end])
    sequence = tokens(hit.text)
    occurrences = sum(
        1 for start in range(len(sequence) - len(phrase) + 1) if sequence[start : start + len(phrase)] == phrase
    )
    assert len(hit.spans) == occurrences
    assert list(hit.spans) == sorted(hit.spans)


def briefings() -> Iterator[tuple[str, Briefing]]:
    from briefing.loading import load_briefing, sample_path

    yield "built-from-sources", briefing_from_sources()
    yield "sample", load_briefing(sample_path())


BRIEFINGS = dict(briefings())
INDEXES = {name: SearchIndex.for_briefing(briefing) for name, briefing in BRIEFINGS.items()}
ROWS = {name: oracle_rows(briefing) for name, briefing in BRIEFINGS.items()}
SOURCE_WORDS = sorted({word for paragraph in source_paragraphs() for word in tokens(paragraph)})


@pytest.mark.parametrize("name", sorted(BRIEFINGS))
def test_every_source_word_finds_exactly_the_items_that_hold_it(name: str) -> None:
    index = INDEXES[name]
    assert len(SOURCE_WORDS) > 500
    for word in SOURCE_WORDS:
        results = index.search(word, limit=len(index))
        assert results.total == len(results.hits)
        assert hit_keys(results.hits) == expected_rows(ROWS[name], [word]), word
        for hit in results.hits:
            check_spans(hit, [word])


@pytest.mark.parametrize("name", sorted(BRIEFINGS))
def test_every_source_word_typed_in_capitals_finds_the_same(name: str) -> None:
    index = INDEXES[name]
    for word in SOURCE_WORDS:
        if word.upper() in ("AND", "OR"):  # in capitals, these are operators
            continue
        assert index.search(word.upper()).total == index.search(word).total


@st.composite
def phrases_from_the_source(draw: st.DrawFn) -> str:
    """A run of 2–5 whole words of a source paragraph, exactly as written (case, accents, punctuation)."""
    paragraph = draw(st.sampled_from(source_paragraphs()))
    matches = list(WORD.finditer(paragraph))
    length = draw(st.integers(min_value=2, max_value=5))
    first = draw(st.integers(min_value=0, max_value=max(0, len(matches) - length)))
    chosen = matches[first : first + length]
    return paragraph[chosen[0].start() : chosen[-1].end()]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(phrase=phrases_from_the_source(), name=st.sampled_from(sorted(BRIEFINGS)))
def test_random_phrases_find_exactly_the_items_that_hold_them(phrase: str, name: str) -> None:
    index = INDEXES[name]
    query = '"' + phrase.replace('"', " ") + '"'
    words = tokens(phrase.replace('"', " "))
    results = index.search(query, limit=len(index))
    assert hit_keys(results.hits) == expected_rows(ROWS[name], words)
    for hit in results.hits:
        check_spans(hit, words)


def test_the_built_briefing_contains_every_paragraph() -> None:
    # Guards the oracle itself: if passages went missing, "finds exactly" would prove little.
    texts = {item.text for item in briefing_items(BRIEFINGS["built-from-sources"])}
    assert set(source_paragraphs()) <= texts


def expected_prefix_rows(rows: list[tuple[RowKey, list[list[str]]]], prefix: str) -> set[RowKey]:
    return {key for key, sequences in rows if any(token.startswith(prefix) for sequence in sequences for token in sequence)}


@pytest.mark.parametrize("name", sorted(BRIEFINGS))
def test_every_three_letter_prefix_typed_finds_exactly_the_items_with_a_word_so_starting(name: str) -> None:
    index = INDEXES[name]
    for prefix in sorted({word[:3] for word in SOURCE_WORDS if len(word) >= 3}):
        results = index.search(prefix, limit=len(index), as_you_type=True)
        assert hit_keys(results.hits) == expected_prefix_rows(ROWS[name], prefix), prefix
        for hit in results.hits:
            for start, end in hit.spans:
                (token,) = tokens(hit.text[start:end])
                assert token.startswith(prefix)
