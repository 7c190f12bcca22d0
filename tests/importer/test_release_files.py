"""`briefing import` reads only regular files, never more than a limit (issue 9, item 4, for releases)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.importer.blocks import ReleaseReadError, read_release


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_release_is_refused_at_once_instead_of_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "release.txt"
    os.mkfifo(fifo)
    result = subprocess.run([sys.executable, "-m", "briefing", "import", str(fifo), "-o", str(tmp_path / "out")],
                            capture_output=True, text=True, timeout=30, check=False)  # hung forever before
    assert result.returncode == 66, result.stderr
    assert "is a pipe (FIFO), not a regular file" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize("name", ["release.md", "release.docx"])
def test_a_release_linked_to_a_device_is_refused_instead_of_read_until_memory_runs_out(tmp_path: Path,
                                                                                      name: str) -> None:
    (tmp_path / name).symlink_to("/dev/zero")
    with pytest.raises(ReleaseReadError, match="is a device, not a regular file"):
        read_release(tmp_path / name)


def test_a_huge_release_is_refused_by_its_size(tmp_path: Path) -> None:
    path = tmp_path / "release.txt"
    with path.open("wb") as handle:  # sparse: no disk space used
        handle.truncate(21 * 1024 * 1024)
    with pytest.raises(ReleaseReadError, match="larger than 20,971,520 bytes"):
        read_release(path)


def test_a_docx_that_unpacks_to_far_more_than_it_weighs_is_refused_before_it_is_unpacked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import zipfile

    from briefing.importer import blocks

    monkeypatch.setattr(blocks, "MAX_DOCX_UNPACKED_BYTES", 4 * 1024 * 1024)  # the real limit is 200 MiB
    path = tmp_path / "release.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive, \
            archive.open("word/document.xml", "w", force_zip64=True) as member:
        for _ in range(5):  # 5 MiB of zeros: a few kilobytes on disk
            member.write(b"\0" * (1024 * 1024))
    assert path.stat().st_size < 100 * 1024
    with pytest.raises(ReleaseReadError, match="unpacks to 5,242,880 bytes, more than 4,194,304"):
        read_release(path)
