"""Option lists that stay fast with 20,000 entries: prompts built when first drawn, heights known up front.

Textual's `OptionList` draws only the lines on screen, but before it can scroll it measures every
option: it builds each prompt's visual and wraps it to the list's width to learn its height, again
after every resize or `set_options`. On a book of 20,000 quotes that was 7 s for the quote tab alone
(issue 9, item 7). The lists of this app never wrap (`text-wrap: nowrap`), so an option's height is its
number of lines, which the caller knows without building the prompt. A `LazyOption` carries that count
and a function that builds the prompt; `LazyOptionList` uses the count instead of measuring, and the
prompt is built only when the option is first drawn (or asked for).

This leans on private parts of Textual's `OptionList` (`_update_lines`, `_line_cache`,
`_option_render_cache`) and `Widget` (`_get_scrollable_region`, `_vertical_scrollbar`); the project pins
Textual (pyproject), and tests/tui/test_lazy_options.py and test_tab_first_showing.py check the behaviour
it relies on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Self, cast

from textual.content import Content
from textual.css.styles import RulesMap
from textual.events import Resize
from textual.geometry import Region, Size
from textual.reactive import Reactive
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.visual import VisualType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.tui.widgets.measured import bar_ahead, own_vertical_bar


class LazyOption(Option):
    """An option whose prompt is built on first use; `lines` is how many lines that prompt has."""

    def __init__(self, build: Callable[[], VisualType], *, lines: int = 1, id: str | None = None,
                 disabled: bool = False) -> None:
        super().__init__("", id=id, disabled=disabled)
        self._build: Callable[[], VisualType] | None = build
        self.lines = lines

    @property
    def prompt(self) -> VisualType:
        if self._build is not None:
            self._prompt, self._build = self._build(), None
        return self._prompt

    def _set_prompt(self, prompt: VisualType) -> None:
        self._build = None
        super()._set_prompt(prompt)


def known_option(prompt: Content, *, id: str | None = None, disabled: bool = False) -> LazyOption:
    """An option whose prompt is built already (a heading, a message), its height declared: one line per
    line of `prompt` in these lists that never wrap. A list whose every height is declared is mapped while
    hidden, and keeps its drawn lines when shown (see `LazyOptionList`)."""
    return LazyOption(lambda: prompt, lines=prompt.plain.count("\n") + 1, id=id, disabled=disabled)


def option_lines(option: Option) -> int | None:
    """The height a `LazyOption` declares (None for an ordinary option, which must be measured)."""
    return option.lines if isinstance(option, LazyOption) else None


class ListScrollBar(ScrollBar):
    """A list's scroll bar that never asks for a layout pass of the screen: where it goes and how wide it is
    are its list's (`show_vertical_scrollbar`, `scrollbar-size`), which ask for their own.

    Textual's bar asked for one when first sized (its `virtual_size`) and whenever restyled with a rule
    cleared: each time its list lost the focus, the list hidden with its tab (the quotes tab's list laid
    the screen out again when the people tab was shown). A new look or size of the bar is still drawn."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False,
                recompose: bool = False) -> Self:
        return super().refresh(*regions, repaint=repaint, layout=False, recompose=recompose)


