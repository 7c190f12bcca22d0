"""The footer: `? Help` always first, and keys that do not fit left out whole, never cut mid-word.

One widget draws every key on its one line. Textual's `Footer` is a widget per key, rebuilt whenever the
focus moves: on a tab switch the new key widgets were mounted, styled and laid out, then laid out again
once they had their sizes, so the footer arrived two frames after the tab. Here a change of keys is a
repaint of one line, in the same frame as the tab. It looks as Textual's footer does (same theme
variables and spacing), and keeps what its keys do: a click presses the key, hovering shows its tooltip.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import groupby
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

HELP_ACTIONS = {"help", "app.help"}

EDGE = "▏"
"""The left edge of the command palette's key (Textual's `vkey` border)."""


@dataclass(frozen=True)
class FooterEntry:
    """One key, as drawn: its cells, where it starts, and what pressing it does."""

    key: str
    display: str
    description: str
    action: str
    enabled: bool
    tooltip: str


Piece = tuple[str, Style | None, "FooterEntry | None"]
"""Cells of the line: their text, their style (None: the footer's background only) and their key."""


@dataclass(frozen=True)
class Placed:
    """A piece of the line: a key (with its description) or a group's label, and its columns."""

    start: int
    end: int
    entry: FooterEntry | None


class FittedFooter(Widget, can_focus=False):
    """The keys of the focused widget and its ancestors (their shown bindings), drawn as one line."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "footer-key--key", "footer-key--description", "footer-key--item", "footer-key--hover",
        "footer-key--label", "footer-key--edge",
    }
    DEFAULT_CSS = """
    FittedFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .footer-key--item { background: $footer-item-background; }
        .footer-key--key { color: $footer-key-foreground; background: $footer-key-background; text-style: bold; }
        .footer-key--description { color: $footer-description-foreground; background: $footer-description-background; }
        .footer-key--hover { color: $footer-key-foreground; background: $block-hover-background; }
        .footer-key--label { color: $footer-description-foreground; background: $footer-description-background; }
        .footer-key--edge { color: $foreground 20%; }
    }
    """

    show_command_palette = reactive(True)
    """Show the key of the command palette at the right end."""
    _hovered: reactive[FooterEntry | None] = reactive(None)
    """The key under the mouse pointer (drawn as Textual draws a hovered footer key)."""

    def __init__(self, *, show_command_palette: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(FittedFooter.show_command_palette, show_command_palette)
        self._placed: list[Placed] = []
        """What the last render drew where (for clicks and tooltips)."""
        self._drawn: object = None
        """The keys when the footer was last asked to redraw (`_shown`)."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def _bindings_changed(self, _screen: object) -> None:
        # A repaint, drawn with the frame the focus change is in, and only when the keys differ: Textual
        # announces the bindings again after every focus change's refresh (one more frame for nothing).
        shown = self._shown()
        if shown != self._drawn:
            self._drawn = shown
            self.refresh()

    # -- what to draw ------------------------------------------------------------------------------

    def _shown(self) -> tuple[FooterEntry | None, list[FooterEntry | tuple[Binding.Group, list[FooterEntry]]],
                              FooterEntry | None]:
        """The help key, then the keys in the order Textual's footer shows them (a group's keys together,
        with its label), then the command palette's key."""
        active = self.screen.active_bindings
        by_action: dict[str, list[FooterEntry]] = defaultdict(list)
        groups: dict[str, Binding.Group | None] = {}
        for _node, binding, enabled, tooltip in active.values():
            if binding.show:
                by_action[binding.action].append(FooterEntry(
                    binding.key, self.app.get_key_display(binding), binding.description, binding.action,
                    enabled, tooltip))
                groups.setdefault(binding.action, binding.group)
        help_key = None
        flowing: list[FooterEntry | tuple[Binding.Group, list[FooterEntry]]] = []
        for group, actions in groupby(by_action, key=lambda action: groups[action]):
            firsts = [by_action[action][0] for action in actions]  # one key per action, as Textual's footer
            if group is not None and len(firsts) > 1:
                flowing.append((group, [entry_for_group(entry) for entry in firsts]))
                continue
            for entry in firsts:
                if entry.action in HELP_ACTIONS and help_key is None:
                    help_key = entry
                else:
                    flowing.append(entry)
        palette = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            found = active.get(self.app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _node, binding, enabled, _tooltip = found
                palette = FooterEntry(binding.key, self.app.get_key_display(binding), binding.description,
                                      binding.action, enabled, binding.tooltip or binding.description)
        return help_key, flowing, palette

    def render_line(self, y: int) -> Strip:
        base = self.rich_style
        blank = Style(bgcolor=base.bgcolor)  # the footer's own background, as between Textual's key widgets
        width = self.size.width
        if y != 0:
            return Strip.blank(width, blank)
        segments: list[Segment] = []
        self._placed = []
        x = 0
        for text, style, entry in self._pieces(width):
            segments.append(Segment(text, blank if style is None else base + style))
            self._placed.append(Placed(x, x + cell_len(text), entry))
            x += cell_len(text)
        return Strip(segments, x).extend_cell_length(width, blank).crop(0, width)

    def _pieces(self, width: int) -> list[Piece]:
        """What the line shows, from the left: the help key, whole keys (a group with its label) while
        they fit, and the command palette's key at the right end if it fits too."""
        help_key, flowing, palette = self._shown()
        pieces: list[Piece] = self._key_pieces(help_key) if help_key is not None else []
        room = width - sum(cell_len(text) for text, _, _ in pieces)
        parts = [self._key_pieces(item) if isinstance(item, FooterEntry) else self._group_pieces(*item)
                 for item in flowing]
        if palette is not None:
            parts.append(self._palette_pieces(palette))
        used = 0
        for part in parts:
            used += sum(cell_len(text) for text, _, _ in part)
            if used > room:
                break
            if palette is not None and part[-1][2] is palette:  # docked at the right end, as in Textual's footer
                gap = width - sum(cell_len(text) for text, _, _ in pieces + part)
                pieces.append((" " * gap, None, None))
            pieces.extend(part)
        return pieces

    def _entry_style(self, entry: FooterEntry) -> Style:
        """The key's own background (and the hover look), dimmed when the key does nothing here."""
        style = self.get_component_rich_style("footer-key--item")
        if entry == self._hovered:
            style += self.get_component_rich_style("footer-key--hover")
        if not entry.enabled:
            style += Style(dim=True)
        return style

    def _key_pieces(self, entry: FooterEntry, *, padding_right: int = 0) -> list[Piece]:
        """" k Description " (a key in a group: its key alone), as Textual's `FooterKey` draws it."""
        item = self._entry_style(entry)
        key_style = item + self.get_component_rich_style("footer-key--key")
        if not entry.description:
            return [(entry.display, key_style, entry)]
        pieces: list[Piece] = [(f" {entry.display} ", key_style, entry),
                               (f"{entry.description} ", item + self.get_component_rich_style("footer-key--description"),
                                entry)]
        if padding_right:
            pieces.append((" " * padding_right, item, entry))
        return pieces

    def _group_pieces(self, group: Binding.Group, entries: list[FooterEntry]) -> list[Piece]:
        """A group's keys with a column around each (none between them in a compact group), then its label."""
        pieces: list[Piece] = [(" ", None, None)]
        for number, entry in enumerate(entries):
            if number and not group.compact:
                pieces.append((" ", None, None))
            pieces.extend(self._key_pieces(entry))
        pieces.append((" ", None, None))
        pieces.append((group.description, self.get_component_rich_style("footer-key--label"), None))
        pieces.append((" ", None, None))
        return pieces

    def _palette_pieces(self, entry: FooterEntry) -> list[Piece]:
        return [(EDGE, self._entry_style(entry) + self.get_component_rich_style("footer-key--edge"), entry),
                *self._key_pieces(entry, padding_right=1)]

    def shown(self) -> list[FooterEntry]:
        """The keys drawn, from the left (as last drawn)."""
        shown: list[FooterEntry] = []
        for placed in self._placed:
            if placed.entry is not None and placed.entry not in shown:
                shown.append(placed.entry)
        return shown

    def column_of(self, action: str) -> int | None:
        """The first column of the key that runs `action`, if it is drawn."""
        return next((placed.start for placed in self._placed if placed.entry and placed.entry.action == action), None)

    # -- the mouse ---------------------------------------------------------------------------------

    def _entry_at(self, x: int) -> FooterEntry | None:
        return next((placed.entry for placed in self._placed if placed.start <= x < placed.end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        entry = self._entry_at(event.x)
        if entry != self._hovered:
            self._hovered = entry
            self.tooltip = entry.tooltip or None if entry is not None else None

    def on_leave(self) -> None:
        self._hovered = None
        self.tooltip = None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        entry = self._entry_at(event.x)
        if entry is None:
            return
        if entry.enabled:
            self.app.simulate_key(entry.key)
        else:
            self.app.bell()


def entry_for_group(entry: FooterEntry) -> FooterEntry:
    """A key shown in a group: its key only (the group's label says what the keys do); hovering still
    names what this one does."""
    return FooterEntry(entry.key, entry.display, "", entry.action, entry.enabled, entry.tooltip or entry.description)
