"""The importer on releases written for these tests in the style of real ones (never copies of published
releases): an EU Council page saved from a browser (HTML, English), a ministry's account of a visit
(plain text, English), a ministry's Council release (Markdown, French) and a ministry's NATO release
(plain text, Dutch). Every quote is listed with
its speaker: the draft must find exactly these, verbatim, and attribute them right.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from briefing.importer import Draft, draft_from_file, write_draft
from briefing.loading import load_briefing

RELEASES = Path(__file__).resolve().parent / "releases"


@dataclass(frozen=True)
class Expected:
    file: str
    principal: str | None
    paragraphs: int
    headings: list[int]
    quotes: list[tuple[str, str, list[int], bool]]
    """(first words, speaker, paragraphs, truncated) of every quote, in order."""
    not_quotes: list[str]
    figures: list[str]
    people: dict[str, str | None]
    places: list[str | None]
    dates: tuple[str, str]


EXPECTED = [
    Expected(
        "council-press-release-en.html", None, 14, [2, 5, 10, 12],
        [
            ("Winter is being used as a weapon.", "Mirela Stanek", [8], False),
            ("We will not let the Ukrainian people", "Mirela Stanek", [8], False),
            ("the repression of women", "Mirela Stanek", [11], False),
            ("The future of the Western Balkans", "Mirela Stanek", [14], False),
            ("Enlargement is not a gift", "Mirela Stanek", [14], False),
        ],
        ["Global Gateway", "This is not a quote"],
        ["€2\u00a0billion", "some 15,000 Ukrainian soldiers", "ninth package", "27 member states", "29 individuals",
         "3 entities", "six Western Balkan partners", "€1.2 billion"],
        {"Mirela Stanek": "High Representative for Foreign Affairs and Security Policy",
         "Oleksandr Hrytsenko": "Minister of Foreign Affairs of Ukraine"},
        ["Brussels"], ("2022-11-14", "2022-11-14"),
    ),
    Expected(
        "ministry-visit-en.txt", "Aoife Brennan", 20, [1, 4, 7, 13, 16],
        [
            ("We cannot defend democracy abroad", "Aoife Brennan", [6], False),
            ("The pressure on our border", "Tomas Jankauskas", [8], False),
            ("We are grateful that our partners", "Tomas Jankauskas", [8], False),
            ("Ireland is militarily neutral", "Aoife Brennan", [9], False),
            ("Our support for Ukraine", "Aoife Brennan", [9], False),
            ("Since February 2022", "Aoife Brennan", [10], False),
            ("the Baltic states have always known", "Ilze Ozola", [14], False),
            ("small states have the most to lose", "Aoife Brennan", [15], False),
            ("You represent Ireland at its best.", "Aoife Brennan", [18, 19], False),
            ("We will go to Brussels with one message", "Aoife Brennan", [20], True),
        ],
        ["Team Europe"],
        ["some 40 civil society organisations", "€122 million", "two ministers", "eleventh package",
         "three Baltic foreign ministers", "nearly 200 members"],
        {"Aoife Brennan": "Tánaiste and Minister for Foreign Affairs",
         "Tomas Jankauskas": "Minister of Foreign Affairs of Lithuania", "Ilze Ozola": None},
        ["Vilnius"], ("2023-03-07", "2023-03-08"),
    ),
    Expected(
        "ministere-conseil-fr.md", "Claire Dumont", 17, [1, 4, 7, 12, 15],
        [
            ("La Belgique continuera", "Claire Dumont", [5], False),
            ("Nous avons entendu le message de Kyiv", "Claire Dumont", [6], False),
            ("Chaque euro investi", "Claire Dumont", [9], False),
            ("l’Union doit maintenant passer", "Josep Valls", [10], False),
            ("il n’y a pas de paix juste", "Claire Dumont", [11], False),
            ("Nous ne pouvons pas abandonner", "Claire Dumont", [14], False),
            ("Nous irons à Luxembourg", "Claire Dumont", [17], True),
        ],
        ["Boussole stratégique"],
        ["troisième tranche", "1,5 milliard d’euros", "Près de 2 000 soldats", "quelque 4,7 millions de personnes",
         "six pays"],
        {"Claire Dumont": "vice-Première ministre et ministre des Affaires étrangères",
         "Andriy Melnyk": "ministre des Affaires étrangères de l’Ukraine", "Josep Valls": "Haut représentant"},
        ["Bruxelles"], ("2023-03-19", "2023-03-20"),
    ),
    # Written after the importer was tuned on the three above, to measure it on unseen text; the three
    # faults it showed (a role starting "Volgens de", "ruim" lost before a year, "onze" read as eleven in
    # Dutch) were then fixed.
    Expected(
        "ministerie-navo-nl.txt", "Pieter Vermeulen", 11, [1, 4, 7],
        [
            ("Finland en Zweden maken de NAVO sterker", "Pieter Vermeulen", [5], False),
            ("De veiligheid van Europa is ondeelbaar.", "Pieter Vermeulen", [6], False),
            ("is de steun van de Benelux", "Karin Lindqvist", [6], False),
            ("Wij laten Oekraïne niet los.", "Pieter Vermeulen", [9], False),
            ("Kritieke infrastructuur is geen gewone handelswaar", "Pieter Vermeulen", [11], False),
        ],
        [],
        ["ruim 200 miljoen euro", "bijna 1.500 Oekraïense militairen", "derde opleidingsronde"],
        {"Pieter Vermeulen": "Minister van Buitenlandse Zaken", "Karin Lindqvist": "Zweedse minister van Buitenlandse Zaken"},
        ["Brussel"], ("2023-02-13", "2023-02-14"),
    ),
]


@pytest.fixture(scope="module", params=EXPECTED, ids=[e.file for e in EXPECTED])
def case(request: pytest.FixtureRequest) -> tuple[Expected, Draft]:
    expected: Expected = request.param
    return expected, draft_from_file(RELEASES / expected.file, principal=expected.principal)


def test_paragraphs_and_headings(case: tuple[Expected, Draft]) -> None:
    expected, draft = case
    assert len(draft.analysis.release.paragraphs) == expected.paragraphs
    assert [i + 1 for i, heading in enumerate(draft.analysis.headings) if heading] == expected.headings


def test_every_quote_found_verbatim_with_its_speaker(case: tuple[Expected, Draft]) -> None:
    expected, draft = case
    people = {p.id: p.name for p in draft.briefing.people}
    paragraphs = draft.analysis.release.paragraphs
    found = []
    for quote in (q for m in draft.briefing.meetings for s in m.sessions for q in s.quotes):
        numbers = list(quote.source.paragraphs)
        for part, number in zip(quote.text.split("\n\n"), numbers, strict=True):
            assert part in paragraphs[number - 1]
        found.append((quote.text, people[quote.speaker], numbers, quote.truncated))
    assert len(found) == len(expected.quotes)
    for (text, speaker, numbers, truncated), (start, want_speaker, want_numbers, want_truncated) in zip(
        found, expected.quotes, strict=True
    ):
        assert text.startswith(start)
        assert (speaker, numbers, truncated) == (want_speaker, want_numbers, want_truncated), start
    for title in expected.not_quotes:
        assert not any(title in text for text, *_ in found)


def test_figures_people_places_and_dates(case: tuple[Expected, Draft]) -> None:
    expected, draft = case
    book = draft.briefing
    assert [f.as_written for m in book.meetings for s in m.sessions for f in s.figures] == expected.figures
    assert {p.name: p.role for p in book.people} == expected.people
    assert [m.place for m in book.meetings] == expected.places
    assert (str(book.start), str(book.end)) == expected.dates


def test_the_written_draft_validates(case: tuple[Expected, Draft], tmp_path: Path) -> None:
    _, draft = case
    assert load_briefing(write_draft(draft, tmp_path)).status == "draft"


def test_the_saved_page_lost_its_chrome() -> None:
    text = draft_from_file(RELEASES / "council-press-release-en.html").source_text
    for chrome in ("cookies", "Skip to main content", "Main menu", "Related content", "Legal notice", "LinkedIn",
                   "analytics", "Download PDF"):
        assert chrome not in text
