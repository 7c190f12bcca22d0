"""The library screen and the cross-book search, driven by keys as a reader would (Pilot)."""

from __future__ import annotations

import argparse
from pathlib import Path

from textual.widgets import OptionList

from briefing.cli.app_command import choose_app
from briefing.tui.app import BriefingApp, make_library_app
from briefing.tui.screens.book_errors_screen import BookErrorsScreen
from briefing.tui.screens.library_screen import LibraryScreen
from briefing.tui.screens.library_search_screen import LibrarySearchScreen
from briefing.tui.screens.main_screen import MainScreen
from briefing.tui.widgets.book_list import BookList
from tests.conftest import SAMPLE_PATH
from tests.factories import HOSTILE
from tests.library.conftest import edit_book, make_library, write_book
from tests.waiting import press_until, wait_until

SIZE = (120, 36)


def book_list(app: BriefingApp) -> BookList:
    return app.screen.query_one("#books", BookList)


def titles(app: BriefingApp) -> list[str]:
    return [str(book_list(app).cells(row)["title"]) for row in range(len(book_list(app).books))]


def cells_of(app: BriefingApp, path: Path) -> dict[str, str]:
    listed = book_list(app)
    (row,) = [row for row, book in enumerate(listed.books) if book.path == path]
    return {key: str(cell) for key, cell in listed.cells(row).items()}


async def settle(app: BriefingApp, pilot: object) -> None:
    """Wait for the workers (indexing, searching, loading a book) and the messages they posted."""
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]


async def search_library(app: BriefingApp, pilot: object, query: str) -> LibrarySearchScreen:
    """Open the cross-book search with `/`, type `query` and wait for its hits."""
    await settle(app, pilot)
    await pilot.press("slash", *query)  # type: ignore[attr-defined]
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, LibrarySearchScreen)
    return screen


