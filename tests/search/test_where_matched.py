"""Every hit says where it matched: its text, its label (a speaker, a role) or its context (a topic)."""

from __future__ import annotations

import json

import pytest

from briefing.cli import main
from briefing.loading import load_briefing
from briefing.search import SearchCancelled, SearchIndex, Where, compile_query
from tests.conftest import SAMPLE_PATH


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex.for_briefing(load_briefing(SAMPLE_PATH))


def test_a_quote_found_by_its_speaker_matched_in_its_label(index: SearchIndex) -> None:
    hits = [hit for hit in index.search("kuleba", limit=100).hits if hit.kind == "quote"]
    assert hits
    for hit in hits:
        places = {match.where for match in hit.matched_in}
        assert Where.LABEL in places or Where.TEXT in places
    by_label = [hit for hit in hits if not hit.spans]
    for hit in by_label:
        [match] = [m for m in hit.matched_in if m.where is Where.LABEL]
        assert match.field == "speaker" and match.text[slice(*match.spans[0])] == "Kuleba"


def test_a_hit_found_only_by_its_topic_says_so(index: SearchIndex) -> None:
    results = index.search("self-defence", limit=100)
    context_only = [hit for hit in results.hits if hit.context_only]
    assert context_only, "the sample has a point whose topic alone says self-defence"
    for hit in context_only:
        assert hit.spans == ()
        assert {match.field for match in hit.matched_in} == {"topic"}
    assert not any(hit.context_only for hit in results.hits if hit.spans)


def test_a_person_found_by_role(index: SearchIndex) -> None:
    [hit] = [hit for hit in index.search("prosecutor outgoing", limit=100).hits if hit.kind == "person"]
    assert [(m.where, m.field) for m in hit.matched_in] == [(Where.LABEL, "role")]


def test_search_json_carries_where_it_matched(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "self-defence", str(SAMPLE_PATH), "--json"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert all("matched_in" in record and "context_only" in record for record in records)
    [topic_only, *_] = [record for record in records if record["context_only"]]
    assert topic_only["matched_in"][0]["where"] == "context"
    assert topic_only["matched_in"][0]["field"] == "topic"


def test_the_text_output_names_the_context_of_a_context_only_hit(capsys: pytest.CaptureFixture[str]) -> None:
    main(["search", "self-defence", str(SAMPLE_PATH)])
    assert "found in its topic: self-defence" in capsys.readouterr().out


def test_a_cancelled_search_stops(index: SearchIndex) -> None:
    with pytest.raises(SearchCancelled):
        index.search("ukraine", cancelled=lambda: True)


def test_sqlite_asks_whether_to_go_on_and_stops_when_told(index: SearchIndex) -> None:
    """The first question is asked before SQLite starts; a later one comes from SQLite's progress handler."""
    asked = []

    def cancelled() -> bool:
        asked.append(True)
        return len(asked) > 1

    with pytest.raises(SearchCancelled):
        index.search_compiled(compile_query("ukraine OR russia OR nato OR sanct* OR de*"), cancelled=cancelled)
    assert len(asked) >= 2
    assert index.search("ukraine").total > 0, "the index still works after an interrupted statement"
