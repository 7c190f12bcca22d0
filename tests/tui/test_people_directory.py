"""The people and organisations directory: entries, appearances, keys, open a place, sizes, hostile text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from textual.app import App, ComposeResult
from textual.widgets import Input, Static

from briefing.model import Briefing, BriefingLookup, Person
from briefing.render.safety import is_safe_text
from briefing.search.folding import fold
from briefing.search.people import DirectoryEntry, Group, find_appearances, mention_query
from briefing.tui.messages import OpenLocation
from briefing.tui.widgets.people_directory import (
    MENTION_STYLE,
    PeopleDirectory,
    build_entries,
    describe,
    mention_in_context,
)
from tests.factories import hostile_briefing, minimal_briefing_dict
from tests.tui.keys import StyledLikeTheApp, tab_key
from tests.tui.screen_text import assert_shown_literally, screen_text
from tests.waiting import press_until

WILMES = "sophie-wilmes"


class DirectoryApp(StyledLikeTheApp, App[None]):
    """The directory alone, recording the places it asks to open."""

    def __init__(self, briefing: Briefing) -> None:
        super().__init__()
        self.lookup = BriefingLookup(briefing)
        self.opened: list[OpenLocation] = []

    def compose(self) -> ComposeResult:
        yield PeopleDirectory(self.lookup, id="people")

    def on_mount(self) -> None:
        self.query_one(PeopleDirectory).focus()

    def on_open_location(self, message: OpenLocation) -> None:
        self.opened.append(message)


def directory(app: App) -> PeopleDirectory:
    return app.query_one(PeopleDirectory)


def entry(lookup: BriefingLookup, identifier: str) -> DirectoryEntry:
    return next(candidate for candidate in build_entries(lookup) if candidate.id == identifier)


async def select_entry(pilot, app: App, name: str) -> None:
    """Filter down to `name` and go back to the list, as a user would."""
    await pilot.press("f", *name, "enter")
    assert app.focused is directory(app).entry_list


# Pure functions ---------------------------------------------------------------------------------


def test_entries_are_people_by_surname_then_organisations(sample: Briefing) -> None:
    entries = build_entries(BriefingLookup(sample))
    people = [candidate.actor.name for candidate in entries if candidate.is_person]
    assert people == ["Fatou Bensouda", "Karim Khan", "Dmytro Kuleba", "Sophie Wilmès"]
    assert len(entries) == len(sample.people) + len(sample.organisations)
    assert all(candidate.is_person for candidate in entries[: len(people)])


def test_appearances_read_as_the_app_phrases_them_with_the_mention_marked(sample: Briefing) -> None:
    """The domain (who appears where) is the search layer's; the list's wording and marks are the app's."""
    lookup = BriefingLookup(sample)
    appearances = find_appearances(lookup, lookup.people[WILMES])
    labels = {appearance.group: describe(appearance) for appearance in appearances}
    assert labels[Group.MEETINGS].plain.startswith("Participant  ")
    assert labels[Group.QUOTES].plain.startswith("Said  ") and "“" in labels[Group.QUOTES].plain
    mention = labels[Group.MENTIONS]
    marked = [mention.plain[span.start:span.end] for span in mention.spans if span.style == MENTION_STYLE]
    assert marked and all(fold(text) == fold("Sophie Wilmès") for text in marked)


# The widget -------------------------------------------------------------------------------------


async def test_lists_people_and_organisations_with_details(sample: Briefing) -> None:
    app = DirectoryApp(sample)
    async with app.run_test(size=(120, 36)):
        entry_list = directory(app).entry_list
        ids = [option.id for option in entry_list.options if option.id]
        assert set(ids) == {p.id for p in sample.people} | {o.id for o in sample.organisations}
        headings = [str(option.prompt) for option in entry_list.options if option.disabled]
        assert headings == ["People (4)", f"Organisations ({len(sample.organisations)})"]
        assert directory(app).selected_entry.actor.name == "Fatou Bensouda"
        text = screen_text(app)
        assert "Dmytro Kuleba" in text and "International Criminal Court  ICC" in text


