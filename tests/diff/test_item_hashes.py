"""The content hash of every item keeps its published form (stored read marks depend on it), however
`book_items` works it out; its fields and label are those of the item itself."""

from __future__ import annotations

import hashlib
import json

import pytest
from pydantic import BaseModel

from briefing.diff import book_items
from briefing.diff import items as items_module
from briefing.diff.items import CHILDREN, KIND_NAMES, hash_items
from briefing.loading import load_briefing, sample_path
from briefing.model import Briefing, iter_nodes
from tests.factories import hostile_briefing, minimal_briefing


def one_item_hash(model: BaseModel, kind: str) -> str:
    """The definition: the item alone, dumped as JSON, its children left out, canonical JSON, SHA-256."""
    content = model.model_dump(mode="json", exclude=CHILDREN.get(kind, set()))
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(f"{kind}\n{canonical}".encode()).hexdigest()


def every_model(briefing: Briefing) -> list[tuple[str, str, BaseModel]]:
    found = [(located.item.id, located.kind, located.item) for located in iter_nodes(briefing)]
    found += [(person.id, "person", person) for person in briefing.people]
    return found + [(organisation.id, "organisation", organisation) for organisation in briefing.organisations]


BOOKS = {"sample": lambda: load_briefing(sample_path()), "hostile": hostile_briefing, "minimal": minimal_briefing}


@pytest.mark.parametrize("hashed", [True, False], ids=["hashed by meeting", "hashed on demand"])
@pytest.mark.parametrize("book", BOOKS)
def test_every_hash_is_that_of_the_item_alone(book: str, hashed: bool) -> None:
    briefing = BOOKS[book]()
    items = book_items(briefing, hashed=hashed)
    models = every_model(briefing)
    assert list(items) == [item_id for item_id, _, _ in models]
    assert {item_id: items[item_id].content_hash for item_id, _, _ in models} == {
        item_id: one_item_hash(model, kind) for item_id, kind, model in models
    }


@pytest.mark.parametrize("book", BOOKS)
def test_fields_and_label_are_the_items_own(book: str) -> None:
    briefing = BOOKS[book]()
    items = book_items(briefing)
    for item_id, kind, model in every_model(briefing):
        item = items[item_id]
        content = model.model_dump(mode="json", exclude=CHILDREN.get(kind, set()))
        assert set(item.fields) == {name for name, value in content.items() if name != "id" and value not in (None, [], "")}
        main = item.fields.get("text") or item.fields.get("title") or item.fields.get("name") or item_id
        one_line = " ".join(main.split())
        expected = one_line if len(one_line) <= 70 else one_line[:69] + "…"
        assert item.label == f"{KIND_NAMES[kind]}: {expected}"


@pytest.mark.parametrize("book", BOOKS)
def test_items_hashed_on_demand_are_placed_as_the_hashed_ones(book: str) -> None:
    briefing = BOOKS[book]()
    hashed, on_demand = book_items(briefing), book_items(briefing, hashed=False)
    assert list(on_demand) == list(hashed)
    placed = [(item.kind, item.meeting_id, item.session_id, item.location, item.label) for item in hashed.values()]
    assert [(item.kind, item.meeting_id, item.session_id, item.location, item.label) for item in on_demand.values()] == placed


def test_hashing_gives_way_between_slices_and_stops_when_told(monkeypatch: pytest.MonkeyPatch) -> None:
    briefing = load_briefing(sample_path())
    monkeypatch.setattr(items_module, "PAUSE_EVERY", 7)
    nodes = sum(1 for _ in iter_nodes(briefing))
    calls: list[int] = []
    items = book_items(briefing, hashed=False)
    hash_items(briefing, items, pause=lambda: calls.append(1))
    assert len(calls) == nodes // 7 > 0
    assert [item._hash for item in items.values()] == [item.content_hash for item in book_items(briefing).values()]

    class GiveUp(Exception):
        pass

    def give_up() -> None:
        raise GiveUp

    with pytest.raises(GiveUp):
        hash_items(briefing, book_items(briefing, hashed=False), pause=give_up)
