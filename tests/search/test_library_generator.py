"""The benchmark library generator: seeded, valid, about 8.6 kB of text per briefing, searchable."""

from __future__ import annotations

from benchmarks.library_generator import TEXT_PER_BRIEFING, generate_library, library_text_size
from briefing.model import Briefing, find_reference_problems
from briefing.search import SearchIndex


def test_same_seed_same_library_other_seed_other_library() -> None:
    first = generate_library(3, seed=11)
    assert [book.model_dump() for book in first] == [book.model_dump() for book in generate_library(3, seed=11)]
    assert [book.model_dump() for book in first] != [book.model_dump() for book in generate_library(3, seed=12)]


def test_books_are_valid_and_ids_unique_across_the_library() -> None:
    library = generate_library(20, seed=1)
    assert all(isinstance(book, Briefing) and not list(find_reference_problems(book)) for book in library)
    assert len({book.id for book in library}) == 20
    meeting_ids = [meeting.id for book in library for meeting in book.meetings]
    assert len(meeting_ids) == len(set(meeting_ids))


def test_text_size_is_about_the_promised_size() -> None:
    library = generate_library(50, seed=2)
    per_book = library_text_size(library) / len(library)
    assert 0.9 * TEXT_PER_BRIEFING < per_book < 1.1 * TEXT_PER_BRIEFING


def test_prose_has_accents_typography_and_hyphens_that_search_finds() -> None:
    index = SearchIndex.build(generate_library(30, seed=3))
    for query in ("wilmes", "O'Brien", "asia-pacific", '"european peace facility"'):
        assert index.search(query).total > 0, query
