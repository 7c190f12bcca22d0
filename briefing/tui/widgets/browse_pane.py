"""The shared base of the quote browser and the people directory: a filter box, a list, a detail pane.

Filtering is a mode: `f` or `/` on the list focuses the box; letters typed there are text; enter,
escape or down go back to the list, keeping the filter; escape on the list clears the filter. The
layout (side by side, or stacked on narrow screens; borderless on short ones) comes from the app's
stylesheet and the screen's breakpoint classes, not from code here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Generic, TypeVar

from textual import getters, on
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static

from briefing.tui.focus import focus_now
from briefing.tui.widgets.filter_input import FilterInput
from briefing.tui.widgets.measured import SizedQuietly, bar_ahead
from briefing.tui.widgets.reader_scroll import BrowseList, ReaderScroll

Entry = TypeVar("Entry")


FILTER_PAUSE_FROM = 5_000
"""From this many entries, the list is filtered once typing pauses for `FILTER_PAUSE` seconds, not on
every letter."""

FILTER_PAUSE = 0.15

NOT_SHOWN = object()
"""What the detail pane shows before anything (or after a new filter): no entry, not even None."""


class Panes(SizedQuietly, Horizontal):
    """The list beside (or above) the detail pane; sized without asking for another layout pass."""


class Pane(SizedQuietly, Vertical):
    """One side of `Panes`, sized without asking for another layout pass."""


class DetailScroll(SizedQuietly, ReaderScroll):
    """A scrolling detail pane, sized without asking for another layout pass, whose first showing decides
    its scroll bar in the same pass (`bar_ahead`, from its text arranged beside the bar: the arrangement
    the pass then finds made)."""

    def _get_scrollable_region(self, region: Region) -> Region:
        bar_ahead(self, region, lambda width: self.arrange(Size(width, region.height)).total_region.bottom)
        return super()._get_scrollable_region(region)


class BrowsePane(SizedQuietly, Widget, Generic[Entry]):
    """Subclasses compose `#<name>-filter` (a FilterInput), `#<name>-empty` and `#<name>-list`, and say
    which entries match a filter (`matching`), how they are listed (`options`) and shown (`show_entry`)."""

    NAME: ClassVar[str] = "browse"
    """The prefix of the parts' ids (`quote` → `#quote-filter`, `#quote-list`, `#quote-empty`)."""

    DEFAULT_CSS = """
    BrowsePane {
        height: 1fr; width: 1fr; layout: vertical;
        .browse-panes { height: 1fr; }
        .browse-list { height: 1fr; text-wrap: nowrap; text-overflow: ellipsis; }
        ReaderScroll.browse-detail { border: tall $border-blurred; }
        ReaderScroll.browse-detail:focus { border: tall $border; }
        .browse-empty { display: none; padding: 0 1; color: $text-warning; text-style: bold; }
        &.-empty .browse-empty { display: block; }
    }
    """
    """The layout every size shares; the size-dependent states are in the app's briefing.tcss."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f,slash", "focus_filter", "Filter", tooltip="type to filter the list (a mode: letters are text)"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]

    filter_text: reactive[str] = reactive("", init=False)
    """The filter as typed; every word must match (accents and case ignored) for an entry to be listed."""

    empty_message = getters.query_one(".browse-empty", Static)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.entries: Sequence[Entry] = ()
        """Every entry the filter chooses from, when the subclass has a fixed set (quotes, people)."""
        self._listed: list[Entry] = []
        self._listed_by_id: dict[str, Entry] | None = None
        self._filter_timer: Timer | None = None
        self._shown: Entry | object | None = NOT_SHOWN
        """The entry the detail pane shows (`NOT_SHOWN` before the first, or once the filter changed)."""

    # -- what subclasses provide ------------------------------------------------------------------

    def matching(self, text: str) -> list[Entry]:
        raise NotImplementedError

    def entry_id(self, entry: Entry) -> str:
        raise NotImplementedError

    def options(self, entries: Sequence[Entry]) -> list:
        raise NotImplementedError

    def show_entry(self, entry: Entry | None) -> None:
        raise NotImplementedError

    def empty_text(self) -> Content:
        return Content("Nothing matches.")

    # -- the parts ----------------------------------------------------------------------------------

    @property
    def filter_input(self) -> Input:
        return self.query_one(f"#{self.NAME}-filter", Input)

    @property
    def entry_list(self) -> OptionList:
        return self.query_one(f"#{self.NAME}-list", BrowseList)

    @property
    def selected_entry(self) -> Entry | None:
        """The entry under the list's cursor."""
        option = self.entry_list.highlighted_option
        if option is None or option.id is None:
            return None
        return self.listed_by_id.get(option.id)

    @property
    def listed(self) -> list[Entry]:
        """The entries the filter lets through, in the order listed."""
        return self._listed

    @listed.setter
    def listed(self, entries: list[Entry]) -> None:
        self._listed = entries
        self._listed_by_id = None

    @property
    def listed_by_id(self) -> dict[str, Entry]:
        """`listed` by entry id. Each key press asks for the entry under the cursor: a scan of every
        listed entry per press would grow with the book (20,000 quotes in a big one)."""
        if self._listed_by_id is None:
            self._listed_by_id = {self.entry_id(entry): entry for entry in self._listed}
        return self._listed_by_id

    def focus(self, scroll_visible: bool = True) -> BrowsePane:
        """Focus the list, where the keys work (once composed, if the widget was only just mounted)."""
        if lists := self.query(BrowseList):
            focus_now(lists.first(), scroll_visible=scroll_visible)
        else:
            self.call_after_refresh(self.focus, scroll_visible)
        return self

    def on_mount(self) -> None:
        if not self.query(BrowseList):
            return  # removed (the app quitting) before it composed: Textual mounted no children into it
        self.refresh_list()
        # The detail follows the cursor as it moves, not when the list's message comes: the cursor was drawn
        # in one frame and the detail in the next (a second drawing for each j).
        self.watch(self.entry_list, "highlighted", self._cursor_moved, init=False)

    def _show(self, entry: Entry | None) -> None:
        self._shown = entry
        self.show_entry(entry)

    def _cursor_moved(self, highlighted: int | None) -> None:
        if highlighted is not None and (entry := self.selected_entry) is not self._shown:
            self._show(entry)

    def watch_filter_text(self) -> None:
        if len(self.entries or self.listed) < FILTER_PAUSE_FROM:
            self.refresh_list()
            return
        # A big list follows the filter when typing pauses: filtering 20,000 quotes takes a quarter of a
        # second, and doing it on every letter would make each key wait for it.
        if self._filter_timer is not None:
            self._filter_timer.stop()
        self._filter_timer = self.set_timer(FILTER_PAUSE, self.refresh_list)

    def refresh_list(self) -> None:
        """List the entries that match the filter, keeping the cursor on the same entry if it still matches."""
        previous = self.selected_entry
        self._shown = NOT_SHOWN  # shown again with the new matches, once (by the cursor's move, or below)
        self.listed = self.matching(self.filter_text)
        entry_list = self.entry_list
        entry_list.set_options(self.options(self.listed))
        if self.listed:
            ids = self.listed_by_id
            keep = self.entry_id(previous) if previous is not None and self.entry_id(previous) in ids else None
            entry_list.highlighted = entry_list.get_option_index(keep or self.entry_id(self.listed[0]))
        self.set_class(not self.listed, "-empty")
        self.empty_message.update(Content("") if self.listed else self.empty_text())
        if self._shown is NOT_SHOWN or self._shown is not self.selected_entry:
            self._show(self.selected_entry)

    def select(self, entry_id: str) -> bool:
        """Put the cursor on entry `entry_id`, clearing a filter that hides it; False if there is none."""
        if not self.query(BrowseList):
            self.call_after_refresh(self.select, entry_id)  # mounted, not yet composed
            return True
        if entry_id not in self.listed_by_id:
            with self.filter_input.prevent(Input.Changed):
                self.filter_input.value = ""
            self.filter_text = ""
            self.refresh_list()
        if entry_id not in self.listed_by_id:
            return False
        self.entry_list.highlighted = self.entry_list.get_option_index(entry_id)
        self.entry_list.scroll_to_highlight()
        if self._shown is not self.selected_entry:
            self._show(self.selected_entry)
        return True

    # -- events and actions ----------------------------------------------------------------------

    @on(Input.Changed)
    def _filter_changed(self, event: Input.Changed) -> None:
        if event.input is self.filter_input:
            event.stop()
            self.filter_text = event.value

    @on(FilterInput.ToList)
    def _filter_left(self, event: FilterInput.ToList) -> None:
        event.stop()
        focus_now(self.entry_list)

    @on(Input.Submitted)
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list is self.entry_list:
            event.stop()
            if self._shown is not self.selected_entry:  # shown already as the cursor moved
                self._show(self.selected_entry)

    def action_focus_filter(self) -> None:
        focus_now(self.filter_input)

    def action_clear_filter(self) -> None:
        self.filter_input.value = ""
        focus_now(self.entry_list)
