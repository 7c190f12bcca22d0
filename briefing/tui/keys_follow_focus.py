"""Keys typed in one burst follow the keyboard to the text box a key of the burst opened.

Textual hands each key to the widget that has the keyboard when the key arrives, and runs a key's
binding later, when the key comes back up from that widget. A burst read at once from the terminal
(`/mali` pasted, typed fast, or sent by tmux) is therefore handed, all of it, to the widget that had
the keyboard before `/` moved it into the search box: the letters came back up as unbound keys and were
lost. A key that comes back up after the keyboard moved into a text box is sent again, as a new key,
so that it reaches the box, in the order typed.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from textual import events
from textual.app import App
from textual.widget import Widget

TEXT_BOXES = frozenset({"Input", "TextArea"})
"""Textual's text boxes (and so every subclass: the search and filter boxes, the notes editor, the
palette's prompt), by name: importing `TextArea` only to compare with it would slow the first frame."""


def takes_text(widget: Widget | None) -> bool:
    """Whether `widget` is a text box, where letters are text rather than commands."""
    return widget is not None and any(
        cls.__name__ in TEXT_BOXES and cls.__module__.startswith("textual.widgets") for cls in type(widget).__mro__
    )


class KeysFollowFocus(App[None]):
    """A mixin of the app: keys of a burst that opened a text box are typed into it."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._handed_to: WeakKeyDictionary[events.Key, Widget | None] = WeakKeyDictionary()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            if not event.is_forwarded:  # from the terminal: Textual hands it to the focused widget now
                self._handed_to[event] = self.focused
            elif self._came_back_after_focus_moved(event):
                self.post_message(events.Key(event.key, event.character))  # as if typed now
                return
        await super().on_event(event)

    def _came_back_after_focus_moved(self, event: events.Key) -> bool:
        if event not in self._handed_to:
            return False
        handed_to = self._handed_to.pop(event)
        return handed_to is not self.focused and takes_text(self.focused)
