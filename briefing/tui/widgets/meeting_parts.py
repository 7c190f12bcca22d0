"""The parts of a meeting tab's text: a session's heading and a fold of source passages."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.app import ComposeResult
from textual.content import Content
from textual.geometry import Size
from textual.reactive import Reactive
from textual.visual import VisualType
from textual.widget import Widget
from textual.widgets import Collapsible, Static
from textual.widgets._collapsible import CollapsibleTitle

from briefing.model import Session
from briefing.render.vocabulary import Vocabulary, vocabulary
from briefing.tui.widgets.hanging import Hanging
from briefing.tui.widgets.literal import literal
from briefing.tui.widgets.measured import KeepsMeasure

LABELS = ("Participants", "Dating")
"""Labels of the header lines (in English: the book's vocabulary translates them); a long value (a list
of names) continues under itself."""


def label_hanging(lines: list[Content], words: Vocabulary | None = None) -> Hanging:
    """`lines` as a Hanging: a labelled line hangs at the end of its label, any other line at 0."""
    labels = [f"{(words or vocabulary()).label(label)}: " for label in LABELS]
    return Hanging(
        (line, next((len(label) for label in labels if line.plain.startswith(label)), 0)) for line in lines
    )


class SessionHeading(KeepsMeasure, Static, can_focus=True):
    """The title line of a session: where `[` and `]` land."""

    DEFAULT_CSS = """
    SessionHeading {
        text-style: bold;
        color: $text-accent;
        border-top: hkey $primary;
        padding: 0 1;
    }
    SessionHeading:focus {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
    }
    """

    def __init__(self, session: Session) -> None:
        super().__init__(literal(session.title), id=f"session-{session.id}")
        self.session = session
        self._marks = ""

    def on_mount(self) -> None:
        self.refresh_marks()

    def refresh_marks(self) -> None:
        """The reader's marks (note, bookmark, NEW / CHANGED) before the title."""
        from briefing.tui.reader_state import marks_of

        marks = marks_of(getattr(self.app, "reader", None), self.session.id)
        if marks.plain != self._marks:  # no update (and no relayout) while nothing changes
            self._marks = marks.plain
            self.update(Content.assemble(marks, literal(self.session.title)))

    def note_target(self) -> str:
        return self.session.id


class FoldTitle(KeepsMeasure, CollapsibleTitle):
    """A fold's title line, sized without asking for another layout pass (see `KeepsMeasure`)."""

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        # Its label is set three times as the fold mounts, before the pass that first sizes it; asked then,
        # the layout came after that pass (the title is not running yet), which laid the screen out again.
        super().update(content, layout=layout and bool(self.size))


class FoldContents(Collapsible.Contents):
    """A fold's passages. Their box is measured by the pass that sizes them, so their first sizing asks for
    no further pass of the whole screen, nor another drawing of itself after it (a new `virtual_size`
    does both, by default; a new size still marks it to be drawn)."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False, repaint=False)


class PassageFold(Collapsible):
    """The source passages of a session (or of the whole meeting), folded by default.

    The passages are made and mounted when the fold is first opened: folded, nobody sees them, and a
    meeting's seven passages were a sixth of the widgets mounted for an enter on a search hit."""

    DEFAULT_CSS = """
    PassageFold { border-top: none; padding: 0; margin: 0 0 1 0; background: transparent; }
    PassageFold > Contents { padding: 0; }
    PassageFold > CollapsibleTitle { color: $text-muted; padding: 0 1; }
    PassageFold > CollapsibleTitle:focus { background: $block-cursor-background; color: $block-cursor-foreground; }
    """

    Contents = FoldContents
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False, repaint=False)
    """As `FoldContents`: the first sizing of the four folds of a meeting was a second layout pass."""

    def __init__(self, item_ids: Sequence[str], passages: Callable[[], list[Widget]], *, title: str) -> None:
        # Born folded: Textual adds "-collapsed" on mount, restyling the whole fold once more (a tenth of a
        # meeting tab's mount); with the class already there, that is a no-op.
        # Collapsible's own __init__, with its title made once: it made a CollapsibleTitle, labelled it (a
        # layout asked of a widget never mounted), and the fold replaced it (a fifth of the widgets made).
        Widget.__init__(self, classes="-collapsed")
        self._title = FoldTitle(label=title, collapsed_symbol="▶", expanded_symbol="▼", collapsed=True)
        self._contents_list: list[Widget] = []
        self.set_reactive(Collapsible.title, title)  # the title has its label; `collapsed` is True already
        self.item_ids = tuple(item_ids)
        """The items of its passages, mounted or not yet."""
        self._passages: Callable[[], list[Widget]] | None = passages

    async def open(self) -> None:
        """Unfold it, its passages mounted."""
        self.collapsed = False
        await self._mount_passages()

    async def on_collapsible_expanded(self, event: Collapsible.Expanded) -> None:
        if event.collapsible is self:  # opened by the reader (enter, a click)
            await self._mount_passages()

    def compose(self) -> ComposeResult:
        # Its title only: the box of its passages comes with them (`open`), a widget fewer to mount and
        # style for each fold nobody opens.
        yield self._title

    async def _mount_passages(self) -> None:
        if self._passages is not None:
            make, self._passages = self._passages, None
            await self.mount(FoldContents(*make()))
