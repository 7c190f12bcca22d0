"""Fixtures of the app's tests: the app users run (`make_app`), on the sample or on a hostile book."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import textual.constants
from textual.widgets import Input

from briefing.tui.app import BriefingApp, make_app
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
