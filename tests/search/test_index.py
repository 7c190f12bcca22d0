"""The index: what it finds, where hits live, ranking, spans, snippets, threads, and a missing FTS5."""

from __future__ import annotations

import sqlite3
import threading
import unicodedata

import pytest

from briefing.model import Briefing
from briefing.search import KINDS, QueryError, SearchIndex, SearchUnavailableError
from briefing.search import index as index_module
from briefing.search.documents import indexed_items
from tests.factories import minimal_briefing
from tests.search.conftest import passage_index


def test_every_kind_is_found_with_where_it_lives() -> None:
    index = SearchIndex.for_briefing(minimal_briefing("Zanzibar"))
    results = index.search("zanzibar", limit=100)
    found = {(hit.kind, hit.item_id) for hit in results.hits}
    assert {kind for kind, _ in found} == set(KINDS)
    assert results.total == len(results.hits)
    for hit in results.hits:
        assert hit.briefing_id == "test-book"
        if hit.kind in ("person", "organisation"):
            assert (hit.meeting_id, hit.session_id) == (None, None)
        elif hit.kind == "meeting" or hit.item_id == "intro":
            assert (hit.meeting_id, hit.session_id) == ("council", None)
        else:
            assert (hit.meeting_id, hit.session_id) == ("council", "breakfast")


def test_quote_speaker_and_figure_are_searchable() -> None:
    index = SearchIndex.for_briefing(minimal_briefing())
    quote_hits = [hit for hit in index.search("ann minister").hits if hit.kind == "quote"]
    assert [(hit.item_id, hit.label) for hit in quote_hits] == [("q1", "Ann Minister The Council met.")]
    figure_hits = [hit for hit in index.search("500 million").hits if hit.kind == "figure"]
    assert [hit.item_id for hit in figure_hits] == ["f1"]


def test_accent_insensitive_both_ways_and_nfd() -> None:
    index = passage_index("Sophie Wilmès spoke.", "sophie wilmes again", unicodedata.normalize("NFD", "Wilmès"))
    for query in ("wilmes", "Wilmès", "WILMÈS", unicodedata.normalize("NFD", "Wilmès")):
        assert {hit.item_id for hit in index.search(query).hits} == {"p0", "p1", "p2"}, query


def test_typographic_equivalence() -> None:
    index = passage_index("the Court’s work", "the Court's work", "“Women, Peace”", "war – peace")
    assert {hit.item_id for hit in index.search("Court's").hits} == {"p0", "p1"}
    assert {hit.item_id for hit in index.search("Court’s").hits} == {"p0", "p1"}
    assert {hit.item_id for hit in index.search('"women peace"').hits} == {"p2"}


def test_hyphenated_by_either_form() -> None:
    index = passage_index("The four Asia-Pacific partners", "Asia Pacific region", "Asia and the Pacific")
    assert {hit.item_id for hit in index.search("asia-pacific").hits} == {"p0", "p1"}
    assert {hit.item_id for hit in index.search("Asia‑Pacific").hits} == {"p0", "p1"}
    assert {hit.item_id for hit in index.search("asia pacific").hits} == {"p0", "p1", "p2"}


def test_operators() -> None:
    index = passage_index("sanctions on Russia", "sanctions on Belarus", "an embargo", "sanctioned goods")
    assert [hit.item_id for hit in index.search("sanctions -russia").hits] == ["p1"]
    assert {hit.item_id for hit in index.search("russia OR embargo").hits} == {"p0", "p2"}
    assert {hit.item_id for hit in index.search("sanction*").hits} == {"p0", "p1", "p3"}
    assert {hit.item_id for hit in index.search("sanctio", as_you_type=True).hits} == {"p0", "p1", "p3"}
    assert index.search("sanctio").total == 0


def test_spans_are_against_the_original_text() -> None:
    index = passage_index(unicodedata.normalize("NFD", "Mme Wilmès et la Straße, ﬁnal"))
    (hit,) = index.search("wilmes strasse final").hits
    assert [fold_free for fold_free in (hit.text[start:end] for start, end in hit.spans)] == [
        unicodedata.normalize("NFD", "Wilmès"), "Straße", "ﬁnal"
    ]


def test_phrase_highlights_the_whole_phrase() -> None:
    (hit,) = passage_index("the European Peace Facility, peace").search('"peace facility"').hits
    assert [hit.text[start:end] for start, end in hit.spans] == ["Peace Facility"]


def test_ranking_titles_and_quotes_above_body_then_document_order() -> None:
    body = "The ministers discussed the situation in Mali at some length today."
    index = passage_index(body, body, quotes=(body,))
    hits = index.search("mali").hits
    assert [hit.item_id for hit in hits] == ["q0", "p0", "p1"]
    assert hits[0].score > hits[1].score == hits[2].score


def test_more_occurrences_rank_higher() -> None:
    index = passage_index("Mali is far.", "Mali, Mali and Mali again.")
    assert [hit.item_id for hit in index.search("mali").hits] == ["p1", "p0"]


