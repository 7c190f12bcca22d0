"""Reading a file that someone else chose: only a regular file, and never more than a limit.

`stat` alone is not enough: a FIFO waits forever for a writer, and `/dev/zero` (or a symlink to it,
or a pipe) reports a size of 0 and then never ends. So the file is opened without blocking, checked
with `fstat` on the open descriptor (no gap between check and read for a swap to slip into), and
read in chunks that stop one byte past the limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

CHUNK_BYTES = 1024 * 1024


class NotARegularFile(OSError):
    """The path names a folder, a FIFO/pipe, a device or a socket: nothing to read as a document."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"is {kind}, not a regular file")
        self.path = path
        self.kind = kind


class FileTooLarge(OSError):
    """The file holds more than the limit (`size` is None when it grew while being read)."""

    def __init__(self, path: Path, size: int | None, limit: int) -> None:
        super().__init__(f"holds more than {limit:,} bytes")
        self.path = path
        self.size = size
        self.limit = limit


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words a reader knows."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a device"
    if stat.S_ISBLK(mode):
        return "a disk device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not an ordinary file"


def read_bounded(path: Path | str, max_bytes: int) -> bytes:
    """The bytes of the regular file at `path` (symlinks followed), at most `max_bytes` of them.

    Raises NotARegularFile, FileTooLarge, or the OSError of opening (FileNotFoundError,
    PermissionError…). Never blocks on a FIFO and never reads more than `max_bytes + 1` bytes.
    """
    path = Path(path)
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise NotARegularFile(path, kind_of(status.st_mode))
        if status.st_size > max_bytes:
            raise FileTooLarge(path, status.st_size, max_bytes)
        chunks: list[bytes] = []
        total = 0
        while total <= max_bytes:
            chunk = os.read(descriptor, min(CHUNK_BYTES, max_bytes + 1 - total))
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            total += len(chunk)
        raise FileTooLarge(path, None, max_bytes)
    finally:
        os.close(descriptor)
