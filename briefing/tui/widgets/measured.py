"""Leaf widgets that keep their measured height when Textual sizes them.

Textual measures a widget's content height for a width and caches it. Sizing the widget afterwards sets
its `virtual_size`, a reactive that refreshes the widget and so empties that cache: the second layout
pass, which follows every first showing of a tab, wrapped the text of every item again. The height of
a leaf's content for a width depends only on what it shows (and `update`/`refresh` still empty the cache
when that changes), so the measure taken in the first pass is kept.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.geometry import Region, Size
from textual.scrollbar import ScrollBar
from textual.widget import Widget
from textual.widgets import Static


class KeepsMeasure:
    """Mix in before a leaf widget class (no children): its size being set keeps its measured content.

    Not a `Widget` itself: Textual takes a widget's CSS (and its type selectors) from its first widget
    base, which must stay the leaf class (`Static`, with `height: auto`)."""

    def _on_mount(self, event: events.Mount) -> None:
        # Styled before its message loop runs, a new leaf is refreshed then, and a widget asks the screen to
        # draw it only when idle: before its first message, the Resize of the layout pass that places it.
        # That pass drew the screen, then drew every new leaf again (a second frame for an enter on a
        # search hit). Prompted now, it asks while it mounts, in time for that pass.
        assert isinstance(self, Widget)
        self.check_idle()

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        assert isinstance(self, Widget)
        measured = self._content_width_cache, self._content_height_cache
        # No layout asked either: the pass that sized a leaf arranged it with that same measure, so another
        # pass of the whole screen (what a new `virtual_size` asks for) would change nothing.
        resized = super()._size_updated(size, virtual_size, container_size, False)  # type: ignore[misc]
        # Cached per width (and container): a new width still measures afresh.
        self._content_width_cache, self._content_height_cache = measured
        return resized


class MeasuredStatic(KeepsMeasure, Static):
    """A `Static` that keeps its measured height when sized (see `KeepsMeasure`)."""


class SizedQuietly:
    """Mix in before a container class whose box does not depend on what its children take up (a fixed or
    fractional size): its being sized asks for no other layout pass.

    Sizing a widget sets its `virtual_size`, a reactive that asks for a layout of the screen. A tab shown
    for the first time has every widget of it sized from nothing, so the pass that showed it was followed
    by a second pass of the whole screen that changed nothing and drew the tab again (the quotes and people
    tabs). A container's `virtual_size` only sets how far it scrolls; a scroll bar that appears or goes
    asks for its layout itself (`show_vertical_scrollbar`). Not a `Widget` itself (see `KeepsMeasure`)."""

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        return super()._size_updated(size, virtual_size, container_size, False)  # type: ignore[misc]


def bar_ahead(widget: Widget, region: Region, content_height: int | Callable[[int], int]) -> bool:
    """In the layout pass that first shows `widget` (a scrolling view, `region` its content box), give it
    its vertical scroll bar now if its content overflows beside the bar: `content_height` lines, or
    `content_height(width)` at the width beside the bar (what overflows there needs the bar; what fits
    there fits the wider box too).

    Textual decides a view's scroll bar after the pass that sized it: a view shown for the first time was
    laid out and drawn full width, then laid out and drawn again narrower, with its bar (each first showing
    of the quotes or people tab). Decided here, the pass makes room for the bar, and Textual's own check
    after it finds the bar where it is and asks for nothing more. Only a first showing (no size yet) with
    an automatic bar not shown is decided; everything else is left to Textual. True if it gave the bar."""
    styles = widget.styles
    bar_width = styles.scrollbar_size_vertical
    if (widget.size or not region or widget.show_vertical_scrollbar or styles.overflow_y != "auto"
            or not bar_width or region.width <= bar_width):
        return False
    height = content_height(region.width - bar_width) if callable(content_height) else content_height
    if height <= region.height:
        return False
    widget.set_reactive(Widget.show_vertical_scrollbar, True)
    # Shown without a refresh (Textual's check sets it too, and a change would ask for another pass).
    widget.vertical_scrollbar.styles.set_rule("display", "block")
    return True


def own_vertical_bar(widget: Widget, bar_class: type[ScrollBar]) -> ScrollBar:
    """`widget`'s vertical scroll bar, a `bar_class` (one that asks for fewer layout passes), made on first
    use as `Widget.vertical_scrollbar` makes Textual's own."""
    if widget._vertical_scrollbar is None:
        bar = widget._vertical_scrollbar = bar_class(vertical=True, name="vertical",
                                                     thickness=widget.scrollbar_size_vertical)
        bar.display = False
        widget.app._start_widget(widget, bar)
    return widget._vertical_scrollbar
