"""write_atomic: the new content appears whole, or the old file stays exactly as it was (issue 9, item 3).

The failures are real: a file-size limit (`ulimit -f`, the stand-in for a full disk), a SIGTERM sent
to a real process in the middle of its write, and an error raised between two chunks.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from briefing.files import atomic, write_atomic

OLD = "the old, precious content\n"


def leftovers(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith(atomic.TEMPORARY_SUFFIX))


def test_writes_new_files_and_replaces_old_ones(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    write_atomic(target, "first — €\n", overwrite=False)
    assert target.read_text(encoding="utf-8") == "first — €\n"
    write_atomic(target, b"second\n")
    assert target.read_bytes() == b"second\n"
    assert leftovers(tmp_path) == []


def test_without_overwrite_an_existing_file_is_refused_and_kept(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text(OLD, encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_atomic(target, "new", overwrite=False)
    assert target.read_text(encoding="utf-8") == OLD
    assert leftovers(tmp_path) == []


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text(OLD, encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert target.stat().st_mode & 0o777 == 0o640


def test_an_error_between_two_chunks_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.txt"
    target.write_text(OLD, encoding="utf-8")
    real_write = os.write
    calls = []

    def failing_write(descriptor: int, data: bytes) -> int:
        calls.append(len(data))
        if len(calls) > 1:
            raise OSError(28, "No space left on device")
        return real_write(descriptor, bytes(data[:10]))  # a short write: the rest needs another call

    monkeypatch.setattr(atomic.os, "write", failing_write)
    with pytest.raises(OSError, match="No space"):
        write_atomic(target, "x" * 1000)
    assert target.read_text(encoding="utf-8") == OLD
    assert leftovers(tmp_path) == []
    assert len(calls) == 2, "the error came after part of the data was written"


def test_a_missing_folder_is_an_error_and_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "no" / "such" / "out.txt", "x")
    assert list(tmp_path.iterdir()) == []


SLOW_WRITER = textwrap.dedent(
    """
    import sys, time
    from briefing.files import atomic

    real_write_all = atomic._write_all

    def slow_write_all(descriptor, content):
        real_write_all(descriptor, content[: len(content) // 2])
        print("half written", flush=True)
        time.sleep(30)  # SIGTERM arrives here
        real_write_all(descriptor, content[len(content) // 2 :])

    atomic._write_all = slow_write_all
    {call}
    """
)


def run_until_half_written_then_terminate(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", code], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # bounded: the child prints it or exits, and is killed below
        assert line == "half written\n", (line, process.stderr.read() if process.stderr else "")
        process.send_signal(signal.SIGTERM)
        stdout, stderr = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def test_sigterm_in_the_middle_of_a_write_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text(OLD, encoding="utf-8")
    code = SLOW_WRITER.format(call=f"atomic.write_atomic({str(target)!r}, 'new ' * 100_000)")
    result = run_until_half_written_then_terminate(code, tmp_path)
    assert result.returncode != 0
    assert target.read_text(encoding="utf-8") == OLD
    assert leftovers(tmp_path) == []


def test_sigterm_during_briefing_print_o_force_leaves_the_old_file_and_dies_by_the_signal(tmp_path: Path) -> None:
    target = tmp_path / "book.html"
    target.write_text(OLD, encoding="utf-8")
    call = (
        "from briefing.cli import main\n"
        f"sys.exit(main(['print', '--format', 'html', '-o', {str(target)!r}, '--force']))"
    )
    result = run_until_half_written_then_terminate(SLOW_WRITER.format(call=call), tmp_path)
    assert result.returncode == -signal.SIGTERM, result.stderr  # killed by it, as the caller expects
    assert "Traceback" not in result.stderr
    assert "nothing was written" in result.stderr
    assert target.read_text(encoding="utf-8") == OLD
    assert leftovers(tmp_path) == []


def run_print_with_file_size_limit(tmp_path: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """`briefing print …` with `ulimit -f 4` (4 KiB): the stand-in for a full disk."""
    command = " ".join([f"'{sys.executable}'", "-m", "briefing", "print", *arguments])
    return subprocess.run(
        ["bash", "-c", f"ulimit -f 4 && exec {command}"], cwd=tmp_path, capture_output=True, text=True,
        timeout=60, check=False,
    )


def test_a_full_disk_leaves_the_old_file_and_exits_74(tmp_path: Path) -> None:
    target = tmp_path / "book.html"
    target.write_text(OLD, encoding="utf-8")
    result = run_print_with_file_size_limit(tmp_path, "--format", "html", "-o", "book.html", "--force")
    assert result.returncode == 74, result.stderr
    assert "cannot write book.html" in result.stderr and "Traceback" not in result.stderr
    assert target.read_text(encoding="utf-8") == OLD
    assert leftovers(tmp_path) == []


def test_a_full_disk_leaves_no_partial_new_file(tmp_path: Path) -> None:
    result = run_print_with_file_size_limit(tmp_path, "--format", "html", "-o", "book.html")
    assert result.returncode == 74, result.stderr
    assert list(tmp_path.iterdir()) == []


def test_remove_unfinished_deletes_the_temporary_file_of_a_write_under_way(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """What the app does when SIGTERM ends it while an export is being written in a worker thread."""
    import threading

    target = tmp_path / "export.html"
    target.write_text(OLD, encoding="utf-8")
    half_written, finish = threading.Event(), threading.Event()
    real_write_all = atomic._write_all

    def slow_write_all(descriptor: int, content: bytes) -> None:
        real_write_all(descriptor, content[:10])
        half_written.set()
        finish.wait(10)
        real_write_all(descriptor, content[10:])

    monkeypatch.setattr(atomic, "_write_all", slow_write_all)
    errors: list[BaseException] = []

    def export() -> None:
        try:
            write_atomic(target, "new content " * 100)
        except OSError as error:
            errors.append(error)

    worker = threading.Thread(target=export)
    worker.start()
    assert half_written.wait(10), "the worker started writing"
    assert len(leftovers(tmp_path)) == 1
    atomic.remove_unfinished()
    assert leftovers(tmp_path) == []
    finish.set()
    worker.join(10)
    assert target.read_text(encoding="utf-8") == OLD, "the rename of a removed file fails: the old file stays"
    assert len(errors) == 1 and isinstance(errors[0], FileNotFoundError)
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="needs /dev/null")
def test_print_to_a_device_writes_in_place_and_never_replaces_it(tmp_path: Path) -> None:
    """As root, renaming a temporary file over /dev/null would replace the device with a file."""
    result = subprocess.run([sys.executable, "-m", "briefing", "print", "-o", "/dev/null", "--force"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert Path("/dev/null").is_char_device()


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="needs /dev/null")
def test_write_atomic_never_renames_over_a_device_or_a_folder(tmp_path: Path) -> None:
    from briefing.files import NotARegularFile

    (tmp_path / "device").symlink_to("/dev/null")
    for target in (tmp_path / "device", tmp_path):
        with pytest.raises(NotARegularFile):
            write_atomic(target, "x")
    assert Path("/dev/null").is_char_device() and (tmp_path / "device").is_symlink()
    assert leftovers(tmp_path) == []
