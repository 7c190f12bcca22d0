""""Since you last read this book": what a new version of the book changed, at the top of the Overview.

New and changed items are links (enter opens them, and reading them clears their mark); removed items
are named, with a word on their notes, which are kept (the Notes tab lists them as detached).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from briefing.diff import BookItem
from briefing.tui.messages import OpenLocation
from briefing.tui.widgets.hanging import Hanging
from briefing.tui.widgets.literal import literal
from briefing.tui.widgets.overview import OverviewLink

if TYPE_CHECKING:
    from briefing.tui.reader_state import ReaderState

MOST_LINKS = 40
"""More changed items than this are counted, not listed: the Overview stays an overview."""


def item_location(item: BookItem) -> OpenLocation:
    """Where a changed item is shown (a person or organisation: the directory, by the main screen's rule)."""
    if item.kind in ("person", "organisation", "meeting"):
        return OpenLocation(item.item_id if item.kind != "meeting" else item.meeting_id)
    if item.kind == "session":
        return OpenLocation(item.meeting_id, item.item_id)
    return OpenLocation(item.meeting_id, item.session_id or None, item.item_id)


def changes_notice(reader: ReaderState) -> list[Widget]:
    """The widgets of the notice (none when nothing changed since the last reading), of class
    `changes-notice`; while a big book is being compared after its first frame, a line that says so."""
    changes = reader.changes
    if changes.comparing:
        widgets: list[Widget] = [Static(Content("Since you last read this book: comparing this version with the "
                                                "one you read…"), classes="overview-heading", id="changes-heading"),
                                 Static(classes="overview-gap")]
    elif changes.first_reading or changes.is_empty:
        return []
    else:
        widgets = _notice(reader)
    for widget in widgets:
        widget.add_class("changes-notice")
    return widgets


def _notice(reader: ReaderState) -> list[Widget]:
    changes = reader.changes
    widgets: list[Widget] = [
        Static(Content(f"Since you last read this book: {changes.counts()}"), classes="overview-heading",
               id="changes-heading")
    ]
    marked = [("NEW", item) for item in changes.new] + [("CHANGED", item) for item in changes.changed]
    for badge, item in marked[:MOST_LINKS]:
        line = Content.assemble((f" {badge} ", "bold reverse"), " ", literal(reader.item_label(item)))
        if item.location:
            line = Content.assemble(line, (" — ", "dim"), literal(item.location).stylize("dim"))
        widgets.append(OverviewLink(Hanging([(line, len(badge) + 3)]), item_location(item)))
    if len(marked) > MOST_LINKS:
        widgets.append(Static(Content(f"… and {len(marked) - MOST_LINKS} more, marked in the meeting tabs.")))
    noted = reader.note_counts
    for removed in changes.removed:
        kept = " (your note on it is kept: see the Notes tab)" if noted.get(removed.item_id) else ""
        line = Content.assemble((" REMOVED ", "bold reverse"), " ", literal(removed.label or removed.item_id), kept)
        widgets.append(Static(Hanging([(line, 10)]), classes="overview-body"))
    widgets.append(Static(classes="overview-gap"))
    return widgets
