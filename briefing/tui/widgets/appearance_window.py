"""The appearance list of someone who appears thousands of times: each group's first appearances, and
more when the reader asks for them.

Someone who attends every session of a meeting of 10,000 sessions has 10,000 appearances. Listing all
of them built 10,000 options and their line map at each move of the people list's cursor, about 100 ms
of the UI thread per `j` on the big book of issue 9 (item 7), whatever was on screen. Each group now
lists its first `SHOWN_PER_GROUP`; a last line says how many more there are, and enter on it lists the
next `MORE_STEP`. The group's heading still counts them all.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial

from textual.content import Content
from textual.widgets.option_list import Option

from briefing.render.vocabulary import Vocabulary
from briefing.search.people import Appearance, Group
from briefing.tui.widgets.lazy_options import LazyOption, known_option

SHOWN_PER_GROUP = 100
"""Appearances of one group listed before a "more" line (far more than a screen holds)."""

MORE_STEP = 500
"""Appearances one enter on a "more" line adds to its group."""

MORE_PREFIX = "more-"
"""Option id of a group's "more" line: this, then the group's value (an appearance's id is its index)."""

MORE_TEXT = "… {count} more: enter lists the next {step}"
"""The "more" line: an instruction of the app, in English as its others are (not the book's language)."""

GROUP_HEADINGS = {Group.MEETINGS: "Meetings", Group.SESSIONS: "Sessions", Group.QUOTES: "Quotes",
                  Group.MENTIONS: "Mentioned in"}
"""The headings of the appearance list, by the domain's group (in English: the book's vocabulary
translates them)."""


def group_runs(appearances: Sequence[Appearance]) -> list[tuple[Group, int, int]]:
    """`(group, first, end)` of each run of one group in `appearances` (they come grouped, in order)."""
    runs: list[tuple[Group, int, int]] = []
    start = 0
    for index in range(1, len(appearances) + 1):
        if index == len(appearances) or appearances[index].group != appearances[start].group:
            runs.append((appearances[start].group, start, index))
            start = index
    return runs


def more_id(group: Group) -> str:
    return f"{MORE_PREFIX}{group.value}"


def more_group(option_id: str | None) -> Group | None:
    """The group whose "more" line has id `option_id` (None for an appearance or a heading)."""
    if option_id is None or not option_id.startswith(MORE_PREFIX):
        return None
    return Group(option_id.removeprefix(MORE_PREFIX))


def appearance_options(appearances: Sequence[Appearance], shown: Mapping[Group, int], words: Vocabulary,
                       describe: Callable[[Appearance, Vocabulary], Content],
                       lines: Callable[[Appearance], int]) -> list[Option]:
    """A disabled heading per group with its count, the group's first `shown[group]` appearances
    (`SHOWN_PER_GROUP` by default; an option's id is the appearance's index) and, if some are left out,
    a "more" line."""
    options: list[Option] = []
    for group, start, end in group_runs(appearances):
        heading = words.label(GROUP_HEADINGS[group])
        options.append(known_option(Content.styled(f"{heading} ({end - start})", "$text-accent bold"), disabled=True))
        last = min(end, start + shown.get(group, SHOWN_PER_GROUP))
        # Lazy: only the options on screen are built.
        options.extend(LazyOption(partial(describe, appearances[index], words), lines=lines(appearances[index]),
                                  id=str(index)) for index in range(start, last))
        if last < end:
            text = MORE_TEXT.format(count=end - last, step=min(MORE_STEP, end - last))
            options.append(known_option(Content.styled(text, "$text-muted italic"), id=more_id(group)))
    return options


def widen(shown: dict[Group, int], group: Group) -> int:
    """Let `group` list `MORE_STEP` more appearances (in `shown`); return how many it listed before."""
    listed = shown.get(group, SHOWN_PER_GROUP)
    shown[group] = listed + MORE_STEP
    return listed


def first_of_group(appearances: Sequence[Appearance], group: Group) -> int:
    """Index of the first appearance of `group` (the list comes grouped)."""
    return next(start for run_group, start, _end in group_runs(appearances) if run_group is group)
