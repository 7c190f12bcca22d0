"""The quote browser: listing, accent-insensitive filter, keys, detail pane, copy and open."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Input, Static

from briefing.model import Briefing, BriefingLookup
from briefing.search.matching import compile_filter
from briefing.search.quotes import build_quote_entries, filter_quotes
from briefing.tui.messages import OpenLocation
from briefing.tui.widgets.quote_browser import MATCH_STYLE
from tests.factories import changed, minimal_briefing_dict
from tests.tui.quote_browser_harness import (
    RUSSIAN_NARRATIVE,
    STRATEGIC_CONCEPT,
    QuoteBrowserApp,
    browser,
    detail,
    listed_ids,
)
from tests.tui.screen_text import screen_text

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
            list_region = app.query_one("#quote-list").region
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
