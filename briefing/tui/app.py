"""The briefing app: a small `App` that holds the book and hands the work to `MainScreen`.

`make_app` is what both `briefing [FILE]` and the tests call, so the tests run the app users run.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.theme import Theme

from briefing.model import Briefing, BriefingLookup, SourceRef
from briefing.render.safety import clipboard_text, safe_text
from briefing.tui.commands import BriefingCommands

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from briefing.tui.screens.main_screen import MainScreen

EXIT_AFTER_FIRST_FRAME_VARIABLE = "BRIEFING_EXIT_AFTER_FIRST_FRAME"
"""When set (to anything non-empty), the app quits as soon as its first frame is on screen: used by
benchmarks/startup_benchmark.py to time start-up."""

DEFAULT_THEME = "textual-dark"
"""A fixed starting theme: snapshots do not depend on the user's settings."""

HIGH_CONTRAST = Theme(
    name="briefing-high-contrast",
    primary="#ffff00",
    secondary="#ffffff",
    accent="#ffff00",
    warning="#ffff00",
    error="#ff5555",
    success="#00ff00",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#1a1a1a",
    boost="#333333",
    dark=True,
    luminosity_spread=0.0,
    text_alpha=1.0,
    variables={
        "text-muted": "#ffffff",
        "footer-key-foreground": "#ffff00",
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#ffff00",
        "input-selection-background": "#ffff00 60%",
    },
)
"""Black, white and yellow only: for glare, projectors and low vision."""


class BriefingApp(App[None]):
    """Reads one briefing; `MainScreen` does the work."""

    CSS_PATH = "briefing.tcss"
    TITLE = "briefing"
    COMMANDS = App.COMMANDS | {BriefingCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        # Help before Quit: where the footer is cut at 80 columns, the help stays.
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit", "Quit"),
        Binding("c", "toggle_high_contrast", "Contrast", show=False),
    ]

    def __init__(self, briefing: Briefing, *, source_folder: Path | None = None,
                 exit_after_first_frame: bool = False) -> None:
        super().__init__()
        self.briefing = briefing
        self.lookup = BriefingLookup(briefing)
        self.source_folder = source_folder
        """Folder the briefing's `sources[].path` are relative to; None when the texts are not at hand."""
        self.exit_after_first_frame = exit_after_first_frame
        self.register_theme(HIGH_CONTRAST)
        self.theme = DEFAULT_THEME

    def get_default_screen(self) -> Screen:
        from briefing.tui.screens.main_screen import MainScreen

        return MainScreen(self.lookup)

    def on_mount(self) -> None:
        # SIGTERM/SIGHUP (kill, a closed terminal window) would otherwise kill the process at once: the
        # terminal stays in raw mode and an export under way leaves its temporary file. Quit cleanly.
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop = asyncio.get_running_loop()
            for number in (signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(number, self._terminated, number)

    def _terminated(self, number: int) -> None:
        from briefing.files import remove_unfinished

        remove_unfinished()
        self.exit(return_code=128 + number)

    def on_ready(self) -> None:
        if self.exit_after_first_frame:
            self.exit()  # `Ready` comes once the first frame is on the screen

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Every notification as literal, terminal-safe text (they quote book text, file names, store messages).

        One place for the rule, so that no call site can forget it: never markup, no raw control,
        bidi or invisible character.
        """
        super().notify(safe_text(message), title=safe_text(title), severity=severity, timeout=timeout, markup=False)

    def copy_to_clipboard(self, text: str) -> None:
        """Everything the app puts on the clipboard, made safe to paste into a shell (`clipboard_text`).

        Call sites choose the form (one line, or `keep_line_breaks`); this last guard keeps line breaks
        but still removes ESC, CR and every other control, bidi or invisible character, so that no
        copy can end a bracketed paste and run a command, whoever wrote the call.
        """
        super().copy_to_clipboard(clipboard_text(text, keep_line_breaks=True))

    def action_help(self) -> None:
        from briefing.tui.screens.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_high_contrast(self) -> None:
        self.theme = DEFAULT_THEME if self.theme == HIGH_CONTRAST.name else HIGH_CONTRAST.name

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help: keys and search syntax", "Every key of the app (?)", self.action_help)
        yield SystemCommand("High contrast on/off", "Black, white and yellow theme (c)",
                            self.action_toggle_high_contrast)
        main = self.main_screen
        if main is None:
            return
        yield SystemCommand("Search the book", "Focus the search box (/)", main.action_focus_search)
        yield SystemCommand("Export summary", "Write the summary of the book or this meeting to a file (e)",
                            main.action_export)
        yield SystemCommand("Next search hit", "Open the next hit of the last search (n)",
                            lambda: main.action_step_hit(1))
        yield SystemCommand("Previous search hit", "Open the previous hit (N)", lambda: main.action_step_hit(-1))
        yield SystemCommand("Next session", "In a meeting tab (])", main.action_next_session)
        yield SystemCommand("Previous session", "In a meeting tab ([)", main.action_previous_session)
        yield SystemCommand("Show cited source", "Source paragraph of the focused item (s)",
                            main.action_show_source)
        yield SystemCommand("Clear search", "Empty the search and remove highlights (escape)",
                            main.action_clear_search)
        for number, pane_id in enumerate(main.pane_ids(), start=1):
            if not pane_id.startswith("meeting-"):
                title = {"overview": "Overview", "quotes": "Quotes", "search": "Search",
                         "people": "People & organisations"}.get(pane_id, pane_id)
                yield SystemCommand(f"Go to tab: {title}", f"Key {number}" if number <= 9 else "",
                                    lambda n=number: main.action_switch_tab(n))

    @property
    def main_screen(self) -> MainScreen | None:
        from briefing.tui.screens.main_screen import MainScreen

        return next((screen for screen in self.screen_stack if isinstance(screen, MainScreen)), None)

    @cached_property
    def _source_paragraphs(self) -> dict[str, list[str]]:
        from briefing.loading.sources import read_source_paragraphs

        return read_source_paragraphs(self.briefing, self.source_folder) if self.source_folder else {}

    def source_paragraph(self, ref: SourceRef) -> tuple[str, str | None]:
        """ "Document title, ¶7" and that paragraph's text (None when the source cannot be read)."""
        document = next((d for d in self.briefing.sources if d.id == ref.document), None)
        heading = f"{document.title if document else ref.document}, {ref.label}"
        paragraphs = self._source_paragraphs.get(ref.document, [])
        numbers = ref.paragraphs
        text = "\n\n".join(paragraphs[n - 1] for n in numbers) if 0 < numbers[-1] <= len(paragraphs) else None
        return heading, text


def make_app(briefing_path: Path | None = None) -> BriefingApp:
    """Load the briefing (the bundled sample if no path) and build the app around it.

    Loading happens here, before any terminal output, so a `BriefingLoadError` is reported on a
    normal terminal and the app never starts on invalid data.
    """
    from briefing.loading import load_briefing, sample_path

    path = briefing_path if briefing_path is not None else sample_path()
    briefing = load_briefing(path)
    # No gc.freeze() here: tests build many apps in one process and must get their garbage back.
    # The command line freezes the book once, just before running the app (`briefing.cli.app_command`).
    return BriefingApp(
        briefing,
        source_folder=path.parent,
        exit_after_first_frame=bool(os.environ.get(EXIT_AFTER_FIRST_FRAME_VARIABLE)),
    )
