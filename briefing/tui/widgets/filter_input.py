"""The filter box of a list (quotes, people): `down` hands the keyboard to the list, and the footer says so.

A plain `Input` inherits hidden `up`/`down` scroll bindings that swallow the key and hide any binding of
the widgets around it from the footer; this one binds `down` itself.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
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


def type_into(query_box: Input, event: events.Key) -> bool:
    """Send a letter or digit typed on a list to its filter or query box, unless the key is bound.

    Returns whether the key was taken; the list's owner calls this from `on_key` while the list
    has focus, so that typing a name anywhere in the list starts filtering with it.
    """
    character = event.character
    if not event.is_printable or character is None or not character.isalnum():
        return False
    if event.key in query_box.screen.active_bindings:
        return False
    event.stop()
    event.prevent_default()
    query_box.value += character
    query_box.cursor_position = len(query_box.value)
    query_box.focus()
    return True
