"""The wheel carries the sample briefing and its source, so `briefing` works after a plain install."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO, SAMPLE_PATH, SOURCE_PATH


@pytest.mark.wheel
@pytest.mark.slow  # builds a wheel: `pytest -m slow` (and .ci/run) runs it
def test_wheel_carries_sample_and_source(tmp_path: Path) -> None:
    # No build isolation: the test extra installs setuptools, so this works with the network blocked.
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(tmp_path), str(REPO)],
        check=True, capture_output=True, timeout=300,
    )
    [wheel] = tmp_path.glob("briefing-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert archive.read("briefing/data/briefing.json") == SAMPLE_PATH.read_bytes()
        assert archive.read(f"briefing/data/sources/{SOURCE_PATH.name}") == SOURCE_PATH.read_bytes()
    assert any(name.endswith(".tcss") for name in names) or not list((REPO / "briefing" / "tui").rglob("*.tcss"))
    assert "briefing/py.typed" in names
    assert not any(name.startswith("tests/") for name in names)
