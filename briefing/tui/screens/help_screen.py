"""The `?` screen: every key of the app, and how to write a search query."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from briefing.tui.screens.marked_modal import MarkedModalScreen
from briefing.tui.widgets.hanging import Hanging
from briefing.tui.widgets.reader_scroll import ReaderScroll

KEYS = (
    ("Anywhere", (
        ("1 … 9", "switch tab: 1 Overview, then one per meeting, then Quotes, Search, People"),
        ("/", "search the whole book"),
        ("n / N", "open the next / previous search hit (switches tab as needed)"),
        ("escape", "clear the search and its highlights"),
        ("e", "export the summary of the book or of this meeting to a file"),
        ("c", "switch between the high-contrast and the normal theme (in Quotes: copy)"),
        ("ctrl+p", "command palette: jump to any meeting, session or quote; run any action"),
        ("?", "this help"),
        ("q", "quit"),
    )),
    ("Reading (every scrollable view)", (
        ("j / k, ↓ / ↑", "next / previous item (scroll elsewhere)"),
        ("g / G, home / end", "first / last item (top / bottom)"),
        ("pgup / pgdn", "page up / down"),
        ("tab / shift+tab", "move between the parts of a view"),
    )),
    ("Meeting tab", (
        ("[ / ]", "previous / next session"),
        ("s", "show the source paragraph the focused item cites (¶ number)"),
    )),
    ("Quotes and People & organisations tabs", (
        ("f, or type", "filter the list (accents and case ignored)"),
        ("c", "Quotes: copy the quote with its citation (speaker, role, meeting, place, date, source)"),
        ("enter", "open the quote, or the place where a person or organisation appears"),
        ("tab", "People: switch between the list and where the entry appears"),
    )),
    ("Search tab", (
        ("type", "results update as you type"),
        ("enter", "in the box: open the top hit; on a result: open that one in its meeting tab"),
        ("↓ / ↑", "from the box into the results; up from the first result back to the box"),
        ("escape", "clear the query"),
    )),
)
"""Every key, by where it works; kept next to the bindings it documents."""

SEARCH_SYNTAX = (
    ("ukraine sanctions", "items with all these words"),
    ('"peace facility"', "the exact phrase"),
    ("mali OR sahel", "either word"),
    ("-russia", "leave out items with this word"),
    ("sanction*", "words starting with this prefix"),
    ("as you type", "the last word counts as a prefix while you are still typing it"),
    ("case, accents", "ignored: ‘wilmes’ finds ‘Wilmès’"),
)
"""The query language of `briefing.search`, with one example per feature."""


KEY_COLUMN = 20
"""Where the explanations start: a wrapped explanation continues under itself, not under the keys."""


def help_text() -> Hanging:
    lines: list[tuple[Content, int]] = []

    def entries(pairs: tuple[tuple[str, str], ...]) -> None:
        lines.extend((Content.assemble((f"  {key:<{KEY_COLUMN - 2}}", "bold"), what), KEY_COLUMN)
                     for key, what in pairs)

    for section, keys in KEYS:
        lines.append((Content(section).stylize("bold underline"), 0))
        entries(keys)
        lines.append((Content(""), 0))
    lines.append((Content("Search syntax").stylize("bold underline"), 0))
    entries(SEARCH_SYNTAX)
    return Hanging(lines)


class HelpScreen(MarkedModalScreen[None]):
    """A modal list of keys; escape, q or ? closes it."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Vertical {
        width: 96; max-width: 100%; height: 90%; min-height: 5;
        border: round $accent; background: $surface; padding: 0 1;
    }
    HelpScreen .help-title { text-style: bold; height: auto; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help"),
    ]

    def compose_dialog(self) -> ComposeResult:
        with Vertical():
            yield Static(Content("Keys and search syntax — escape closes"), classes="help-title")
            with ReaderScroll(id="help-text"):
                yield Static(help_text())

    def on_mount(self) -> None:
        self.query_one("#help-text").focus()
