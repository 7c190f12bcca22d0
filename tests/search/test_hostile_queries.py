"""Any string a user can type gives results or a QueryError with a message: never another exception,
never raw SQL or FTS5 text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.search import QueryError, QueryFailedError, SearchIndex, SearchResults, compile_query
from briefing.search.documents import indexed_items
from briefing.search.query import Term
from briefing.search.scan import ScanIndex
from tests.factories import HOSTILE, minimal_briefing

BOOK = minimal_briefing("war in Ukraine, Wilmès, Asia-Pacific, NEAR the end")
INDEX = SearchIndex.for_briefing(BOOK)
SCAN = ScanIndex(list(indexed_items([BOOK])))
"""The plain-scan fallback answers every query the same way, or refuses it with the same message."""

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


def run(query: str, as_you_type: bool = False, index: SearchIndex | ScanIndex = INDEX) -> Outcome:
    try:
        return query, as_you_type, index.search(query, as_you_type=as_you_type)
    except QueryError as error:
        return query, as_you_type, error


Outcome = tuple[str, bool, "SearchResults | QueryError"]


def assert_well_behaved(outcome: Outcome) -> None:
    """Results, or the parser's own message for a query it refuses; never the engine failing.

    A `QueryError` must come from `compile_query` (the same message, without touching the index):
    the engine's catch-all (`QueryFailedError`, "could not be run") means the FTS expression built
    from an accepted query was broken, which is a bug however politely it is worded.
    """
    query, as_you_type, result = outcome
    if isinstance(result, QueryError):
        assert not isinstance(result, QueryFailedError), f"the engine failed on {query!r}: {result.message}"
        assert result.message and isinstance(result.message, str)
        assert not any(word in result.message.lower() for word in RAW_ENGINE_WORDS), result.message
        with pytest.raises(QueryError) as parsed:
            compile_query(query, as_you_type=as_you_type)
        assert parsed.value.message == result.message
    else:
        assert result.total >= len(result.hits)
        for hit in result.hits:
            for start, end in hit.spans:
                assert 0 <= start < end <= len(hit.text)


@pytest.mark.parametrize("as_you_type", [False, True])
@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_query_gives_results_or_a_clear_message(query: str, as_you_type: bool) -> None:
    outcome = run(query, as_you_type)
    assert_well_behaved(outcome)
    fallback = run(query, as_you_type, SCAN)
    assert_well_behaved(fallback)
    if isinstance(outcome[2], SearchResults):
        assert isinstance(fallback[2], SearchResults) and fallback[2].total == outcome[2].total


def test_the_checks_catch_an_engine_that_fails_on_every_query(monkeypatch: pytest.MonkeyPatch) -> None:
    """Mutation: the FTS term builder forgets its closing quote, so searches fail inside SQLite.

    `assert_well_behaved` must reject every outcome the mutation changed. (Before it refused the
    engine's catch-all error, all of them passed as "a clear message".) A query with two words can
    still parse when its stray quotes pair up, and then finds what the correct query finds (nothing,
    for `NEAR(war ukraine)`): such outcomes are unchanged and not counted.
    """
    cases = [(query, as_you_type) for query in HOSTILE_QUERIES for as_you_type in (False, True)]
    correct = {case: _summary(run(*case)[2]) for case in cases}
    monkeypatch.setattr(Term, "fts", property(lambda term: '"' + " ".join(term.tokens) + ("*" if term.prefix else "")))
    changed = caught = 0
    for case in cases:
        outcome = run(*case)
        if _summary(outcome[2]) == correct[case]:
            continue
        changed += 1
        try:
            assert_well_behaved(outcome)
        except AssertionError:
            caught += 1
    assert changed > 60, "the mutation breaks most searches"
    assert caught == changed, f"{changed - caught} broken searches passed the checks"


def _summary(outcome: SearchResults | QueryError) -> tuple[str, object]:
    if isinstance(outcome, QueryError):
        return type(outcome).__name__, outcome.message
    return "results", outcome.total


@pytest.mark.parametrize("query", QUERIES_THAT_WORK)
def test_queries_with_syntax_characters_are_words(query: str) -> None:
    _, _, outcome = run(query)
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
