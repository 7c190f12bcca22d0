"""`briefing search`: exit codes, human output, --json records, and hostile text kept harmless."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.cli import main
from tests.factories import HOSTILE, minimal_briefing_dict


def write_briefing(folder: Path, text: str) -> Path:
    path = folder / "book.json"
    path.write_text(json.dumps(minimal_briefing_dict(text)), encoding="utf-8")
    return path


def test_hits_exit_zero_with_where_and_total(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "wilmes"]) == 0
    out = capsys.readouterr().out
    assert "Wilmès" in out
    assert "\x1b" not in out
    assert out.rstrip().splitlines()[-1].endswith("hits") or "shown" in out.rstrip().splitlines()[-1]


def test_no_hits_exit_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "zzzyzzx"]) == 1
    assert "0 hits" in capsys.readouterr().out


def test_invalid_query_exit_two_with_message_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", '"unclosed']) == 2
    captured = capsys.readouterr()
    assert "not closed" in captured.err
    assert captured.out == ""


def test_missing_file_exit_66(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "war", str(tmp_path / "missing.json")]) == 66


def test_invalid_file_exit_65(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    assert main(["search", "war", str(bad)]) == 65


def test_json_lines_have_the_promised_fields(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "asia-pacific", "--json", "--limit", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    for line in lines:
        record = json.loads(line)
        assert {"meeting", "session", "kind", "id", "score", "text", "spans", "snippet"} <= record.keys()
        assert [record["text"][start:end] for start, end in record["spans"]] == ["Asia-Pacific"] * len(
            record["spans"]
        )


def test_limit_is_reported_in_the_total(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "ukraine", "--limit", "1"]) == 0
    assert "1 shown" in capsys.readouterr().out


@pytest.mark.parametrize("limit", ["0", "-3", "many"])
def test_bad_limit_is_a_usage_error(limit: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["search", "war", "--limit", limit])
    assert stopped.value.code == 2


def test_hostile_text_is_shown_literally_and_harmlessly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_briefing(tmp_path, HOSTILE)
    assert main(["search", "alert", str(path)]) == 0
    out = capsys.readouterr().out
    assert "[@click=app.quit]q[/]" in out
    assert "<script>alert(1)</script>" in out
    for dangerous in ("\x1b", "\x07", "\u202e", "\u200b"):
        assert dangerous not in out
    assert "␛[2J" in out


def test_hostile_text_in_json_is_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_briefing(tmp_path, HOSTILE)
    assert main(["search", "alert", str(path), "--json"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert all(json.loads(line)["text"] for line in out.splitlines())


def test_highlighted_styles_exactly_the_spans_even_when_escaping_lengthens_text() -> None:
    from briefing.cli.search_command import MATCH_STYLE, highlighted

    text = "\x1b[2J\u202e Wilmès [b]x[/b]"
    start = text.index("Wilmès")
    rendered = highlighted(text, [(start, start + len("Wilmès"))])
    assert "\x1b" not in rendered.plain and "\u202e" not in rendered.plain
    (span,) = rendered.spans
    assert rendered.plain[span.start : span.end] == "Wilmès"
    assert span.style == MATCH_STYLE
    assert rendered.plain.endswith("[b]x[/b]")
