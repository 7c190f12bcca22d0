"""Arguments an unlucky or hostile user types (issue 9, item 10): a query starting with `-`, giant numbers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.cli.exit_codes import ExitCode
from tests.factories import minimal_briefing_dict

HUGE = "9" * 5000
"""Python's int() refuses more than 4,300 digits with its own internal message."""


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    try:
        code = main(list(arguments))
    except SystemExit as exit:  # argparse's usage errors
        code = int(exit.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("query", ["-russia", '-"peace facility"'])
def test_a_query_that_starts_with_a_dash_is_a_query_not_an_option(capsys: pytest.CaptureFixture[str],
                                                                    query: str) -> None:
    code, _, err = run(capsys, "search", query)
    assert "unrecognized arguments" not in err and "required: QUERY" not in err
    assert code == ExitCode.USAGE and "only excludes" in err  # the query language's own verdict on it


def test_a_dash_word_is_a_query_wherever_it_stands(capsys: pytest.CaptureFixture[str], sample_path: Path) -> None:
    code, out, _ = run(capsys, "search", "--limit", "1", "--json", "sanctions -russia", str(sample_path))
    assert code == ExitCode.OK and len(out.splitlines()) == 1
    code, out, _ = run(capsys, "search", "--json", "-xyz", str(sample_path), "--limit", "1")
    assert code == ExitCode.USAGE  # searched for "-xyz" in the sample: only an exclusion


def test_an_unknown_double_dash_option_is_still_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "search", "--bogus", "x")
    assert code == ExitCode.USAGE and "unrecognized arguments: --bogus" in err


def test_a_5000_digit_number_in_a_briefing_gets_a_clear_message(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    text = json.dumps(minimal_briefing_dict(), indent=1).replace('"value": 500000000', f'"value": {HUGE}')
    (tmp_path / "book.json").write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "validate", str(tmp_path / "book.json"))
    assert code == ExitCode.DATA_ERROR
    assert "a number with 5,000 digits is too long (the most is 100)" in err
    assert f"line {text[: text.index(HUGE)].count(chr(10)) + 1}" in err
    assert "int_max_str_digits" not in err and "4300" not in err


@pytest.mark.parametrize(("arguments", "expected"), [
    (["print", "--width", HUGE], "--width: is too wide; the most is 1000"),
    (["print", "--width", "1001"], "--width: 1001 is too wide; the most is 1000"),
    (["search", "x", "--limit", HUGE], "--limit: is far too large"),
])
def test_giant_numbers_on_the_command_line_get_a_clear_message(capsys: pytest.CaptureFixture[str],
                                                               arguments: list[str], expected: str) -> None:
    code, _, err = run(capsys, *arguments)
    assert code == ExitCode.USAGE
    assert expected in err and "int_max_str_digits" not in err and len(err) < 1000


def test_the_widest_width_is_accepted(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "print", "--width", "1000", "--format", "text")
    assert code == ExitCode.OK
    assert max(len(line) for line in out.splitlines()) == 1000


SEARCH_ORDERS = [
    ("council", "--json", "{book}"),
    ("council", "{book}", "--json"),
    ("--json", "council", "{book}"),
    ("council", "--limit", "2", "--json", "{book}"),
    ("--limit=2", "council", "--json", "{book}"),
]


@pytest.mark.parametrize("order", SEARCH_ORDERS, ids=" ".join)
def test_search_takes_its_options_anywhere(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                          order: tuple[str, ...]) -> None:
    """`briefing search QUERY --json FILE` searched no FILE: argparse had said "unrecognized arguments"."""
    book = tmp_path / "book.json"
    data = minimal_briefing_dict()
    data["title"] = "A book of its own, not the sample"
    book.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run(capsys, "search", *(part.format(book=book) for part in order))
    assert code == ExitCode.OK, err
    hits = [json.loads(line) for line in out.splitlines()]
    assert hits and {hit["briefing"] for hit in hits} == {data["id"]}, "FILE was searched, not the sample"
    assert len(hits) <= (2 if "2" in order or "--limit=2" in order else 50)


def test_print_takes_its_options_after_its_file(capsys: pytest.CaptureFixture[str], sample_path: Path) -> None:
    code, out, err = run(capsys, "print", str(sample_path), "--format", "text", "--width", "60")
    assert code == ExitCode.OK, err
    assert out and max(len(line) for line in out.splitlines()) <= 60
