"""The footer: `? Help` always first, and keys that do not fit left out whole, never cut mid-word."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup

HELP_ACTIONS = {"help", "app.help"}


class FittedFooter(Footer):
    """Textual's footer, with the help key docked at the left and whole keys dropped from the right."""

    DEFAULT_CSS = """
    FittedFooter > FooterKey.-help { dock: left; }
    """

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey) and widget.action in HELP_ACTIONS:
                widget.add_class("-help")
            yield widget

    async def recompose(self) -> None:
        await super().recompose()
        self.call_after_refresh(self.fit)

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
