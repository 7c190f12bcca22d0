"""The book's `language` drives labels, dates (Babel's CLDR data) and quotation marks; drafts say DRAFT."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.model import Briefing, BriefingLookup
from briefing.render.citation import quote_citation
from briefing.render.export import export_summary
from briefing.render.vocabulary import vocabulary
from tests.factories import changed, minimal_briefing_dict


@pytest.mark.parametrize(
    ("language", "day", "span", "across", "quoted", "draft"),
    [
        ("en", "11 April 2022", "6–7 April 2022", "30 March – 1 April 2022", "“x”", "DRAFT · SECRET"),
        ("fr", "11 avril 2022", "6–7 avril 2022", "30 mars – 1 avril 2022", "«\u00a0x\u00a0»", "PROJET · SECRET"),
        ("nl", "11 april 2022", "6–7 april 2022", "30 maart – 1 april 2022", "„x”", "ONTWERP · SECRET"),
    ],
)
def test_dates_marks_and_marking_per_language(
    language: str, day: str, span: str, across: str, quoted: str, draft: str
) -> None:
    words = vocabulary(language)
    assert words.date(dt.date(2022, 4, 11)) == day
    assert words.date_range(dt.date(2022, 4, 6), dt.date(2022, 4, 7)) == span
    assert words.date_range(dt.date(2022, 3, 30), dt.date(2022, 4, 1)) == across
    assert words.quote("x") == quoted
    assert words.marking("SECRET", "draft") == draft
    assert words.marking("SECRET", "final") == "SECRET"


def test_an_unknown_language_reads_as_english() -> None:
    assert vocabulary("de-AT").date(dt.date(2022, 4, 11)) == "11 April 2022"
    assert vocabulary("fr-BE").language == "fr"


def french_book(status: str = "final") -> Briefing:
    data = changed(minimal_briefing_dict(), ("language",), "fr")
    data = changed(data, ("schema_version",), 2)
    data["status"] = status
    return Briefing.model_validate(data)


def test_a_french_book_prints_in_french() -> None:
    text = export_summary(french_book(), "text", width=100)
    assert "Émis par" in text and "Issued by" not in text
    assert "11 avril 2022" in text and "April" not in text
    assert "Points clés" in text


def test_a_french_citation_uses_french_quotation_marks() -> None:
    citation = quote_citation(BriefingLookup(french_book()), "q1")
    assert citation.startswith("«\u00a0We said The Council met.\u00a0»")
    assert "11 avril 2022" in citation


@pytest.mark.parametrize("format", ["text", "markdown", "html"])
def test_a_draft_is_marked_draft_beside_the_classification_on_every_page(format: str) -> None:
    data = changed(minimal_briefing_dict(), ("schema_version",), 2)
    data["status"] = "draft"
    output = export_summary(Briefing.model_validate(data), format, width=100)
    assert output.count("DRAFT · UNCLASSIFIED – PUBLIC") >= 2  # top and bottom, as the marking itself
    final = export_summary(Briefing.model_validate(minimal_briefing_dict()), format, width=100)
    assert "DRAFT" not in final


@pytest.mark.parametrize(("language", "marker"), [("en", "[the source breaks off here]"), ("fr", "[la source s’interrompt ici]")])
def test_text_the_source_cuts_off_says_so_in_print(language: str, marker: str) -> None:
    data = changed(changed(minimal_briefing_dict(), ("schema_version",), 2), ("language",), language)
    data = changed(data, ("meetings", 0, "sessions", 0, "quotes", 0, "truncated"), True)
    data = changed(data, ("meetings", 0, "sessions", 0, "passages", 0, "truncated"), True)
    text = export_summary(Briefing.model_validate(data), "markdown", width=100)
    assert text.count(marker.replace("[", "\\[").replace("]", "\\]")) + text.count(marker) >= 2
    untouched = export_summary(Briefing.model_validate(minimal_briefing_dict()), "markdown", width=100)
    assert "breaks off" not in untouched


def test_meetings_mentioned_but_not_attended_are_printed_apart() -> None:
    data = changed(minimal_briefing_dict(), ("schema_version",), 2)
    data["referenced_meetings"] = [{
        "id": "madrid", "title": "NATO summit", "place": "Madrid", "start": "2022-06-28", "end": "2022-06-30",
        "sources": [{"document": "release", "paragraph": 2}],
    }]
    text = export_summary(Briefing.model_validate(data), "text", width=120)
    assert "Mentioned, not attended" in text
    assert "NATO summit (Madrid, 28–30 June 2022) ¶2" in text
    assert "Mentioned, not attended" not in export_summary(Briefing.model_validate(minimal_briefing_dict()), "text")
