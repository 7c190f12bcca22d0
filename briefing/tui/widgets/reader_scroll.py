"""Scrolling views and lists with the reader's keys: j/k, g/G, the arrows and less/vim paging.

`StopReader` is a view made of stops (items, headings, links) with a cursor: j/k move it, the page
keys (space/b, ctrl+d/u, ctrl+f/b, pgdn/pgup) page and the cursor follows the page, and the cursor
keeps a few lines of context above and below it (scroll-off), as in vim.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.geometry import Region, Size, Spacing
from textual.reactive import Reactive
from textual.scrollbar import ScrollBar
from textual.widget import Widget

from briefing.tui.focus import focus_now
from briefing.tui.widgets.lazy_options import LazyOptionList
from briefing.tui.widgets.measured import own_vertical_bar

SCROLL_OFF = 2
"""Lines kept visible above and below the cursor when moving it."""

ITEM_KEYS = Binding.Group("Item")
"""j and k share one footer entry."""

PAGE_BINDINGS: list[BindingType] = [
    Binding("space,pagedown,ctrl+f", "page(1)", "Page down", show=False),
    Binding("b,pageup,ctrl+b", "page(-1)", "Page up", show=False),
    Binding("ctrl+d", "page(0.5)", "Half page down", show=False),
    Binding("ctrl+u", "page(-0.5)", "Half page up", show=False),
]
"""The page keys of less and vim: a page is the view's height, a half page half of it."""


