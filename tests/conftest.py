"""Fixtures every test gets: no network, a private state folder, the paths of the bundled sample, and a
shorter look for "has the app settled" in app tests."""

from __future__ import annotations

import gc
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
import textual._wait

REPO = Path(__file__).resolve().parent.parent
SAMPLE_PATH = REPO / "data" / "briefing.json"
SOURCE_PATH = REPO / "data" / "sources" / "2022-04-11-fac-luxembourg-and-nato-ministerial.txt"


COLLECT_AFTER = 10_000
"""Allocations (net) between two young-generation collections in a test process (Python's default: 700)."""


def pytest_configure(config: pytest.Config) -> None:
    """Collect garbage less often in the test processes (each xdist worker runs this too).

    A test process holds some 420,000 long-lived objects (Textual, Rich, Pydantic, Hypothesis, the
    collected tests), and each app test allocates hundreds of thousands of short-lived ones. With Python's
    default thresholds that set off a full collection, walking the whole heap (~0.25 s), every 15-20 app
    tests: 18% of the CPU of the app tests (measured side by side). Garbage is still collected, only in
    bigger batches; the app's own collector policy (`briefing.tui.memory`, the CLI) is not changed.
    """
    gc.set_threshold(COLLECT_AFTER, *gc.get_threshold()[1:])


class NetworkBlockedError(RuntimeError):
    """Raised when code under test tries to reach the network."""


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """briefing promises never to open a network connection; any attempt fails the test loudly.

    Unix sockets stay allowed: asyncio (and so Textual) uses a local socket pair internally.
    """

    def refuse(self: socket.socket, *args: object, **kwargs: object) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            raise NetworkBlockedError(f"network access attempted: {args!r}")
        return original_connect(self, *args, **kwargs)

    def refuse_lookup(*args: object, **kwargs: object) -> None:
        raise NetworkBlockedError(f"name lookup attempted: {args!r}")

    original_connect = socket.socket.connect
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse_lookup)
    yield


@pytest.fixture(autouse=True)
def private_state_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets an empty state folder: no test reads or writes the real user's notes."""
    folder = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(folder))
    return folder


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE_PATH


@pytest.fixture(autouse=True)
def private_library_and_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the user's own library or cache: both point into a fresh temporary folder
    (the library is empty, so `briefing` with no FILE opens the bundled sample, as for a new user)."""
    home = tmp_path_factory.mktemp("user-dirs")
    monkeypatch.setenv("BRIEFING_LIBRARY", str(home / "library"))
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(home / "cache"))


IDLE_WINDOW = 0.005
"""Seconds of each look `Pilot.pause()` and `press` take at the process to see whether the app has settled
(Textual: 1/50 s). The test is the same: the process used almost no CPU in the window (under 1/20 of it),
so the app has nothing left to do; a shorter look answers sooner (in the suite, a third of the time it
slept). A test that needs more than a settled app waits for its condition (tests/waiting.py)."""


@pytest.fixture(autouse=True)
def short_idle_window(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textual._wait, "SLEEP_GRANULARITY", IDLE_WINDOW)
    monkeypatch.setattr(textual._wait, "SLEEP_IDLE", IDLE_WINDOW / 20)
