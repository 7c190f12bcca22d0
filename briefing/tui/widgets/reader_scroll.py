"""Scrolling views and lists with the reader's keys: j/k, g/G, as well as the arrows and page keys."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import OptionList


class ReaderScroll(VerticalScroll, can_focus=True):
    """Every scrollable view of the app, so that the same keys work everywhere."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
    ]


class ReaderOptionList(OptionList):
    """An option list with the same reader's keys: j/k to move, g/G to the first/last entry."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
        Binding("enter", "select", "Open"),
    ]


class BrowseList(ReaderOptionList):
    """A list one browses with a details pane beside it: a click highlights (the details follow),
    a double click opens, as `enter` does."""

    async def _on_click(self, event: events.Click) -> None:
        event.prevent_default()  # OptionList would open on a single click
        clicked = event.style.meta.get("option")
        if clicked is None or self.options[clicked].disabled:
            return
        self.highlighted = clicked
        if event.chain >= 2:
            self.action_select()
