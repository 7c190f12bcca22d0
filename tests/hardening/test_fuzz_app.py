"""Random valid briefings, hostile text included, driven through every view of the app without an exception.

The briefings come from `tests.hardening.strategies.briefing_dicts(hostile=True)`. Each one is written to a file and opened
with `make_app`, as `briefing FILE` does; a reader's tour then visits every tab with the number keys,
steps through items and sessions, opens the cited source and the help, and searches for a word of the
book. The app must stay up, and no dangerous character of the book (ESC, C1 controls, bidi overrides,
zero-width characters...) may reach the screen unneutralised.
"""

from __future__ import annotations

import asyncio
import json
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import textual.constants
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st
from textual.pilot import Pilot
from textual.widgets import Input

from briefing.loading import BriefingLoadError
from briefing.model import Briefing
from briefing.render.safety import NEUTRALISED
from briefing.tui.app import BriefingApp, make_app
from briefing.tui.screens.help_screen import HelpScreen
from briefing.tui.screens.main_screen import MainScreen
from briefing.tui.screens.source_screen import SourceScreen
from tests.factories import HOSTILE, changed, minimal_briefing_dict
from tests.hardening.strategies import briefing_dicts, texts
from tests.tui.screen_text import screen_text

FUZZ = settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    # Shrinking a failing tour takes many minutes; the unshrunk book and the message naming the view
    # and the characters are enough to build a small case (add Phase.shrink locally if need be).
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
"""A tour takes 5–15 s per book (each key waits for the app to idle): 8 books take about 90 s on two cores."""

SIZE = (100, 30)
"""Below the 110-column breakpoint: the narrow layout, where long words have the least room."""

SOURCE_PATH = "sources/release.txt"
"""The one source path the strategy draws that is a real relative file name: its text is written there."""

WORD = re.compile(r"\w{2,}")
QUERY_DECORATIONS = ("{}", "{}*", '"{}"', "-{}", "{} OR nato", "[b]{}", "{}]", '"{}')
"""How the drawn word is typed: plain, as a prefix, a phrase, negated, alternated, with markup, unbalanced."""

LIST_KEYS = ("j", "k", "G", "g")
"""Down, up, last, first: in the overview, the meeting text, the quote list and the people list."""

SESSION_KEYS = ("right_square_bracket", "left_square_bracket")
"""Next and previous session: meeting tabs only (elsewhere they do nothing)."""


@pytest.fixture(autouse=True)
def no_animations(monkeypatch: pytest.MonkeyPatch) -> None:
    """No animations: scrolling happens at once, so each key's effect is settled before the next."""
    monkeypatch.setattr(textual.constants, "TEXTUAL_ANIMATIONS", "none")


@dataclass(frozen=True)
class Book:
    briefing: Briefing
    source_text: str
    """The text written at `SOURCE_PATH`: hostile paragraphs for the source modal to show."""
    query: str
    """What is typed into the search box: built from a word of the book."""
    filter: str
    """What is typed into the filter boxes of the quotes and people tabs: a word of the book."""


def book_words(briefing: Briefing) -> list[str]:
    """Words of the book's text, in document order (ids and dates included: they are searchable too)."""
    return WORD.findall(briefing.model_dump_json())


@st.composite
def books(draw: st.DrawFn) -> Book:
    briefing = Briefing.model_validate(draw(briefing_dicts(hostile=True)))
    paragraphs = draw(st.lists(texts(hostile=True, max_length=300), min_size=1, max_size=12))
    words = st.sampled_from(book_words(briefing)).map(lambda word: word[:6])
    query = draw(st.sampled_from(QUERY_DECORATIONS)).format(draw(words))
    return Book(briefing, "\n\n".join(paragraphs), query, filter=draw(words))


def screen_leaks(app: BriefingApp) -> list[str]:
    """Characters on screen that `safe_text` would have replaced: none of them may get there raw."""
    return sorted({f"U+{ord(character):04X}" for character in screen_text(app) if ord(character) in NEUTRALISED})


def assert_clean_screen(app: BriefingApp, where: str) -> None:
    text = screen_text(app)
    assert "\x1b" not in text and "\u202e" not in text, f"{where}: ESC or RLO reached the screen"
    assert not screen_leaks(app), f"{where}: raw dangerous characters on screen: {screen_leaks(app)}"
    assert app.is_running and app.return_code is None, f"{where}: the app stopped"


