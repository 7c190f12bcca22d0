"""A read-only state folder still shows the notes of the last session (README: "earlier notes are shown,
read-only copy"), re-checked as a user: quit the app, lock the folder, open the app again.

The app leaves its last writes in the write-ahead log (`state.sqlite3-wal`) when it quits, and the
read-only copy was made with `immutable=1`, which reads the main file only: the app said "kept in memory"
and showed "No notes or bookmarks yet", and the export offered on quitting left the old notes out.
Real processes: the seeding one ends as the app does, without a checkpoint; the reading one runs
unprivileged, so that the folder's permissions apply.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from tests.state.processes import run, unprivileged_prefix


def test_a_read_only_folder_shows_the_notes_still_in_the_write_ahead_log(tmp_path: Path) -> None:
    folder = tmp_path / "state"
    seeded = run(
        textwrap.dedent("""
        store = StateStore.open()
        store.add_note("book", "old", "written in the last session")
        os._exit(0)  # as the app ends: no close, no checkpoint
        """),
        folder,
    )
    assert seeded.returncode == 0, seeded.stderr
    assert (folder / "state.sqlite3-wal").stat().st_size > 0, "the note is in the write-ahead log"
    for path in folder.iterdir():
        path.chmod(0o400)
    folder.chmod(0o500)
    try:
        result = run(
            textwrap.dedent("""
            store = StateStore.open()
            print(store.is_in_memory)
            print(sorted(n.text for n in store.notes("book")))
            """),
            folder,
            prefix=unprivileged_prefix(),
        )
    finally:
        folder.chmod(0o700)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "True"
    assert "written in the last session" in result.stdout, result.stdout
