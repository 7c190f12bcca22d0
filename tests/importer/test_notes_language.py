"""The importer's own words — dating notes, notes on sessions, people and mentioned meetings, and the
report of what the author must still do — are in the release's language (English, French, Dutch)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.importer import draft_from_file, wording
from briefing.importer.report import found_lines, todo_lines

RELEASES = Path(__file__).resolve().parent / "releases"


def test_a_french_release_gets_french_notes_and_a_french_report() -> None:
    draft = draft_from_file(RELEASES / "ministere-conseil-fr.md", principal="Claire Dumont")
    book = draft.briefing
    assert book.dates_note is not None
    assert "comme un lundi, sans année" in book.dates_note and "Le 20 mars 2023 était un lundi" in book.dates_note
    notes = [s.dating_note for m in book.meetings for s in m.sessions]
    assert "Le texte dit «\u00a0la veille\u00a0» : compté à partir de la séance précédente." in notes
    assert book.referenced_meetings[0].note.startswith("Mentionnée comme à venir")
    assert book.issuer == "Émetteur non précisé"
    todo = todo_lines(draft)
    assert "rédiger les points clés et les positions de chaque séance (l’import vous les laisse)" in todo
    assert "indiquer l’émetteur du communiqué et du dossier (ou importer avec --issuer)" in todo
    assert found_lines(draft)[0].startswith("paragraphes : 17")
    assert "vérifier l’orateur de la citation du ¶6 : Claire Dumont (said X: pronom : l’orateur précédent)" in todo
    for text in (book.dates_note, *filter(None, notes), *todo):
        assert "the text" not in text.lower() and "check it" not in text, text


def test_a_dutch_release_gets_dutch_notes_and_a_dutch_report() -> None:
    draft = draft_from_file(RELEASES / "ministerie-navo-nl.txt")
    book = draft.briefing
    assert book.dates_note is not None and "zoals de tekst zegt" in book.dates_note
    assert book.principal_note == "Bij het importeren is geen principaal opgegeven (`--principal NAAM`)."
    assert any(line.startswith("geef de principaal") for line in todo_lines(draft))


def test_an_english_release_keeps_english_notes() -> None:
    draft = draft_from_file(RELEASES / "ministry-visit-en.txt", principal="Aoife Brennan")
    assert draft.briefing.dates_note is not None and "as the text says" in draft.briefing.dates_note
    assert "write key points and positions for each session (the importer leaves them to you)" in todo_lines(draft)


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_every_wording_the_importer_used_is_translated(language: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Import every test release, noting each English template used; each must exist in `language`."""
    used: set[str] = set()
    say = wording.say

    def noting(lang: str, english: str, **values: object) -> str:
        used.add(english)
        return say(lang, english, **values)

    monkeypatch.setattr(wording, "say", noting)
    for module in ("briefing.importer.dates", "briefing.importer.assemble", "briefing.importer.people",
                   "briefing.importer.report", "briefing.importer"):
        monkeypatch.setattr(f"{module}.say", noting)
    for release in sorted(RELEASES.iterdir()):
        draft = draft_from_file(release)
        found_lines(draft)
        todo_lines(draft)
    assert len(used) > 20, "the importer's wording went through `say`"
    missing = sorted(english for english in used if english not in wording.TRANSLATIONS[language])
    assert not missing, missing


def test_organisations_and_states_are_named_in_the_release_s_language() -> None:
    book = draft_from_file(RELEASES / "ministere-conseil-fr.md", principal="Claire Dumont").briefing
    names = {organisation.id: organisation.name for organisation in book.organisations}
    assert names["foreign-affairs-council"] == "Conseil des affaires étrangères"
    assert names["eu"] == "Union européenne"
    assert names["north-macedonia"] == "Macédoine du Nord" and names["belgium"] == "Belgique"
    assert book.meetings[0].country == "Belgique"
    english = draft_from_file(RELEASES / "ministry-visit-en.txt", principal="Aoife Brennan").briefing
    assert {"European Council", "Latvia"} <= {organisation.name for organisation in english.organisations}
