"""Every item of a book a reader can annotate or see change, with a hash of its own content.

Items are meetings, sessions, passages, key points, positions, figures, quotes, people and organisations. A meeting's
or session's hash covers its own fields only (title, date, participants…), not the items inside it:
adding a key point to a session is one new item, not also a changed session.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
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


@dataclass(frozen=True, slots=True)
class BookItem:
    """One item: what it is, where it lives, its fields as text and its content hash."""

    item_id: str
    kind: str
    meeting_id: str
    session_id: str
    location: str
    """Meeting title › session title (empty for a person)."""
    fields: dict[str, str]
    content_hash: str

    @property
    def label(self) -> str:
        """A one-line name for lists: kind and the start of its main text."""
        return f"{KIND_NAMES[self.kind]}: {self.short_text}"

    @property
    def short_text(self) -> str:
        """The start of the item's main text (text, title or name) on one line."""
        main = self.fields.get("text") or self.fields.get("title") or self.fields.get("name") or self.item_id
        first_line = " ".join(main.split())
        return first_line if len(first_line) <= 70 else first_line[:69] + "…"


def book_items(briefing: Briefing) -> dict[str, BookItem]:
    """Item id → item, in document order (the model's one walk, then people and organisations)."""
    items: dict[str, BookItem] = {}
    for located in iter_nodes(briefing):
        meeting, session = located.meeting, located.session
        if located.kind == "meeting":
            where = ""
        elif located.kind == "session" or session is None:
            where = meeting.title
        else:
            where = f"{meeting.title} › {session.title}"
        session_id = located.item.id if located.kind == "session" else (session.id if session else "")
        items[located.item.id] = _item(located.item, located.kind, meeting.id, session_id, where)
    for person in briefing.people:
        items[person.id] = _item(person, "person", "", "", "")
    for organisation in briefing.organisations:
        items[organisation.id] = _item(organisation, "organisation", "", "", "")
    return items


def item_hashes(briefing: Briefing) -> dict[str, str]:
    """Item id → content hash: what the read state stores."""
    return {item_id: item.content_hash for item_id, item in book_items(briefing).items()}


def _item(model: BaseModel, kind: str, meeting_id: str, session_id: str, location: str) -> BookItem:
    content = model.model_dump(mode="json", exclude=CHILDREN.get(kind, set()))
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    digest = hashlib.sha256(f"{kind}\n{canonical}".encode()).hexdigest()
    fields = {name: _as_text(value) for name, value in content.items() if name != "id" and value not in (None, [], "")}
    return BookItem(model.id, kind, meeting_id, session_id, location, fields, digest)  # type: ignore[attr-defined]


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
