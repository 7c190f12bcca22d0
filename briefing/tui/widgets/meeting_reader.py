"""The text of a meeting tab: its reader's keys, and the text mounted as the reader comes to it."""

from __future__ import annotations

import asyncio
from typing import Protocol, runtime_checkable

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import Collapsible

from briefing.tui.widgets.meeting_text import LazyText
from briefing.tui.widgets.reader_scroll import SCROLL_OFF, StopReader


@runtime_checkable
class GrowingText(Protocol):
    """What holds a meeting's text (a `MeetingView`): its parts, mounted as the reader comes to them, and,
    for a long meeting, the window of sessions on screen."""

    text: LazyText

    async def grow(self, through: int | None = None) -> None: ...

    def grow_all_now(self) -> None: ...

    def window_can_move(self, direction: int) -> bool: ...

    async def move_window(self, direction: int) -> None: ...


class MeetingReader(StopReader):
    """The text of a meeting; j/k move from item to item (so `s` and `y` have an item), the page keys
    page with the cursor following."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False, repaint=False)
    """Sized without asking for another layout pass or drawing: a new text's height changes only the scroll
    bar (sized by `_scroll_update`), and the bar appearing or going asks for a layout itself."""

    async def replace_text(self, widgets: list[Widget]) -> None:
        """`widgets` instead of the text shown, scrolled to the top, with no stop to come back to."""
        self._left_on = None
        await self.remove_children()
        self.scroll_to(y=0, animate=False, immediate=True)
        await self.mount_parts(widgets)

    async def mount_parts(self, widgets: list[Widget]) -> None:
        """Mount `widgets` at the end of the text, their layout asked for before this returns."""
        await self.mount_all(widgets)
        # Textual also runs the mount's awaitable from this reader's queue, asking for its layout again: once
        # the caller's handler had returned, after the screen's next layout pass, which was laid out and
        # drawn again. A callback queued behind it is awaited, so that it asks now.
        queue_done = asyncio.Event()
        self.call_later(queue_done.set)
        await queue_done.wait()

    def stops(self) -> list[Widget]:
        """Everything the reader can land on and can see, in reading order."""
        return [
            widget for widget in self.query("SessionHeading, ItemBlock, CollapsibleTitle")
            if not any(isinstance(node, Collapsible) and node.collapsed and node is not widget.parent
                       for node in widget.ancestors)
        ]

    async def action_step(self, direction: int) -> None:
        # At the end of the text mounted, j mounts what follows; at either end of the sessions on screen of a
        # long meeting, j/k go on into the next ones.
        view = self.parent
        stops = self.stops()
        focused = self.screen.focused
        at_edge = not stops or focused is stops[-1 if direction > 0 else 0]
        if isinstance(view, GrowingText) and at_edge:
            if direction > 0 and view.text.pending:
                await view.grow()  # and steps onto what follows (a small screen may have shown no stop yet)
            elif stops and view.window_can_move(direction):
                await view.move_window(direction)
                return
        super().action_step(direction)

    def action_edge(self, index: int) -> None:
        view = self.parent
        if index != 0 and isinstance(view, GrowingText) and view.text.pending:
            self.run_worker(self._edge_after_growing(view, index), group="grow", exclusive=True)
            return
        super().action_edge(index)

    async def _edge_after_growing(self, view: GrowingText, index: int) -> None:
        await view.grow(through=len(view.text.parts) - 1)  # the last stop is in the last part
        self.call_after_refresh(StopReader.action_edge, self, index)  # once laid out: scrolled to it at once

    async def action_page(self, pages: float) -> None:
        view = self.parent
        height = max(1, self.scrollable_content_region.height)
        if pages > 0 and isinstance(view, GrowingText) and view.text.pending and (
                self.scroll_y + height * (1 + pages) + SCROLL_OFF >= self.virtual_size.height):
            await view.grow()  # a screen more than is mounted: a page never stops short at the end mounted
            self.call_after_refresh(StopReader.action_page, self, pages)
            return
        super().action_page(pages)

    def fill(self) -> None:
        view = self.parent
        if isinstance(view, GrowingText):
            view.grow_all_now()

    _growing = False
    """A growth is on its way: scrolling further does not ask for another."""

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._grow_near_end()

    def watch_virtual_size(self, size: Size) -> None:
        self._grow_near_end()  # a text laid out shorter than the screen (its parts' lines were a guess)

    def _grow_near_end(self) -> None:
        """Mount more of the text when the reader has scrolled (wheel, scroll bar) to its end mounted."""
        view = self.parent
        height, text_height = self.scrollable_content_region.height, self.virtual_size.height
        if (self._growing or not height or not text_height or not isinstance(view, GrowingText)
                or not view.text.pending or self.scroll_y + height + SCROLL_OFF < text_height):
            return
        self._growing = True
        # A worker: from this reader's own queue, the growth would wait for that queue (`mount_parts`).
        self.run_worker(self._grow_ahead(view), group="grow")

    async def _grow_ahead(self, view: GrowingText) -> None:
        try:
            await view.grow()
        finally:
            self._growing = False
