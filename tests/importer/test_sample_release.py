"""`briefing import` of the bundled release: the issue's 'done when', checked against the source itself."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.importer import Draft, draft_from_file
from briefing.loading import load_briefing, split_paragraphs

DATA = Path(__file__).resolve().parents[2] / "data"
RELEASE = DATA / "sources" / "2022-04-11-fac-luxembourg-and-nato-ministerial.txt"
SOURCE_TEXT = RELEASE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def draft() -> Draft:
    return draft_from_file(RELEASE)


def test_it_reproduces_the_17_paragraphs_as_validate_numbers_them(draft: Draft) -> None:
    assert draft.analysis.release.paragraphs == split_paragraphs(SOURCE_TEXT)
    assert len(draft.analysis.release.paragraphs) == 17
    passages = [p for m in draft.briefing.meetings for p in (*m.passages, *(x for s in m.sessions for x in s.passages))]
    assert sorted(p.source.paragraph for p in passages) == list(range(1, 18))


def test_it_finds_the_3_headings(draft: Draft) -> None:
    headings = [i + 1 for i, heading in enumerate(draft.analysis.headings) if heading]
    assert headings == [2, 4, 11]


def test_it_finds_the_4_quotes_verbatim_all_by_sophie_wilmes(draft: Draft) -> None:
    quotes = [q for m in draft.briefing.meetings for s in m.sessions for q in s.quotes]
    assert [q.source.paragraph for q in quotes] == [7, 13, 15, 16]
    assert {q.speaker for q in quotes} == {"sophie-wilmes"}
    # Verbatim: exactly what stands between “ and ” in the cited paragraph.
    for quote in quotes:
        paragraph = split_paragraphs(SOURCE_TEXT)[quote.source.paragraph - 1]
        assert f"“{quote.text}”" in paragraph
    assert quotes[0].text.endswith("Additional efforts are needed.")


def test_the_agenda_title_is_not_a_quote(draft: Draft) -> None:
    texts = [q.text for m in draft.briefing.meetings for s in m.sessions for q in s.quotes]
    assert not any("Women, Peace and Security" in text for text in texts)


def test_the_written_draft_validates_against_its_normalised_source(draft: Draft, tmp_path: Path) -> None:
    from briefing.importer import write_draft

    book = load_briefing(write_draft(draft, tmp_path))
    assert book.status == "draft"
    assert book.schema_version == 2


def test_the_year_comes_from_the_text_and_the_inference_is_noted(draft: Draft) -> None:
    assert str(draft.briefing.start) == "2022-04-06"
    assert str(draft.briefing.end) == "2022-04-11"
    assert "March 2022" in (draft.briefing.dates_note or "")
    assert "11 April 2022 was a Monday" in (draft.briefing.dates_note or "")


def test_people_come_with_their_titles(draft: Draft) -> None:
    people = {p.name: p for p in draft.briefing.people}
    assert people["Sophie Wilmès"].role == "Deputy Prime Minister and Minister of Foreign Affairs"
    assert people["Karim Khan"].role == "Prosecutor of the International Criminal Court"
    assert "Minister Kuleba" in people["Dmytro Kuleba"].aliases


def test_figures_are_the_ones_a_desk_officer_listed(draft: Draft) -> None:
    written = [f.as_written for m in draft.briefing.meetings for s in m.sessions for f in s.figures]
    assert written == ["third tranche", "500 million euros", "fifth package", "three Benelux countries",
                       "three Baltic States", "nine partners", "four Asia-Pacific partners", "141 states"]


def test_meetings_and_places(draft: Draft) -> None:
    meetings = draft.briefing.meetings
    assert [(m.place, str(m.start), str(m.end)) for m in meetings] == [
        ("Luxembourg", "2022-04-11", "2022-04-11"), ("Brussels", "2022-04-06", "2022-04-07")
    ]
    assert re.search("Foreign Affairs Council", meetings[0].title)