class QuietScrollBar(ScrollBar):
    """A scroll bar whose first sizing does not lay the whole screen out again.

    Textual's bar declares its `virtual_size` with `layout=True`, so a bar that appears in a layout pass
    (a view shown for the first time: enter on a search hit) asks for a second pass of the whole screen
    when that pass gives it its size; a bar has no children, so nothing in that pass changes (17-30 ms
    on a big book's meeting view). A new size of the bar is still drawn: `_size_updated` marks it dirty."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)


class ReaderScroll(VerticalScroll, can_focus=True):
    """Every scrollable view of the app, so that the same keys work everywhere."""

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """The vertical bar, a `QuietScrollBar`."""
        return own_vertical_bar(self, QuietScrollBar)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False, tooltip="a line down (in a text without items: source, help)"),
        Binding("k", "scroll_up", "Up", show=False, tooltip="a line up (in a text without items)"),
        Binding("g", "scroll_home", "Top", show=False, tooltip="the top (in a text without items)"),
        Binding("G", "scroll_end", "Bottom", show=False, tooltip="the bottom (in a text without items)"),
        *PAGE_BINDINGS,
    ]

    # Textual's own line scroll is deferred to after the next refresh but computes its target when the key
    # arrives, so two keys between refreshes both aim one line below the same place and one is lost.
    # Scrolling at once from the target makes every key count.
    def action_scroll_down(self) -> None:
        """One line down."""
        self.scroll_to(y=self.scroll_target_y + 1, animate=False, immediate=True)

    def action_scroll_up(self) -> None:
        """One line up."""
        self.scroll_to(y=self.scroll_target_y - 1, animate=False, immediate=True)

    def action_page(self, pages: float) -> None:
        """Scroll by `pages` view heights (negative: up)."""
        height = max(1, self.scrollable_content_region.height)
        self.scroll_to(y=self.scroll_target_y + int(height * pages), animate=False, immediate=True)


class StopReader(ReaderScroll):
    """A view whose `stops()` the cursor lands on; subclasses say what the stops are."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Shown: reading is what these views are for ("j k Item" in the footer).
        Binding("j", "step(1)", "Next item", group=ITEM_KEYS),
        Binding("k", "step(-1)", "Previous item", group=ITEM_KEYS),
        Binding("down", "step(1)", "Next item", show=False),
        Binding("up", "step(-1)", "Previous item", show=False),
        Binding("g,home", "edge(0)", "First item", show=False),
        Binding("G,end", "edge(-1)", "Last item", show=False),
    ]

    def stops(self) -> list[Widget]:
        """Everything the cursor can land on, in reading order."""
        return []

    def first_stop(self) -> Widget | None:
        """Where the cursor starts (without making a view that mounts in parts mount the rest)."""
        stops = self.stops()
        return stops[0] if stops else None

    _left_on: Widget | None = None
    """The stop that last had the cursor: a reader who goes to another tab and comes back goes on from it."""

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self._left_on = event.widget

    def resume_stop(self, stops: list[Widget] | None = None) -> Widget | None:
        """Where the cursor goes when the view is shown again: the stop it was on if still there (not
        removed, not folded away), else the first stop."""
        left_on = self._left_on
        if left_on is not None and left_on.is_attached and left_on in (self.stops() if stops is None else stops):
            return left_on
        return self.first_stop() if stops is None else (stops[0] if stops else None)

    _sized: Size | None = None
    """The size of the last layout: the first one (a view just shown) keeps the view's own first screen."""

    def on_resize(self, event: events.Resize) -> None:
        # Rewrapped at a new size, the same scroll offset shows other lines: a reader who narrows the window
        # at the Mali session found the Ukraine session on screen. The cursor's item is brought back into view.
        before, self._sized = self._sized, event.size
        if before is None or before.area == 0:
            return
        focused = self.screen.focused
        if focused is not None and self in focused.ancestors:
            self.call_after_refresh(self._keep_in_view, focused, False)

    def lines_at_least(self) -> int:
        """A lower bound of the height of its content: a line per child, with its borders and the margin
        below it (margins between siblings collapse to the larger of the two: at least this one)."""
        children = [child for child in self.children if child.display]
        return sum(1 + child.styles.gutter.height + child.styles.margin.bottom for child in children[:-1]) + (
            1 if children else 0)

    def fill(self) -> None:
        """Mount every stop now, in a view that mounts what is below its first screen later (the overview)."""

    def y_of(self, widget: Widget | None) -> int:
        """Where `widget` starts in this view's scrolled content (0 = top of the content)."""
        if widget is None:
            return 0
        # From the layout's offsets, not from the screen region: right after a scroll the region is still
        # the last frame's while scroll_y is already the new one, so keys typed in a burst mixed the two
        # and landed a few lines off (what a fast reader saw depended on the machine's speed).
        y, node = 0, widget
        while node is not self and isinstance(node, Widget):
            y += node.virtual_region_with_margin.y
            parent = node.parent
            if parent is not self and isinstance(parent, Widget):
                y += parent.styles.margin.top + parent.styles.gutter.top
            node = parent
        return y

    def action_step(self, direction: int) -> None:
        stops = self.stops()
        if not stops:
            return
        focused = self.screen.focused
        if focused in stops:
            index = max(0, min(len(stops) - 1, stops.index(focused) + direction))
        else:
            index = self._first_visible(stops) if direction > 0 else 0
        self.land_on(stops[index])

    def action_edge(self, index: int) -> None:
        stops = self.stops()
        if index == 0:
            # The top of the view, with its header, not merely the first stop at the top edge.
            if stops:
                focus_now(stops[0])
            self.call_after_refresh(self.scroll_home, animate=False)
        elif stops:
            self.land_on(stops[index])

    def action_page(self, pages: float) -> None:
        """Page, and move the cursor onto the first stop of the new page (less/vim)."""
        stops = self.stops()
        before = round(self.scroll_y)
        height = max(1, self.scrollable_content_region.height)
        target = max(0, min(round(self.max_scroll_y), before + int(height * pages)))
        if not stops:
            self.scroll_to(y=target, animate=False)
            return
        if target == before:
            # Already at the end the page key points to: the cursor goes there.
            stop = stops[-1] if pages > 0 else stops[0]
        else:
            stop = next((s for s in stops if self.y_of(s) >= target), stops[-1])
        self.scroll_to(y=target, animate=False, immediate=True)
        focus_now(stop)
        self.call_after_refresh(self._keep_in_view, stop, False)

    def land_on(self, widget: Widget, *, top: bool = False) -> None:
        """Put the cursor on `widget` and scroll it into view with `SCROLL_OFF` lines around it."""
        focus_now(widget)
        if widget.region and self.region:
            self._keep_in_view(widget, top)  # laid out and on screen: scrolled in the cursor's own frame
        else:  # after a refresh: a tab that was just switched to has not been laid out yet
            if top:
                self._scroll_before_layout(widget)
            self.call_after_refresh(self._keep_in_view, widget, top)

    def _scroll_before_layout(self, widget: Widget) -> None:
        """Scroll to where `widget`, a child not laid out yet, will be, from this view's text arranged now
        (the layout pass finds that arrangement cached). The first frame shows it in its place: it showed
        the top of the text, then a second frame the place, drawing the whole screen again (an enter on a
        search hit). `_keep_in_view`, after the layout, still has the last word."""
        if widget.parent is not self or (size := self._size_to_come()) is None:
            return
        arrangement = self.arrange(size)
        placement = next((placement for placement in arrangement.placements if placement.widget is widget), None)
        if placement is not None:
            limit = max(0, arrangement.total_region.bottom - size.height)  # of the new text
            y = min(max(0, placement.region.y - placement.margin.top - SCROLL_OFF), limit)
            # Set without a scroll of its own: the layout pass to come places the text at this offset (and
            # sizes the bar), and a scroll asked for another drawing of the screen after that pass.
            self.set_reactive(Widget.scroll_y, y)
            self.set_reactive(Widget.scroll_target_y, y)
            self.vertical_scrollbar.position = y

    def _size_to_come(self) -> Size | None:
        """The size this view's text is laid out at: its own, or for a view never laid out yet (a tab shown
        for the first time), the one the coming layout pass gives it, from its nearest laid-out ancestor
        arranged down to it (the pass finds those arrangements cached). None if it is not placed."""
        chain: list[Widget] = []
        node: Widget = self
        while not node.outer_size:
            chain.append(node)
            if not isinstance(node.parent, Widget):
                return None
            node = node.parent
        size = _content_size(node, node.outer_size)
        for child in reversed(chain):
            placed = next((placement for placement in node.arrange(size).placements if placement.widget is child), None)
            if placed is None:
                return None
            node, size = child, _content_size(child, placed.region.size)
        return size

    def _keep_in_view(self, widget: Widget, top: bool) -> None:
        if not widget.is_mounted:
            return
        y = self.y_of(widget)
        if top:
            # A jump puts its target near the top, under a line or two of what comes before it. Only if not
            # there yet (`_scroll_before_layout`): Textual redraws the view for a scroll to where it is.
            if (target := min(max(0, y - SCROLL_OFF), self.max_scroll_y)) != self.scroll_y:
                self.scroll_to(y=target, animate=False, immediate=True)
            return
        region = Region(0, y, 1, widget.outer_size.height)
        margin = min(SCROLL_OFF, max(0, (self.scrollable_content_region.height - region.height) // 2))
        self.scroll_to_region(region, spacing=Spacing(margin, 0, margin, 0), animate=False, immediate=True)

    def _first_visible(self, stops: list[Widget]) -> int:
        top = self.scroll_offset.y
        for index, widget in enumerate(stops):
            if self.y_of(widget) >= top:
                return index
        return 0


def _content_size(widget: Widget, outer: Size) -> Size:
    """The size `widget`'s children are arranged in, when its box is `outer` (as Textual's compositor does:
    less its borders and padding, and its scroll bars)."""
    region = Region(0, 0, *outer).shrink(widget.styles.gutter)
    return (widget._get_scrollable_region(region) if widget.is_scrollable else region).size


class ReaderOptionList(LazyOptionList):
    """An option list with the same reader's keys: j/k to move, g/G to the first/last entry.

    A `LazyOptionList`: options given as `LazyOption` are neither built nor measured until drawn."""

    # Described as the stop readers' keys are: the help gives j/k/g/G one line each for every view.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Next item", show=False),
        Binding("k", "cursor_up", "Previous item", show=False),
        Binding("g", "first", "First item", show=False),
        Binding("G", "last", "Last item", show=False),
        Binding("space,ctrl+f", "page_down", "Page down", show=False),
        Binding("b,ctrl+b", "page_up", "Page up", show=False),
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
