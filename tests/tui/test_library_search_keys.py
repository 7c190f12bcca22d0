"""The library's lists (the book table, the search's hits) move with the reader's keys, as every other
list of the app does (in tmux, j pressed twelve times in the hits of /moldova left the first hit highlighted,
and G in the book table did nothing)."""

from __future__ import annotations

from pathlib import Path

from briefing.tui.app import make_library_app
from briefing.tui.widgets.book_list import BookList
from tests.library.conftest import make_library
from tests.tui.test_library_screen import SIZE, search_library, settle


async def test_j_k_g_and_G_move_in_the_library_hits(tmp_path: Path) -> None:
    app = make_library_app(make_library(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        hits = (await search_library(app, pilot, "moldova")).hit_list
        enabled = [i for i in range(hits.option_count) if not hits.get_option_at_index(i).disabled]
        assert len(enabled) >= 3, "enough hits to walk"
        await pilot.press("down")  # from the box to the first hit
        assert app.focused is hits and hits.highlighted == enabled[0]
        await pilot.press("j", "j")
        assert hits.highlighted == enabled[2], "j moves down, over the books' headings"
        await pilot.press("k")
        assert hits.highlighted == enabled[1]
        await pilot.press("G")
        assert hits.highlighted == enabled[-1]
        await pilot.press("g")
        assert hits.highlighted == enabled[0]


async def test_g_G_space_and_b_move_in_the_book_table(tmp_path: Path) -> None:
    app = make_library_app(make_library(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        books = app.screen.query_one("#books", BookList)
        assert app.focused is books and books.cursor == 0 and len(books.books) == 4
        await pilot.press("G")
        assert books.cursor == 3, "G: the last book, as in every list of the app (it did nothing)"
        await pilot.press("g")
        assert books.cursor == 0
        await pilot.press("space")
        assert books.cursor == 3, "a page down from the top of four books reaches the last"
        await pilot.press("b")
        assert books.cursor == 0
