"""A screen whose focus changes repaint only the widgets that gain and lose the focus, and whose layout
passes do not lay the whole screen out twice."""

from __future__ import annotations

from textual._compositor import Compositor, ReflowResult
from textual.errors import NoWidget
from textual.geometry import Size
from textual.map_geometry import MapGeometry
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget


class FullMapCompositor(Compositor):
    """A compositor that does not arrange the whole screen again to place one widget.

    Textual marks its map of every widget stale when a widget off screen asks to be drawn (a new text's
    widgets, a field losing the focus in a hidden tab), and a layout pass makes a new map without saying it
    is fresh: the widgets sized after the pass, and the new ones asking for their place while the pass
    arranged them (a scroll bar appearing), each had the whole screen arranged again, some 300 widgets on a
    big book, two or three times in one key. Here a widget not placed yet has no place until the pass has
    placed it (as when the map is not stale), and the map the pass made is the one used after it."""

    _reflowing = False

    def reflow(self, parent: Widget, size: Size) -> ReflowResult:
        self._reflowing = True
        try:
            result = super().reflow(parent, size)
        finally:
            self._reflowing = False
        self._full_map_invalidated = False  # made just now, of every widget there is
        return result

    def update_widgets(self, widgets: set[Widget]) -> None:
        # Textual counts the map stale when any widget to draw is not on screen. One placed off screen (scrolled
        # away) or not shown at all (in a hidden tab: a search field losing the focus) would not be placed
        # otherwise by a new map; only a widget not placed yet, among shown ones, makes it stale.
        stale = self._full_map_invalidated or any(
            _shown(widget) for widget in widgets - self.visible_widgets.keys() - self._full_map.keys())
        self._full_map_invalidated = True  # Textual's own test skipped
        super().update_widgets(widgets)
        self._full_map_invalidated = stale

    def find_widget(self, widget: Widget) -> MapGeometry:
        if self._reflowing:  # the map of the last pass: this one's is being made
            try:
                return self._full_map[widget]
            except KeyError:
                raise NoWidget("not placed yet") from None
        return super().find_widget(widget)


def _shown(widget: Widget) -> bool:
    """Whether `widget` and everything holding it are displayed."""
    return widget.display and all(node.display for node in widget.ancestors)


class QuietFocusScreen(Screen[None]):
    """Textual's `Screen.focused` repaints the whole screen when it changes. The widgets that gain and
    lose the focus are restyled (`:focus`) and repaint themselves anyway, so on the main screen, where
    every tab switch, jump and `j` moves the focus, that repaint only cost a second, full frame."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def __init__(self, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name, id, classes)
        self._compositor = FullMapCompositor()
