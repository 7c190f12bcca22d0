"""Without FTS5 (simulated: the module name is made unknown to SQLite), search still answers, the same way."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import briefing.search.index as index_module
from briefing.cli import main
from briefing.loading import load_briefing
from briefing.search import QueryError, SearchIndex, SearchUnavailableError
from briefing.search.index import create_items_table
from briefing.search.scan import ScanIndex
from tests.conftest import SAMPLE_PATH

SAMPLE = load_briefing(SAMPLE_PATH)
FTS = SearchIndex.for_briefing(SAMPLE)

QUERIES = [
    "ukraine", "sanct*", '"peace facility"', "wilmes OR kuleba", "russia -sanctions", "defence",
    "asia-pacific", "nato", "court's", "self-defence", '-"peace facility" ukraine', "de*", "icc prosecutor",
]


@pytest.fixture
def no_fts5(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_module, "FTS_MODULE", "fts5_is_not_here")


@pytest.fixture
def scan(no_fts5: None) -> ScanIndex:
    index = SearchIndex.for_briefing(SAMPLE)
    assert isinstance(index, ScanIndex)
    return index


def test_the_simulation_really_removes_fts5(no_fts5: None) -> None:
    import sqlite3

    with pytest.raises(SearchUnavailableError, match="FTS5"):
        create_items_table(sqlite3.connect(":memory:"))


def test_the_fallback_says_why_it_is_used(scan: ScanIndex) -> None:
    assert scan.unavailable_reason and "FTS5" in scan.unavailable_reason
    assert FTS.unavailable_reason is None


def _found(index: SearchIndex | ScanIndex, query: str) -> tuple[int, set[tuple[str, str, str]]]:
    results = index.search(query, limit=10_000)
    return results.total, {(hit.kind, hit.item_id, hit.text) for hit in results.hits}


@pytest.mark.parametrize("query", QUERIES)
def test_same_hits_as_the_index(scan: ScanIndex, query: str) -> None:
    total, found = _found(FTS, query)
    assert total > 0 or query == '-"peace facility" ukraine'
    assert _found(scan, query) == (total, found)


@settings(max_examples=150, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(["ukraine", "russia", "nato", "wilm*", "OR", "-sanctions", '"peace facility"', "de*",
                         "belgium", "council", "eu", "self-defence", "kuleba"]),
        min_size=1, max_size=4,
    )
)
def test_same_hits_for_any_mix(words: list[str]) -> None:
    query = " ".join(words)
    index_module.FTS_MODULE, saved = "fts5_is_not_here", index_module.FTS_MODULE
    try:
        scan = SearchIndex.for_briefing(SAMPLE)
    finally:
        index_module.FTS_MODULE = saved
    try:
        expected = _found(FTS, query)
    except QueryError as error:
        with pytest.raises(QueryError, match=error.message[:20]):
            scan.search(query)
        return
    assert _found(scan, query) == expected


def test_briefing_search_without_fts5_answers_and_says_so(
    no_fts5: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "ukraine", str(SAMPLE_PATH)]) == 0
    captured = capsys.readouterr()
    assert "plain scan" in captured.err and "FTS5" in captured.err
    assert "Traceback" not in captured.err
    assert "hits" in captured.out
