"""Search highlights are worked out for the items shown, when shown: the same spans a pass over the
whole book gave, none computed for the items nobody looks at."""

from __future__ import annotations

from briefing.loading import load_briefing
from briefing.model import BriefingLookup
from briefing.search import SearchIndex, compile_query
from briefing.tui.search_state import ItemSpans, SearchController, display_texts
from tests.conftest import SAMPLE_PATH


def test_spans_come_for_the_items_asked_for_only() -> None:
    lookup = BriefingLookup(load_briefing(SAMPLE_PATH))
    controller = SearchController(lookup, owner=None)  # type: ignore[arg-type]
    compiled = compile_query("russia", as_you_type=True)
    results = SearchIndex.for_briefing(lookup.briefing).search_compiled(compiled)
    controller.query = "russia"
    assert controller.accept(SearchController.Answered("russia", results, compiled))
    hit = next(hit.item_id for hit in results.hits if hit.item_id in lookup.items)
    assert controller.spans_for(hit) is None, "nothing highlighted before a hit is opened"
    controller.select(0)
    expected = {}
    for item_id, located in lookup.items.items():
        body, second = display_texts(lookup, located)
        spans = ItemSpans(tuple(compiled.spans(body)), tuple(compiled.spans(second)) if second else ())
        expected[item_id] = spans if spans.count else None
    shown = [*list(lookup.items)[:5], hit]
    for item_id in shown:
        assert controller.spans_for(item_id) == expected[item_id]
    assert set(controller.item_spans) == set(shown), "only the items asked for were matched"
    assert [item_id for item_id in lookup.items if controller.spans_for(item_id) != expected[item_id]] == []
    assert expected[hit] is not None
    controller.clear()
    assert controller.spans_for(hit) is None
