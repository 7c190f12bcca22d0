"""A vertical scroll view with the reader's keys: j/k, g/G, as well as the arrows and page keys."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll


class ReaderScroll(VerticalScroll, can_focus=True):
    """Every scrollable view of the app, so that the same keys work everywhere."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
    ]
