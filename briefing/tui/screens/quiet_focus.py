"""A screen whose focus changes repaint only the widgets that gain and lose the focus."""

from __future__ import annotations

from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget


class QuietFocusScreen(Screen[None]):
    """Textual's `Screen.focused` repaints the whole screen when it changes. The widgets that gain and
    lose the focus are restyled (`:focus`) and repaint themselves anyway, so on the main screen, where
    every tab switch, jump and `j` moves the focus, that repaint only cost a second, full frame."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
