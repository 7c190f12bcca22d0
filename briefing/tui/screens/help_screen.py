"""The `?` screen: every key of the app, read from the bindings themselves, and the search syntax.

Nothing here lists a key by hand: each section names the classes whose `BINDINGS` it shows, and each
line is a binding's keys and its description (its tooltip, when it has one). A new key appears here
as soon as it is bound; a new view adds its classes to `HELP_SECTIONS`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar
from weakref import WeakKeyDictionary

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingsMap, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.dom import DOMNode
from textual.widgets import Static

from briefing.tui.screens.marked_modal import MarkedModalScreen
from briefing.tui.widgets.hanging import Hanging
from briefing.tui.widgets.reader_scroll import ReaderScroll


def _anywhere() -> list[type[DOMNode]]:
    from briefing.tui.app import BriefingApp
    from briefing.tui.screens.main_screen import MainScreen

    return [BriefingApp, MainScreen]


def _reading() -> list[type[DOMNode]]:
    from briefing.tui.widgets.reader_scroll import ReaderOptionList, StopReader

    return [StopReader, ReaderScroll, ReaderOptionList]


def _meeting() -> list[type[DOMNode]]:
    from briefing.tui.widgets.meeting_view import MeetingView

    return [MeetingView]


def _lists() -> list[type[DOMNode]]:
    from briefing.tui.widgets.browse_pane import BrowsePane
    from briefing.tui.widgets.filter_input import FilterInput
    from briefing.tui.widgets.people_directory import PeopleDirectory
    from briefing.tui.widgets.quote_browser import QuoteBrowser

    return [BrowsePane, FilterInput, QuoteBrowser, PeopleDirectory]


def _search() -> list[type[DOMNode]]:
    from briefing.tui.widgets.search_panel import ResultList, SearchInput

    return [SearchInput, ResultList]


def _library() -> list[type[DOMNode]]:
    from briefing.tui.screens.library_screen import LibraryScreen
    from briefing.tui.screens.library_search_screen import LibrarySearchScreen

    return [LibraryScreen, LibrarySearchScreen]


def _notes() -> list[type[DOMNode]]:
    from briefing.tui.widgets.notes_list import NotesList

    return [NotesList]


HELP_SECTIONS: list[tuple[str, Callable[[], list[type[DOMNode]]]]] = [
    ("Anywhere", _anywhere),
    ("Reading (meeting tabs, overview, lists)", _reading),
    ("Meeting tab", _meeting),
    ("Quotes and People tabs", _lists),
    ("Search tab", _search),
    ("Library (`briefing` with no FILE, two books or more)", _library),
    ("Notes tab", _notes),
]
"""Each section of the help and the classes whose bindings it lists (imported when the help opens)."""

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

NOTES = (
    ("ctrl+i", "is tab in most terminals (which moves between the parts of a view): alt+→ goes forward too"),
)

KEY_COLUMN = 22
"""Where the explanations start: a wrapped explanation continues under itself, not under the keys."""


def own_bindings(cls: type[DOMNode]) -> list[Binding]:
    """The bindings the app itself declares on `cls` and its bases (one per key), not Textual's own
    (focus next, scroll left…): those are Textual's business and would bury the app's keys."""
    found: dict[str, Binding] = {}
    for klass in reversed(cls.__mro__):
        if klass.__module__.startswith("briefing.") and "BINDINGS" in klass.__dict__:
            # A subclass's key replaces its base's, as in Textual: on a meeting tab j is "Next item", not
            # the "Down" of the scrolling view it derives from.
            found.update(BindingsMap(klass.__dict__["BINDINGS"]))
    return list(found.values())


def binding_lines(classes: Iterable[type[DOMNode]], key_display: Callable[[Binding], str]) -> list[tuple[str, str]]:
    """(keys, what they do) for the bindings of `classes`, one line per explanation, in binding order (the
    same words for the same keys of two views, "j Down" of a text and of a list, make one line)."""
    lines: dict[str, list[str]] = {}
    for cls in classes:
        for binding in own_bindings(cls):
            if binding.action.startswith("tab_key") or binding.system:
                continue
            keys = lines.setdefault(binding.tooltip or binding.description, [])
            display = key_display(binding)
            if display not in keys:
                keys.append(display)
    return [(" ".join(keys), what) for what, keys in lines.items()]


def help_text(tab_line: str, key_display: Callable[[Binding], str]) -> Hanging:
    lines: list[tuple[Content, int]] = []

    def entries(pairs: Iterable[tuple[str, str]]) -> None:
        lines.extend((Content.assemble((f"  {key:<{KEY_COLUMN - 3}} ", "bold"), what), KEY_COLUMN)
                     for key, what in pairs)

    for number, (section, classes) in enumerate(HELP_SECTIONS):
        lines.append((Content(section).stylize("bold underline"), 0))
        if number == 0:
            entries([("1 … 9", tab_line)])
        entries(binding_lines(classes(), key_display))
        lines.append((Content(""), 0))
    lines.append((Content("Search syntax").stylize("bold underline"), 0))
    entries(SEARCH_SYNTAX)
    lines.append((Content(""), 0))
    lines.append((Content("Notes").stylize("bold underline"), 0))
    entries(NOTES)
    return Hanging(lines)


class HelpScreen(MarkedModalScreen[None]):
    """A modal list of keys; escape, q, ? or F1 closes it."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; background: $background; }
    HelpScreen > Vertical {
        width: 100; max-width: 100%; height: 90%; min-height: 5;
        border: round $accent; background: $surface; padding: 0 1;
    }
    HelpScreen .help-title { text-style: bold; height: auto; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help"),
    ]

    def compose_dialog(self) -> ComposeResult:
        with Vertical():
            yield Static(Content("Keys and search syntax — escape closes"), classes="help-title")
            with ReaderScroll(id="help-text"):
                yield Static(prepared_help(self.app))

    def on_mount(self) -> None:
        self.query_one("#help-text").focus()


_PREPARED: WeakKeyDictionary[App, tuple[str, Hanging]] = WeakKeyDictionary()
"""Each app's help text, with the tab line it was made for: `?` shows it at once."""


def prepared_help(app: App) -> Hanging:
    """The help text for `app`, made once (the app calls this when idle after its first frame, so that
    the first `?` does not pay for importing every view and reading every binding) and again only when
    the tabs change (another book)."""
    line = tab_line(app)
    prepared = _PREPARED.get(app)
    if prepared is None or prepared[0] != line:
        prepared = _PREPARED[app] = (line, help_text(line, app.get_key_display))
    return prepared[1]


def tab_line(app: App) -> str:
    """ "switch tab: 1 Overview, 2 NATO, …" from the main screen's tab registry."""
    from briefing.tui.app import BriefingApp

    main = app.main_screen if isinstance(app, BriefingApp) else None
    if main is None:
        return "switch tab"
    from briefing.tui.widgets.literal import literal

    names = [f"{spec.key} {literal(spec.short_title).plain}" for spec in main.tab_specs if spec.key]
    return "switch tab: " + ", ".join(names)
