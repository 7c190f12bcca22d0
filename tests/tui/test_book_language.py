"""A book in French reads in French: the book's labels, dates, parts of day and quotation marks on every
view, in the citation `y` copies and in the notes list. (The app's own keys, tab names and instructions
stay English.)

The book (tests/tui/books/conseil-fr) was drafted by `briefing import` from a release written for these
tests (tests/importer/releases/ministere-conseil-fr.md) and finished by hand.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from briefing.render.vocabulary import PHRASEBOOKS
from briefing.tui.app import BriefingApp, make_app
from tests.tui.keys import meeting_key, search, settle, tab_key
from tests.tui.screen_text import screen_text

FRENCH_BOOK = Path(__file__).parent / "books" / "conseil-fr" / "briefing.json"
SIZE = (120, 40)
MEETING = "meeting-1"


def french_app() -> BriefingApp:
    return make_app(FRENCH_BOOK)


def assert_none_of(text: str, *english: str) -> None:
    for words in english:
        assert words not in text, f"English {words!r} on a French book's screen"


async def open_tab(pilot: Pilot, key: str) -> str:
    await pilot.press(key)
    await settle(pilot)
    await pilot.pause()
    return screen_text(pilot.app)


async def test_the_overview_of_a_french_book_is_in_french() -> None:
    app = french_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        for words in ("Dossier", "Destinataire: Claire Dumont", "Dates: 19–20 mars 2023", "Réunions",
                      "Chronologie", "19 mars 2023", "soir", "matin", "Positions clés", "Chiffres"):
            assert words in text, words
        assert_none_of(text, "Timeline", "March", "Principal:", "evening", "Key positions", "Figures")
        # The sub-title (dates and principal) follows the book too.
        assert app.main_screen.sub_title.startswith("19–20 mars 2023")


async def test_a_meeting_tab_labels_items_and_sessions_in_french() -> None:
    app = french_app()
    async with app.run_test(size=SIZE) as pilot:
        text = await open_tab(pilot, meeting_key(app, MEETING))
        for words in ("Conseil de l’UE · 19–20 mars 2023 · Bruxelles, Belgique", "19 mars 2023, soir",
                      "Datation: Le communiqué", "Point clé:", "Chiffre:", "Extraits de la source (2)",
                      "Extraits de la source sur la réunion (3)"):
            assert words in text, words
        assert_none_of(text, "Key point", "Dating:", "Source passages", "evening")
        await pilot.press("right_square_bracket", "right_square_bracket")
        await settle(pilot)
        text = screen_text(app)
        assert "Citation: « La Belgique continuera" in text  # the language's quotation marks, kind label


async def test_the_quote_browser_in_french_and_y_copies_a_french_citation() -> None:
    app = french_app()
    async with app.run_test(size=SIZE) as pilot:
        text = await open_tab(pilot, tab_key(app, "quotes"))
        for words in ("20 mars 2023", "« La Belgique continuera", "Réunion  Conseil des affaires étrangères",
                      "Séance   Petit-déjeuner avec le ministre ukrainien (matin", "Extrait — "):
            assert words in text, words
        assert_none_of(text, "“", "Meeting ", "Session ", "Source passage")
        await pilot.press("y")
        await pilot.pause()
        copied = app.clipboard
        assert copied.startswith("«\u00a0La Belgique continuera")
        assert "\u00a0» — Claire Dumont" in copied
        assert "Bruxelles, 20 mars 2023 (source: Ministère des Affaires étrangères" in copied


async def test_the_people_directory_in_french() -> None:
    app = french_app()
    async with app.run_test(size=SIZE) as pilot:
        text = await open_tab(pilot, tab_key(app, "people"))
        for words in ("Personnes (3)", "Organisations (11)", "Fonction", "Réunions (1)", "Séances (5)",
                      "Le destinataire de ce dossier."):
            assert words in text, words
        assert_none_of(text, "People (", "Role ", "Meetings (", "Organiser", "The principal")


async def test_search_results_name_kinds_in_the_book_s_language() -> None:
    app = french_app()
    async with app.run_test(size=SIZE) as pilot:
        await search(pilot, "Belgique")
        results = app.screen.query_one("#search-results", OptionList)
        text = "\n".join(results.get_option_at_index(index).prompt.plain  # type: ignore[union-attr]
                         for index in range(results.option_count))
        assert "réunion · " in text and "citation · Claire Dumont" in text and "personne · " in text
        assert "Personnes et organisations" in text
        assert_none_of(text, "meeting ·", "quote ·", "person ·", "People & organisations")


async def test_the_notes_list_describes_items_in_the_book_s_language() -> None:
    app = french_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.reader is not None
        assert app.reader.describe("kp-munitions").startswith("point clé: Point sur les besoins")
        assert app.reader.describe("quote-1-la-belgique-continuera-a-soutenir").startswith("citation: ")


async def test_a_french_draft_is_marked_projet_top_and_bottom(tmp_path: Path) -> None:
    data = json.loads(FRENCH_BOOK.read_text(encoding="utf-8"))
    data["status"] = "draft"
    book = tmp_path / "briefing.json"
    book.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        marks = [line.strip() for line in screen_text(app).splitlines() if "UNCLASSIFIED" in line]
        assert marks == ["PROJET · UNCLASSIFIED", "PROJET · UNCLASSIFIED"]


TUI = Path(__file__).parents[2] / "briefing" / "tui"
LABEL_CALL = re.compile(r"""words\.(?:label|phrase)\(\s*(?:"([^"]+)"|'([^']+)')""")


def labels_the_app_asks_for() -> set[str]:
    """Every label the app's code asks the vocabulary for by its English wording (literal calls)."""
    found: set[str] = set()
    for module in TUI.rglob("*.py"):
        found.update(double or single for double, single in LABEL_CALL.findall(module.read_text(encoding="utf-8")))
    from briefing.tui.widgets import appearance_window, meeting_parts, people_directory, quote_browser

    found.update(meeting_parts.LABELS, quote_browser.DETAIL_LABELS, people_directory.DETAIL_LABELS,
                 appearance_window.GROUP_HEADINGS.values())
    return found


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_every_label_of_the_app_is_translated(language: str) -> None:
    asked = labels_the_app_asks_for()
    assert len(asked) > 30, "the scan of the app's code found its labels"
    labels = PHRASEBOOKS[language].labels or {}
    missing = sorted(label for label in asked if label not in labels)
    assert not missing, f"{language} lacks {missing}"


async def test_the_changes_notice_names_kinds_in_the_book_s_language(tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "livre"
    shutil.copytree(FRENCH_BOOK.parent, folder)
    book = folder / "briefing.json"
    async with make_app(book).run_test(size=SIZE) as pilot:  # the first reading
        await settle(pilot)
    data = json.loads(book.read_text(encoding="utf-8"))
    data["meetings"][0]["sessions"][0]["key_points"].append(
        {"id": "kp-nouveau", "text": "Un point ajouté pendant la nuit.",
         "sources": [{"document": "ministere-conseil-fr", "paragraph": 5}]})
    book.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    app = make_app(book, start_at_top=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert " NEW  point clé: Un point ajouté pendant la nuit." in text
        assert "key point:" not in text
