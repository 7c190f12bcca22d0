"""Run store code in real child processes (crash, concurrency and permission tests)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

PRELUDE = "import os, sys, time\nfrom pathlib import Path\nfrom briefing.state import StateStore, Position\n"


def child_env(state_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["BRIEFING_STATE_DIR"] = str(state_dir)
    env["PYTHONPATH"] = str(REPO)
    return env


def unprivileged_prefix() -> list[str]:
    """How to run a child that permissions apply to: as is, or (for root) as nobody in a user namespace."""
    if os.geteuid() != 0:
        return []
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("running as root and `unshare` is missing: file permissions cannot be tested")
    probe = subprocess.run([unshare, "--user", "--map-user=65534", "--map-group=65534", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"running as root and user namespaces are unavailable: {probe.stderr.decode().strip()}")
    return [unshare, "--user", "--map-user=65534", "--map-group=65534"]


def start(code: str, state_dir: Path, prefix: list[str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*(prefix or []), sys.executable, "-c", PRELUDE + code],
        env=child_env(state_dir), cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def run(code: str, state_dir: Path, prefix: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*(prefix or []), sys.executable, "-c", PRELUDE + code],
        env=child_env(state_dir), cwd=REPO, capture_output=True, text=True, timeout=120,
    )
