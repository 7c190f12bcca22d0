"""Fixtures of the app's tests: the app users run (`make_app`), on the sample or on a hostile book."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import textual.constants
from textual.widgets import Input

from briefing.loading import load_briefing
from briefing.model import Briefing
from briefing.tui import background
from briefing.tui.app import BriefingApp, make_app
from briefing.tui.screens.main_screen import MainScreen
from tests.factories import minimal_briefing_dict


@pytest.fixture(autouse=True)
def steady_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    """No blinking cursor and no animations: what a test sees must not depend on timing."""
    monkeypatch.setattr(textual.constants, "TEXTUAL_ANIMATIONS", "none")
    original_init = Input.__init__

    def init_without_blink(self: Input, *args: object, **kwargs: object) -> None:
        original_init(self, *args, **kwargs)
        self.cursor_blink = False

    monkeypatch.setattr(Input, "__init__", init_without_blink)


@pytest.fixture(autouse=True)
def background_work_without_pauses(monkeypatch: pytest.MonkeyPatch) -> None:
    """The work after the first frame does not wait for the keys to stop (`briefing.tui.background`):
    a test presses its keys faster than any reader, and its bounded waits count refreshes, not seconds.
    tests/tui/test_give_way.py sets the pause of its own app."""
    monkeypatch.setattr(background, "RESUME_AFTER", 0.0)


@pytest.fixture(autouse=True)
def hidden_tabs_on_demand(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A hidden tab is mounted when a key or a jump shows it (`MainScreen.ensure_content`), not in the
    background after the first frame as well: that idle mount was a third to a half of each app test's CPU
    (a tab per meeting, the quotes, the directory...) in tests that never look at most of those tabs.

    Showing a tab goes through the same `ensure_content` either way (a key can beat the idle mount in the
    app). Tests marked `idle_mount` (snapshots, sizes, key bursts, quitting at start-up...) run the app
    exactly as users do, idle mount included.
    """
    if request.node.get_closest_marker("idle_mount") is not None:
        return

    async def on_demand_only(self: MainScreen) -> None:
        return None

    monkeypatch.setattr(MainScreen, "_mount_hidden_tabs", on_demand_only)


@pytest.fixture
def sample(sample_path: Path) -> Briefing:
    """The bundled sample, loaded and validated (for tests of one widget, without the app)."""
    return load_briefing(sample_path)


@pytest.fixture
def sample_app(sample_path: Path) -> BriefingApp:
    return make_app(sample_path)


@pytest.fixture
def write_briefing(tmp_path: Path) -> Callable[[dict], Path]:
    """Writes a briefing dict as a JSON file in its own folder; returns the path."""

    def write(data: dict) -> Path:
        folder = tmp_path / "book"
        folder.mkdir(exist_ok=True)
        path = folder / "briefing.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return path

    return write


@pytest.fixture
def minimal_path(write_briefing: Callable[[dict], Path]) -> Path:
    return write_briefing(minimal_briefing_dict())
