"""`briefing import` as a user runs it: files written, the report, refusals and exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.cli import main
from briefing.loading import load_briefing

RELEASE = Path(__file__).resolve().parents[2] / "data" / "sources" / "2022-04-11-fac-luxembourg-and-nato-ministerial.txt"


def test_import_writes_a_draft_that_validates_and_says_what_is_left(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "book"
    code = main(["import", str(RELEASE), "-o", str(out), "--principal", "Sophie Wilmès", "--issuer", "Belgian FPS Foreign Affairs"])
    printed = capsys.readouterr().out
    assert code == 0
    assert "paragraphs: 17 (3 headings: ¶2, ¶4, ¶11)" in printed
    assert "quotes: 4 by Sophie Wilmès" in printed
    assert "write key points and positions" in printed
    assert '"status": "final"' in printed
    book = load_briefing(out / "briefing.json")
    assert book.principal == "sophie-wilmes"
    assert (out / "sources" / "2022-04-11-fac-luxembourg-and-nato-ministerial.txt").is_file()
    assert main(["validate", str(out / "briefing.json")]) == 0


def test_a_release_without_figures_is_not_told_to_check_its_figures(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    release = tmp_path / "visit.txt"  # no number in it: the draft has no figure to check
    release.write_text("On Tuesday 14 June 2022, the Minister met her Georgian counterpart in Tbilisi.\n\n"
                       "They discussed the candidacy of Georgia for membership of the European Union.\n",
                       encoding="utf-8")
    assert main(["import", str(release), "-o", str(tmp_path / "book"), "--principal", "Anna Verhoeven"]) == 0
    printed = capsys.readouterr().out
    assert "figures: 0" in printed and "write key points and positions" in printed
    assert "check every figure" not in printed


def test_a_meeting_the_release_does_not_date_is_not_dated_today(tmp_path: Path) -> None:
    release = tmp_path / "riga.md"  # the second heading's section gives no date (it was dated the day of the import)
    release.write_text("# Minister Verhoeven in Riga\n\n"
                       "On Friday 9 September 2022, the Minister of Foreign Affairs, Anna Verhoeven, spoke at the "
                       "Baltic security conference in Riga, Latvia.\n\n# Conference\n\n"
                       "In her speech, the Minister said that security in Europe is indivisible.\n", encoding="utf-8")
    assert main(["import", str(release), "-o", str(tmp_path / "book"), "--principal", "Anna Verhoeven"]) == 0
    book = load_briefing(tmp_path / "book" / "briefing.json")
    assert book.end.isoformat() == "2022-09-09", "no date the release does not give"
    undated = [session for meeting in book.meetings for session in meeting.sessions
               if session.date.isoformat() == "2022-09-09" and session.dating_note]
    assert len(book.meetings) == 2 and undated, "a session filed under another's date says so, for the author to check"


def test_import_refuses_to_overwrite_a_book_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "briefing.json").write_text("{}", encoding="utf-8")
    assert main(["import", str(RELEASE), "-o", str(tmp_path)]) == 2
    assert "--force" in capsys.readouterr().err
    assert (tmp_path / "briefing.json").read_text(encoding="utf-8") == "{}"
    assert main(["import", str(RELEASE), "-o", str(tmp_path), "--force"]) == 0
    load_briefing(tmp_path / "briefing.json")


def test_import_default_folder_is_beside_the_release(tmp_path: Path) -> None:
    release = tmp_path / "council.txt"
    release.write_text(RELEASE.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["import", str(release)]) == 0
    assert (tmp_path / "council" / "briefing.json").is_file()


def test_import_of_a_missing_or_unsupported_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(tmp_path / "nope.txt")]) == 66
    assert "no such file" in capsys.readouterr().err
    (tmp_path / "release.pdf").write_bytes(b"%PDF")
    assert main(["import", str(tmp_path / "release.pdf")]) == 65
    assert "cannot import a .pdf file" in capsys.readouterr().err


def test_import_into_an_unwritable_place_exits_74(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["import", str(RELEASE), "-o", str(blocker / "book")]) == 74
    assert "cannot write" in capsys.readouterr().err


def test_hostile_release_text_reaches_the_terminal_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    release = tmp_path / "hostile.txt"
    release.write_text("Today, Monday 11 April 2022, Mr Evil\x1b[2J Name was in Luxembourg.\n\n"
                       "Mr Evil Name said: “[@click=app.quit]x[/] \x1b]52;c;aGk=\x07 we said so.”\n", encoding="utf-8")
    assert main(["import", str(release), "-o", str(tmp_path / "book")]) == 0
    printed = capsys.readouterr().out
    assert "\x1b" not in printed and "\x07" not in printed
