"""One item of a meeting tab (a passage, point, figure or quote), focusable, with its source marker."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from briefing.model import (
    ITEM_KIND_BY_NAME,
    BriefingLookup,
    Figure,
    Passage,
    Point,
    Quote,
    SourceRef,
    item_sources,
)
from briefing.render.safety import safe_text
from briefing.render.vocabulary import vocabulary
from briefing.tui.widgets.literal import component_style, with_spans

SpanFinder = Callable[[str], list[tuple[int, int]]]
"""Gives the (start, end) spans of every search match in a text; built from the current query."""



class ItemBlock(Static, can_focus=True):
    """An item of the book as the reader sees it: "¶7" source marker, kind, text; matches highlighted."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"item-block--match", "item-block--marker"}
    """`--match`: a search match in the text (reverse + bold, not colour alone); `--marker`: the ¶ marker."""

    DEFAULT_CSS = """
    ItemBlock {
        padding: 0 1;
        margin-bottom: 1;
    }
    ItemBlock:focus {
        background: $boost;
        border-left: thick $accent;
        padding-left: 0;
    }
    ItemBlock.-quote {
        border-left: outer $secondary;
        padding-left: 2;
    }
    ItemBlock.-quote:focus {
        border-left: thick $accent;
    }
    ItemBlock.-heading {
        text-style: bold;
    }
    ItemBlock > .item-block--match {
        text-style: reverse bold;
    }
    ItemBlock > .item-block--marker {
        color: $text-muted;
    }
    """

    span_finder: reactive[SpanFinder | None] = reactive(None, layout=True)
    """Finds the search matches to highlight; None when nothing is highlighted."""

    def __init__(self, lookup: BriefingLookup, item: Passage | Point | Figure | Quote, kind: str) -> None:
        super().__init__(id=f"item-{item.id}", classes=f"-{kind.replace('_', '-')}")
        self.lookup = lookup
        self.item = item
        """The briefing item shown."""
        self.kind = kind
        """One of `briefing.model.ITEM_KINDS`."""
        if isinstance(item, Passage) and item.heading:
            self.add_class("-heading")

    @property
    def item_id(self) -> str:
        return self.item.id

    @property
    def sources(self) -> tuple[SourceRef, ...]:
        """Where the item comes from in the source documents."""
        return item_sources(self.item)

    @property
    def body(self) -> str:
        """The item's main text, neutralised, as displayed."""
        return safe_text(getattr(self.item, ITEM_KIND_BY_NAME[self.kind].text_field))

    @property
    def second_line(self) -> str | None:
        """What a figure counts, or who said a quote: shown, and searched, too."""
        if isinstance(self.item, Figure):
            return safe_text(self.item.counts)
        if isinstance(self.item, Quote):
            return safe_text(self.lookup.actor_name(self.item.speaker))
        return None

    def _spans(self, text: str | None) -> list[tuple[int, int]]:
        return self.span_finder(text) if self.span_finder is not None and text else []

    @property
    def match_count(self) -> int:
        """How many search matches this item shows."""
        return len(self._spans(self.body)) + len(self._spans(self.second_line))

    def _highlighted(self, text: str) -> Content:
        return with_spans(Content(text), self._spans(text), component_style(self, "item-block--match"))

    def render(self) -> Content:
        marker = Content(" ".join(vocabulary().paragraph(ref) for ref in self.sources) + " ")
        marker = marker.stylize(component_style(self, "item-block--marker"))
        body = self._highlighted(self.body)
        label = Content(f"{vocabulary().kind_label(self.kind)}: ").stylize("bold")
        if isinstance(self.item, Quote):
            speaker = self._highlighted(self.second_line or "").stylize_before("italic")
            return Content.assemble(marker, label, "“", body, "”\n", "— ", speaker)
        if isinstance(self.item, Figure):
            counts = self._highlighted(self.second_line or "")
            return Content.assemble(marker, label, body.stylize_before("bold"), " — ", counts)
        if isinstance(self.item, Passage) and self.item.heading:
            return Content.assemble(marker, body)
        return Content.assemble(marker, label, body)
