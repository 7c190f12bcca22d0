"""The line at the bottom of the main screen while an export is written: where to, how far, how to stop it.

The export runs in a thread and the reader keeps reading (a big book's text export takes seconds), so
the progress is a docked line, not a dialog. `e` while it runs asks whether to stop it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import ProgressBar, Static

from briefing.tui.widgets.literal import literal


class ExportProgress(Horizontal):
    """"Exporting to PATH  [bar]  e stops it"; `report(done, total)` moves the bar (total None: unknown)."""

    DEFAULT_CSS = """
    ExportProgress {
        dock: bottom; height: 1; background: $panel; padding: 0 1;
        #export-progress-label { width: 1fr; padding-right: 2; text-wrap: nowrap; text-overflow: ellipsis; }
        ProgressBar { width: auto; padding-right: 2; }
        #export-progress-hint { width: auto; color: $text-muted; }
    }
    """

    def __init__(self, path: str) -> None:
        super().__init__(id="export-progress")
        self.path = path
        """Where the export goes, already made safe by the caller (`shown`)."""

    def compose(self) -> ComposeResult:
        yield Static(Content.assemble("Exporting to ", literal(self.path)), id="export-progress-label")
        yield ProgressBar(total=None, show_eta=False)
        yield Static(Content("e: stop the export"), id="export-progress-hint")

    def report(self, done: int, total: int | None) -> None:
        self.query_one(ProgressBar).update(total=total, progress=done)
