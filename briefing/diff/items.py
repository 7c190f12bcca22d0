"""Every item of a book a reader can annotate or see change, with a hash of its own content.

Items are meetings, sessions, passages, key points, positions, figures, quotes, people and organisations. A meeting's
or session's hash covers its own fields only (title, date, participants…), not the items inside it:
adding a key point to a session is one new item, not also a changed session.
"""

from __future__ import annotations

import hashlib
import json
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


class BookItem:
    """One item: what it is, where it lives, its fields as text and its content hash."""

    __slots__ = ("_fields", "_model", "content_hash", "item_id", "kind", "location", "meeting_id", "session_id")

    def __init__(self, item_id: str, kind: str, meeting_id: str, session_id: str, location: str,
                 content_hash: str, model: BaseModel) -> None:
        self.item_id = item_id
        self.kind = kind
        self.meeting_id = meeting_id
        self.session_id = session_id
        self.location = location
        """Meeting title › session title (empty for a person)."""
        self.content_hash = content_hash
        self._model = model
        self._fields: dict[str, str] | None = None

    def __repr__(self) -> str:
        return f"BookItem({self.item_id!r}, {self.kind!r}, {self.content_hash[:12]}…)"

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


def book_items(briefing: Briefing) -> dict[str, BookItem]:
    """Item id → item, in document order (the model's one walk, then people and organisations)."""
    items: dict[str, BookItem] = {}
    hashed = _Hasher()
    dumped: dict[str, Any] = {}
    dumped_index = -1
    for located in iter_nodes(briefing):
        meeting, session = located.meeting, located.session
        if located.kind == "meeting":
            where = ""
        elif located.kind == "session" or session is None:
            where = meeting.title
        else:
            where = f"{meeting.title} › {session.title}"
        session_id = located.item.id if located.kind == "session" else (session.id if session else "")
        # One dump per meeting (Pydantic's serialiser, in one call), each item's content read from it by
        # its path: what dumping item by item gave, at a fraction of the cost, and one meeting in memory.
        meeting_index = located.path[1]
        if meeting_index != dumped_index:
            dumped, dumped_index = meeting.model_dump(mode="json"), meeting_index
        content = dumped
        for step in located.path[2:]:
            content = content[step]
        items[located.item.id] = BookItem(located.item.id, located.kind, meeting.id, session_id, where,
                                          hashed(located.kind, content), located.item)
    for field, kind in (("people", "person"), ("organisations", "organisation")):
        for model, content in zip(getattr(briefing, field), briefing.model_dump(mode="json", include={field})[field],
                                  strict=True):
            items[model.id] = BookItem(model.id, kind, "", "", "", hashed(kind, content), model)
    return items


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
