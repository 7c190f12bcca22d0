"""Locked-down machines: no HOME (or a read-only one), the C locale, a dumb terminal, no colour.

The commands must work there and write nothing at all, except the file a user asks `print` to write.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import briefing
from tests.conftest import SAMPLE_PATH

PACKAGE_DIR = Path(briefing.__file__).parent

LOCKED_DOWN = {"LANG": "C", "LC_ALL": "C", "TERM": "dumb", "NO_COLOR": "1", "PYTHONDONTWRITEBYTECODE": "1"}
"""The environment of a locked-down laptop; bytecode writing is Python's, not ours, so it is switched off."""


def snapshot(folder: Path) -> dict[str, int]:
    return {str(path): path.stat().st_mtime_ns for path in folder.rglob("*")}


def run_locked_down(arguments: list[str], cwd: Path, home: Path | None) -> subprocess.CompletedProcess[bytes]:
    env = {key: value for key, value in os.environ.items() if key not in ("HOME", "LANG", "LC_ALL", "LC_CTYPE")}
    env.update(LOCKED_DOWN)
    if home is not None:
        env["HOME"] = str(home)
        env["XDG_CONFIG_HOME"] = str(home / ".config")
        env["XDG_CACHE_HOME"] = str(home / ".cache")
        env["XDG_DATA_HOME"] = str(home / ".local" / "share")
    else:
        for key in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
            env.pop(key, None)
    return subprocess.run(
        [sys.executable, "-m", "briefing", *arguments], cwd=cwd, env=env, capture_output=True, timeout=120
    )


COMMANDS = [
    ["validate"],
    ["validate", str(SAMPLE_PATH)],
    ["schema"],
    ["print"],
    ["print", "--format", "markdown"],
    ["search", "Wilmès"],
]


@pytest.mark.parametrize("home_kind", ["unset", "read-only"])
@pytest.mark.parametrize("arguments", COMMANDS, ids=lambda a: " ".join(a)[:30])
def test_commands_work_and_write_nothing(tmp_path: Path, arguments: list[str], home_kind: str) -> None:
    work = tmp_path / "work"
    work.mkdir()
    home = None
    if home_kind == "read-only":
        home = tmp_path / "home"
        home.mkdir()
        home.chmod(0o555)
    before_package, before_sample = snapshot(PACKAGE_DIR), SAMPLE_PATH.stat().st_mtime_ns
    result = run_locked_down(arguments, cwd=work, home=home)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in result.stderr
    assert b"\x1b" not in result.stdout, "no escape sequences on a dumb terminal with NO_COLOR"
    assert list(work.iterdir()) == []
    if home is not None:
        assert list(home.iterdir()) == []
    assert snapshot(PACKAGE_DIR) == before_package
    assert SAMPLE_PATH.stat().st_mtime_ns == before_sample


def test_print_to_a_file_writes_only_that_file(tmp_path: Path) -> None:
    result = run_locked_down(["print", "--format", "html", "--output", "book.html"], cwd=tmp_path, home=None)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["book.html"]
    assert "Sophie Wilmès" in (tmp_path / "book.html").read_text(encoding="utf-8")
