"""The footer: `? Help` always first, and keys that do not fit left out whole, never cut mid-word."""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup

HELP_ACTIONS = {"help", "app.help"}


class FittedFooter(Footer):
    """Textual's footer, with the help key docked at the left and whole keys dropped from the right.

    It is rebuilt only when the keys it shows change: Textual's footer rebuilds itself on every focus
    change, and moving from item to item (j, k, ], a tab switch) would pay for that frame after frame.
    """

    DEFAULT_CSS = """
    FittedFooter > FooterKey.-help { dock: left; }
    """

    _shown: Hashable = None
    """What the footer shows now (`_keys_shown`), so that a focus change that keeps the keys is free."""

    def on_mount(self) -> None:
        super().on_mount()
        # Keys from the first frame on, not after the screen's first bindings update (one frame later).
        self._bindings_ready = True
        self.call_later(self.recompose)

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # Born with the footer's style: Textual's keys start compact, then their binding to the
                # footer's `compact` takes the class off again, restyling each key twice per rebuild.
                widget.set_reactive(FooterKey.compact, self.compact)
                widget.set_class(self.compact, "-compact", update=False)
                if widget.action in HELP_ACTIONS:
                    widget.add_class("-help", update=False)
            yield widget

    async def recompose(self) -> None:
        if not self.is_attached:
            return  # its screen is gone (Textual's own recompose does nothing then either)
        shown = self._keys_shown()
        if shown == self._shown and self.children:
            return
        self._shown = shown
        await super().recompose()
        self.fit()  # the keys are mounted and styled: fitted before the next frame, not one frame later

    def _keys_shown(self) -> Hashable:
        """Everything `compose` draws from: the shown bindings, enabled or not, and their tooltips."""
        if not self._bindings_ready:
            return None
        return (self.show_command_palette, tuple(
            (key, binding.action, binding.description, binding.group, enabled, tooltip)
            for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == self.app.COMMAND_PALETTE_BINDING
        ))

    def on_resize(self) -> None:
        self.call_after_refresh(self.fit)

    def fit(self) -> None:
        """Hide the keys (with their group's label) that would run past the right edge."""
        flowing = [child for child in self.children if not child.has_class("-help")]
        help_width = sum(self._width(child) for child in self.children if child.has_class("-help"))
        room = self.size.width - help_width
        used = 0
        hide_from = len(flowing)
        for index, child in enumerate(flowing):
            used += self._width(child)
            if used > room:
                # A group's keys come before its label: never show the keys without what they do.
                hide_from = index - 1 if isinstance(child, FooterLabel) and index and isinstance(
                    flowing[index - 1], KeyGroup) else index
                break
        for index, child in enumerate(flowing):
            child.display = index < hide_from

    def _width(self, widget: Widget) -> int:
        """The columns `widget` takes when shown, whether it is shown now or not."""
        content = widget.get_content_width(self.size, self.size)
        return content + widget.styles.gutter.width + widget.styles.margin.width
