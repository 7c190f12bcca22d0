"""Any string a user can type gives results or a QueryError with a message: never another exception,
never raw SQL or FTS5 text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.search import QueryError, SearchIndex, SearchResults, compile_query
from tests.factories import HOSTILE, minimal_briefing

INDEX = SearchIndex.for_briefing(minimal_briefing("war in Ukraine, Wilmès, Asia-Pacific, NEAR the end"))

RAW_ENGINE_WORDS = ("fts5", "sqlite", "syntax error", "malformed", "no such column", "unterminated")

HOSTILE_QUERIES = [
    '"', '""', '"""', "'", "''", "(", ")", "()", "[", "]", "{", "}", "*", "**", "* *", "war*", "*war", "w*r",
    "NEAR(", "NEAR(war ukraine)", "NEAR", "near", "war NEAR ukraine", "-", "--", "---", "-war", "- war", "--war",
    "OR", "AND", "NOT", "war NOT ukraine", "OR OR", "war OR", "OR war", "war AND", "AND war", "war OR -ukraine",
    "^war", "war:ukraine", "items:war", "body:war", "{heading}:war", "rowid", "war'; DROP TABLE items; --",
    "\x00", "war\x00ukraine", "\x1b[2J", "\u202e", "\u200b", "\t\n", "\ud800", "war\ud800", "𝔴𝔞𝔯", "ＷＡＲ",
    "x" * 10_000, "war " * 2_500, '"war ukraine', 'war "', '-"war"', '-"', '"war"*', '"*"', "+war", "war+ukraine",
    HOSTILE, "ß", "ﬁ", "İ", "%", "_", "war_ukraine", "\\", "\\\"", "`", "$(rm -rf /)", "<script>",
]

QUERIES_THAT_WORK = ["war*", "NEAR(war ukraine)", "war NEAR ukraine", "war:ukraine", "war\x00ukraine", "ＷＡＲ", "ß"]


def run(query: str, as_you_type: bool = False) -> SearchResults | QueryError:
    try:
        return INDEX.search(query, as_you_type=as_you_type)
    except QueryError as error:
        return error


def assert_well_behaved(outcome: SearchResults | QueryError) -> None:
    if isinstance(outcome, QueryError):
        assert outcome.message and isinstance(outcome.message, str)
        assert not any(word in outcome.message.lower() for word in RAW_ENGINE_WORDS), outcome.message
    else:
        assert outcome.total >= len(outcome.hits)


@pytest.mark.parametrize("as_you_type", [False, True])
@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_query_gives_results_or_a_clear_message(query: str, as_you_type: bool) -> None:
    assert_well_behaved(run(query, as_you_type))


@pytest.mark.parametrize("query", QUERIES_THAT_WORK)
def test_queries_with_syntax_characters_are_words(query: str) -> None:
    outcome = run(query)
    assert isinstance(outcome, SearchResults)


def test_near_is_a_word_not_an_operator() -> None:
    results = INDEX.search("NEAR( war ukraine )")
    assert results.total > 0
    # Punctuation inside a word joins its parts into a phrase, as a hyphen does: "near war" is not there.
    assert INDEX.search("NEAR(war ukraine)").total == 0
    assert all("near" in hit.text.lower() for hit in results.hits if hit.kind == "passage")


def test_sql_in_a_query_is_just_words() -> None:
    results = INDEX.search("war'; DROP TABLE items; --")
    assert results.total == 0
    assert INDEX.search("war").total > 0


@settings(max_examples=400, deadline=None)
@given(query=st.text(max_size=80), as_you_type=st.booleans())
def test_any_text_gives_results_or_a_clear_message(query: str, as_you_type: bool) -> None:
    assert_well_behaved(run(query, as_you_type))


@settings(max_examples=300, deadline=None)
@given(
    query=st.lists(
        st.sampled_from(['"', "-", "*", "OR", "AND", "(", ")", "NEAR", "war", "ukr", "wilmès", " ", "asia-pacific"]),
        max_size=12,
    ).map("".join),
    as_you_type=st.booleans(),
)
def test_any_mix_of_operators_gives_results_or_a_clear_message(query: str, as_you_type: bool) -> None:
    assert_well_behaved(run(query, as_you_type))


@settings(max_examples=200, deadline=None)
@given(query=st.text(max_size=40), text=st.text(max_size=80))
def test_spans_and_matches_never_fail_on_any_text(query: str, text: str) -> None:
    try:
        compiled = compile_query(query)
    except QueryError:
        return
    for start, end in compiled.spans(text):
        assert 0 <= start < end <= len(text)
    assert isinstance(compiled.matches(text), bool)