async def test_the_library_lists_every_book_newest_first_invalid_last(tmp_path: Path) -> None:
    app = make_library_app(make_library(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, LibraryScreen)
        shown = titles(app)
        assert shown[:3] == ["Test book grain exports beta", "Test book Moldova energy gamma",
                             "Test book sanctions on Moldova alpha"]
        assert shown[3].startswith("⚠ delta.json: is not a valid briefing")
        assert str(book_list(app).cells(0)["status"]) == "upcoming"


async def test_typing_in_the_filter_narrows_the_table_and_escape_brings_all_back(tmp_path: Path) -> None:
    app = make_library_app(make_library(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f", *"gamma")
        assert titles(app) == ["Test book Moldova energy gamma"]
        await pilot.press("escape")
        assert len(titles(app)) == 4
        await pilot.press("o")  # sort by title
        assert titles(app)[:3] == sorted(titles(app)[:3], key=str.casefold)


async def test_enter_opens_a_book_and_b_returns_to_the_library(tmp_path: Path) -> None:
    app = make_library_app(make_library(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("down", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.briefing.id == "gamma"
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert str(book_list(app).cells(1)["last_read"]) != "", "the book just read has a last-read date"


async def test_e_shows_every_problem_of_an_invalid_book(tmp_path: Path) -> None:
    app = make_library_app(make_library(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("down", "down", "down", "enter")  # enter on an invalid book shows its problems too
        assert isinstance(app.screen, BookErrorsScreen)
        shown = str(app.screen.query_one("#book-errors Static").render())
        assert "2 problem(s)" in shown and "classification" in shown and "language" in shown
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("e")
        assert isinstance(app.screen, BookErrorsScreen)
        await pilot.press("e")
        assert isinstance(app.screen, LibraryScreen)


async def test_slash_searches_every_book_and_opens_a_hit_at_its_item(tmp_path: Path) -> None:
    app = make_library_app(make_library(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await search_library(app, pilot, "moldova")
        hits = screen.query_one("#library-hits", OptionList)
        headings = [str(hits.get_option_at_index(i).prompt) for i in range(hits.option_count)
                    if hits.get_option_at_index(i).disabled]
        assert len(headings) == 2 and all(h.startswith("Test book") for h in headings)
        books_in_order = list(dict.fromkeys(hit.book_path for hit in screen.hits))
        second_book = books_in_order[1]
        number = next(n for n, hit in enumerate(screen.hits) if hit.book_path == second_book and hit.kind == "quote")
        await pilot.press("down")
        await press_until(
            pilot, "down",
            lambda: hits.highlighted is not None and hits.get_option_at_index(hits.highlighted).id == f"hit-{number}",
            "the quote hit of the second book highlighted",
        )
        await pilot.press("enter")
        await settle(app, pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        assert app.source_folder is not None and str(app.source_folder / "briefing.json") == second_book
        await wait_until(pilot, lambda: main.search.highlighting and main.search.answered_query == "moldova",
                         "the book's own search for the query, highlighting", pauses=2000)
        assert main.search.hits[main.search.cursor].item_id == "q1", "n/N walk on from the hit opened"
        assert main.tabs.active == "meeting-council"
        focused = app.focused
        assert focused is not None and focused.id == "item-q1", "the reader lands on the quote hit"
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_an_edited_book_is_picked_up_when_the_library_opens_again(tmp_path: Path) -> None:
    library = make_library(tmp_path)
    app = make_library_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
    path = library / "gamma.json"
    edit_book(path, ("title",), "Retitled gamma book")
    app = make_library_app(library)
    messages: list[object] = []
    async with app.run_test(size=SIZE, message_hook=messages.append) as pilot:
        await settle(app, pilot)
        assert "Retitled gamma book" in titles(app)
        posted = {id(m): m for m in messages if isinstance(m, LibraryScreen.Refreshed)}.values()  # once each
        refreshed = [m.report for m in posted]
        assert [(report.changed, report.checked) for report in refreshed if report] == [(1, 0), (0, 1)], (
            "the edited book is re-indexed, then validated")


async def test_the_first_build_reports_progress(tmp_path: Path) -> None:
    app = make_library_app(make_library(tmp_path))
    messages: list[object] = []
    async with app.run_test(size=SIZE, message_hook=messages.append) as pilot:
        await settle(app, pilot)
        progress = [m for m in messages if isinstance(m, LibraryScreen.Progress)]
        once = {id(message): message for message in progress}.values()  # a message bubbles: seen twice
        done = [(message.done, message.total) for message in once]
        assert done.count((4, 4)) == 2, "every book indexed, then every book read from its JSON validated"
        assert app.screen.query_one("#library-progress").has_class("-idle"), "the bar goes when done"


async def test_hostile_book_titles_are_shown_literally(tmp_path: Path) -> None:
    library = tmp_path / "hostile"
    write_book(library, "one", "moldova " + HOSTILE)
    write_book(library, "two", "moldova plain")
    app = make_library_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert any("[@click=app.quit]q[/]" in title for title in titles(app))
        assert not any("\x1b" in title or "\u202e" in title for title in titles(app))
        listed = book_list(app)
        drawn = " ".join(listed.render_line(y).text for y in range(listed.size.height))
        assert "moldova [/foo] [b]" in drawn and "\x1b" not in drawn and "\u202e" not in drawn, "drawn literally"
        await pilot.press("slash", *"moldova")
        await settle(app, pilot)
        hits = app.screen.query_one("#library-hits", OptionList)
        shown = " ".join(str(hits.get_option_at_index(i).prompt) for i in range(hits.option_count))
        assert "[@click=app.quit]q[/]" in shown and "\x1b" not in shown
        assert app.is_running


def options_for(library: Path | None, file: Path | None = None) -> argparse.Namespace:
    return argparse.Namespace(file=file, library=str(library) if library else None)


def test_no_file_opens_the_library_or_the_sample_or_the_single_book(tmp_path: Path) -> None:
    empty = choose_app(options_for(tmp_path / "empty"))
    assert empty.library is None and empty.briefing.id == "2022-04-fac-nato"
    single = tmp_path / "single"
    write_book(single, "only-one", "alone")
    assert choose_app(options_for(single)).briefing.id == "only-one"
    several = choose_app(options_for(make_library(tmp_path)))
    assert several.library is not None and several.briefing is None
    assert choose_app(options_for(None, SAMPLE_PATH)).library is None


async def test_read_books_show_when_they_were_read_and_what_changed_since(tmp_path: Path) -> None:
    from briefing.loading import load_briefing
    from briefing.state import StateStore, begin_reading

    library = make_library(tmp_path)
    path = library / "gamma.json"
    store = StateStore.open()
    begin_reading(store, load_briefing(path))  # the reader read gamma as it was
    store.add_note("gamma", "council", "remember this")
    store.close()
    edit_book(path, ("meetings", 0, "summary"), "Summary rewritten after the reader read it")
    app = make_library_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        gamma = cells_of(app, path.resolve())
        assert gamma["title"] == "Test book Moldova energy gamma"
        assert gamma["last_read"] != "" and gamma["notes"] == "1" and gamma["changed"] == "~1"
        alpha = cells_of(app, (library / "alpha" / "briefing.json").resolve())
        assert [alpha["last_read"], alpha["notes"], alpha["changed"]] == ["", "", ""], (
            "a book never read shows nothing, not a made-up value")


async def test_the_library_stays_usable_while_it_indexes(tmp_path: Path, monkeypatch: object) -> None:
    import threading

    import briefing.library.index as index_module

    library = make_library(tmp_path)
    app = make_library_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)  # indexed once
    path = library / "gamma.json"
    edit_book(path, ("title",), "Test book Moldova energy gamma revised")
    release = threading.Event()
    original = index_module.read_book

    def slow_read_book(book: Path) -> object:
        assert release.wait(10), "the test never let the indexing worker go on"
        return original(book)

    monkeypatch.setattr(index_module, "read_book", slow_read_book)  # type: ignore[attr-defined]
    app = make_library_app(library)
    async with app.run_test(size=SIZE) as pilot:
        # The index worker starts after the first frame; it then waits for `release`.
        await wait_until(pilot, lambda: any(worker.group == "library-index" and worker.is_running
                                            for worker in app.workers), "the indexing worker running")
        await pilot.press("f", *"alpha")
        assert titles(app) == ["Test book sanctions on Moldova alpha"], "filtering works while indexing"
        await pilot.press("escape", "slash", *"grain")
        await wait_until(pilot, lambda: isinstance(app.screen, LibrarySearchScreen) and bool(app.screen.hits),
                         "search hits while the index is being refreshed", pauses=2000)
        release.set()
        await settle(app, pilot)
        await pilot.press("escape")
        assert "Test book Moldova energy gamma revised" in titles(app)


async def test_every_book_of_a_large_library_can_be_reached(tmp_path: Path) -> None:
    import datetime as dt

    from briefing.library import BookSummary

    app = make_library_app(make_library(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        first = dt.date(2001, 1, 1)
        screen.books = [
            BookSummary(tmp_path / f"b{n:04d}.json", f"b{n:04d}", f"Book number {n:04d}", first + dt.timedelta(days=n),
                        first + dt.timedelta(days=n), 1, "PUBLIC")
            for n in range(1200)
        ]
        screen.fill_table()
        listed = book_list(app)
        assert len(listed.books) == 1200, "no cap on the rows: every book is in the list"
        await pilot.press("end")
        assert listed.current is not None and listed.current.title == "Book number 0000"
        def drawn() -> list[str]:
            return [listed.render_line(y).text for y in range(listed.size.height)]

        # The list scrolls to its cursor a refresh after the key: wait for it (bounded).
        await wait_until(pilot, lambda: any("Book number 0000" in line for line in drawn()),
                         "the last book drawn once reached", seen=drawn)
        assert not any("Book number 1199" in line for line in drawn())
        await pilot.press("home")
        assert listed.current.title == "Book number 1199"
        await pilot.press("pagedown")
        assert listed.current.title < "Book number 1199"
        await pilot.press("f", *"0600")
        assert titles(app) == ["Book number 0600"]


async def test_clicking_a_heading_sorts_and_clicking_the_current_row_opens_it(tmp_path: Path) -> None:
    app = make_library_app(make_library(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.click("#books", offset=(3, 0))  # the Title heading
        assert app.screen.sort_key == "title"  # type: ignore[attr-defined]
        assert titles(app)[:3] == sorted(titles(app)[:3], key=str.casefold)
        await pilot.click("#books", offset=(3, 2))  # the second book: the cursor goes there
        assert book_list(app).cursor == 1 and isinstance(app.screen, LibraryScreen)
        await pilot.click("#books", offset=(3, 2))  # again: it opens
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)


async def test_the_first_frame_lists_the_newest_books_then_every_book(tmp_path: Path, monkeypatch: object) -> None:
    import briefing.tui.screens.library_screen as library_screen

    library = make_library(tmp_path)
    app = make_library_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)  # the index is built
        every_title = titles(app)
    monkeypatch.setattr(library_screen, "FIRST_ROWS", 2)  # type: ignore[attr-defined]
    at_mount: list[list[str]] = []
    original = LibraryScreen.on_mount

    def spy(screen: LibraryScreen) -> None:
        at_mount.append([book.title for book in screen.books])
        original(screen)

    monkeypatch.setattr(LibraryScreen, "on_mount", spy)  # type: ignore[attr-defined]
    app = make_library_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert at_mount == [every_title[:2]], "the first frame shows the newest books, in the library's order"
        assert titles(app) == every_title, "then every book"
        status = str(app.screen.query_one("#library-status").render())
        assert status.startswith("4 books · 1 invalid")


async def test_one_match_is_said_in_the_singular(tmp_path: Path) -> None:
    library = make_library(tmp_path)
    book = library / "alpha" / "briefing.json"
    edit_book(book, ("meetings", 0, "title"), "Zanzibar talks")
    app = make_library_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"zanzibar")
        await settle(app, pilot)
        assert isinstance(app.screen, LibrarySearchScreen) and len(app.screen.hits) == 1
        status = str(app.screen.query_one("#library-search-status").render())
        assert status.startswith("1 match in 1 book —"), status


async def test_two_letters_typed_say_a_third_makes_a_beginning(tmp_path: Path) -> None:
    app = make_library_app(make_library(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"mo")
        await settle(app, pilot)
        status = str(app.screen.query_one("#library-search-status").render())
        assert "third letter" in status
        await pilot.press("l")
        await settle(app, pilot)
        assert isinstance(app.screen, LibrarySearchScreen) and app.screen.hits, "mol finds Moldova"
        status = str(app.screen.query_one("#library-search-status").render())
        assert "third letter" not in status and "matches in 2 books" in status
