"""`briefing add`, `list`, `index` and `search --library`: what a user types, what they see, the exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from briefing.cli import main
from tests.conftest import SAMPLE_PATH
from tests.factories import HOSTILE
from tests.library.conftest import book_dict, make_library, write_book


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return make_library(tmp_path)


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """Two books outside the library, each in its folder with its source text."""
    folder = tmp_path / "incoming"
    write_book(folder, "moldova-visit", "Moldova energy and grain")
    write_book(folder, "nato-summit", "sanctions and Moldova at NATO", start="2030-06-01", end="2030-06-02")
    return folder


def library_of(tmp_path: Path) -> Path:
    return tmp_path / "lib"


def test_add_copies_each_book_with_its_sources(tmp_path: Path, sources: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    library = library_of(tmp_path)
    books = [str(SAMPLE_PATH), *(str(path) for path in sorted(sources.glob("*/briefing.json")))]
    assert main(["add", *books, "--library", str(library)]) == 0
    out = capsys.readouterr().out
    assert out.count(": added — ") == 3
    assert sorted(path.name for path in library.iterdir()) == ["2022-04-fac-nato", "moldova-visit", "nato-summit"]
    assert (library / "moldova-visit" / "sources" / "release.txt").read_text(encoding="utf-8") == (
        sources / "moldova-visit" / "sources" / "release.txt"
    ).read_text(encoding="utf-8")
    assert (library / "2022-04-fac-nato" / "briefing.json").read_bytes() == SAMPLE_PATH.read_bytes()
    assert len(list((library / "2022-04-fac-nato" / "sources").glob("*.txt"))) == 1


def test_add_refuses_an_invalid_book_with_the_messages_of_validate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    data = book_dict("broken", "x")
    data["classification"] = ""
    broken.write_text(json.dumps(data), encoding="utf-8")
    assert main(["validate", str(broken)]) == 65
    said_by_validate = capsys.readouterr().err
    library = library_of(tmp_path)
    assert main(["add", str(broken), "--library", str(library)]) == 65
    assert capsys.readouterr().err == said_by_validate
    assert main(["add", str(tmp_path / "missing.json"), "--library", str(library)]) == 66
    assert not library.exists() or list(library.iterdir()) == []


def test_add_refuses_a_different_book_with_the_same_id_unless_replace(
    tmp_path: Path, sources: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = library_of(tmp_path)
    original = sources / "moldova-visit" / "briefing.json"
    assert main(["add", str(original), "--library", str(library)]) == 0
    assert main(["add", str(original), "--library", str(library)]) == 0
    assert "already there" in capsys.readouterr().out
    other = write_book(tmp_path / "elsewhere", "moldova-visit", "a different text")
    assert main(["add", str(other), "--library", str(library)]) == 2
    assert "different book with the id 'moldova-visit'" in capsys.readouterr().err
    assert (library / "moldova-visit" / "briefing.json").read_bytes() == original.read_bytes()
    assert main(["add", str(other), "--library", str(library), "--replace"]) == 0
    assert ": replaced — " in capsys.readouterr().out
    assert (library / "moldova-visit" / "briefing.json").read_bytes() == other.read_bytes()
    assert [path.name for path in library.iterdir()] == ["moldova-visit"], "no temporary folder is left"


def test_add_refuses_a_book_whose_id_a_bare_file_of_the_library_has(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = library_of(tmp_path)
    write_book(library, "same-id", "bare", folder=False)
    incoming = write_book(tmp_path / "in", "same-id", "other")
    assert main(["add", str(incoming), "--library", str(library), "--replace"]) == 2
    assert "another book with the id 'same-id'" in capsys.readouterr().err
    assert not (library / "same-id").exists()


def test_list_shows_valid_books_newest_first_and_invalid_ones_with_their_first_error(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["list", "--library", str(library)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("  ")[1] for line in lines[:3]] == [
        "Test book grain exports beta", "Test book Moldova energy gamma", "Test book sanctions on Moldova alpha"
    ]
    assert lines[3].startswith("INVALID  ") and "delta.json: is not a valid briefing" in lines[3]
    assert main(["list", "--library", str(library), "--json"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [record["valid"] for record in records] == [True, True, True, False]
    assert records[0]["status"] == "upcoming" and records[0]["meetings"] == 1
    assert len(records[3]["errors"]) == 2


def test_list_uses_briefing_library_when_no_option(library: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("BRIEFING_LIBRARY", str(library))
    assert main(["list", "--json"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 4


def test_search_across_the_library_groups_hits_by_book(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "moldova", "--library", str(library), "--json", "--limit", "100"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {record["book_title"] for record in records} == {
        "Test book sanctions on Moldova alpha", "Test book Moldova energy gamma"
    }
    quote = next(record for record in records if record["kind"] == "quote")
    assert quote["text"][slice(*quote["spans"][0])].lower() == "moldova"
    assert quote["meeting_title"].startswith("Council ") and quote["session_title"].startswith("Breakfast ")
    assert Path(quote["book_path"]).is_file()
    assert main(["search", "moldova", "--library", str(library)]) == 0
    out = capsys.readouterr().out
    headings = [line for line in out.splitlines() if line.startswith("Test book")]
    assert len(headings) == 2 and all(str(library.name) in line for line in headings)


def test_search_library_exit_codes(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "zanzibar", "--library", str(library)]) == 1
    assert main(["search", '"unclosed', "--library", str(library)]) == 2
    assert main(["search", "moldova", str(SAMPLE_PATH), "--library", str(library)]) == 2
    assert "either FILE or --library" in capsys.readouterr().err


def test_search_library_without_dir_uses_the_default_library(
    library: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BRIEFING_LIBRARY", str(library))
    assert main(["search", "grain", "--library", "--json"]) == 0
    assert {json.loads(line)["book_title"] for line in capsys.readouterr().out.splitlines()} == {
        "Test book grain exports beta"
    }


def test_search_library_output_is_literal_for_hostile_books(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    library = tmp_path / "hostile"
    write_book(library, "hostile", "moldova " + HOSTILE, folder=False)
    assert main(["search", "moldova", "--library", str(library)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out
    assert "[@click=app.quit]q[/]" in out


def test_index_reports_what_it_did_and_rebuild_starts_over(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", "--library", str(library)]) == 0
    out = capsys.readouterr().out
    assert "4 books (1 invalid)" in out and "4 added" in out
    shutil.rmtree(library / "alpha")
    assert main(["index", "--library", str(library)]) == 0
    assert "1 removed, 3 unchanged" in capsys.readouterr().out
    assert main(["index", "--library", str(library), "--rebuild"]) == 0
    assert "3 added, 0 re-indexed, 0 removed, 0 unchanged" in capsys.readouterr().out


def test_index_progress_shows_indexing_then_checking(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from briefing.cli.library_support import refreshed_index
    from tests.library.conftest import make_library

    _, report = refreshed_index(make_library(tmp_path), show_progress=True)
    err = capsys.readouterr().err
    assert "indexing the library: 4/4 books (100%)" in err
    assert "checking the library: 4/4 books (100%)" in err
    assert (report.added, report.checked, report.invalid) == (4, 4, 1)