async def test_selecting_wilmes_lists_her_quotes_and_sessions(sample: Briefing) -> None:
    app = DirectoryApp(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await select_entry(pilot, app, "wilmes")
        assert directory(app).selected_entry.id == WILMES
        about = str(app.query_one("#people-about", Static).content)
        assert "Deputy Prime Minister and Minister of Foreign Affairs" in about
        assert "Belgium" in about and "principal" in about
        prompts = [str(option.prompt) for option in directory(app).appearance_list.options]
        assert "Quotes (4)" in prompts and "Sessions (7)" in prompts  # the neighbourhood is part of the Ukraine session
        assert any("Working session on Ukraine, 11 April 2022" in p and "Russia does not hesitate" in p
                   for p in prompts)
        assert any(p.startswith("Participant  Working dinner on NATO’s strategic concept") for p in prompts)
        mention = describe(next(a for a in directory(app).appearances if a.item_id == "src-p01"))
        marked = [mention.plain[span.start:span.end] for span in mention.spans if span.style == MENTION_STYLE]
        assert marked == ["Sophie Wilmès"]


async def test_enter_on_an_appearance_opens_it(sample: Briefing) -> None:
    app = DirectoryApp(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await select_entry(pilot, app, "wilmes")
        await pilot.press("enter")  # enter on an entry goes to its appearances
        people = directory(app)
        assert app.focused is people.appearance_list
        assert people.selected_appearance.group == Group.MEETINGS
        await pilot.press("enter")
        assert app.opened == [OpenLocation("fac-2022-04-11")]
        await press_until(pilot, "j", lambda: people.selected_appearance.group == Group.QUOTES, "her quotes",
                          seen=lambda: people.selected_appearance)
        await pilot.press("enter")
        assert app.opened[-1] == OpenLocation("fac-2022-04-11", "fac-ukraine", "quote-russian-narrative")
        await pilot.press("G", "enter")
        last = people.appearances[-1]
        assert app.opened[-1] == OpenLocation(last.meeting_id, last.session_id, last.item_id)


async def test_keys_move_and_tab_switches_lists(sample: Briefing) -> None:
    app = DirectoryApp(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        people = directory(app)
        await pilot.press("j")
        assert people.selected_entry.actor.name == "Karim Khan"
        await pilot.press("down", "down", "k")
        assert people.selected_entry.actor.name == "Dmytro Kuleba"
        await pilot.press("G")
        assert people.selected_entry.id == build_entries(app.lookup)[-1].id
        await pilot.press("g")
        assert people.selected_entry.actor.name == "Fatou Bensouda"  # the heading is skipped
        await pilot.press("tab")
        assert app.focused is people.appearance_list
        await pilot.press("tab")
        assert app.focused is people.entry_list
        await pilot.press("tab", "escape")
        assert app.focused is people.entry_list


async def test_filter_is_accent_insensitive_and_says_when_nobody_matches(sample: Briefing) -> None:
    app = DirectoryApp(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f", *"WILMÈS")
        assert [candidate.id for candidate in directory(app).listed] == [WILMES]
        await pilot.press(*"zzz")
        assert directory(app).listed == []
        assert "Nobody matches “WILMÈSzzz”." in screen_text(app)
        await pilot.press("escape")
        assert app.query_one("#people-filter", Input).value == "WILMÈSzzz", "escape leaves the box, keeping it"
        await pilot.press("escape")
        assert app.query_one("#people-filter", Input).value == "", "escape on the list clears the filter"
        assert len(directory(app).listed) == len(build_entries(app.lookup))


async def test_small_terminal_does_not_crash(sample: Briefing) -> None:
    app = DirectoryApp(sample)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("j", "G", "g", "tab", "j", "enter", "tab", "f", *"icc", "enter", "enter", "enter")
        assert app.is_running
        assert len(app.opened) == 2
        selected = directory(app).selected_entry
        assert selected.id == "fatou-bensouda"  # the first match of "icc", through her organisation
        text = screen_text(app)
        assert "Fatou Bensouda" in text and "Mentioned in (2)" in text


async def test_hostile_text_is_shown_literally_and_never_acts() -> None:
    app = DirectoryApp(hostile_briefing())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("j", "k", "g", "G", "g", "tab", "j", "enter", "tab")
        await pilot.press("f", *"foo", "enter")
        assert app.is_running and app.return_code is None
        assert len(app.opened) == 1
        assert {candidate.id for candidate in directory(app).listed} == {"minister", "ministry"}
        assert_shown_literally(app)


# In the app users run ---------------------------------------------------------------------------


async def test_in_the_app_an_appearance_opens_its_meeting_tab(sample_path: Path) -> None:
    from briefing.tui.app import make_app
    from briefing.tui.screens.main_screen import MainScreen, meeting_pane_id
    from briefing.tui.widgets.item_block import ItemBlock

    app = make_app(sample_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()  # the app may mount the hidden tabs after its first frame
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press(tab_key(app, "people"))
        await pilot.pause()
        people = app.query_one(PeopleDirectory)
        assert app.focused is people.entry_list
        await pilot.press("f", *"kuleba", "enter", "enter")
        assert people.selected_entry.id == "dmytro-kuleba"
        await press_until(pilot, "j", lambda: people.selected_appearance.group == Group.MENTIONS,
                          "a mention of Kuleba", seen=lambda: people.selected_appearance)
        target = people.selected_appearance
        await pilot.press("enter")
        await pilot.pause()
        assert screen.tabs.active == meeting_pane_id(target.meeting_id)
        assert isinstance(app.focused, ItemBlock) and app.focused.item_id == target.item_id


PRINTABLE = st.characters(blacklist_categories=("Cc", "Cf", "Cs")).filter(is_safe_text)
"""Characters that `safe_text` leaves alone, so that what is marked can be compared with what matched."""


@settings(max_examples=300, deadline=None)
@given(name=st.text(PRINTABLE, min_size=1, max_size=20), before=st.text(PRINTABLE, max_size=50),
       after=st.text(PRINTABLE, max_size=50))
def test_a_name_is_found_in_any_text_around_it(name: str, before: str, after: str) -> None:
    person = Person(id="someone", name=name)
    query = mention_query(person)
    text = f"{before} {name} {after}"
    content = mention_in_context(text, tuple(query.spans(text)))
    for span in content.spans:
        assert 0 <= span.start < span.end <= len(content.plain)
        assert query.spans(content.plain[span.start:span.end]), "only what the search layer matched is marked"


async def test_someone_who_appears_nowhere_says_so_and_enter_opens_nothing() -> None:
    data = minimal_briefing_dict()
    data.update(organisations=[])
    data["people"] = [{"id": "minister", "name": "Ann Minister"}]
    meeting = data["meetings"][0]
    meeting.update(organiser=None, participants=[])
    meeting["sessions"][0].update(participants=[], quotes=[])
    app = DirectoryApp(Briefing.model_validate(data))
    async with app.run_test(size=(80, 24)) as pilot:
        assert directory(app).appearances == []
        assert "Not mentioned anywhere else in the book." in screen_text(app)
        await pilot.press("enter", "tab", "enter", "f", *"zzz")
        assert "Nobody matches “zzz”." in screen_text(app)
        assert app.is_running and app.opened == []


async def test_a_click_selects_and_a_double_click_opens(sample: Briefing) -> None:
    app = DirectoryApp(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        people = directory(app)
        await pilot.click(people.entry_list, offset=(4, 5))  # border, "People (4)", then the 4th person
        assert people.selected_entry.id == WILMES
        assert app.focused is people.entry_list
        first_appearance_row = 2  # border, "Meetings (2)"
        await pilot.click(people.appearance_list, offset=(4, first_appearance_row))
        assert app.opened == []
        await pilot.double_click(people.appearance_list, offset=(4, first_appearance_row))
        assert app.opened == [OpenLocation("fac-2022-04-11")]
