"""The meeting picker of a big book: lines built only when drawn, one line a meeting whatever its
title holds, the filter's words as before (accents and case ignored, letters and digits only)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

from briefing.tui.app import make_app
from briefing.tui.widgets.lazy_options import LazyOption
from briefing.tui.widgets.meeting_picker import MeetingPicker, _words
from tests.tui.keys import main_screen, settle
from tests.tui.test_big_books import book_of


def words_by_the_letter(text: str) -> list[str]:
    """The rule, one character at a time: fold case, drop accents, split on all but letters and digits."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(character for character in decomposed if not unicodedata.combining(character))
    return "".join(character if character.isalnum() else " " for character in folded).split()


def test_filter_words_follow_the_rule() -> None:
    texts = ["Foreign Affairs Council", "Conseil_des affaires étrangères", "Ｆｕｌｌwidth ＮＡＴＯ ２０２２",
             "Straße — Ελλάδα, Kyiv/Київ", "x²+y³ ٣ ½", "ǅemal's C-19 (n°5)", "", "   ", "[/foo] \x1b[2J"]
    for text in texts:
        assert _words(text) == words_by_the_letter(text), text


async def test_the_picker_builds_only_the_lines_on_screen(write_briefing: Callable[[dict], Path]) -> None:
    data = book_of(meetings=300)
    data["meetings"][0]["title"] = "Council\nwith a line break"
    app = make_app(write_briefing(data))
    async with app.run_test(size=(120, 30)) as pilot:
        picker = await main_screen(app).show_tab("meetings")
        assert isinstance(picker, MeetingPicker)
        await settle(pilot)
        options = picker.entry_list.options
        built = [option for option in options if isinstance(option, LazyOption) and option._build is None]
        assert len(options) == 300 and 0 < len(built) <= 30, f"{len(built)} of 300 lines built"
        assert picker._keys is None, "the filter's words are worked out when a filter is typed"
        broken = next(option for option in options if option.id == "council-0")
        assert "\n" not in broken.prompt.plain, "a meeting is one line in the list"
        await pilot.press("f", *"line break", "enter")
        await settle(pilot)
        assert picker.listed == ["council-0"]
