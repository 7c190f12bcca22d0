"""The quote browser: listing, accent-insensitive filter, keys, detail pane, copy and open, hostile text."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Input, Static

from briefing.loading import load_briefing, sample_path
from briefing.model import Briefing, BriefingLookup
from briefing.render.safety import clipboard_text, is_safe_text, safe_text
from briefing.search.matching import compile_filter
from briefing.search.quotes import build_quote_entries, filter_quotes
from briefing.tui.copying import copy_focused
from briefing.tui.messages import OpenLocation
from briefing.tui.widgets.quote_browser import MATCH_STYLE, QuoteBrowser, list_prompt
from tests.factories import HOSTILE, changed, hostile_briefing, minimal_briefing_dict
from tests.tui.keys import StyledLikeTheApp
from tests.tui.screen_text import screen_text
from tests.waiting import wait_until

RUSSIAN_NARRATIVE = "quote-russian-narrative"
STRATEGIC_CONCEPT = "quote-strategic-concept"


class QuoteBrowserApp(StyledLikeTheApp, App[None]):
    """The browser alone, recording what it opens, copies and says."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("y", "copy", "Copy")]

    def __init__(self, briefing: Briefing) -> None:
        super().__init__()
        self.lookup = BriefingLookup(briefing)
        self.opened: list[OpenLocation] = []
        self.copied: list[str] = []
        self.notices: list[str] = []

    def compose(self) -> ComposeResult:
        yield QuoteBrowser(self.lookup, id="quotes")

    def on_mount(self) -> None:
        self.query_one(QuoteBrowser).focus()

    def on_open_location(self, message: OpenLocation) -> None:
        self.opened.append(message)

    def action_copy(self) -> None:
        copy_focused(self.screen, self.lookup, markdown=False)  # what the main screen's `y` does

    def copy_to_clipboard(self, text: str) -> None:
        self.copied.append(text)
        super().copy_to_clipboard(text)

    def notify(self, message: str, **options: object) -> None:  # type: ignore[override]
        self.notices.append(message)
        super().notify(message, **options)  # type: ignore[arg-type]


@pytest.fixture
def sample(sample_path: Path) -> Briefing:
    return load_briefing(sample_path)


def browser(app: App) -> QuoteBrowser:
    return app.query_one(QuoteBrowser)


def detail(app: App, part: str) -> str:
    return str(app.query_one(f"#quote-{part}", Static).content)


def listed_ids(app: App) -> list[str]:
    return [entry.quote.id for entry in browser(app).listed]


# Pure functions ---------------------------------------------------------------------------------


def matches(entry: object, text: str) -> bool:
    return bool(filter_quotes([entry], compile_filter(text)[0]))  # the search layer's one matcher


def test_matches_needs_every_word_and_ignores_accents_and_case(sample: Briefing) -> None:
    entries = {entry.quote.id: entry for entry in build_quote_entries(BriefingLookup(sample))}
    narrative = entries[RUSSIAN_NARRATIVE]
    assert matches(narrative, "WILMES azov")
    assert matches(narrative, "wilmès food security")  # a topic
    assert matches(narrative, "foreign affairs council")  # the meeting
    assert not matches(narrative, "wilmes strategic")


# The list and the filter ------------------------------------------------------------------------


async def test_lists_every_quote_with_speaker_meeting_and_date(sample: Briefing) -> None:
    app = QuoteBrowserApp(sample)
    async with app.run_test(size=(120, 36)):
        quote_list = browser(app).quote_list
        assert quote_list.option_count == len(app.lookup.quotes()) == 4
        first = str(quote_list.get_option_at_index(0).prompt)
        assert "Sophie Wilmès" in first
        assert "Foreign Affairs Council" in first
        assert "11 April 2022" in first
        assert "propaganda" in first  # a topic
        assert "Russia does not hesitate" in first


