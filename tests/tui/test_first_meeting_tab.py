"""The first showing of a meeting tab (mounted while hidden, after the first frame): one layout pass, each
part of the screen drawn once, the text laid out with its scroll bar, at the hit when a search hit opens
it; a fold holds no box for its passages until it is opened.

Run as users do: the tabs mounted in the background after the first frame (`idle_mount`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual._compositor import Compositor
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Collapsible
from textual.widgets._collapsible import CollapsibleTitle

from briefing.tui.app import BriefingApp, make_app
from briefing.tui.widgets.item_block import ItemBlock
from briefing.tui.widgets.meeting_parts import PassageFold
from briefing.tui.widgets.meeting_view import LONG_MEETING, MeetingView
from briefing.tui.widgets.reader_scroll import SCROLL_OFF, ReaderOptionList
from tests.tui.keys import main_screen, meeting_key, search, settle
from tests.tui.test_big_books import book_of
from tests.tui.test_hit_in_meeting_tab import layout_passes_from_now

pytestmark = pytest.mark.idle_mount


async def first_showing(app: BriefingApp, pilot: Pilot, monkeypatch: pytest.MonkeyPatch) -> tuple[MeetingView, list[bool]]:
    """Press the first meeting's tab key once its tab is mounted (hidden); its view and the layout passes."""
    await settle(pilot)  # every tab mounted after the first frame, the index built
    meeting = app.briefing.meetings[0]
    view = main_screen(app).query_one(f"#meeting-{meeting.id}").query_one(MeetingView)
    assert not view.reader.size, "mounted, never shown"
    passes = layout_passes_from_now(monkeypatch)
    await pilot.press(meeting_key(app, meeting.id))
    await settle(pilot)
    return view, passes


