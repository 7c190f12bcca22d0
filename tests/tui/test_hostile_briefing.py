"""A briefing full of markup, escape sequences and bidi overrides: shown literally, in every view."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

from briefing.tui.app import BriefingApp, make_app
from briefing.tui.screens.export_screen import ExportScreen
from briefing.tui.screens.help_screen import HelpScreen
from briefing.tui.screens.main_screen import MainScreen
from briefing.tui.screens.source_screen import SourceScreen
from tests.factories import HOSTILE, minimal_briefing_dict
from tests.tui.screen_text import screen_text
from tests.waiting import wait_until

VISIBLE_FRAGMENTS = ("[/foo]", "[b]x[/b]", "[@click=app.quit]q[/]", "␛[2J", "<U+202E>evil")
"""How the hostile string's parts must look on screen: the markup literal, ESC and RLO as stand-ins."""


@pytest.fixture
def hostile_app(write_briefing: Callable[[dict], Path]) -> BriefingApp:
    data = minimal_briefing_dict(HOSTILE)
    data["classification"] = f"SECRET {HOSTILE}"[:500]
    return make_app(write_briefing(data))


def assert_literal(app: BriefingApp, where: str) -> None:
    text = screen_text(app)
    assert "\x1b" not in text and "\u202e" not in text, f"{where}: raw control characters reached the screen"
    present = [fragment for fragment in VISIBLE_FRAGMENTS if fragment in text]
    assert present, f"{where}: the hostile text is not visible literally:\n{text}"
    assert app.is_running, f"{where}: the app stopped"


async def visit(app: BriefingApp, pilot: Pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_every_view_shows_hostile_text_literally(hostile_app: BriefingApp) -> None:
    app = hostile_app
    async with app.run_test(size=(160, 50)) as pilot:
        await app.workers.wait_for_complete()
        assert_literal(app, "overview")
        text = screen_text(app)
        assert all(fragment in text for fragment in VISIBLE_FRAGMENTS), "overview shows every part"
        assert text.count("SECRET") >= 2, "the marking is shown top and bottom"

        await visit(app, pilot, "2")
        assert_literal(app, "meeting tab")
        await visit(app, pilot, "right_square_bracket", "j")
        await visit(app, pilot, "s")
        assert isinstance(app.screen, SourceScreen)
        assert_literal(app, "source modal")
        await visit(app, pilot, "escape")

        await visit(app, pilot, "3")
        assert_literal(app, "quotes")
        await visit(app, pilot, "5")
        assert_literal(app, "people")

        await visit(app, pilot, "4", "slash", *"evil")  # on a list, / filters it: search from the Search tab
        assert_literal(app, "search results")
        await visit(app, pilot, "enter", "enter")
        assert isinstance(app.screen, MainScreen) and app.screen.tabs.active == "meeting-council"
        assert_literal(app, "meeting tab with highlights")

        await visit(app, pilot, "2", "e")
        assert isinstance(app.screen, ExportScreen)
        assert_literal(app, "export dialog")
        await visit(app, pilot, "escape", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        await visit(app, pilot, "escape", "ctrl+p", *"Break")
        assert isinstance(app.screen, CommandPalette)
        commands = app.screen.query_one(CommandList)

        def palette_lists_the_session() -> bool:
            # The palette's own list, not the screen: the background already shows the session's title.
            return any("Breakfast" in commands.get_option_at_index(i).prompt.plain
                       for i in range(commands.option_count))

        await wait_until(pilot, palette_lists_the_session, "the palette to list the Breakfast session",
                         seen=lambda: commands.option_count)
        assert_literal(app, "command palette")
        await visit(app, pilot, "escape")
        assert app.is_running


async def test_the_header_title_is_literal(hostile_app: BriefingApp) -> None:
    async with hostile_app.run_test(size=(200, 30)):
        first_lines = "\n".join(screen_text(hostile_app).splitlines()[:3])
        assert "Test book [/foo] [b]x[/b]" in first_lines
