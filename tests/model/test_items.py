"""The one walk: every meeting, session and item, in document order, with a path that leads back to it."""

from __future__ import annotations

from briefing.model import (
    ITEM_KIND_SPECS,
    ITEM_KINDS,
    BriefingLookup,
    Session,
    iter_items,
    iter_nodes,
    iter_sessions,
)
from tests.conftest import SAMPLE_PATH
from tests.factories import minimal_briefing


def _follow(root: object, path: tuple) -> object:
    for part in path:
        root = root[part] if isinstance(part, int) else getattr(root, part)
    return root


def test_every_path_leads_back_to_its_item() -> None:
    from briefing.loading import load_briefing

    for briefing in (minimal_briefing(), load_briefing(SAMPLE_PATH)):
        nodes = list(iter_nodes(briefing))
        assert nodes, "the walk found nothing"
        for located in nodes:
            assert _follow(briefing, located.path) is located.item, located.path


def test_walk_order_and_kinds_on_a_small_book() -> None:
    briefing = minimal_briefing()
    assert [(n.kind, n.item.id) for n in iter_nodes(briefing)] == [
        ("meeting", "council"), ("passage", "intro"), ("session", "breakfast"), ("passage", "p1"),
        ("key_point", "k1"), ("position", "pos1"), ("figure", "f1"), ("quote", "q1"),
    ]
    assert [located.kind for located in iter_items(briefing)] == ["passage", *ITEM_KINDS]


def test_every_item_of_every_session_is_walked_once() -> None:
    """The walk and the model agree: each tuple of a session is covered by exactly one kind."""
    from briefing.loading import load_briefing

    briefing = load_briefing(SAMPLE_PATH)
    walked = [located.item.id for located in iter_items(briefing)]
    assert len(walked) == len(set(walked))
    item_fields = {name for name, info in Session.model_fields.items() if "tuple" in str(info.annotation)}
    assert item_fields - {"participants"} == {kind.field for kind in ITEM_KIND_SPECS}
    expected = sum(len(kind.items_of(s)) for _, s in iter_sessions(briefing) for kind in ITEM_KIND_SPECS)
    expected += sum(len(meeting.passages) for meeting in briefing.meetings)
    assert len(walked) == expected


def test_located_text_and_sources() -> None:
    lookup = BriefingLookup(minimal_briefing())
    figure = lookup.items["f1"]
    assert figure.text == figure.item.as_written
    assert figure.sources == (figure.item.source,)
    point = lookup.items["k1"]
    assert point.sources == point.item.sources
    assert lookup.sources["release"].title.startswith("Press release")
    assert [located.item.id for located in lookup.iter_items()] == list(lookup.items)


def test_the_item_map_built_in_slices_is_the_item_map() -> None:
    from briefing.loading import load_briefing

    briefing = load_briefing(SAMPLE_PATH)
    sliced, whole = BriefingLookup(briefing), BriefingLookup(briefing)
    slices = sum(1 for _ in sliced.map_items(slice_size=10))
    assert slices == len(whole.items) // 10, "it gives way after every slice"
    assert "items" in sliced.__dict__, "built: `items` no longer walks the book"
    assert list(sliced.items) == list(whole.items)
    assert all(sliced.items[key] == located for key, located in whole.items.items())
    assert list(sliced.map_items()) == [], "nothing to do once built"


def test_an_item_map_asked_for_meanwhile_ends_the_slices() -> None:
    from briefing.loading import load_briefing

    lookup = BriefingLookup(load_briefing(SAMPLE_PATH))
    slices = lookup.map_items(slice_size=10)
    next(slices)
    built = lookup.items  # a key needed it before the slices were done
    assert list(slices) == [] and lookup.items is built
