"""The quote browser on small screens, hostile books, clicks and in the app (split from test_quote_browser)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.loading import load_briefing, sample_path
from briefing.model import Briefing, BriefingLookup
from briefing.render.safety import clipboard_text, is_safe_text, safe_text
from briefing.search.matching import compile_filter
from briefing.search.quotes import build_quote_entries, filter_quotes
from briefing.tui.messages import OpenLocation
from briefing.tui.widgets.quote_browser import MATCH_STYLE, QuoteBrowser, list_prompt
from briefing.tui.widgets.reader_scroll import ReaderScroll
from tests.factories import HOSTILE, changed, hostile_briefing, minimal_briefing_dict
from tests.tui.keys import tab_key
from tests.tui.quote_browser_harness import (
    RUSSIAN_NARRATIVE,
    STRATEGIC_CONCEPT,
    QuoteBrowserApp,
    browser,
    detail,
    listed_ids,
)
from tests.tui.screen_text import HOSTILE_LITERALS, assert_shown_literally, screen_text
from tests.waiting import wait_until

# Sizes and hostile text -------------------------------------------------------------------------


async def test_small_terminal_does_not_crash(sample: Briefing) -> None:
    app = QuoteBrowserApp(sample)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("j", "G", "g", "y", "f", *"wilmes", "enter", "enter")
        assert app.is_running
        assert len(app.copied) == 1 and len(app.opened) == 1
        text = screen_text(app)
        assert "Sophie Wilmès" in text
        assert "Russia does not hesitate" in text


async def test_hostile_text_is_shown_literally_and_never_acts() -> None:
    app = QuoteBrowserApp(hostile_briefing())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("j", "k", "g", "G", "y")
        await pilot.press("f", *"foo")
        assert len(listed_ids(app)) == 1  # "[/foo]" is in the quote, matched as plain text
        await pilot.press("enter", "enter")
        assert app.is_running and app.return_code is None
        # The clipboard gets the words, every control and invisible character as a visible stand-in.
        assert app.copied and clipboard_text(HOSTILE) in app.copied[0]
        assert is_safe_text(app.copied[0])
        assert app.opened == [OpenLocation("council", "breakfast", "q1")]

        assert_shown_literally(app, (*HOSTILE_LITERALS, "<script>alert(1)</script>"))
        assert detail(app, "text") == f"“We said {safe_text(HOSTILE)}”"


# In the app users run ---------------------------------------------------------------------------


async def test_in_the_app_the_quotes_tab_copies_and_opens_the_quote(sample_path: Path) -> None:
    from briefing.tui.app import make_app
    from briefing.tui.screens.main_screen import MainScreen, meeting_pane_id
    from briefing.tui.widgets.item_block import ItemBlock

    app = make_app(sample_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()  # the app may mount the hidden tabs after its first frame
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press(tab_key(app, "quotes"))
        await pilot.pause()
        quotes = app.query_one(QuoteBrowser)
        assert app.focused is quotes.quote_list, "the tab gives the keyboard to the list, not the filter"
        theme = app.theme
        await pilot.press("j", "c", "y")  # `c` is no longer the contrast switch; `y` copies
        assert app.theme == theme
        assert "For Belgium, this document" in app.clipboard and "Sophie Wilmès" in app.clipboard
        await pilot.press("enter")
        await pilot.pause()
        assert screen.tabs.active == meeting_pane_id("nato-ministerial-2022-04-06")
        assert isinstance(app.focused, ItemBlock) and app.focused.item_id == STRATEGIC_CONCEPT


async def test_the_detail_pane_scrolls_with_the_reader_keys_and_enter_still_opens(sample: Briefing) -> None:
    app = QuoteBrowserApp(sample)
    async with app.run_test(size=(100, 24)) as pilot:
        detail_pane = app.query_one("#quote-detail")
        await pilot.press("tab")
        assert app.focused is detail_pane
        # Keys sent before the quote's text is laid out would scroll a pane with nothing to scroll yet.
        await wait_until(pilot, lambda: detail_pane.max_scroll_y > 2, "the detail laid out, taller than its pane",
                         seen=lambda: detail_pane.max_scroll_y)
        for keys, line in ((("j", "j"), lambda: 2), (("G",), lambda: detail_pane.max_scroll_y), (("g", "enter"), lambda: 0)):
            await pilot.press(*keys)  # a scroll lands a refresh after its key: wait for it (bounded)
            await wait_until(pilot, lambda line=line: detail_pane.scroll_y == line(), f"line {line()} after {keys}",
                             seen=lambda: (detail_pane.scroll_y, detail_pane.max_scroll_y))
        await wait_until(pilot, lambda: bool(app.opened), "enter to open the quote's place")
        assert app.opened == [OpenLocation("fac-2022-04-11", "fac-ukraine", RUSSIAN_NARRATIVE)]



async def test_two_line_keys_between_refreshes_scroll_two_lines(sample: Briefing) -> None:
    # Textual's own scroll_down aims at the target it had when the key came, after the next refresh: two keys
    # before that refresh aimed at the same line (seen once in CI as "line 1 after j j").
    app = QuoteBrowserApp(sample)
    async with app.run_test(size=(100, 24)) as pilot:
        detail_pane = app.query_one("#quote-detail", ReaderScroll)
        await wait_until(pilot, lambda: detail_pane.max_scroll_y > 4, "the detail laid out, taller than its pane",
                         seen=lambda: detail_pane.max_scroll_y)
        detail_pane.action_scroll_down()
        detail_pane.action_scroll_down()
        detail_pane.action_page(0.5)
        detail_pane.action_scroll_up()
        half_page = int(detail_pane.scrollable_content_region.height * 0.5)
        await wait_until(pilot, lambda: detail_pane.scroll_y == 1 + half_page, f"line {1 + half_page}",
                         seen=lambda: detail_pane.scroll_y)


WORDS = st.sampled_from(["wilmes", "russia", "azov", "ukr", "council", "sanctions", "food", "the", "é", "[b]"])


SAMPLE_ENTRIES = build_quote_entries(BriefingLookup(load_briefing(sample_path())))


@settings(max_examples=100, deadline=None)
@given(query=st.lists(WORDS, min_size=1, max_size=3).map(" ".join))
def test_the_list_marks_only_what_the_filter_matched(query: str) -> None:
    compiled = compile_filter(query)[0]
    for entry, match in filter_quotes(SAMPLE_ENTRIES, compiled):
        prompt = list_prompt(entry, match)
        marked = [prompt.plain[span.start:span.end] for span in prompt.spans if span.style == MATCH_STYLE]
        assert all(compiled.spans(text) for text in marked), "only what the query matched is marked"


async def test_a_book_without_quotes_says_so() -> None:
    data = changed(minimal_briefing_dict(), ("meetings", 0, "sessions", 0, "quotes"), [])
    app = QuoteBrowserApp(Briefing.model_validate(data))
    async with app.run_test(size=(80, 24)) as pilot:
        assert "This book holds no quotes." in screen_text(app)
        await pilot.press("j", "c", "enter", "f", *"x", "escape")
        assert app.is_running and app.copied == [] and app.opened == []
        assert "This book holds no quotes." in screen_text(app)


async def test_a_click_selects_a_quote_and_a_double_click_opens_it(sample: Briefing) -> None:
    app = QuoteBrowserApp(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        quote_list = browser(app).quote_list
        row_of_second_quote = 1 + 3  # below the top border, after the three lines of the first quote
        await pilot.click(quote_list, offset=(4, row_of_second_quote))
        assert quote_list.highlighted == 1
        assert "For Belgium, this document" in detail(app, "text")
        assert app.opened == []
        await pilot.double_click(quote_list, offset=(4, row_of_second_quote))
        assert app.opened == [
            OpenLocation("nato-ministerial-2022-04-06", "nato-strategic-concept-dinner", STRATEGIC_CONCEPT)
        ]


PASTE_INJECTION = "We stand together.\x1b[201~\rtouch pwned\r"
"""Ends a bracketed paste in bash 5.2 and runs `touch pwned` when pasted, if copied raw (issue 9)."""


async def test_copying_a_quote_that_would_run_a_command_when_pasted_copies_it_inert() -> None:
    data = minimal_briefing_dict()
    data["meetings"][0]["sessions"][0]["quotes"][0]["text"] = PASTE_INJECTION
    app = QuoteBrowserApp(Briefing.model_validate(data))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("y")
        assert len(app.copied) == 1
        copied = app.copied[0]
        assert "\x1b" not in copied and "\r" not in copied and "\n" not in copied
        assert "We stand together.␛[201~ touch pwned" in copied
        assert app.clipboard == copied
