"""One item of a meeting tab (a passage, point, figure or quote), focusable, with its source marker."""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from briefing.model import BriefingLookup, Figure, Located, Passage, Point, Quote, SourceRef, item_sources
from briefing.render.vocabulary import vocabulary
from briefing.tui.search_state import ItemSpans, display_texts
from briefing.tui.widgets.literal import component_style, with_spans
from briefing.tui.widgets.measured import KeepsMeasure

LABEL_STYLES = {
    "passage": "bold $text-muted",
    "key_point": "bold",
    "position": "bold $text-success",
    "figure": "bold $text-warning",
    "quote": "bold $text-secondary",
}
"""Item labels sit below the session heading (bold, $text-accent) in the hierarchy: bold, the kind in a
theme colour of its own. Theme variables, resolved when the item is drawn, so every theme reads well."""

MARKER_STYLE = "$text-muted"
"""The ¶ marker: present, quieter than the text."""


class ItemBlock(KeepsMeasure, Static, can_focus=True):
    """An item of the book as the reader sees it: "¶7" source marker, kind, text; matches highlighted."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"item-block--match"}
    """`--match`: a search match in the text (reverse + bold, not colour alone)."""

    DEFAULT_CSS = """
    /* The cursor changes the left border and the background only, never the padding: no reflow. */
    ItemBlock {
        padding: 0 1 0 0;
        border-left: blank;
        margin-bottom: 1;
    }
    ItemBlock:focus {
        background: $accent 20%;
        border-left: thick $accent;
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
    """

    state_marks: reactive[Content] = reactive(Content(""), layout=True)
    """The reader's own marks before the item (✎ note, ★ bookmark, NEW / CHANGED until read)."""

    spans: reactive[ItemSpans | None] = reactive(None)
    """The search matches to highlight (computed by the search worker); None when nothing is."""

    def __init__(self, lookup: BriefingLookup, located: Located) -> None:
        kind = located.kind
        super().__init__(id=f"item-{located.item.id}", classes=f"-{kind.replace('_', '-')}")
        self.lookup = lookup
        self.located = located
        """The item, with the meeting and session it belongs to."""
        item: Passage | Point | Figure | Quote = located.item
        self.item = item
        """The briefing item shown."""
        self.kind = kind
        """One of `briefing.model.ITEM_KINDS`."""
        self._texts = display_texts(lookup, located)
        self.words = vocabulary(lookup.briefing.language)
        """The book's labels and quotation marks."""
        if isinstance(item, Passage) and item.heading:
            self.add_class("-heading")

    def copy_target(self) -> Located:
        """What `y` copies here: this item."""
        return self.located

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
        return self._texts[0]

    @property
    def second_line(self) -> str | None:
        """What a figure counts, or who said a quote: shown, and searched, too."""
        return self._texts[1]

    @property
    def match_count(self) -> int:
        """How many search matches this item shows."""
        return self.spans.count if self.spans is not None else 0

    def _highlighted(self, text: str, spans: tuple[tuple[int, int], ...]) -> Content:
        if not spans:  # most items: the match style is not worked out (it was half of drawing a new text)
            return Content(text)
        return with_spans(Content(text), spans, component_style(self, "item-block--match"))

    def on_mount(self) -> None:
        self.refresh_marks()

    def refresh_marks(self) -> None:
        """Take the reader's marks of this item afresh (after a note, a bookmark, a reading)."""
        from briefing.tui.reader_state import marks_of

        marks = marks_of(getattr(self.app, "reader", None), self.item_id)
        if marks.plain != self.state_marks.plain:  # no relayout while nothing changes
            self.state_marks = marks

    def render(self) -> Content:
        words = self.words
        marker = Content(" ".join(words.paragraph(ref) for ref in self.sources) + " ")
        marker = Content.assemble(self.state_marks, marker.stylize(MARKER_STYLE))
        spans = self.spans or ItemSpans()
        body = self._highlighted(self.body, spans.body)
        label = Content(f"{words.kind_label(self.kind)}: ").stylize(LABEL_STYLES[self.kind])
        if isinstance(self.item, Quote):
            speaker = self._highlighted(self.second_line or "", spans.second).stylize_before("italic")
            opening, closing = words.words.quote_marks
            return Content.assemble(marker, label, opening, body, closing, "\n", "— ", speaker)
        if isinstance(self.item, Figure):
            counts = self._highlighted(self.second_line or "", spans.second)
            return Content.assemble(marker, label, body.stylize_before("bold"), " — ", counts)
        if isinstance(self.item, Passage) and self.item.heading:
            return Content.assemble(marker, body)
        return Content.assemble(marker, label, body)
