"""`briefing validate` that teaches: every trap an author falls into, named, located and explained."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from briefing.cli import main
from tests.factories import changed, minimal_briefing_dict

SOURCE = (
    "Intro The Council met.\n\n"
    "Passage The Council met. We said The Council met. 500 million euros. The Minister’s view – firm – was "
    "heard: “We will stand by Ukraine”, she said.\n\n"
    "Third paragraph: We said The Council met again.\n"
)
QUOTE = ("meetings", 0, "sessions", 0, "quotes", 0)


def book(tmp_path: Path, data: dict | None = None, *, source: str | None = SOURCE, raw: str | None = None) -> Path:
    if source is not None:
        (tmp_path / "sources").mkdir(exist_ok=True)
        (tmp_path / "sources" / "release.txt").write_text(source, encoding="utf-8")
    path = tmp_path / "briefing.json"
    path.write_text(raw if raw is not None else json.dumps(data or minimal_briefing_dict(), indent=2), encoding="utf-8")
    return path


def validate(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str]:
    code = main(["validate", *arguments])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_a_missing_source_is_an_error_that_says_the_check_was_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = book(tmp_path, source=None)
    code, said = validate(capsys, str(path))
    assert code == 65
    assert "cannot be read beside the briefing" in said and "verbatim check" in said and "was skipped" in said
    assert "line " in said  # at the line of the source's path
    code, said = validate(capsys, "--no-source-check", str(path))
    assert code == 0
    assert "verbatim check skipped: --no-source-check" in said


def test_a_mismatch_shows_line_both_texts_aligned_and_the_first_difference(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = changed(minimal_briefing_dict(), (*QUOTE, "text"), "We said The Council mat.")
    code, said = validate(capsys, str(book(tmp_path, data)))
    assert code == 65
    lines = said.splitlines()
    item = next(line for line in lines if "item:" in line)
    source = next(line for line in lines if "source:" in line)
    caret = next(line for line in lines if "^ first difference" in line)
    assert item.index("mat.") == source.index("met.") == caret.index("^") - 1
    assert "“a” (LATIN SMALL LETTER A, U+0061) in the item" in said
    quote_line = next(n for n, line in enumerate(json.dumps(data, indent=2).splitlines(), 1)
                      if '"text": "We said The Council mat."' in line)
    assert f"line {quote_line} · meetings[0].sessions[0].quotes[0].text" in said


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("The Minister's view", "straight and curly quotation marks or apostrophes differ: the source has ’"),
        ("The Minister’s view - firm", "dashes differ: the source has – (U+2013), not - (U+002D)"),
        ("“We will stand by Ukraine”", "keeps its quotation marks"),
        ("We will stand by Ukraine,", "the trailing comma belongs to the sentence"),
    ],
)
def test_classic_traps_get_a_hint(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, hint: str) -> None:
    data = changed(minimal_briefing_dict(), (*QUOTE, "text"), text)
    code, said = validate(capsys, str(book(tmp_path, data)))
    assert code == 65
    assert hint in said


def test_a_quote_that_keeps_its_marks_is_reported_even_when_it_matches(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = SOURCE.replace("“We will stand by Ukraine”, she said", "“We said The Council met.” she said")
    data = changed(minimal_briefing_dict(), (*QUOTE, "text"), "“We said The Council met.”")
    code, said = validate(capsys, str(book(tmp_path, data, source=source)))
    assert code == 65
    assert "the quote keeps its quotation marks" in said


def test_text_from_another_paragraph_says_where_it_occurs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = changed(minimal_briefing_dict(), (*QUOTE, "text"), "We said The Council met again.")
    code, said = validate(capsys, str(book(tmp_path, data)))
    assert code == 65
    assert "this text occurs in ¶3" in said


def test_a_paragraph_out_of_range_is_not_called_a_mismatch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = changed(minimal_briefing_dict(), (*QUOTE, "source", "paragraph"), 9)
    code, said = validate(capsys, str(book(tmp_path, data)))
    assert code == 65
    assert "cites ¶9, but the source has only 3 paragraphs: out of range" in said
    assert "word for word" not in said


def test_schema_and_source_problems_are_reported_together(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = changed(minimal_briefing_dict(), (*QUOTE, "text"), "We sayd The Council met.")
    data = changed(data, ("meetings", 0, "sessions", 0, "date"), "11 April 2022")
    code, said = validate(capsys, str(book(tmp_path, data)))
    assert code == 65
    assert "meetings[0].sessions[0].date" in said
    assert "does not occur word for word in ¶2" in said


GOOD = json.dumps(minimal_briefing_dict(), indent=2)


@pytest.mark.parametrize(
    ("broken", "cause", "line_of"),
    [
        (re.sub(r'("ministry")(\n\s*\])', r"\1,\2", GOOD, count=1),
         "trailing comma after the last item of an array", '            "ministry",'),
        (GOOD.replace('"issuer": "Issuer The Council met.",', '"issuer": "Issuer The Council met.",\n  \'extra\': 1,'),
         "a string in single quotes", "  'extra': 1,"),
        (GOOD.replace('"language": "en",', '"language": "en"'), "missing comma", '  "language": "en"'),
        (GOOD.replace('"title": "Test book The Council met.",', '"title": "Test book\tThe Council met.",'),
         "a line break or tab inside a string", '  "title": "Test book\tThe Council met.",'),
    ],
)
def test_json_syntax_errors_name_the_classic_cause_at_the_right_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], broken: str, cause: str, line_of: str
) -> None:
    assert broken != GOOD
    code, said = validate(capsys, str(book(tmp_path, raw=broken)))
    assert code == 65
    assert cause in said
    assert f"line {broken.splitlines().index(line_of) + 1}" in said


def test_a_draft_validates_with_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = changed(minimal_briefing_dict(), ("schema_version",), 2)
    data["status"] = "draft"
    code, said = validate(capsys, str(book(tmp_path, data)))
    assert code == 0
    assert 'warning: status is "draft"' in said
