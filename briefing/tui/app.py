"""The briefing app: a small `App` that holds the book and hands the work to `MainScreen`.

`make_app` is what both `briefing [FILE]` and the tests call, so the tests run the app users run.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from collections.abc import Iterable
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.screen import Screen

from briefing.model import Briefing, BriefingLookup, SourceRef
from briefing.render.safety import clipboard_text, safe_text
from briefing.state import StateStore
from briefing.tui.app_state import ReaderStateActions
from briefing.tui.keys_follow_focus import KeysFollowFocus
from briefing.tui.memory import CollectorHold, CollectsWhileIdle
from briefing.tui.reader_state import START_AT_TOP_SETTING, ReaderState
from briefing.tui.terminal import terminal_problem
from briefing.tui.themes import HIGH_CONTRAST

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.notifications import SeverityLevel

    from briefing.library import LibraryHit, LibraryIndex
    from briefing.loading import LoadedBook
    from briefing.tui.screens.main_screen import MainScreen

EXIT_AFTER_FIRST_FRAME_VARIABLE = "BRIEFING_EXIT_AFTER_FIRST_FRAME"
"""When set (to anything non-empty), the app quits as soon as its first frame is on screen: used by
benchmarks/startup_benchmark.py to time start-up."""

DEFAULT_THEME = "textual-dark"
"""A fixed starting theme: snapshots do not depend on the user's settings."""


def briefing_commands() -> type[Provider]:
    """The palette's commands of the book (meetings, sessions, quotes, people), imported when it opens."""
    from briefing.tui.commands import BriefingCommands

    return BriefingCommands


