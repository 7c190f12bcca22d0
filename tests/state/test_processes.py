"""Never lose a note, checked with real processes: kill -9, two writers, a damaged file, a read-only folder."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

from briefing.state import StateStore
from tests.state.processes import run, start, unprivileged_prefix


def test_kill_9_right_after_a_save_loses_nothing(tmp_path: Path) -> None:
    child = start(
        textwrap.dedent("""
        store = StateStore.open()
        for number in range(5):
            store.add_note("book", f"item-{number}", f"note {number}")
        note = store.notes("book", "item-0")[0]
        store.update_note(note, "note 0, edited")
        store.toggle_bookmark("book", "item-3")
        store.save_position("book", Position("meeting-fac", "item-4", 12))
        print("saved", flush=True)
        time.sleep(120)
        """),
        tmp_path,
    )
    assert child.stdout.readline().strip() == "saved", child.stderr.read()
    child.send_signal(signal.SIGKILL)
    assert child.wait(timeout=30) == -signal.SIGKILL
    assert (tmp_path / "state.sqlite3-wal").exists()  # killed before any clean close or checkpoint

    store = StateStore.open(tmp_path / "state.sqlite3")
    assert store.take_messages() == []
    assert sorted(n.text for n in store.notes("book")) == ["note 0, edited", "note 1", "note 2", "note 3", "note 4"]
    assert [b.item_id for b in store.bookmarks("book")] == ["item-3"]
    assert store.position("book").item_id == "item-4"
    store.close()


def test_two_copies_writing_at_once_keep_every_note(tmp_path: Path) -> None:
    seed = StateStore.open(tmp_path / "state.sqlite3")
    shared = seed.add_note("book", "shared-item", "both copies opened this note")
    seed.close()
    go = tmp_path / "go"
    writer = textwrap.dedent("""
        name = sys.argv[1] if len(sys.argv) > 1 else os.environ["WRITER"]
        store = StateStore.open()
        shared = store.notes("book", "shared-item")[0]
        print("ready", flush=True)
        while not Path(os.environ["GO"]).exists():
            time.sleep(0.01)
        for number in range(150):
            store.add_note("book", f"item-{number % 7}", f"{name} {number}")
            if number % 10 == 0:
                store.toggle_bookmark("book", f"{name}-mark-{number}")
        result = store.update_note(shared, f"{name} edited the shared note")
        print("conflict" if result.conflict else "updated", flush=True)
        """)
    os.environ["GO"] = str(go)
    try:
        children = []
        for name in ("alpha", "beta"):
            os.environ["WRITER"] = name
            children.append(start(writer, tmp_path))
    finally:
        del os.environ["GO"], os.environ["WRITER"]
    for child in children:
        assert child.stdout.readline().strip() == "ready", child.stderr.read()
    go.touch()
    outcomes = sorted(child.stdout.readline().strip() for child in children)
    for child in children:
        assert child.wait(timeout=120) == 0, child.stderr.read()
    assert outcomes == ["conflict", "updated"]

    store = StateStore.open(tmp_path / "state.sqlite3")
    texts = {n.text for n in store.notes("book")}
    for name in ("alpha", "beta"):
        assert {f"{name} {number}" for number in range(150)} <= texts
        assert f"{name} edited the shared note" in texts
    assert shared.text not in texts  # changed once, by whichever copy came first
    assert len(store.bookmarks("book")) == 30
    store.close()


def test_a_damaged_file_is_moved_aside_and_a_fresh_one_started(tmp_path: Path) -> None:
    damaged = b"this is not a database, it was overwritten by something " * 200
    (tmp_path / "state.sqlite3").write_bytes(damaged)
    result = run(
        'store = StateStore.open()\nprint(*store.take_messages())\nstore.add_note("book", "x", "fresh start")',
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "damaged" in result.stdout and "moved to state.sqlite3.corrupt-" in result.stdout
    [aside] = tmp_path.glob("state.sqlite3.corrupt-*")
    assert aside.read_bytes() == damaged
    store = StateStore.open(tmp_path / "state.sqlite3")
    assert [n.text for n in store.notes("book")] == ["fresh start"]
    assert store.take_messages() == []
    store.close()


def test_a_read_only_folder_keeps_notes_in_memory_and_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "state"
    seed = StateStore.open(folder / "state.sqlite3")
    seed.add_note("book", "old", "written before the folder was locked")
    seed.close()
    before = {path.name: path.read_bytes() for path in folder.iterdir()}
    folder.chmod(0o500)
    (folder / "state.sqlite3").chmod(0o400)
    try:
        result = run(
            textwrap.dedent("""
            store = StateStore.open()
            store.add_note("book", "new", "kept for the session")
            print(store.is_in_memory, len(store.take_messages()), len(store.take_messages()))
            print(sorted(n.text for n in store.notes("book")))
            """),
            folder,
            prefix=unprivileged_prefix(),
        )
    finally:
        folder.chmod(0o700)
    assert result.returncode == 0, result.stderr
    in_memory, first, second = result.stdout.splitlines()[0].split()
    assert (in_memory, first, second) == ("True", "1", "0")  # said once
    assert "kept for the session" in result.stdout and "written before the folder was locked" in result.stdout
    assert {path.name: path.read_bytes() for path in folder.iterdir()} == before


def test_a_state_folder_that_cannot_exist_gives_a_memory_store(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("a regular file where a folder should be")
    result = run(
        'store = StateStore.open()\nstore.add_note("b", "x", "y")\nprint(store.is_in_memory, *store.take_messages())',
        blocker / "state",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("True") and "kept in memory" in result.stdout
    assert stat.S_ISREG(blocker.stat().st_mode)


def test_the_notes_command_survives_a_damaged_file(tmp_path: Path) -> None:
    (tmp_path / "state.sqlite3").write_bytes(b"\x00garbage" * 500)
    env = {**os.environ, "BRIEFING_STATE_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "briefing", "notes", "export"], env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "was damaged; it was moved to state.sqlite3.corrupt-" in result.stderr
    assert json.loads(result.stdout)["notes"] == []
    assert "Traceback" not in result.stderr
