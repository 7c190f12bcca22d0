"""What the reader types or pastes into a box is drawn safely: no blank letter, escape or bidi control raw.

Regression for the random app tour (tests/hardening/test_fuzz_app.py): a word of the book holding a
Hangul filler, typed into the quote filter, reached the screen raw through Textual's `Input`.
"""

from __future__ import annotations

from typing import ClassVar

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Input, TextArea

from briefing.loading import sample_path
from briefing.render.safety import NEUTRALISED
from briefing.tui.app import make_app
from briefing.tui.widgets.filter_input import FilterInput
from briefing.tui.widgets.safe_input import SafeInput
from briefing.tui.widgets.safe_text_area import SafeTextArea
from briefing.tui.widgets.search_panel import SearchInput
from tests.hostile import EVERY_PAYLOAD, HOSTILE_CATEGORIES
from tests.tui.keys import tab_key
from tests.tui.screen_text import screen_text

BLANK_LETTERS = "\u3164\u115f\u1160\uffa0\u2800"
"""Hangul fillers and the blank Braille pattern: printable letters/signs, so a key press types them."""


def raw_on_screen(app: App) -> list[str]:
    return sorted({f"U+{ord(character):04X}" for character in screen_text(app) if ord(character) in NEUTRALISED})


async def test_blank_letters_typed_into_the_quote_filter_are_drawn_visibly() -> None:
    app = make_app(sample_path())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(tab_key(app, "quotes"), "f", "a", *BLANK_LETTERS[:2], "b")
        box = app.focused
        assert isinstance(box, FilterInput), f"f should put the keyboard in the filter, not on {box!r}"
        box.post_message(events.Paste(BLANK_LETTERS[2:]))
        await pilot.pause()
        assert box.value == f"a{BLANK_LETTERS[:2]}b{BLANK_LETTERS[2:]}", "the filter keeps what was typed"
        await pilot.pause()
        assert raw_on_screen(app) == []
        assert "a\ufffd\ufffdb\ufffd\ufffd\ufffd" in screen_text(app), "each blank letter shows as one stand-in"


class Boxes(App[None]):
    """Every kind of text box of the app, side by side."""

    CSS = "Input { width: 100%; } TextArea { height: 6; }"
    KINDS: ClassVar[tuple[type[Input], ...]] = (SafeInput, FilterInput, SearchInput)

    def compose(self) -> ComposeResult:
        for kind in self.KINDS:
            yield kind(id=kind.__name__.lower())
        yield SafeTextArea(id="area")


@pytest.mark.parametrize("category", sorted(HOSTILE_CATEGORIES))
async def test_a_pasted_hostile_string_is_drawn_inert_in_every_box(category: str) -> None:
    payload = HOSTILE_CATEGORIES[category].splitlines()[0]  # a one-line box keeps a paste's first line
    app = Boxes()
    async with app.run_test(size=(200, 20)) as pilot:
        for box in app.query(Input):
            box.focus()
            await pilot.pause()
            box.post_message(events.Paste(payload))
            await pilot.pause()
            assert box.value == payload, f"{box.id} changed the value it was given"
            assert box.cursor_position == len(payload)
        area = app.query_one(SafeTextArea)
        area.load_text(HOSTILE_CATEGORIES[category])
        await pilot.pause()
        assert raw_on_screen(app) == [], category


async def test_the_cursor_stays_on_the_character_it_is_on() -> None:
    # Stand-ins are one character for one, and measured as drawn: the cursor cell follows them.
    app = Boxes()
    async with app.run_test(size=(80, 12)) as pilot:
        box = app.query_one(SafeInput)
        box.focus()
        box.value = "a\x1b\u3164b"
        box.cursor_position = 3
        await pilot.pause()
        # "a", "␛" (1 cell) and "\ufffd" (1 cell) come before the cursor.
        assert box._cursor_offset == 3
        assert box._cell_offset_to_index(3) == 3


async def test_a_plain_text_area_would_draw_them_raw() -> None:
    # Why the note editor needs SafeTextArea: Textual's own area draws a pasted escape as it is.
    class Plain(App[None]):
        def compose(self) -> ComposeResult:
            yield TextArea("a\x1b[2J\u3164b")

    app = Plain()
    async with app.run_test(size=(40, 6)) as pilot:
        await pilot.pause()
        assert "U+001B" in raw_on_screen(app)


def test_every_payload_has_a_blank_letter() -> None:
    assert all(letter in EVERY_PAYLOAD for letter in BLANK_LETTERS), "tests/hostile.py carries the blank letters"
