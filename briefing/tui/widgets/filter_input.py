"""The filter box of a list (quotes, people): a mode the reader enters with `f` or `/`.

Letters typed in the box are text, never commands; enter, escape or down hand the keyboard back to the
list (the filter stays). A plain `Input` inherits hidden `up`/`down` scroll bindings that swallow the
key and hide any binding of the widgets around it from the footer; this one binds them itself.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message

from briefing.tui.widgets.safe_input import SafeInput


class FilterInput(SafeInput):
    """A `SafeInput` whose enter, escape and down post `FilterInput.ToList` for the widget that owns the list."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,escape", "to_list", "To the list", tooltip="back to the list, keeping the filter"),
        Binding("down", "to_list", "To the list", show=False),
    ]

    class ToList(Message):
        """The reader is done typing the filter and wants to move through the list."""

    def action_to_list(self) -> None:
        self.post_message(self.ToList())
