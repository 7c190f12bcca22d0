"""read_bounded: only regular files, and never more than the limit + 1 bytes (issue 9, item 4)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from briefing.files import FileTooLarge, NotARegularFile, read_bounded, reading


def test_reads_a_regular_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "book.json"
    path.write_bytes(b"x" * 3000)
    assert read_bounded(path, 3000) == b"x" * 3000


def test_a_file_over_the_limit_is_refused_from_its_size(tmp_path: Path) -> None:
    path = tmp_path / "book.json"
    path.write_bytes(b"x" * 3001)
    with pytest.raises(FileTooLarge) as caught:
        read_bounded(path, 3000)
    assert caught.value.size == 3001


def test_a_file_whose_size_lies_is_read_only_to_the_limit_plus_one(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """What /proc files and growing files do: stat says 0, the content goes on."""
    path = tmp_path / "book.json"
    path.write_bytes(b"x" * 10_000)
    real_fstat, real_read = os.fstat, os.read
    asked: list[int] = []

    def lying_fstat(descriptor: int) -> os.stat_result:
        status = list(real_fstat(descriptor))
        status[stat.ST_SIZE] = 0
        return os.stat_result(status)

    def counted_read(descriptor: int, size: int) -> bytes:
        asked.append(size)
        return real_read(descriptor, size)

    monkeypatch.setattr(reading.os, "fstat", lying_fstat)
    monkeypatch.setattr(reading.os, "read", counted_read)
    with pytest.raises(FileTooLarge) as caught:
        read_bounded(path, 1000)
    assert caught.value.size is None
    assert sum(asked) == 1001


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_with_no_writer_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "book.json"
    os.mkfifo(fifo)
    with pytest.raises(NotARegularFile) as caught:
        read_bounded(fifo, 1000)  # a blocking open would wait here for a writer, forever
    assert caught.value.kind == "a pipe (FIFO)"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_link_to_a_device_is_refused(tmp_path: Path) -> None:
    (tmp_path / "book.json").symlink_to("/dev/zero")
    with pytest.raises(NotARegularFile) as caught:
        read_bounded(tmp_path / "book.json", 1000)
    assert caught.value.kind == "a device"


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NotARegularFile) as caught:
        read_bounded(tmp_path, 1000)
    assert caught.value.kind == "a folder"
