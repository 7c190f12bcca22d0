"""`briefing diff` and the item comparison under it: added, removed, changed, word by word, safely."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from briefing.cli import main
from briefing.diff import book_items, compare_items, word_diff
from briefing.model import Briefing
from tests.books import CHANGED_POSITION, NEW_KEY_POINT, overnight_edit, sample_copy
from tests.factories import HOSTILE, minimal_briefing_dict


def test_word_diff_marks_only_the_words_that_changed() -> None:
    runs = word_diff("Belgium supports the Court", "Belgium strongly supports the Court fully")
    assert [(run.op, run.text) for run in runs] == [
        ("equal", "Belgium"), ("insert", " strongly"), ("equal", " supports the Court"), ("insert", " fully"),
    ]
    assert [run.op for run in word_diff("a b c", "a x c")] == ["equal", "delete", "insert", "equal"]


def test_a_new_key_point_is_one_added_item_not_also_a_changed_session() -> None:
    old = minimal_briefing_dict()
    new = minimal_briefing_dict()
    new["meetings"][0]["sessions"][0]["key_points"].append(
        {"id": "k2", "text": "Added.", "sources": [{"document": "release", "paragraph": 2}]}
    )
    del new["meetings"][0]["sessions"][0]["quotes"][0]
    new["people"][0]["role"] = "Deputy minister"
    diff = compare_items(book_items(Briefing.model_validate(old)), book_items(Briefing.model_validate(new)))
    assert [item.item_id for item in diff.added] == ["k2"]
    assert [item.item_id for item in diff.removed] == ["q1"]
    assert [change.new.item_id for change in diff.changed] == ["minister"]
    assert [field.name for field in diff.changed[0].fields] == ["role"]
    assert diff.counts() == "1 new item, 1 changed, 1 removed"


def test_the_overnight_edit_is_reported_exactly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = sample_copy(tmp_path / "old")
    new = sample_copy(tmp_path / "new", overnight_edit)
    assert main(["diff", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    assert "1 new item, 1 changed" in out
    assert f"+ key point {NEW_KEY_POINT}" in out and f"~ position {CHANGED_POSITION}" in out
    assert "Rome Statute and {+strongly+} supports" in out

    assert main(["diff", str(old), str(new), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["summary"] == {"added": 1, "removed": 0, "changed": 1}
    [change] = document["changed"]
    assert ["insert", " strongly"] in change["fields"][0]["words"]

    assert main(["diff", str(old), str(new), "--format", "markdown"]) == 0
    assert "Rome Statute and **strongly** supports" in capsys.readouterr().out


def test_identical_books_have_no_changes(sample_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(sample_path), str(sample_path)]) == 0
    assert "no changes" in capsys.readouterr().out


def _hostile_versions(tmp_path: Path) -> tuple[Path, Path]:
    def write(name: str, data: dict[str, Any]) -> Path:
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        return path

    old = minimal_briefing_dict()
    new = minimal_briefing_dict()
    new["meetings"][0]["sessions"][0]["positions"][0]["text"] = f"Position {HOSTILE}"
    new["meetings"][0]["sessions"][0]["key_points"].append(
        {"id": "k2", "text": HOSTILE, "sources": [{"document": "release", "paragraph": 2}]}
    )
    return write("old", old), write("new", new)


@pytest.mark.parametrize("format", ["text", "markdown", "json"])
def test_hostile_text_never_reaches_the_terminal_raw(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], format: str
) -> None:
    old, new = _hostile_versions(tmp_path)
    assert main(["diff", str(old), str(new), "--format", format]) == 0
    out = capsys.readouterr().out
    for dangerous in ("\x1b", "\x07", "\u202e", "\u200b"):
        assert dangerous not in out
    if format == "json":
        document = json.loads(out)
        assert document["added"][0]["fields"]["text"] == HOSTILE  # exact data, escaped on the wire
    else:
        assert "␛[2J" in out or "␛\\[2J" in out  # shown, as a visible stand-in (Markdown escapes the bracket)


def test_a_missing_file_is_a_clear_error(tmp_path: Path, sample_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(sample_path), str(tmp_path / "nope.json")]) == 66
    assert "nope.json" in capsys.readouterr().err


def test_books_with_different_ids_are_compared_with_a_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = sample_copy(tmp_path / "old")
    new = sample_copy(tmp_path / "new", lambda data: data.update(id="another-book"))
    assert main(["diff", str(old), str(new)]) == 0
    assert "different ids" in capsys.readouterr().err
