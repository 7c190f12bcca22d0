"""Typo tolerance: a query that finds nothing gets the nearest words of the book as a suggestion."""

from __future__ import annotations

import pytest

from briefing.cli import main
from briefing.search import SearchIndex, compile_query
from tests.search.conftest import briefing_with_passages


@pytest.fixture
def index() -> SearchIndex:
    return SearchIndex.for_briefing(briefing_with_passages(
        "New sanctions against Russia.", "Sanctions again; sanctions always.", "The sanctity of borders.",
        "Support for the European Peace Facility.", "Minister Wilmès spoke.",
    ))


def suggested(index: SearchIndex, query: str) -> str | None:
    compiled = compile_query(query)
    assert index.search_compiled(compiled).total == 0, "the suggestion is for a query that finds nothing"
    suggestion = index.suggest(compiled)
    return suggestion.query if suggestion else None


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("sanctons", "sanctions"),
        ("Sanctons russa", "sanctions russia"),
        ('"peace facilty"', '"peace facility"'),
        ("wilmse", "wilmes"),
        ("sanctons -russa", "sanctions -russa"),  # an excluded word stays as typed
        ("sanctons OR embargoo", "sanctions OR embargoo"),  # nothing is near "embargoo"
    ],
)
def test_unknown_words_are_replaced_by_the_nearest_words_of_the_book(
    index: SearchIndex, typed: str, meant: str
) -> None:
    assert suggested(index, typed) == meant


def test_the_more_frequent_of_two_equally_near_words_wins(index: SearchIndex) -> None:
    # "sanctiony" is one edit from both "sanctions" (3 items) and "sanctity" (1 item).
    assert suggested(index, "sanctiony") == "sanctions"


def test_nothing_is_suggested_for_words_far_from_every_word(index: SearchIndex) -> None:
    assert suggested(index, "qqqzzx") is None
    assert suggested(index, "xy") is None  # too short to correct


def test_briefing_search_suggests_on_stderr_and_still_exits_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "sanctons"]) == 1
    captured = capsys.readouterr()
    assert "did you mean sanctions?" in captured.err
    assert "did you mean" not in captured.out
    assert main(["search", "qqqzzxw"]) == 1
    assert "did you mean" not in capsys.readouterr().err
