"""Keys that reach the app in one read from the terminal (pasted, typed fast, sent by tmux `send-keys /mali`).

Pilot's `press` waits for the app to be idle after every key, so it never shows what a burst does: here the
keys are posted all at once, as the terminal driver posts the keys of one read.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from briefing.tui.app import BriefingApp
from briefing.tui.keys_follow_focus import takes_text
from briefing.tui.screens.note_editor import NoteEditor
from briefing.tui.widgets.item_block import ItemBlock
from briefing.tui.widgets.quote_browser import QuoteBrowser
from briefing.tui.widgets.safe_text_area import SafeTextArea
from briefing.tui.widgets.search_panel import SearchPanel
from tests.tui.keys import main_screen, meeting_key, settle, tab_key
from tests.waiting import wait_until

NAMED = {"/": ("slash", "/"), " ": ("space", " "), "\r": ("enter", "\r")}


def search_box_text(app: BriefingApp) -> str | None:
    panels = app.screen.query(SearchPanel)  # mounted by the burst's `/`
    return panels.first().input.value if panels else None


def send_burst(app: BriefingApp, keys: str) -> None:
    """Post `keys` to the app at once, with no refresh between them."""
    for character in keys:
        key, char = NAMED.get(character, (character, character))
        app.post_message(events.Key(key, char))


async def test_a_burst_that_opens_the_search_box_is_typed_into_it(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        send_burst(sample_app, "/qatar")  # `q` is Quit, anywhere but in a text box
        await wait_until(pilot, lambda: search_box_text(sample_app) == "qatar", "the burst typed into the search box",
                         seen=lambda: search_box_text(sample_app))
        assert sample_app.is_running


async def test_slash_mali_enter_in_one_burst_opens_the_hit(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        send_burst(sample_app, "/mali\r")
        screen = main_screen(sample_app)
        await wait_until(pilot, lambda: screen.search.cursor == 0 and screen.tabs.active == "meeting-fac-2022-04-11",
                         "the top hit for mali, opened", seen=lambda: (screen.search.query, screen.tabs.active))
        assert screen.search.query == "mali"
        assert sample_app.focused is not None and sample_app.focused.id == "session-fac-mali-sahel"


async def test_a_burst_after_a_tab_switch_reaches_the_list_filter(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        send_burst(sample_app, tab_key(sample_app, "quotes") + "fkuleba")
        await wait_until(pilot, lambda: bool(sample_app.screen.query(QuoteBrowser))
                         and sample_app.screen.query_one(QuoteBrowser).filter_input.value == "kuleba",
                         "the filter typed after the tab switch",
                         seen=lambda: [browser.filter_input.value for browser in sample_app.screen.query(QuoteBrowser)])


def test_text_boxes_are_told_from_other_widgets() -> None:
    assert takes_text(Input())
    assert not takes_text(None)
    assert not takes_text(ItemBlock.__new__(ItemBlock))


async def test_a_burst_that_opens_the_note_editor_is_the_note(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 40)) as pilot:
        await pilot.press(meeting_key(sample_app, "fac-2022-04-11"), "j", "j")
        await settle(pilot)
        assert isinstance(sample_app.focused, ItemBlock)
        send_burst(sample_app, "aCheck with Paris")  # `a` opens the editor on the focused item
        await wait_until(pilot, lambda: isinstance(sample_app.screen, NoteEditor)
                         and sample_app.screen.query_one(SafeTextArea).text == "Check with Paris",
                         "the note editor holding the burst's text",
                         seen=lambda: [area.text for area in sample_app.screen.query(SafeTextArea)])
