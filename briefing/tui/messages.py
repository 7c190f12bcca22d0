"""Messages shared by several widgets of the app."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class OpenLocation(Message):
    """Ask the app to show a place in the book: a meeting tab, scrolled to a session or an item.

    Posted by the quote browser, the people directory, search results and the command palette;
    handled once, by the main screen.
    """

    meeting_id: str
    session_id: str | None = None
    item_id: str | None = None
    highlight_query: str | None = None
    """A search query whose matches should be highlighted where the location is shown."""


@dataclass
class OpenDirectoryEntry(Message):
    """Ask the app to show a person or an organisation, selected, in the People & organisations tab.

    Posted by search results and the command palette; handled once, by the main screen.
    """

    actor_id: str
