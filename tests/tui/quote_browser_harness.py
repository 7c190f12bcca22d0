"""The quote browser alone in a small app, and the getters its tests read it with."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from briefing.model import Briefing, BriefingLookup
from briefing.tui.copying import copy_focused
from briefing.tui.messages import OpenLocation
from briefing.tui.widgets.quote_browser import QuoteBrowser
from tests.tui.keys import StyledLikeTheApp

RUSSIAN_NARRATIVE = "quote-russian-narrative"
STRATEGIC_CONCEPT = "quote-strategic-concept"


class QuoteBrowserApp(StyledLikeTheApp, App[None]):
    """The browser alone, recording what it opens, copies and says."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("y", "copy", "Copy")]

    def __init__(self, briefing: Briefing) -> None:
        super().__init__()
        self.lookup = BriefingLookup(briefing)
        self.opened: list[OpenLocation] = []
        self.copied: list[str] = []
        self.notices: list[str] = []

    def compose(self) -> ComposeResult:
        yield QuoteBrowser(self.lookup, id="quotes")

    def on_mount(self) -> None:
        self.query_one(QuoteBrowser).focus()

    def on_open_location(self, message: OpenLocation) -> None:
        self.opened.append(message)

    def action_copy(self) -> None:
        copy_focused(self.screen, self.lookup, markdown=False)  # what the main screen's `y` does

    def copy_to_clipboard(self, text: str) -> None:
        self.copied.append(text)
        super().copy_to_clipboard(text)

    def notify(self, message: str, **options: object) -> None:  # type: ignore[override]
        self.notices.append(message)
        super().notify(message, **options)  # type: ignore[arg-type]


def browser(app: App) -> QuoteBrowser:
    return app.query_one(QuoteBrowser)


def detail(app: App, part: str) -> str:
    return str(app.query_one(f"#quote-{part}", Static).content)


def listed_ids(app: App) -> list[str]:
    return [entry.quote.id for entry in browser(app).listed]
