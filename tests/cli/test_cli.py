"""The `briefing` command: validate, schema, --version, exit codes, and no traceback on bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from briefing import __version__
from briefing.cli import main
from briefing.cli.schema_command import briefing_schema
from tests.conftest import SAMPLE_PATH
from tests.factories import changed, minimal_briefing_dict


def run_briefing(*arguments: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real command in a child process, as a user would (with `python -m`)."""
    env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb"}
    return subprocess.run(
        [sys.executable, "-m", "briefing", *arguments],
        capture_output=True, text=True, encoding="utf-8", timeout=120, cwd=cwd, env=env,
    )


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.strip() == f"briefing {__version__}"


def test_validate_accepts_the_sample(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(SAMPLE_PATH)]) == 0
    out = capsys.readouterr().out
    assert "valid — " in out
    assert "2 meetings" in out
    assert "4 quotes" in out


def test_validate_counts_one_in_the_singular(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "one.json"  # one meeting, one session, one quote ("1 meetings" was printed)
    path.write_text(json.dumps(minimal_briefing_dict()), encoding="utf-8")
    assert main(["validate", "--no-source-check", str(path)]) == 0
    assert "1 meeting, 1 session, 1 quote" in capsys.readouterr().out


def test_validate_without_file_checks_the_bundled_sample(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 0
    assert "briefing.json: valid" in capsys.readouterr().out


def test_validate_reports_each_file_and_returns_the_worst_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(changed(minimal_briefing_dict(), ("principal",), "nobody")), encoding="utf-8")
    assert main(["validate", str(SAMPLE_PATH), str(broken)]) == 65
    assert main(["validate", str(broken), str(tmp_path / "missing.json")]) == 66
    captured = capsys.readouterr()
    assert "principal: no person has the id 'nobody'" in captured.err
    assert "missing.json: no such file" in captured.err


@pytest.mark.parametrize(
    "content,code,message",
    [
        (None, 66, "no such file"),
        ("{", 65, "is not valid JSON"),
        ('{"schema_version": 2}', 65, "is not a valid briefing"),
    ],
)
def test_errors_exit_with_the_documented_code_and_no_traceback(
    tmp_path: Path, content: str | None, code: int, message: str
) -> None:
    path = tmp_path / "book.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    for arguments in (["validate", str(path)], [str(path)]):
        result = run_briefing(*arguments)
        assert result.returncode == code
        assert message in result.stderr
        assert "Traceback" not in result.stderr + result.stdout


def test_usage_error_exits_2() -> None:
    result = run_briefing("validate", "--no-such-option")
    assert result.returncode == 2
    assert "usage:" in result.stderr


def test_help_documents_exit_codes() -> None:
    result = run_briefing("--help")
    assert result.returncode == 0
    for line in ("65  the briefing file is not a valid briefing", "66  the briefing file is missing"):
        assert line in result.stdout


def test_schema_is_draft_2020_12_and_the_sample_validates_against_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema == briefing_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    validator.validate(json.loads(SAMPLE_PATH.read_text(encoding="utf-8")))
    broken = changed(minimal_briefing_dict(), ("meetings", 0, "sessions", 0, "quotes", 0, "speeker"), "x")
    assert not validator.is_valid(broken)
    assert not validator.is_valid(changed(minimal_briefing_dict(), ("meetings",), []))


def test_the_sample_is_found_from_any_directory(tmp_path: Path) -> None:
    result = run_briefing("validate", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "valid — " in result.stdout


def test_every_load_failure_has_its_exit_code() -> None:
    from briefing.cli.exit_codes import FAILURE_CODES, ExitCode, exit_code_for
    from briefing.loading import BriefingLoadError, LoadFailure

    assert set(FAILURE_CODES) == set(LoadFailure)
    assert exit_code_for(BriefingLoadError(Path("x.json"), "bad")) == ExitCode.DATA_ERROR == 65
    unreadable = BriefingLoadError(Path("x.json"), "gone", failure=LoadFailure.UNREADABLE)
    assert exit_code_for(unreadable) == ExitCode.NO_INPUT == 66
    assert ExitCode.IO_ERROR == 74  # sysexits EX_IOERR: write failures


def test_help_lists_every_exit_code() -> None:
    from briefing.cli.exit_codes import ExitCode

    result = run_briefing("--help")
    for code in ExitCode:
        assert f"  {int(code):<3} " in result.stdout, code