def test_limit_and_total() -> None:
    index = passage_index(*[f"Council number {number}" for number in range(30)])
    results = index.search("number", limit=5)
    assert results.total == 30
    assert [hit.item_id for hit in results.hits] == ["p0", "p1", "p2", "p3", "p4"]


def test_empty_query_has_no_hits() -> None:
    results = passage_index("anything").search("   ")
    assert (results.total, results.hits) == (0, [])


def test_invalid_query_raises_query_error() -> None:
    with pytest.raises(QueryError):
        passage_index("anything").search('"open')


def test_snippet_is_cut_around_the_match_with_ellipses() -> None:
    text = " ".join(f"word{number}" for number in range(100)) + " Mali " + " ".join(f"w{n}" for n in range(100))
    (hit,) = passage_index(text).search("mali").hits
    snippet = hit.snippet
    assert snippet.cut_start and snippet.cut_end
    assert snippet.text.startswith("…") and snippet.text.endswith("…")
    assert [snippet.text[start:end] for start, end in snippet.spans] == ["Mali"]
    assert len(snippet.text) <= 162


def test_short_text_snippet_is_whole() -> None:
    (hit,) = passage_index("Mali\nand more").search("mali").hits
    assert hit.snippet.text == "Mali and more"
    assert not hit.snippet.cut_start and not hit.snippet.cut_end
    assert hit.snippet.spans == ((0, 4),)


def test_index_queried_from_another_thread() -> None:
    index = passage_index("Mali", "Mali too")
    totals: list[int] = []
    workers = [threading.Thread(target=lambda: totals.append(index.search("mali").total)) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert totals == [2, 2, 2, 2]


def test_missing_fts5_is_a_clear_message_and_a_plain_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_module, "FTS_MODULE", "fts5_not_compiled_in")
    with pytest.raises(SearchUnavailableError) as raised:
        SearchIndex(list(indexed_items([minimal_briefing()])))
    assert "FTS5" in str(raised.value)
    assert sqlite3.sqlite_version in str(raised.value)
    fallback = SearchIndex.for_briefing(minimal_briefing())
    assert fallback.unavailable_reason == str(raised.value)
    assert fallback.search("council").total > 0


def test_many_briefings_in_one_index() -> None:
    first = minimal_briefing("alpha")
    second = Briefing.model_validate({**first.model_dump(mode="json"), "id": "other-book"})
    hits = SearchIndex.build([first, second]).search("alpha", limit=100).hits
    assert {hit.briefing_id for hit in hits} == {"test-book", "other-book"}


def test_very_common_queries_list_titles_first_then_document_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_module, "MOST_RANKED", 3)
    data = minimal_briefing("x").model_dump(mode="json")
    session = data["meetings"][0]["sessions"][0]
    session["title"] = "Mali"
    session["passages"] = [
        {"id": f"p{number}", "text": f"Mali {number}", "source": {"document": "release", "paragraph": 1}}
        for number in range(10)
    ]
    data["meetings"][0]["passages"][0]["text"] = "Mali, Mali, Mali"
    index = SearchIndex.for_briefing(Briefing.model_validate(data))
    results = index.search("mali", limit=4)
    assert (results.total, results.total_is_exact, results.ranked) == (12, True, False)
    # Titles first, then the rest in document order: the meeting's passage, then the session's.
    assert [hit.item_id for hit in results.hits] == ["breakfast", "intro", "p0", "p1"]
    assert results.hits[0].score > results.hits[1].score == results.hits[2].score
    monkeypatch.setattr(index_module, "MOST_RANKED", 100)
    ranked = index.search("mali", limit=4)
    assert ranked.ranked and [hit.item_id for hit in ranked.hits][:2] == ["breakfast", "intro"]


def test_total_is_capped_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_module, "TOTAL_CAP", 4)
    index = passage_index(*[f"Mali {number}" for number in range(10)])
    results = index.search("mali", limit=2)
    assert (results.total, results.total_is_exact, len(results.hits)) == (4, False, 2)
    assert index.search("7").total_is_exact


def test_an_index_built_in_slices_is_the_same_index(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.loading import load_briefing, sample_path

    sample = load_briefing(sample_path())
    whole = SearchIndex.for_briefing(sample)
    monkeypatch.setattr(index_module, "SLICE_ROWS", 7)
    calls: list[int] = []
    sliced = SearchIndex.for_briefing(sample, lambda: calls.append(1))
    assert len(calls) >= 2 * (len(whole) // 7) - 2, "`between` runs after every slice, listing and inserting"
    for query in ("council", "minist*", '"foreign affairs"', "mali OR niger"):
        assert [(hit.item_id, hit.score) for hit in sliced.search(query, limit=100).hits] == \
            [(hit.item_id, hit.score) for hit in whole.search(query, limit=100).hits], query
