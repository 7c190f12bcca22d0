"""The people directory's appearance finder: waits for the index being built, then narrows with it."""

from __future__ import annotations

from briefing.loading import load_briefing
from briefing.model import BriefingLookup
from briefing.search import SearchIndex
from briefing.search.people import find_appearances
from briefing.tui.widgets import appearance_finder
from briefing.tui.widgets.appearance_finder import AppearanceFinder
from tests.conftest import SAMPLE_PATH


def test_waits_for_the_index_then_finds_what_a_scan_finds(monkeypatch) -> None:
    monkeypatch.setattr(appearance_finder, "INDEX_POLL", 0.001)
    briefing = load_briefing(SAMPLE_PATH)
    lookup, index = BriefingLookup(briefing), SearchIndex.for_briefing(briefing)
    looks: list[int] = []

    def index_source() -> SearchIndex | None:
        looks.append(1)
        return index if len(looks) > 3 else None  # built at the fourth look

    finder = AppearanceFinder(lookup, index_source)
    finder.wait_for_index(lambda: False)
    assert len(looks) == 4 and finder.index is index
    asked: list[tuple[str, ...]] = []
    monkeypatch.setattr(index, "items_with_all_words", lambda words: asked.extend(words) or index.__class__.items_with_all_words(index, words))
    for actor in [*lookup.people.values(), *lookup.organisations.values()]:
        assert finder.appearances(actor) == find_appearances(lookup, actor)
    assert asked, "the index narrowed the search down"


def test_a_cancelled_wait_ends_and_no_fts_index_means_a_scan() -> None:
    briefing = load_briefing(SAMPLE_PATH)
    lookup = BriefingLookup(briefing)
    never = AppearanceFinder(lookup, lambda: None)
    never.wait_for_index(lambda: True)  # returns at once: the reader moved on
    other_kind = AppearanceFinder(lookup, lambda: object())  # a ScanIndex, say: nothing to wait for
    assert not other_kind.index_pending and other_kind.index is None
    actor = next(iter(lookup.people.values()))
    assert other_kind.appearances(actor) == find_appearances(lookup, actor)
