"""The query language: what each form compiles to, what it matches, and the messages for bad queries."""

from __future__ import annotations

import pytest

from briefing.search import CompiledQuery, QueryError, Term, compile_query


def test_words_are_all_required() -> None:
    compiled = compile_query("Sanctions  Russia")
    assert compiled.groups == ((Term(("sanctions",)),), (Term(("russia",)),))
    assert compiled.matches("Russia faces sanctions")
    assert not compiled.matches("sanctions only")


def test_phrase_is_one_term_and_must_be_adjacent() -> None:
    compiled = compile_query('"European Peace Facility"')
    assert compiled.groups == ((Term(("european", "peace", "facility")),),)
    assert compiled.matches("the European Peace Facility")
    assert not compiled.matches("European facility for peace")


def test_hyphenated_word_is_a_phrase() -> None:
    for query in ("asia-pacific", "Asia-Pacific", "Asia–Pacific", '"asia pacific"'):
        assert compile_query(query).groups == ((Term(("asia", "pacific")),),)


def test_typographic_apostrophe_in_query_and_text() -> None:
    assert compile_query("Court's").matches("the Court’s work")
    assert compile_query("Court’s").matches("the Court's work")


def test_accents_both_ways() -> None:
    assert compile_query("wilmes").matches("Sophie Wilmès")
    assert compile_query("Wilmès").matches("sophie wilmes")


def test_or_binds_tighter_than_and() -> None:
    compiled = compile_query("sanctions OR embargo russia")
    assert compiled.groups == ((Term(("sanctions",)), Term(("embargo",))), (Term(("russia",)),))
    assert compiled.matches("an embargo on Russia")
    assert not compiled.matches("an embargo on Belarus")


def test_lower_case_or_is_a_word() -> None:
    assert compile_query("war or peace").groups == ((Term(("war",)),), (Term(("or",)),), (Term(("peace",)),))


def test_exclusion() -> None:
    compiled = compile_query('sanctions -russia -"peace facility"')
    assert compiled.excluded == (Term(("russia",)), Term(("peace", "facility")))
    assert compiled.matches("sanctions on Belarus")
    assert not compiled.matches("sanctions on Russia")
    assert not compiled.matches("sanctions and the peace facility")


def test_prefix() -> None:
    compiled = compile_query("sanct*")
    assert compiled.groups == ((Term(("sanct",), prefix=True),),)
    assert compiled.spans("new Sanctions and sanctioned") == [(4, 13), (18, 28)]
    assert not compiled.matches("insanctity")


def test_as_you_type_makes_the_last_word_a_prefix() -> None:
    assert compile_query("war ukr", as_you_type=True).groups[-1] == (Term(("ukr",), prefix=True),)
    assert compile_query("war ukr ", as_you_type=True).groups[-1] == (Term(("ukr",)),)
    assert compile_query("war ukr").groups[-1] == (Term(("ukr",)),)


def test_prefix_needs_two_letters() -> None:
    with pytest.raises(QueryError, match="at least 2 letters"):
        compile_query("s*")
    with pytest.raises(QueryError, match="at least 2 letters"):
        compile_query('"asia p"*')
    assert compile_query("war s", as_you_type=True).groups[-1] == (Term(("s",)),)
    assert compile_query("war se", as_you_type=True).groups[-1] == (Term(("se",), prefix=True),)
    assert compile_query('"asia p', as_you_type=True).groups == ((Term(("asia", "p")),),)


def test_as_you_type_forgives_unfinished_syntax() -> None:
    assert compile_query('"asia pac', as_you_type=True).groups == ((Term(("asia", "pac"), prefix=True),),)
    assert compile_query("war OR", as_you_type=True).groups == ((Term(("war",)),),)
    assert compile_query("war -", as_you_type=True).groups == ((Term(("war",)),),)
    assert compile_query("OR", as_you_type=True).is_empty


def test_blank_query_is_empty_not_an_error() -> None:
    for query in ("", "   ", "\n\t"):
        assert compile_query(query).is_empty


def test_fts_expression_quotes_every_token() -> None:
    expression = compile_query('NEAR( a AND b OR "c dd"* -e').fts_expression
    assert expression == '(("near") AND ("a") AND ("b" OR "c dd"*)) NOT ("e")'


@pytest.mark.parametrize(
    ("query", "message_part"),
    [
        ('"unbalanced', "not closed"),
        ('"', "not closed"),
        ("-", 'lone "-"'),
        ("war - peace", 'lone "-"'),
        ("OR", '"OR" needs a word on each side'),
        ("OR war", '"OR" needs a word on each side'),
        ("war OR", '"OR" needs a word on each side'),
        ("war OR OR peace", '"OR" needs a word on each side'),
        ("AND", '"AND" needs a word'),
        ("*", '"*" needs the beginning of a word'),
        ("-russia", "only excludes"),
        ("-russia -belarus", "only excludes"),
        ("war OR -russia", "cannot be joined"),
        ("-russia OR war", "cannot be joined"),
        ("— … !!", "nothing to search for"),
        ("x" * 10_000, "too long"),
        (" ".join(f"w{number}" for number in range(100)), "too many"),
    ],
)
def test_invalid_queries_say_why(query: str, message_part: str) -> None:
    with pytest.raises(QueryError) as raised:
        compile_query(query)
    assert message_part in raised.value.message
    assert isinstance(raised.value, ValueError)


def test_compiled_query_type() -> None:
    assert isinstance(compile_query("war"), CompiledQuery)