async def test_a_meeting_tab_first_shown_is_laid_out_once_with_its_scroll_bar(
    sample_app: BriefingApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with sample_app.run_test(size=(120, 36)) as pilot:
        view, passes = await first_showing(sample_app, pilot, monkeypatch)
        # Shown for the first time, its containers got their sizes and the text its scroll bar in the pass;
        # each asked for a second pass of the whole screen, the text wrapped again one column narrower.
        assert passes == [False], f"layout passes (True: a scroll's) for the first showing: {passes}"
        reader = view.reader
        assert reader.show_vertical_scrollbar and reader.vertical_scrollbar.display
        width = reader.scrollable_content_region.width
        blocks = [block for block in view.query(ItemBlock) if block.region]
        assert blocks and all(block.outer_size.width == width for block in blocks), "laid out beside the bar"


async def test_a_long_meetings_session_list_is_sized_and_drawn_in_the_pass_that_shows_it(
    write_briefing: Callable[[dict], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(write_briefing(book_of(meetings=1, sessions=LONG_MEETING + 50)))
    asked: list[str] = []
    refresh = ReaderOptionList.refresh

    def recording(self: ReaderOptionList, *regions: object, **flags: bool) -> ReaderOptionList:
        asked.append(self.id or "")
        return refresh(self, *regions, **flags)  # type: ignore[arg-type]

    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(ReaderOptionList, "refresh", recording)
        view, passes = await first_showing(app, pilot, monkeypatch)
        session_list = view.query_one(ReaderOptionList)
        # Its bar appeared only once its lines were drawn (a second pass), and its first resize forgot the
        # lines the pass had just drawn, and asked for them to be drawn again.
        assert passes == [False], f"layout passes (True: a scroll's) for the first showing: {passes}"
        assert session_list.show_vertical_scrollbar and session_list.virtual_size.height == len(view.sessions)
        assert session_list.region.width > 0 and "session-list" not in asked, "drawn by the pass, not asked again"


async def test_a_short_meeting_shows_no_scroll_bar(
    write_briefing: Callable[[dict], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(write_briefing(book_of(meetings=1, sessions=1)))
    async with app.run_test(size=(120, 36)) as pilot:
        view, _ = await first_showing(app, pilot, monkeypatch)
        reader = view.reader
        assert reader.virtual_size.height <= reader.size.height
        assert not reader.show_vertical_scrollbar and not view.query_one(ReaderOptionList).show_vertical_scrollbar


async def test_a_fold_has_no_box_for_its_passages_until_opened(sample_app: BriefingApp) -> None:
    async with sample_app.run_test(size=(120, 36)) as pilot:
        view = await main_screen(sample_app).show_tab("meeting-fac-2022-04-11")
        await settle(pilot)
        assert isinstance(view, MeetingView)
        folds = list(view.query(PassageFold))
        assert folds and not [fold for fold in folds if fold.query(Collapsible.Contents)]
        fold = folds[0]
        fold.query_one("CollapsibleTitle").focus()
        await pilot.press("enter")
        await settle(pilot)
        contents = fold.query_one(Collapsible.Contents)
        assert [block.item_id for block in contents.query(ItemBlock) if block.region] == list(fold.item_ids)
        await pilot.press("enter")  # folded again: its passages stay, hidden
        await settle(pilot)
        assert fold.collapsed and not contents.display and len(contents.query(ItemBlock)) == len(fold.item_ids)


async def test_a_hit_in_a_meeting_tab_never_shown_is_drawn_at_the_hit_in_one_pass(
    write_briefing: Callable[[dict], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = book_of(meetings=2, sessions=8)
    meeting = data["meetings"][1]
    point = meeting["sessions"][6]["key_points"][0]
    point["text"] = "The Zanzibar accord was signed."
    app = make_app(write_briefing(data))
    async with app.run_test(size=(120, 36)) as pilot:
        await search(pilot, "zanzibar")
        view = main_screen(app).query_one(f"#meeting-{meeting['id']}").query_one(MeetingView)
        assert not view.reader.size, "its tab mounted, never shown"
        passes = layout_passes_from_now(monkeypatch)
        await pilot.press("enter")
        await settle(pilot)
        focused = app.focused
        assert isinstance(focused, ItemBlock) and focused.item_id == point["id"], "the cursor on the hit"
        # The view had no size yet, so the hit's place was not worked out before the pass: the text was laid
        # out and drawn at its top, then scrolled to the hit, drawing the whole screen again.
        assert passes == [False], f"layout passes (True: a scroll's) for the enter: {passes}"
        reader = view.reader
        assert reader.scroll_y == min(reader.y_of(focused) - SCROLL_OFF, reader.max_scroll_y) > 0
        assert reader.region.contains_region(focused.region), "the hit is on screen"


async def test_a_meeting_tab_first_shown_arranges_the_screen_once(
    sample_app: BriefingApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    arranged: list[bool] = []  # True: an arrangement of the whole screen made inside a layout pass
    in_pass = [False]
    arrange_root, refresh_layout = Compositor._arrange_root, Screen._refresh_layout

    def arranging(self: Compositor, *args: object, **options: object) -> object:
        arranged.append(in_pass[0])
        return arrange_root(self, *args, **options)  # type: ignore[arg-type]

    def laying_out(self: Screen, *args: object, **options: object) -> None:
        in_pass[0] = True
        try:
            refresh_layout(self, *args, **options)  # type: ignore[arg-type]
        finally:
            in_pass[0] = False

    async with sample_app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(Compositor, "_arrange_root", arranging)
        monkeypatch.setattr(Screen, "_refresh_layout", laying_out)
        meeting = sample_app.briefing.meetings[0]
        await pilot.press(meeting_key(sample_app, meeting.id))
        await settle(pilot)
        # The new scroll bars asked for their place while the pass arranged them, and the screen's map was
        # stale (the tab's widgets were drawn nowhere yet): the whole screen was arranged again for each. And
        # before the pass, widgets of hidden tabs asked to be drawn had made the map stale: the tab bar's
        # restyle arranged the whole screen once more to find where its tabs were.
        assert arranged == [True], f"arrangements of the whole screen (True: in the pass): {arranged}"


def test_a_fold_makes_its_title_once(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[str] = []
    init = CollapsibleTitle.__init__

    def counting(self: CollapsibleTitle, *args: object, **options: object) -> None:
        made.append(type(self).__name__)
        init(self, *args, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(CollapsibleTitle, "__init__", counting)
    fold = PassageFold(["p-1"], list, title="Source passages (1)")
    # Collapsible made a title of its own, which the fold then replaced with its FoldTitle.
    assert made == ["FoldTitle"]
    assert fold.title == "Source passages (1)" and fold.collapsed and fold.has_class("-collapsed")
    assert fold._title.label.plain == "Source passages (1)"
