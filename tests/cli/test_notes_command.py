"""`briefing notes export/import` and `briefing print --notes`: the reader's notes leave only when asked."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.state import StateStore
from tests.factories import HOSTILE

BOOK = "fac-nato-2022-04"


@pytest.fixture
def store(private_state_dir: Path) -> StateStore:
    opened = StateStore.open()
    yield opened
    opened.close()


def test_export_then_import_elsewhere_merges_without_duplicates(
    store: StateStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store.add_note(BOOK, "pos-icc-support", "Ask about Bensouda.", "position", "position: Belgium…")
    store.toggle_bookmark(BOOK, "q-borrell")
    exported = tmp_path / "notes.json"
    assert main(["notes", "export", str(exported)]) == 0
    assert stat.S_IMODE(exported.stat().st_mode) == 0o600
    assert json.loads(exported.read_text())["notes"][0]["text"] == "Ask about Bensouda."

    other_machine = tmp_path / "laptop"
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(other_machine))
    laptop = StateStore.open()
    laptop.add_note(BOOK, "q-borrell", "A note only the laptop has.")
    laptop.close()
    capsys.readouterr()
    assert main(["notes", "import", str(exported)]) == 0
    assert "1 notes added, 0 updated, 0 already here; 1 bookmarks added" in capsys.readouterr().err
    assert main(["notes", "import", str(exported)]) == 0
    assert "0 notes added, 0 updated, 1 already here; 0 bookmarks added" in capsys.readouterr().err
    laptop = StateStore.open()
    assert sorted(note.text for note in laptop.notes(BOOK)) == ["A note only the laptop has.", "Ask about Bensouda."]
    assert [mark.item_id for mark in laptop.bookmarks(BOOK)] == ["q-borrell"]
    laptop.close()


def test_export_to_standard_output_and_refusing_to_overwrite(
    store: StateStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store.add_note(BOOK, "x", "on stdout")
    assert main(["notes", "export"]) == 0
    assert json.loads(capsys.readouterr().out)["notes"][0]["text"] == "on stdout"
    existing = tmp_path / "there.json"
    existing.write_text("keep me")
    assert main(["notes", "export", str(existing)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert existing.read_text() == "keep me"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("not json", "is not a notes export"),
        ('{"format": "briefing-notes", "version": 1, "exported_at": "x", "notes": [{"id": "a"}]}', "notes.0.book"),
        ('{"format": "something-else", "version": 1, "exported_at": "x"}', "format"),
    ],
)
def test_a_bad_import_file_is_a_clear_error_and_imports_nothing(
    store: StateStore, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, expected: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    assert main(["notes", "import", str(bad)]) == 65
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err
    assert store.notes() == []


def test_import_of_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["notes", "import", str(tmp_path / "nope.json")]) == 66
    assert "cannot read" in capsys.readouterr().err


def test_print_shows_notes_only_with_notes_flag_and_labels_them(
    store: StateStore, sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing.loading import load_briefing

    book = load_briefing(sample_path).id
    store.add_note(book, "pos-icc-support", f"My own remark {HOSTILE}", "position", "position: Belgium")
    store.add_note(book, "gone-item", "On an item this version lacks.", "quote", "quote: Old words")
    assert main(["print", str(sample_path), "--format", "text"]) == 0
    assert "My own remark" not in capsys.readouterr().out
    assert main(["print", str(sample_path), "--format", "text", "--notes"]) == 0
    out = capsys.readouterr().out
    notes_part = out[out.index("Your private notes (not part of the briefing)"):]
    assert "the reader's own" in notes_part
    assert "My own remark" in notes_part and "\x1b" not in out
    assert "quote: Old words (no longer in this version of the book)" in notes_part
    assert main(["print", str(sample_path), "--format", "markdown", "--notes"]) == 0
    assert "Your private notes" in capsys.readouterr().out