async def test_filter_is_accent_insensitive_and_narrows(sample: Briefing) -> None:
    app = QuoteBrowserApp(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f")
        assert isinstance(app.focused, Input)
        await pilot.press(*"wilmes")
        assert len(listed_ids(app)) == 4  # every sample quote is Sophie Wilmès's
        await pilot.press(*" azov")
        assert listed_ids(app) == [RUSSIAN_NARRATIVE]
        assert browser(app).quote_list.option_count == 1
        assert "Sea of Azov" in detail(app, "text")


async def test_filter_words_are_marked_in_the_list_and_the_quote(sample: Briefing) -> None:
    app = QuoteBrowserApp(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f", *"WILMES azov")

        def marked(content: Content) -> list[str]:
            return [content.plain[span.start:span.end] for span in content.spans if span.style == MATCH_STYLE]

        prompt = browser(app).quote_list.get_option_at_index(0).prompt
        assert marked(prompt) == ["Wilmès"]  # the excerpt stops before "Azov"
        quote_text = app.query_one("#quote-text", Static).content
        assert marked(quote_text) == ["Azov"]
        match_style = browser(app).get_visual_style("quote-browser--match", partial=True)
        assert match_style.bold and match_style.underline  # not colour alone


async def test_filter_without_match_says_so(sample: Briefing) -> None:
    app = QuoteBrowserApp(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f", *"zzz")
        assert listed_ids(app) == []
        assert browser(app).quote_list.option_count == 0
        message = app.query_one("#quote-empty", Static)
        assert message.display
        assert str(message.content) == "No quote matches “zzz”."
        assert "No quote matches “zzz”." in screen_text(app)
        assert detail(app, "text") == "No quote selected."
        await pilot.press("y", "enter")  # nothing selected: nothing copied, nothing opened
        assert app.copied == [] and app.opened == []


async def test_f_starts_filtering_and_letters_are_text_there(sample: Briefing) -> None:
    app = QuoteBrowserApp(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.focused is browser(app).quote_list
        await pilot.press("f", *"azov")
        assert isinstance(app.focused, Input)
        assert app.focused.value == "azov"
        assert listed_ids(app) == [RUSSIAN_NARRATIVE]


async def test_letters_bound_to_keys_keep_their_meaning_in_the_list(sample: Briefing) -> None:
    app = QuoteBrowserApp(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("j", "y", "a")
        assert app.focused is browser(app).quote_list
        assert app.query_one("#quote-filter", Input).value == "", "a letter on the list is not text"
        assert len(app.copied) == 1


async def test_escape_returns_to_the_list_then_clears_the_filter(sample: Briefing) -> None:
    app = QuoteBrowserApp(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f", *"zzz", "escape")
        assert app.query_one("#quote-filter", Input).value == "zzz" and app.focused is browser(app).quote_list
        await pilot.press("escape")
        assert app.query_one("#quote-filter", Input).value == ""
        assert app.focused is browser(app).quote_list
        assert len(listed_ids(app)) == 4
        assert not app.query_one("#quote-empty", Static).display


async def test_enter_in_the_filter_goes_to_the_list(sample: Briefing) -> None:
    app = QuoteBrowserApp(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f", *"china", "enter")
        assert app.focused is browser(app).quote_list
        assert browser(app).selected_entry is not None
        assert browser(app).selected_entry.quote.id == "quote-denounce-the-war"


# Keys -------------------------------------------------------------------------------------------


async def test_j_k_g_G_and_arrows_move(sample: Briefing) -> None:
    app = QuoteBrowserApp(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        quote_list = browser(app).quote_list
        assert quote_list.highlighted == 0
        await pilot.press("j")
        assert quote_list.highlighted == 1
        await pilot.press("j", "k")
        assert quote_list.highlighted == 1
        await pilot.press("G")
        assert quote_list.highlighted == 3
        await pilot.press("g")
        assert quote_list.highlighted == 0
        await pilot.press("down", "down", "up")
        assert quote_list.highlighted == 1
        assert browser(app).selected_entry.quote.id == STRATEGIC_CONCEPT
        assert "For Belgium, this document" in detail(app, "text")


# The detail pane --------------------------------------------------------------------------------


async def test_detail_shows_quote_speaker_role_meeting_session_and_source_passage(sample: Briefing) -> None:
    app = QuoteBrowserApp(sample)
    async with app.run_test(size=(120, 36)):
        quote = app.lookup.items[RUSSIAN_NARRATIVE].item
        assert detail(app, "text") == f"“{quote.text}”"
        assert detail(app, "speaker") == "— Sophie Wilmès, Deputy Prime Minister and Minister of Foreign Affairs"
        context = detail(app, "context")
        assert "Foreign Affairs Council, Luxembourg" in context
        assert "Working session on Ukraine" in context
        assert "11 April 2022" in context
        assert "propaganda · food security · sanctions · Russia" in context
        assert "¶7" in detail(app, "source-heading")
        passage = app.lookup.items["src-p07"].item
        assert detail(app, "source") == passage.text
        assert "alongside this is the issue of russian propaganda" in screen_text(app).lower().replace("\n", " ")


async def test_detail_names_the_paragraph_when_the_book_has_no_passage_of_it() -> None:
    data = changed(minimal_briefing_dict(), ("meetings", 0, "sessions", 0, "quotes", 0, "source", "paragraph"), 9)
    app = QuoteBrowserApp(Briefing.model_validate(data))
    async with app.run_test(size=(120, 36)):
        assert "¶9" in detail(app, "source-heading")
        assert detail(app, "source") == "The book holds no passage of source paragraph 9."


async def test_detail_pane_beside_the_list_when_wide_and_below_when_narrow(sample: Briefing) -> None:
    for size, beside in (((120, 36), True), ((80, 24), False)):
        app = QuoteBrowserApp(sample)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()  # the layout follows the size once the first resize is handled
            list_region = app.query_one("#quote-list-pane").region
            detail_region = app.query_one("#quote-detail").region
            if beside:
                assert detail_region.x >= list_region.right
                assert detail_region.y == list_region.y
            else:
                assert detail_region.y >= list_region.bottom
                assert detail_region.x == list_region.x


# Copy and open ----------------------------------------------------------------------------------


async def test_y_copies_the_quote_with_its_citation_and_says_so(sample: Briefing) -> None:
    app = QuoteBrowserApp(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("y")
        quote = app.lookup.items[RUSSIAN_NARRATIVE].item
        assert len(app.copied) == 1
        copied = app.copied[0]
        assert app.clipboard == copied
        assert quote.text in copied
        for part in ("Sophie Wilmès", "Deputy Prime Minister", "Foreign Affairs Council", "Luxembourg",
                     "11 April 2022", "¶7"):
            assert part in copied
        attribution = copied.split("” — ", 1)[1].split(" (source:")[0]
        assert attribution.startswith("Sophie Wilmès, Deputy Prime Minister")
        assert app.notices == [f"Copied the quote of Sophie Wilmès with its citation ({len(copied)} characters)"], (
            "the notification says which citation was copied"
        )


async def test_enter_opens_the_selected_quote_in_its_meeting(sample: Briefing) -> None:
    app = QuoteBrowserApp(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("j", "enter")
        assert app.opened == [
            OpenLocation("nato-ministerial-2022-04-06", "nato-strategic-concept-dinner", STRATEGIC_CONCEPT)
        ]


async def test_bindings_have_descriptions_and_show_in_the_footer(sample: Briefing) -> None:
    app = QuoteBrowserApp(sample)
    async with app.run_test(size=(120, 36)):
        active = app.screen.active_bindings
        for key in ("f", "slash", "escape", "enter", "j", "k", "g", "G", "space", "b"):
            assert active[key].binding.description, key
        shown = {key for key, active_binding in active.items() if active_binding.binding.show}
        assert {"f", "enter"} <= shown


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

        text = screen_text(app)
        for literal in ("[/foo]", "[b]x[/b]", "[@click=app.quit]q[/]", "␛[2J", "<U+202E>evil",
                        "<script>alert(1)</script>"):
            assert literal in text, literal
        assert "\x1b" not in text and "\u202e" not in text and "\u200b" not in text
        assert detail(app, "text") == f"“We said {safe_text(HOSTILE)}”"
        for strip in app.screen._compositor.render_strips():
            for segment in strip:
                assert not (segment.style and segment.style.meta.get("@click")), segment


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
        await pilot.press(str(screen.pane_ids().index("quotes") + 1))  # the registry's order
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
        for keys, line in ((("j", "j"), lambda: 2), (("G",), lambda: detail_pane.max_scroll_y), (("g", "enter"), lambda: 0)):
            await pilot.press(*keys)  # a scroll lands a refresh after its key: wait for it (bounded)
            await wait_until(pilot, lambda line=line: detail_pane.scroll_y == line(), f"line {line()} after {keys}")
        assert detail_pane.max_scroll_y > 2
        await wait_until(pilot, lambda: bool(app.opened), "enter to open the quote's place")
        assert app.opened == [OpenLocation("fac-2022-04-11", "fac-ukraine", RUSSIAN_NARRATIVE)]


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
