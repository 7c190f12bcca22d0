"""Every item of a book a reader can annotate or see change, with a hash of its own content.

Items are meetings, sessions, passages, key points, positions, figures, quotes, people and organisations. A meeting's
or session's hash covers its own fields only (title, date, participants…), not the items inside it:
adding a key point to a session is one new item, not also a changed session.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from briefing.model import Briefing
from briefing.model.items import ITEM_KIND_SPECS, iter_nodes

KIND_NAMES = {
    "meeting": "meeting",
    "session": "session",
    "passage": "passage",
    "key_point": "key point",
    "position": "position",
    "figure": "figure",
    "quote": "quote",
    "person": "person",
    "organisation": "organisation",
}
"""Kind → how a reader calls it."""

CHILDREN = {
    "meeting": {"sessions", *(kind.field for kind in ITEM_KIND_SPECS if kind.in_meeting)},
    "session": {kind.field for kind in ITEM_KIND_SPECS},
}
"""Fields that hold other items: left out of the container's own content."""

PAUSE_EVERY = 500
"""Items hashed between two calls of `hash_items`'s `pause` (some 5 ms of work)."""


class BookItem:
    """One item: what it is, where it lives, its fields as text and its content hash."""

    __slots__ = ("_fields", "_hash", "_model", "item_id", "kind", "location", "meeting_id", "session_id")

    def __init__(self, item_id: str, kind: str, meeting_id: str, session_id: str, location: str,
                 content_hash: str | None, model: BaseModel) -> None:
        self.item_id = item_id
        self.kind = kind
        self.meeting_id = meeting_id
        self.session_id = session_id
        self.location = location
        """Meeting title › session title (empty for a person)."""
        self._hash = content_hash
        self._model = model
        self._fields: dict[str, str] | None = None

    def __repr__(self) -> str:
        return f"BookItem({self.item_id!r}, {self.kind!r}, {self.content_hash[:12]}…)"

    @property
    def content_hash(self) -> str:
        """The hash of the item's own content (see `_Hasher`).

        Given by `book_items` when it hashed the whole book (one serialisation per meeting); otherwise
        worked out from this item alone when first asked for: a reopened book whose read state is known
        (`briefing.state.reading`) hashes only the items the reader then reads."""
        if self._hash is None:
            self._hash = _Hasher()(self.kind, self._model.model_dump(mode="json"))
        return self._hash

    @property
    def fields(self) -> dict[str, str]:
        """The item's own fields as text, by name (id and empty fields left out).

        Worked out when first asked for (`briefing diff`, a note's heading): opening a book needs only
        the hashes, and a big book has 66,000 items."""
        if self._fields is None:
            content = self._model.model_dump(mode="json", exclude=CHILDREN.get(self.kind, set()))
            self._fields = {name: _as_text(value) for name, value in content.items()
                            if name != "id" and value not in (None, [], "")}
        return self._fields

    @property
    def label(self) -> str:
        """A one-line name for lists: kind and the start of its main text."""
        return f"{KIND_NAMES[self.kind]}: {self.short_text}"

    @property
    def short_text(self) -> str:
        """The start of the item's main text (text, title or name) on one line."""
        # The model's own strings: the same as `fields` would give (text, title and name are strings,
        # and an empty one is skipped), without dumping the item.
        model = self._model
        main = getattr(model, "text", None) or getattr(model, "title", None) or getattr(model, "name", None) or self.item_id
        first_line = " ".join(main.split())
        return first_line if len(first_line) <= 70 else first_line[:69] + "…"


def book_items(briefing: Briefing, *, hashed: bool = True) -> dict[str, BookItem]:
    """Item id → item, in document order (the model's one walk, then people and organisations).

    Without `hashed`, each item's hash is left to be worked out when first asked for (or by
    `hash_items`): a third of the cost, for a caller that needs few of them."""
    items: dict[str, BookItem] = {}
    for located in iter_nodes(briefing):
        meeting, session, item = located.meeting, located.session, located.item
        if located.kind == "meeting":
            items[item.id] = BookItem(item.id, "meeting", item.id, "", "", None, item)
        elif located.kind == "session":
            items[item.id] = BookItem(item.id, "session", meeting.id, item.id, meeting.title, None, item)
        elif session is None:
            items[item.id] = BookItem(item.id, located.kind, meeting.id, "", meeting.title, None, item)
        else:
            items[item.id] = BookItem(item.id, located.kind, meeting.id, session.id,
                                      f"{meeting.title} › {session.title}", None, item)
    for field, kind in (("people", "person"), ("organisations", "organisation")):
        for model in getattr(briefing, field):
            items[model.id] = BookItem(model.id, kind, "", "", "", None, model)
    if hashed:
        hash_items(briefing, items)
    return items


def hash_items(briefing: Briefing, items: dict[str, BookItem], pause: Callable[[], None] | None = None) -> None:
    """Give every item of `items` (the book's, from `book_items`) its hash, all at once.

    `pause` is called every `PAUSE_EVERY` items (a worker thread giving way to the reader's keys)."""
    hash_of = _Hasher()
    dumped: dict[str, Any] = {}
    dumped_index = -1
    for count, located in enumerate(iter_nodes(briefing), 1):
        # One dump per meeting (Pydantic's serialiser, in one call), each item's content read from it by
        # its path: what dumping item by item gave, at a fraction of the cost, and one meeting in memory.
        meeting_index = located.path[1]
        if meeting_index != dumped_index:
            dumped, dumped_index = located.meeting.model_dump(mode="json"), meeting_index
        content = dumped
        for step in located.path[2:]:
            content = content[step]
        items[located.item.id]._hash = hash_of(located.kind, content)
        if pause is not None and count % PAUSE_EVERY == 0:
            pause()
    for field, kind in (("people", "person"), ("organisations", "organisation")):
        for model, content in zip(getattr(briefing, field), briefing.model_dump(mode="json", include={field})[field],
                                  strict=True):
            items[model.id]._hash = hash_of(kind, content)


def item_hashes(briefing: Briefing) -> dict[str, str]:
    """Item id → content hash: what the read state stores."""
    return {item_id: item.content_hash for item_id, item in book_items(briefing).items()}


class _Hasher:
    """The content hash of an item: SHA-256 of its kind and its own fields as canonical JSON (sorted
    keys, no spaces, UTF-8), the fields holding other items left out. Stored hashes depend on this form:
    changing it would mark every item of every book read before as changed."""

    def __init__(self) -> None:
        self._encode = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode

    def __call__(self, kind: str, content: dict[str, Any]) -> str:
        children = CHILDREN.get(kind)
        if children:
            content = {name: value for name, value in content.items() if name not in children}
        return hashlib.sha256(f"{kind}\n{self._encode(content)}".encode()).hexdigest()


SOURCE_REFERENCE_KEYS = ({"document", "paragraph"}, {"document", "paragraph", "last_paragraph"})
"""A source reference, shown as "document ¶3" (or "¶3–5" for a range of paragraphs)."""


def _as_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    # What json.dumps gives for these, without its call: a big book has 100,000 such values, and a
    # book's items are all described before its first frame (the reader's "changed since" marks).
    if value is True or value is False:
        return "true" if value else "false"
    if type(value) is int:
        return str(value)
    if isinstance(value, dict) and set(value) in SOURCE_REFERENCE_KEYS:
        last = value.get("last_paragraph")
        return f"{value['document']} ¶{value['paragraph']}" + (f"–{last}" if last is not None else "")
    if isinstance(value, list):
        return ", ".join(_as_text(element) for element in value)
    return json.dumps(value, ensure_ascii=False)
