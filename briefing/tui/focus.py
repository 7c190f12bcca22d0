"""Move the keyboard now, not after the keys already typed.

`Widget.focus()` defers the move (`call_later`): keys typed faster than that (a burst right after a tab
switch, `f` then a name, `j` then `y`) are delivered to the widget that had the keyboard before. Every
move that a reader's next key depends on goes through `focus_now`.
"""

from __future__ import annotations

from textual.css.query import NoMatches
from textual.widget import Widget


def focus_now(widget: Widget, *, scroll_visible: bool = False) -> None:
    """Give `widget` the keyboard before the next key is handled."""
    try:
        widget.screen.set_focus(widget, scroll_visible=scroll_visible)
    except NoMatches:
        widget.focus(scroll_visible)