class LazyOptionList(OptionList):
    """An `OptionList` that takes a `LazyOption`'s height from the option instead of measuring its prompt."""

    def _update_lines(self) -> None:
        # OptionList._update_lines, with the height of a LazyOption read, not measured; declared heights
        # are mapped even before the list has a size (while its tab is hidden: mounted in the background,
        # a 20,000-quote list has its map before the key that shows it).
        region = self.scrollable_content_region
        cache = self._line_cache
        lines = cache.lines
        next_index = lines[-1][0] + 1 if lines else 0
        options = self.options
        if next_index < len(options):
            index_to_line, heights, add = cache.index_to_line, cache.heights, lines.append
            if next_index == 0:
                self._measured = False
            for index in range(next_index, len(options)):
                option = options[index]
                height = option_lines(option)
                if height is None:
                    self._measured = True
                    if not region:
                        break  # measured once the list has a width
                    padding = self.get_component_styles("option-list--option").padding
                    width = region.width - self._get_left_gutter_width() - padding.width
                    height = self._get_visual(option).get_height(self.styles, width)
                rows = height + option._divider
                index_to_line[index] = len(lines)
                heights[index] = rows
                if rows == 1:  # most lines: no generator per option (a 10,000-session list is filled at
                    add((index, 0))  # every resize, twice when a meeting tab is first shown)
                else:
                    lines.extend([(index, line) for line in range(rows)])
        if not region:
            return
        last_divider = bool(options) and options[-1]._divider
        virtual_size = Size(region.width - self._get_left_gutter_width(), len(lines) - (1 if last_divider else 0))
        if virtual_size != self.virtual_size:
            # Set while the list is drawn: asking for a layout here laid the whole screen out again after
            # the pass that sized the list. Its own box does not depend on it (a fixed height, or
            # `get_content_height`), and a scroll bar appearing or going asks for its layout itself.
            self.set_reactive(OptionList.virtual_size, virtual_size)
            self._scroll_update(virtual_size)

    def _get_scrollable_region(self, region: Region) -> Region:
        # The layout pass that first shows the list decides its scroll bar (`bar_ahead`) when every height
        # is declared: the whole map is made while the list is hidden.
        lines, options = self._line_cache.lines, self.options
        if lines and lines[-1][0] == len(options) - 1:
            height = len(lines) - (1 if options[-1]._divider else 0)
            if bar_ahead(self, region, height):  # the height too: the bar's thumb is drawn then
                self.set_reactive(OptionList.virtual_size, Size(self.virtual_size.width, height))
        return super()._get_scrollable_region(region)

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """The vertical bar, a `ListScrollBar`."""
        return own_vertical_bar(self, ListScrollBar)

    _measured = True
    """Whether an option of the line map was measured (its height depends on the width); a list made only
    of `LazyOption`s keeps its map when resized."""

    _drawn_at: tuple[Size, bool] | None = None
    """The size (and whether with a scroll bar) of the last resize: the width the lines were drawn for."""

    def _on_resize(self, event: Resize) -> None:
        drawn_at, self._drawn_at = self._drawn_at, (event.size, self.show_vertical_scrollbar)
        if drawn_at == self._drawn_at:
            # Shown again at the same size (the reader went to another tab and back): the lines and their
            # drawings hold. OptionList drew every option again (the session list, on each search hit).
            event.prevent_default()
            return
        if self._measured:
            return  # OptionList._on_resize measures every option again
        # Only declared heights: the map of lines holds at any width, only the drawn lines go (a list of
        # 20,000 quotes was mapped anew at each of the three resizes of its first showing), and only if
        # drawn at another width: the layout pass that sends this event has drawn the list at its size
        # already (a tab's first showing drew its list twice).
        event.prevent_default()
        if self._drawn_width != self.scrollable_content_region.width:
            self._option_render_cache.clear()
            self.refresh()

    _drawn_width: int | None = None
    """The width the drawn lines (`_option_render_cache`) were drawn at, from when that cache was empty."""

    def render_lines(self, crop: Region) -> list[Strip]:
        if not self._option_render_cache:
            self._drawn_width = self.scrollable_content_region.width
        return super().render_lines(crop)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # Only asked when the list's height is `auto`; declared heights spare building every prompt.
        padding_width = self.get_component_styles("option-list--option").padding.width
        rules = cast(RulesMap, self.styles)
        total = 0
        for option in self.options:
            height = option_lines(option)
            if height is None:
                height = self._get_visual(option).get_height(rules, width - padding_width)
            total += height + option._divider
        return total - (1 if self.options and self.options[-1]._divider else 0)
