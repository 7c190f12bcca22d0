"""The quote browser's domain: entries, a filter with spans per field, and the source passages."""

from __future__ import annotations

import pytest

from briefing.loading import load_briefing
from briefing.model import BriefingLookup
from briefing.search import Where, compile_filter
from briefing.search.quotes import build_quote_entries, filter_quotes, source_passages
from tests.conftest import SAMPLE_PATH


@pytest.fixture(scope="module")
def lookup() -> BriefingLookup:
    return BriefingLookup(load_briefing(SAMPLE_PATH))


def test_every_quote_in_document_order(lookup: BriefingLookup) -> None:
    entries = build_quote_entries(lookup)
    assert [entry.quote.id for entry in entries] == [q.item.id for q in lookup.quotes()]
    assert all(entry.speaker_name == lookup.people[entry.quote.speaker].name for entry in entries)


def test_filter_by_speaker_and_words_with_spans_per_field(lookup: BriefingLookup) -> None:
    query, _ = compile_filter("wilmes russia")
    found = filter_quotes(build_quote_entries(lookup), query)
    assert found
    for entry, match in found:
        assert match.spans_of("speaker")
        text = entry.quote.text
        assert all(text[start:end].lower().startswith("russia") for start, end in match.spans_of("text"))


def test_filter_by_session_title_only_is_context(lookup: BriefingLookup) -> None:
    query, _ = compile_filter("dinner")
    found = filter_quotes(build_quote_entries(lookup), query)
    assert found
    for entry, match in found:
        assert "dinner" not in entry.quote.text.lower()
        assert match.context_only and match.places == (Where.CONTEXT,)
        assert match.spans_of("session")
    query, _ = compile_filter("nosuchword")
    assert filter_quotes(build_quote_entries(lookup), query) == []


def test_source_passages_share_the_quotes_paragraph(lookup: BriefingLookup) -> None:
    for located in lookup.quotes():
        for passage in source_passages(lookup, located):
            assert passage.source == located.item.source


def test_source_passages_filed_elsewhere_in_the_book_are_found() -> None:
    from briefing.model import Briefing
    from tests.factories import minimal_briefing_dict

    data = minimal_briefing_dict()
    meeting = data["meetings"][0]
    session = meeting["sessions"][0]
    elsewhere = {**meeting, "id": "other", "passages": [], "sessions": [{
        **session, "id": "other-session", "key_points": [], "positions": [], "figures": [], "quotes": [],
        "passages": [{"id": "far", "text": "Far away", "source": {"document": "release", "paragraph": 2}},
                     {"id": "other-paragraph", "text": "Not it", "source": {"document": "release", "paragraph": 3}}],
    }]}
    session["passages"] = []
    data["meetings"].append(elsewhere)
    lookup = BriefingLookup(Briefing.model_validate(data))
    assert [passage.id for passage in source_passages(lookup, lookup.items["q1"])] == ["far"]
