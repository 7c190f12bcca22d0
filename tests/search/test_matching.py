"""One matcher below the UI: records of fields, filters as typed, names as phrases."""

from __future__ import annotations

from briefing.search import Field, Where, compile_filter, compile_query, match_record, phrases_query

RECORD = (
    Field("text", "We stand with Ukraine, today and tomorrow."),
    Field("speaker", "Sophie Wilmès", Where.LABEL),
    Field("topic", "sanctions", Where.CONTEXT),
)


def test_every_word_may_match_in_a_different_field() -> None:
    match = match_record(compile_query("wilmes ukraine"), RECORD)
    assert match is not None
    assert match.spans_of("text") == ((14, 21),)
    assert match.spans_of("speaker") == ((7, 13),)
    assert match.places == (Where.TEXT, Where.LABEL)
    assert not match.context_only


def test_a_word_found_nowhere_or_an_excluded_word_anywhere_refuses_the_record() -> None:
    assert match_record(compile_query("wilmes embargo"), RECORD) is None
    assert match_record(compile_query("ukraine -sanctions"), RECORD) is None
    assert match_record(compile_query("ukraine -embargo"), RECORD) is not None


def test_a_match_in_the_context_only_says_so() -> None:
    match = match_record(compile_query("sanct*"), RECORD)
    assert match is not None and match.context_only
    assert match.spans_of("topic") == ((0, 9),)


def test_phrases_and_whole_words_as_in_the_search() -> None:
    assert match_record(compile_query('"today and tomorrow"'), RECORD) is not None
    assert match_record(compile_query('"tomorrow today"'), RECORD) is None
    assert match_record(compile_query("stan"), RECORD) is None  # a whole word, unless typed as a prefix
    assert match_record(compile_query("stan*"), RECORD) is not None


def test_a_blank_filter_keeps_everything_and_a_bad_one_says_why() -> None:
    query, error = compile_filter("")
    assert error is None and match_record(query, RECORD, empty_matches=True) is not None
    assert match_record(query, RECORD) is None  # a blank search finds nothing
    query, error = compile_filter("OR ukraine")
    assert error and "OR" in error
    assert query.is_empty


def test_a_filter_reads_its_last_word_as_typed_so_far() -> None:
    query, error = compile_filter("wilmès ukr")
    assert error is None
    match = match_record(query, RECORD)
    assert match is not None and match.spans_of("text") == ((14, 21),)


def test_names_match_as_whole_phrases_only() -> None:
    query = phrases_query(["John Smith Jr.", "Minister Smith"])
    assert query.spans("As John Smith Jr. said") == [(3, 16)]
    assert query.spans("Minister Smith met Jr. officials") == [(0, 14)]
    assert query.spans("Smith alone, or Jr., or met.") == []
    assert phrases_query([]).is_empty
