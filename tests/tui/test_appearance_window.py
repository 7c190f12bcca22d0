"""Someone who appears thousands of times: each group lists its first appearances, and enter on its
"more" line lists the next ones (`briefing.tui.widgets.appearance_window`)."""

from __future__ import annotations

from itertools import pairwise

import pytest

from briefing.model import Briefing, BriefingLookup
from briefing.search.people import Group, find_appearances
from briefing.tui.widgets import appearance_window
from briefing.tui.widgets.appearance_window import group_runs
from tests.tui.test_people_directory import DirectoryApp, directory, select_entry
from tests.waiting import press_until


def listed(app: DirectoryApp, group: Group) -> list[int]:
    """Indexes (into the entry's appearances) of the listed appearances of `group`."""
    people = directory(app)
    ids = [option.id for option in people.appearance_list.options if option.id and option.id.isdigit()]
    return [int(i) for i in ids if people.appearances[int(i)].group is group]


def prompts(app: DirectoryApp) -> list[str]:
    return [str(option.prompt) for option in directory(app).appearance_list.options]


async def test_a_long_group_lists_its_first_appearances_then_more_on_enter(
    sample: Briefing, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(appearance_window, "SHOWN_PER_GROUP", 2)  # Wilmès's 7 sessions play 10,000
    monkeypatch.setattr(appearance_window, "MORE_STEP", 3)
    app = DirectoryApp(sample)
    async with app.run_test(size=(120, 36)) as pilot:
        await select_entry(pilot, app, "wilmes")
        people = directory(app)
        first = next(start for group, start, _end in group_runs(people.appearances) if group is Group.SESSIONS)
        assert "Sessions (7)" in prompts(app), "the heading counts them all"
        assert listed(app, Group.SESSIONS) == [first, first + 1]
        assert "… 5 more: enter lists the next 3" in prompts(app)
        await pilot.press("enter")  # to the appearances
        await press_until(pilot, "j", lambda: people.appearance_list.highlighted_option.id == "more-sessions",
                          "the sessions' more line", seen=lambda: people.appearance_list.highlighted_option)
        assert people.selected_appearance is None, "the more line is no appearance (y copies the entry)"
        await pilot.press("enter")
        assert app.opened == [], "enter on the more line opens nothing"
        assert listed(app, Group.SESSIONS) == list(range(first, first + 5))
        assert people.selected_appearance is people.appearances[first + 2], "the cursor on the first new one"
        assert "… 2 more: enter lists the next 2" in prompts(app)
        await press_until(pilot, "j", lambda: people.appearance_list.highlighted_option.id == "more-sessions",
                          "the sessions' more line again", seen=lambda: people.appearance_list.highlighted_option)
        await pilot.press("enter")
        assert listed(app, Group.SESSIONS) == list(range(first, first + 7))
        assert not any("more: enter lists" in prompt for prompt in prompts(app) if "Sessions" in prompt)
        assert len(listed(app, Group.QUOTES)) == 2, "each group has its own window"
        await pilot.press("enter")  # an appearance still opens
        assert len(app.opened) == 1


def test_runs_of_groups_cover_the_list_in_order(sample: Briefing) -> None:
    lookup = BriefingLookup(sample)
    appearances = find_appearances(lookup, lookup.people["sophie-wilmes"])
    runs = group_runs(appearances)
    assert [group for group, _start, _end in runs] == [Group.MEETINGS, Group.SESSIONS, Group.QUOTES, Group.MENTIONS]
    assert runs[0][1] == 0 and runs[-1][2] == len(appearances)
    assert all(end == next_start for (_g, _s, end), (_h, next_start, _e) in pairwise(runs))
    assert group_runs([]) == []
