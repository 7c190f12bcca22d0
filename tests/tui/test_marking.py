"""The classification marking is shown whole, wrapped if need be, and never cut silently (issue 9, item 10)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.tui.app import make_app
from briefing.tui.widgets.classification_bar import MAX_LINES, ClassificationBar
from tests.factories import changed, minimal_briefing_dict
from tests.tui.screen_text import screen_lines

LONG = "RESTREINT UE/EU RESTRICTED – RELEASABLE TO NATO – NOT FOR ONWARD TRANSMISSION"
ENDLESS = " ".join(["SECRET//NOFORN"] * 30)  # 449 characters: the model allows 500


def book(tmp_path: Path, marking: str) -> Path:
    path = tmp_path / "book.json"
    path.write_text(json.dumps(changed(minimal_briefing_dict(), ("classification",), marking)), encoding="utf-8")
    return path


@pytest.mark.parametrize("size", [(40, 12), (80, 24)])
async def test_a_long_marking_wraps_and_is_shown_whole(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(book(tmp_path, LONG))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        top = app.screen.query_one("#marking-top", ClassificationBar)
        lines = screen_lines(app)[: top.size.height]
        assert " ".join(" ".join(lines).split()) == LONG
        assert top.size.height == (1 if len(LONG) <= size[0] else 2)


async def test_an_endless_marking_ends_in_an_ellipsis_after_a_few_lines(tmp_path: Path) -> None:
    app = make_app(book(tmp_path, ENDLESS))
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        for bar_id in ("#marking-top", "#marking-bottom"):
            assert app.screen.query_one(bar_id, ClassificationBar).size.height == MAX_LINES
        lines = screen_lines(app)[:MAX_LINES]
        assert lines[-1].rstrip().endswith("…")
        assert " ".join(" ".join(lines).split()).rstrip("…").strip() in ENDLESS


@pytest.mark.parametrize(("language", "word"), [("en", "DRAFT"), ("fr", "PROJET")])
async def test_a_draft_says_so_beside_the_marking_on_every_screen(tmp_path: Path, language: str, word: str) -> None:
    data = changed(changed(minimal_briefing_dict(), ("schema_version",), 2), ("language",), language)
    data["status"] = "draft"
    path = tmp_path / "book.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for bar_id in ("#marking-top", "#marking-bottom"):
            assert app.screen.query_one(bar_id, ClassificationBar).classification == f"{word} · UNCLASSIFIED – PUBLIC"
        assert f"{word} · UNCLASSIFIED – PUBLIC" in screen_lines(app)[0]
        await pilot.press("question_mark")  # a modal (help) carries the marking too
        await pilot.pause()
        modal = app.screen.query_one("#modal-marking-top", ClassificationBar)
        assert modal.classification.startswith(f"{word} · ")


async def test_a_final_book_shows_its_marking_alone(tmp_path: Path) -> None:
    app = make_app(book(tmp_path, "SECRET"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#marking-top", ClassificationBar).classification == "SECRET"
