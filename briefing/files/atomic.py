"""Atomic file writes: the new content appears whole, or the old file stays exactly as it was.

`write_atomic` writes to a temporary file in the target's own folder (so the final rename never
crosses file systems), flushes and fsyncs it, then renames it over the target in one step. A full
disk, a write error, Ctrl-C, SIGTERM or SIGHUP on the way removes the temporary file and leaves the
target untouched (or absent). Without `overwrite`, the rename is a hard link that fails if the
target exists, so there is no window in which a file that appeared meanwhile is clobbered.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import signal
import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

from briefing.files.reading import NotARegularFile, kind_of

TEMPORARY_SUFFIX = ".tmp"
"""Temporary files are `.<name>.<random>.tmp` beside the target: hidden, and plainly leftovers."""

_UNFINISHED: set[Path] = set()
"""Temporary files being written now (by any thread): what `remove_unfinished` deletes."""
_UNFINISHED_LOCK = threading.Lock()


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived during an atomic write; raised so that the clean-up runs.

    A BaseException, like KeyboardInterrupt: nothing but the outermost handler should catch it.
    """

    def __init__(self, signal_number: int) -> None:
        super().__init__(f"terminated by signal {signal_number}")
        self.signal_number = signal_number


def write_atomic(path: Path | str, data: bytes | str, *, overwrite: bool = True, mode: int = 0o666) -> None:
    """Write `data` (str is encoded as UTF-8) to `path` atomically.

    `overwrite=False` raises FileExistsError if `path` exists (even if it appeared during the write).
    `mode` is the permission of a new file, before the umask (0o600 for private state). An existing
    file that is replaced keeps its permission bits; an existing folder, device or FIFO is never
    replaced (NotARegularFile). Raises FileExistsError, NotARegularFile or another OSError; in every
    case the temporary file is gone and `path` is untouched.
    """
    path = Path(path)
    content = data.encode("utf-8") if isinstance(data, str) else data
    if overwrite:
        with contextlib.suppress(FileNotFoundError):
            status = os.stat(path)
            if not stat.S_ISREG(status.st_mode):
                # Renaming over a device, a FIFO or a folder would replace it (as root, /dev/null itself).
                raise NotARegularFile(path, kind_of(status.st_mode))
            mode = status.st_mode & 0o7777
    temporary = path.with_name(f".{path.name[:100]}.{secrets.token_hex(4)}{TEMPORARY_SUFFIX}")
    with _signals_raise():
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), mode)
        with _UNFINISHED_LOCK:
            _UNFINISHED.add(temporary)
        try:
            try:
                if overwrite:
                    os.fchmod(descriptor, mode)  # keep the replaced file's bits, whatever the umask
                _write_all(descriptor, content)
                os.fsync(descriptor)
            finally:
                os.close(descriptor)
            _publish(temporary, path, overwrite)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        finally:
            with _UNFINISHED_LOCK:
                _UNFINISHED.discard(temporary)
    _sync_folder(path.parent)


def remove_unfinished() -> None:
    """Delete the temporary files of writes still under way (in other threads), e.g. when a signal ends
    the program: their targets stay as they were, and no half-written temporary file is left behind."""
    with _UNFINISHED_LOCK:
        for temporary in list(_UNFINISHED):
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _write_all(descriptor: int, content: bytes) -> None:
    view = memoryview(content)
    while view:
        written = os.write(descriptor, view)
        view = view[written:]


def _publish(temporary: Path, path: Path, overwrite: bool) -> None:
    if overwrite:
        os.replace(temporary, path)
        return
    try:
        os.link(temporary, path)  # fails with EEXIST if the target exists: no check-then-write race
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        # A file system without hard links (FAT, some network shares): check, then rename.
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path)) from None
        os.rename(temporary, path)
        return
    os.unlink(temporary)


def _sync_folder(folder: Path) -> None:
    # The rename is durable only once the folder's entry is on disk; not every system allows it.
    with contextlib.suppress(OSError):
        descriptor = os.open(folder if str(folder) else ".", os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


@contextlib.contextmanager
def _signals_raise() -> Iterator[None]:
    """While writing, SIGTERM and SIGHUP raise `Terminated` (their default would kill us mid-write).

    Signal handlers can only be set from the main thread; elsewhere (an app's worker thread) the
    process's own handlers stay in charge.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    wanted = [signal.SIGTERM, *([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])]
    previous = {}
    for number in wanted:
        handler = signal.getsignal(number)
        if handler in (signal.SIG_DFL, None):  # leave ignored or custom-handled signals alone
            previous[number] = handler
            signal.signal(number, _raise_terminated)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler if handler is not None else signal.SIG_DFL)


def _raise_terminated(signal_number: int, frame: FrameType | None) -> None:
    raise Terminated(signal_number)
