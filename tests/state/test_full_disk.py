"""A full disk is not a damaged state file (issue 9, item 3, re-checked with `ulimit -f` as its stand-in).

Opening the store on a disk with no room left failed with "disk I/O error" on its first read (SQLite
could not make its shared-memory file), and that error was taken for damage: the reader's healthy
state file was renamed `state.sqlite3.corrupt-<time>` and a blank one started, so the next normal
start showed no notes at all; `briefing notes export` wrote an empty export and exited 0.
Real processes, each under a file-size limit (RLIMIT_FSIZE), as the issue's reproduction.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.state import StateStore
from tests.state.processes import child_env

resource = pytest.importorskip("resource")

LIMIT_BYTES = 1024
"""Smaller than the state file and than SQLite's shared-memory file: every write that grows a file fails."""


def limited() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT_BYTES, LIMIT_BYTES))


def notes_in(state_dir: Path, count: int) -> None:
    store = StateStore.open(state_dir / "state.sqlite3")
    try:
        for number in range(count):
            store.add_note("2022-04-fac-nato", "fac-2022-04-11", f"note {number} " + "words " * 40)
    finally:
        store.close()


def test_a_full_disk_leaves_the_state_file_in_place_and_its_notes_readable(tmp_path: Path) -> None:
    state_dir = tmp_path / "state"
    notes_in(state_dir, 20)
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "notes", "export", str(tmp_path / "notes.json")],
        env=child_env(state_dir), capture_output=True, text=True, timeout=60, preexec_fn=limited, check=False,
    )
    assert not [name for name in os.listdir(state_dir) if ".corrupt-" in name], result.stderr
    assert "damaged" not in result.stderr
    # The export (20 notes, well over the limit) could not be written: said, with the I/O exit code.
    assert result.returncode == 74, result.stderr
    assert "cannot write" in result.stderr
    store = StateStore.open(state_dir / "state.sqlite3")
    try:
        assert len(store.notes("2022-04-fac-nato")) == 20
    finally:
        store.close()