class BriefingApp(ReaderStateActions, CollectsWhileIdle, KeysFollowFocus):
    """Reads one briefing; `MainScreen` does the work."""

    CSS_PATH = "briefing.tcss"
    TITLE = "briefing"
    COMMANDS = App.COMMANDS | {briefing_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        # Help before Quit: where the footer is cut at 80 columns, the help stays.
        # F1 too: in a text box `?` is a letter of the text; the help stays one key away ("F1 Help").
        Binding("question_mark", "help", "Help", tooltip="every key of the app, and the search syntax"),
        Binding("f1", "help", "Help", key_display="F1", tooltip="every key of the app, and the search syntax"),
        Binding("q", "quit", "Quit"),
        # Not a letter: letters are what readers type (a filter, a query), never a theme switch.
        Binding("ctrl+t", "toggle_high_contrast", "High contrast", show=False,
                tooltip="switch between the high-contrast and the normal theme"),
        Binding("ctrl+p", "command_palette", "Palette", show=False,
                tooltip="command palette: jump to any meeting, session, quote or person; run any action"),
        Binding("L", "library", "Library", tooltip="back to the library screen (the app was opened on a library)"),
    ]

    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (70, "-medium"), (100, "-wide")]
    """Width classes on every screen, for briefing.tcss: below 70 columns dialogs stack their choices;
    below 100 the list and detail panes stack; from 100 the meeting tabs show their session list."""

    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-tiny"), (16, "-short"), (26, "-tall")]
    """Height classes: below 26 rows boxes and lists drop their borders; below 16 the header goes and
    the tab bar loses its underline, so that the marking, the content and "? Help" keep their rows."""

    def __init__(self, briefing: Briefing | None, *, source_folder: Path | None = None,
                 exit_after_first_frame: bool = False, library: LibraryIndex | None = None,
                 store: StateStore | None = None, start_at_top: bool = False, version: str | None = None) -> None:
        super().__init__()
        self.briefing: Briefing = briefing  # type: ignore[assignment]
        """The book being read; None only while the library screen is all there is."""
        self.lookup = BriefingLookup(briefing) if briefing is not None else None  # type: ignore[assignment]
        self._state: StateStore | None = store
        self.reader: ReaderState = ReaderState(self.state_store, briefing, version) if briefing is not None else None  # type: ignore[assignment]
        """The reader's notes, bookmarks, read marks and position in the open book (see briefing.state)."""
        self.start_at_top = start_at_top or self.state_store.setting(START_AT_TOP_SETTING) == "yes"
        """Open at the Overview instead of where the reader left off (--top, or the saved setting)."""
        self.source_folder = source_folder
        """Folder the briefing's `sources[].path` are relative to; None when the texts are not at hand."""
        self.library = library
        """The library's index when the app was opened on a library (`b` goes back to it), else None."""
        self.exit_after_first_frame = exit_after_first_frame
        self.collector: CollectorHold | None = None
        """Set by the command line: the garbage collector waits for `book_settled` (briefing.tui.memory)."""
        self.register_theme(HIGH_CONTRAST)
        self.theme = DEFAULT_THEME
        # Every key answers at once: Textual's animations (smooth scrolls, fades) are off unless asked for.
        self.animation_level = "full" if animations_wanted(self.state_store.setting(ANIMATIONS_SETTING)) else "none"

    def get_default_screen(self) -> Screen:
        if self.briefing is None and self.library is not None:
            from briefing.tui.screens.library_screen import LibraryScreen

            return LibraryScreen(self.library)
        from briefing.tui.screens.main_screen import MainScreen

        return MainScreen(self.lookup)

    def on_mount(self) -> None:
        self.restore_theme()
        if self.collector is not None:
            from briefing.tui.memory import COLLECTOR_FALLBACK_AFTER

            self.set_timer(COLLECTOR_FALLBACK_AFTER, self.collector.release)
        # SIGTERM/SIGHUP (kill, a closed terminal window) would otherwise kill the process at once: the
        # terminal stays in raw mode and an export under way leaves its temporary file. Quit cleanly.
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop = asyncio.get_running_loop()
            for number in (signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(number, self._terminated, number)

    def book_settled(self) -> None:
        """The open book's tabs and search index are built: what they made can be frozen."""
        if self.collector is not None:
            self.collector.release()

    def _terminated(self, number: int) -> None:
        from briefing.files import remove_unfinished

        remove_unfinished()
        self.exit(return_code=128 + number)

    @property
    def marking(self) -> str:
        """The marking every screen shows: the open book's, or on the library screen, the library's."""
        if self.briefing is not None:
            from briefing.tui.widgets.classification_bar import book_marking

            return book_marking(self.briefing)
        from briefing.tui.screens.library_screen import LibraryScreen

        library_screen = next((s for s in self.screen_stack if isinstance(s, LibraryScreen)), None)
        return library_screen.marking() if library_screen is not None else "LIBRARY"

    # -- the library ---------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "library":
            from briefing.tui.screens.main_screen import MainScreen

            return self.library is not None and isinstance(self.screen, MainScreen)
        return True

    def action_library(self) -> None:
        """Back to the library screen from a book (the book's screens are closed)."""
        from briefing.tui.screens.library_screen import LibraryScreen

        if self.library is None:
            return
        while len(self.screen_stack) > 1 and not isinstance(self.screen, LibraryScreen):
            self.pop_screen()

    def open_book(self, path: Path, *, hit: LibraryHit | None = None, query: str | None = None) -> None:
        """Load the book at `path` (in a worker) and show it, at `hit` with `query` highlighted if given."""
        self._load_book(path, hit, query)

    @work(thread=True, exclusive=True, group="open-book")
    def _load_book(self, path: Path, hit: LibraryHit | None, query: str | None) -> None:
        from briefing.loading import BriefingLoadError, load_book

        try:
            book = load_book(path)
        except BriefingLoadError as error:
            self.call_from_thread(self.notify, error.message, title="This book cannot be opened",
                                  severity="error", markup=False, timeout=15)
            return
        self.call_from_thread(self._show_book, book, path, hit, query)

    async def _show_book(self, book: LoadedBook, path: Path, hit: LibraryHit | None, query: str | None) -> None:
        from briefing.tui.messages import OpenDirectoryEntry, OpenLocation
        from briefing.tui.screens.main_screen import MainScreen

        self.action_library()  # one book at a time above the library
        self.briefing = briefing = book.briefing
        self.lookup = BriefingLookup(briefing)
        self.source_folder = path.parent
        self.__dict__.pop("_source_paragraphs", None)
        self.reader = ReaderState(self.state_store, briefing, book.digest)  # records the opening, what changed
        screen = MainScreen(self.lookup)
        await self.push_screen(screen)
        if hit is not None:
            # Shown at once, then highlighted when this book's own search for the query answers.
            if hit.meeting_id is None:
                screen.post_message(OpenDirectoryEntry(hit.item_id))
            else:
                screen.post_message(OpenLocation(hit.meeting_id, hit.session_id, hit.item_id))
            if query:
                screen.show_search_hit(query, hit.item_id)

    @property
    def state_store(self) -> StateStore:
        if self._state is None:
            from briefing.state import StateStore

            self._state = StateStore.open()
        return self._state

    def book_states(self) -> dict[str, tuple[str, str, str]]:
        """(last read, notes, changed since read) of every book the reader opened or annotated, by book id,
        as the library shows them ("changed" needs the book itself: the library fills it in a worker)."""
        return {
            book_id: (last[:10], str(notes) if notes else "", "")
            for book_id, (last, notes) in self.state_store.opened_books().items()
        }

    def changes_since_read(self, path: Path) -> str:
        """What changed in the book at `path` since the reader last read it: "+2 ~3 -1" (new, changed,
        removed), "none", or "" when it was never read (or cannot be read now). Reads the book: slow."""
        from briefing.loading import BriefingLoadError, load_briefing
        from briefing.state import changes_since_read

        try:
            briefing = load_briefing(path)
        except BriefingLoadError:
            return ""
        changes = changes_since_read(self.state_store, briefing)
        if changes.first_reading:
            return ""
        counts = (("+", len(changes.new)), ("~", len(changes.changed)), ("-", len(changes.removed)))
        return " ".join(f"{sign}{count}" for sign, count in counts if count) or "none"

    def pop_screen(self) -> AwaitComplete:
        awaited = super().pop_screen()
        from briefing.tui.screens.library_screen import LibraryScreen

        if self.library is not None and isinstance(self.screen, LibraryScreen):
            self.briefing = None  # type: ignore[assignment]
        return awaited

    def on_ready(self) -> None:
        if self.exit_after_first_frame:
            self.exit()  # `Ready` comes once the first frame is on the screen
        else:  # what comes after the first frame is no part of it
            self.call_after_refresh(self._prepare_help)

    def _prepare_help(self) -> None:
        from briefing.tui.screens.help_screen import prepared_help  # the first `?` then answers at once
        prepared_help(self)

    def run(self, *args: Any, **kwargs: Any) -> Any:
        """Run on the terminal, after checking that there is one (`TerminalUnusable` if not).

        A headless run (snapshot tests) draws on no terminal and needs none.
        """
        headless = kwargs.get("headless", args[0] if args else False)
        if not headless and (problem := terminal_problem()):
            raise problem
        return super().run(*args, **kwargs)

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

    def action_toggle_animations(self) -> None:
        """Turn Textual's animations on or off, and remember the choice in the user's settings if any."""
        self.animation_level = "none" if self.animation_level != "none" else "full"
        store = self.state_store
        if store is not None and hasattr(store, "set_setting"):
            store.set_setting(ANIMATIONS_SETTING, "on" if self.animation_level != "none" else "off")
        self.notify(f"Animations {'on' if self.animation_level != 'none' else 'off'}.", markup=False)

    def action_toggle_high_contrast(self) -> None:
        self.theme = DEFAULT_THEME if self.theme == HIGH_CONTRAST.name else HIGH_CONTRAST.name

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's commands, then every described binding of the app and the main screen, and the tabs
        (from the tab registry): the palette runs any action by name."""
        yield from super().get_system_commands(screen)
        main = self.main_screen
        seen: set[str] = {"command_palette"}
        for node in (self, main):
            if node is None:
                continue
            for _key, binding in node._bindings:
                if binding.tooltip and binding.action not in seen:
                    seen.add(binding.action)
                    yield SystemCommand(f"{binding.description}: {binding.tooltip}", f"Key: {self.get_key_display(binding)}",
                                        partial(node.run_action, binding.action))
        yield SystemCommand("Animations on/off", "Smooth scrolling and fades (off: every key answers at once)",
                            self.action_toggle_animations)
        yield SystemCommand("Resume where I left off: on/off", "Reopen books where you left them (or at the Overview)",
                            self.action_toggle_resume)
        if main is not None:
            # Meetings are found by name through `BriefingCommands` (a command's title is markup here,
            # and a meeting's title is briefing text).
            for spec in main.tab_specs:
                if spec.meeting_id is None:
                    yield SystemCommand(f"Go to tab: {spec.title}", f"Key {spec.key}" if spec.key else "",
                                        partial(main.show_tab, spec.id))

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
        from briefing.render.vocabulary import vocabulary

        heading = vocabulary(self.briefing.language).document_paragraph(self.lookup, ref)
        paragraphs = self._source_paragraphs.get(ref.document, [])
        numbers = ref.paragraphs
        text = "\n\n".join(paragraphs[n - 1] for n in numbers) if 0 < numbers[-1] <= len(paragraphs) else None
        return heading, text


ANIMATIONS_VARIABLE = "BRIEFING_ANIMATIONS"
"""Set to 1 to turn Textual's animations back on (they are off by default: keys settle at once)."""

ANIMATIONS_SETTING = "animations"
"""The key of the saved choice ("on"/"off") in the user's settings (`briefing.state`), when the app has them."""


def animations_wanted(saved: str | None = None) -> bool:
    """Whether the reader asked for animations: the environment variable, else the saved setting."""
    value = os.environ.get(ANIMATIONS_VARIABLE)
    if value is None:
        value = saved or ""
    return value.strip().lower() in ("1", "true", "yes", "on")


def make_app(briefing_path: Path | None = None, *, start_at_top: bool = False) -> BriefingApp:
    """Load the briefing (the bundled sample if no path) and build the app around it.

    Loading happens here, before any terminal output, so a `BriefingLoadError` is reported on a
    normal terminal and the app never starts on invalid data.
    """
    from briefing.loading import load_book, sample_path

    path = briefing_path if briefing_path is not None else sample_path()
    book = load_book(path)
    # No gc.freeze() here: tests build many apps in one process and must get their garbage back.
    # The command line freezes the book once, just before running the app (`briefing.cli.app_command`).
    return BriefingApp(
        book.briefing,
        source_folder=path.parent,
        exit_after_first_frame=bool(os.environ.get(EXIT_AFTER_FIRST_FRAME_VARIABLE)),
        store=StateStore.open(), start_at_top=start_at_top, version=book.digest,
    )


def make_library_app(library: Path) -> BriefingApp:
    """The app on a library folder's screen (the caller has checked that it holds two books or more).

    The index is opened (or created) here; bringing it up to date runs in a worker once the first
    frame is on screen.
    """
    from briefing.library import LibraryIndex

    return BriefingApp(
        None,
        library=LibraryIndex.open(library),
        exit_after_first_frame=bool(os.environ.get(EXIT_AFTER_FIRST_FRAME_VARIABLE)),
    )
