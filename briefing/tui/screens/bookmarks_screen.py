"""The list of the reader's bookmarks in this book; enter jumps to one."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing.tui.screens.marked_modal import MarkedModalScreen
from briefing.tui.widgets.literal import literal


class BookmarksScreen(MarkedModalScreen[str | None]):
    """Dismisses with the item id chosen, or None (escape)."""

    DEFAULT_CSS = """
    BookmarksScreen { align: center middle; }
    BookmarksScreen > Vertical {
        width: 90; max-width: 100%; height: auto; max-height: 80%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    BookmarksScreen OptionList { height: auto; max-height: 20; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss_none", "Close")]

    def __init__(self, entries: list[tuple[str, str, bool]]) -> None:
        """`entries`: (item id, what it is, whether the item is still in the book)."""
        super().__init__()
        self.entries = entries

    def compose_dialog(self) -> ComposeResult:
        with Vertical():
            count = len(self.entries)
            heading = f"Bookmarks ({count})" if count else "No bookmarks yet: press m on an item to add one."
            yield Static(Content(heading), id="bookmarks-title")
            yield OptionList(
                *(
                    Option(literal(label + ("" if present else "  (no longer in this version of the book)")),
                           id=item_id, disabled=not present)
                    for item_id, label, present in self.entries
                ),
                id="bookmark-list",
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        if options.option_count:
            options.highlighted = 0

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
