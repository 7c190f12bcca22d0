"""Schema version 2: what real releases need, while every version 1 book still loads unchanged."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import ValidationError

from briefing.loading import BriefingLoadError, load_briefing
from briefing.model import BookStatus, Briefing, BriefingLookup, SourceRef
from briefing.model.numbers import APPROXIMATIONS, read_number
from briefing.render.citation import quote_citation, source_reference
from tests.factories import changed, minimal_briefing_dict

SESSION = ("meetings", 0, "sessions", 0)


def v2(**top: object) -> dict:
    data = changed(minimal_briefing_dict(), ("schema_version",), 2)
    data.update(top)
    return data


def test_a_version_1_book_loads_unchanged_and_is_final() -> None:
    briefing = Briefing.model_validate(minimal_briefing_dict())
    assert briefing.schema_version == 1
    assert briefing.status is BookStatus.FINAL


def test_a_range_reads_as_paragraphs_and_label() -> None:
    ref = SourceRef(document="release", paragraph=5, last_paragraph=6)
    assert list(ref.paragraphs) == [5, 6]
    assert ref.label == "¶5–6"
    assert SourceRef(document="release", paragraph=5).label == "¶5"


def test_a_range_that_runs_backwards_is_an_error() -> None:
    with pytest.raises(ValidationError, match="comes before"):
        SourceRef(document="release", paragraph=6, last_paragraph=5)


def test_facts_not_stated_can_be_left_out_and_say_so() -> None:
    data = v2(principal=None, principal_note="A Council release: no one is briefed.")
    data = changed(data, ("meetings", 0, "place"), None)
    data = changed(data, ("sources", 0, "published"), None)
    briefing = Briefing.model_validate(data)
    lookup = BriefingLookup(briefing)
    assert lookup.principal is None
    citation = quote_citation(lookup, "q1")
    assert "place not stated" in citation
    assert "date of publication not stated" in source_reference(lookup, briefing.meetings[0].sessions[0].quotes[0].source)


@pytest.mark.parametrize(
    ("as_written", "value", "approximate", "ordinal"),
    [
        ("500 million euros", "500000000", False, False),
        ("some 15,000 refugees", "15000", True, False),
        ("nearly 500 observers", "500", True, False),
        ("third tranche", "3", False, True),
        ("1,5 milliard d’euros", "1500000000", False, False),
        ("près de 2 000 soldats", "2000", True, False),
        ("ruim 200 miljoen euro", "200000000", True, False),
        ("nine partners", "9", False, False),
    ],
)
def test_the_number_reader_understands_releases(as_written: str, value: str, approximate: bool, ordinal: bool) -> None:
    reading = read_number(as_written)
    assert reading is not None
    assert (reading.value, reading.approximate, reading.ordinal) == (Decimal(value), approximate, ordinal)


@pytest.mark.parametrize("word", APPROXIMATIONS)
def test_every_approximation_word_hedges_a_figure_only_as_a_whole_word(word: str) -> None:
    # One pattern for all the words: each must still count at the start, after a word and before the
    # number, and never inside a longer word ("tot" in "total", "over" in "overall").
    for text in (f"{word} 500", f"The EU pledged {word} 500 observers", f"500 ({word.upper()})"):
        reading = read_number(text)
        assert reading is not None and reading.approximate, text
    for text in (f"x{word} 500", f"{word}x 500", f"500 {word}s2"):
        reading = read_number(text)
        assert reading is not None and not reading.approximate, text


def test_a_figure_whose_value_disagrees_with_its_words_is_an_error_in_version_2() -> None:
    data = changed(v2(), (*SESSION, "figures", 0, "value"), 50_000_000)
    with pytest.raises(ValidationError, match="does not agree with as_written '500 million euros'"):
        Briefing.model_validate(data)
    # Version 1 books keep version 1 rules: they load unchanged.
    Briefing.model_validate(changed(minimal_briefing_dict(), (*SESSION, "figures", 0, "value"), 50_000_000))


def test_approximate_aliases_notes_and_referenced_meetings_validate() -> None:
    data = v2(status="draft")
    data = changed(data, (*SESSION, "figures", 0, "approximate"), True)
    data = changed(data, ("people", 0, "aliases"), ["the Minister"])
    data = changed(data, ("people", 0, "note"), "Named only by title in the release.")
    data = changed(data, ("organisations", 0, "aliases"), ["the Ministry"])
    data["referenced_meetings"] = [
        {"id": "madrid-summit", "title": "NATO summit", "place": "Madrid", "sources": [{"document": "release", "paragraph": 2}]}
    ]
    briefing = Briefing.model_validate(data)
    assert briefing.status is BookStatus.DRAFT
    assert briefing.people[0].aliases == ("the Minister",)
    assert briefing.referenced_meetings[0].title == "NATO summit"


def test_a_referenced_meeting_must_cite_a_known_source() -> None:
    data = v2(referenced_meetings=[{"id": "m", "title": "Summit", "sources": [{"document": "nowhere", "paragraph": 1}]}])
    with pytest.raises(ValidationError, match="no source document has the id 'nowhere'"):
        Briefing.model_validate(data)


def _write(tmp_path: Path, data: dict, source: str) -> Path:
    import json

    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "release.txt").write_text(source, encoding="utf-8")
    path = tmp_path / "briefing.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


SOURCE = "Intro The Council met.\n\nPassage The Council met. 500 million euros. “We said The Council met.\n\n“And we went on.\n\nThe end."


def test_a_quote_over_two_paragraphs_is_checked_part_by_part(tmp_path: Path) -> None:
    data = changed(v2(), (*SESSION, "quotes", 0, "text"), "We said The Council met.\n\nAnd we went on.")
    data = changed(data, (*SESSION, "quotes", 0, "source"), {"document": "release", "paragraph": 2, "last_paragraph": 3})
    data = changed(data, (*SESSION, "quotes", 0, "truncated"), False)
    briefing = load_briefing(_write(tmp_path, data, SOURCE))
    assert briefing.meetings[0].sessions[0].quotes[0].source.label == "¶2–3"


def test_a_range_quote_whose_second_part_is_not_in_its_paragraph_is_reported(tmp_path: Path) -> None:
    data = changed(v2(), (*SESSION, "quotes", 0, "text"), "We said The Council met.\n\nAnd we went off.")
    data = changed(data, (*SESSION, "quotes", 0, "source"), {"document": "release", "paragraph": 2, "last_paragraph": 3})
    with pytest.raises(BriefingLoadError, match="¶3"):
        load_briefing(_write(tmp_path, data, SOURCE))


def test_a_range_quote_with_one_part_only_is_reported(tmp_path: Path) -> None:
    data = changed(v2(), (*SESSION, "quotes", 0, "source"), {"document": "release", "paragraph": 2, "last_paragraph": 3})
    with pytest.raises(BriefingLoadError, match="1 part"):
        load_briefing(_write(tmp_path, data, SOURCE))
