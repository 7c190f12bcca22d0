"""The filter box of a list (quotes, people): `down` hands the keyboard to the list, and the footer says so.

A plain `Input` inherits hidden `up`/`down` scroll bindings that swallow the key and hide any binding of
the widgets around it from the footer; this one binds `down` itself.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class FilterInput(Input):
    """An `Input` whose `down` posts `FilterInput.ToList` for the widget that owns the list."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("down", "to_list", "To the list")]

    class ToList(Message):
        """Down in the filter box: the reader wants to move through the list."""

    def action_to_list(self) -> None:
        self.post_message(self.ToList())