async def settle(app: BriefingApp, pilot: Pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await app.workers.wait_for_complete()
    await pilot.pause()


def main_screen(app: BriefingApp) -> MainScreen:
    assert isinstance(app.screen, MainScreen), f"expected the main screen, got {app.screen!r}"
    return app.screen


async def leave_inputs(app: BriefingApp, pilot: Pilot) -> None:
    """Escape until no text box has the keyboard, so that number keys switch tabs again."""
    for _ in range(3):
        if not isinstance(app.focused, Input):
            return
        await settle(app, pilot, "escape")
    assert not isinstance(app.focused, Input), f"escape does not leave {app.focused!r}"


async def tour(app: BriefingApp, book: Book) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert_clean_screen(app, "overview")
        pane_ids = main_screen(app).pane_ids()
        # At most 3 meetings: overview, meetings, quotes, search and people all have a number key.
        assert len(pane_ids) <= 9
        for number, pane_id in enumerate(pane_ids, start=1):
            await leave_inputs(app, pilot)
            await settle(app, pilot, str(number))
            assert main_screen(app).tabs.active == pane_id, f"key {number} did not open {pane_id}"
            assert_clean_screen(app, pane_id)
            if pane_id == "search":
                continue  # the search box has the keyboard: keys would be typed, not acted on
            await settle(app, pilot, *LIST_KEYS, *(SESSION_KEYS if pane_id.startswith("meeting-") else ()))
            assert_clean_screen(app, f"{pane_id} after stepping")
            if pane_id in ("quotes", "people"):
                await settle(app, pilot, "f", *book.filter)
                assert isinstance(app.focused, Input) and app.focused.value == book.filter
                assert_clean_screen(app, f"{pane_id} filtered by {book.filter!r}")
                await settle(app, pilot, "escape", "enter", "tab", "j", "enter")
                assert_clean_screen(app, f"{pane_id} after opening an entry")
                await leave_inputs(app, pilot)
            if pane_id.startswith("meeting-"):
                await settle(app, pilot, "j", "s")
                if isinstance(app.screen, SourceScreen):
                    assert_clean_screen(app, f"source modal of {pane_id}")
                    await settle(app, pilot, "escape")
                main_screen(app)
            if number == 2:  # the help is the same over every tab: once is enough
                await settle(app, pilot, "question_mark")
                assert isinstance(app.screen, HelpScreen), f"? opened no help over {pane_id}"
                assert_clean_screen(app, f"help over {pane_id}")
                await settle(app, pilot, "escape")
                main_screen(app)

        await leave_inputs(app, pilot)
        # On the quotes and people lists / opens their filter: the search is asked for from the Search tab.
        search_key = next(spec.key for spec in main_screen(app).tab_specs if spec.id == "search")
        await settle(app, pilot, search_key, "slash", *book.query)
        assert main_screen(app).search_panel.input.value == book.query
        assert_clean_screen(app, f"search results for {book.query!r}")
        await settle(app, pilot, "enter", "enter")
        assert_clean_screen(app, "first search hit opened")
        await leave_inputs(app, pilot)
        await settle(app, pilot, "n", "N")
        assert_clean_screen(app, "hits stepped with n/N")
        main_screen(app)
    # `run_test` re-raises an exception that stopped the app on leaving the block.


def write_book(book: Book, folder: Path) -> Path:
    path = folder / "briefing.json"
    path.write_text(book.briefing.model_dump_json(), encoding="utf-8")
    return path


def write_sources(book: Book, folder: Path) -> None:
    # Written after loading: the loader would reject a book whose quotes are not in the source word for
    # word, and random quotes never are. The app reads the source texts only when `s` asks for them.
    if any(source.path == SOURCE_PATH for source in book.briefing.sources):
        (folder / "sources").mkdir()
        (folder / SOURCE_PATH).write_text(book.source_text, encoding="utf-8")


@pytest.mark.slow  # ~2 minutes of app tours: `pytest -m slow` (and .ci/run) runs it
@FUZZ
@given(book=books())
def test_random_hostile_briefings_survive_every_view(book: Book) -> None:
    with tempfile.TemporaryDirectory() as folder:
        try:
            app = make_app(write_book(book, Path(folder)))
        except BriefingLoadError as error:
            # A drawn quote may keep its own quotation marks, which validation now refuses with a
            # message: such a book never reaches the app, so there is nothing to tour.
            assert "quotation marks" in error.message, error.message
            assume(False)
        write_sources(book, Path(folder))
        asyncio.run(tour(app, book))


def tour_of(data: dict, query: str = "Council") -> None:
    book = Book(Briefing.model_validate(data), source_text=HOSTILE, query=query, filter=query)
    with tempfile.TemporaryDirectory() as folder:
        app = make_app(write_book(book, Path(folder)))
        write_sources(book, Path(folder))
        asyncio.run(tour(app, book))


# A whole tour of every view, 5-6 s: under `slow`, which .ci/run also runs (the default run neared 150 s).
@pytest.mark.slow
def test_the_hostile_minimal_briefing_survives_every_view() -> None:
    tour_of(minimal_briefing_dict(HOSTILE), query="evil")


def write_dict(data: dict, folder: Path) -> Path:
    path = folder / "briefing.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


async def test_session_format_is_neutralised(tmp_path: Path) -> None:
    data = changed(minimal_briefing_dict(), ("meetings", 0, "sessions", 0, "format"), "\x1b[2J \u202eevil\u202c")
    app = make_app(write_dict(data, tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot, "2")
        assert_clean_screen(app, "meeting tab")


def test_source_path_with_nul_is_refused_before_the_app_starts(tmp_path: Path) -> None:
    # Found by the tour: the loader's source check used to raise ValueError ("embedded null byte").
    data = changed(minimal_briefing_dict(), ("sources", 0, "path"), "a\x00b")
    with pytest.raises(BriefingLoadError, match=r"sources\[0\]\.path: must not contain control characters"):
        make_app(write_dict(data, tmp_path))
