"""`briefing --version` and `--help` with standard output closed or full (issue 9, item 6, re-checked).

argparse writes help and version itself and swallows any error writing them: `briefing --version >&-`
and `briefing --help > /dev/full` printed nothing and exited 0, as if the text had been written.
Real processes, as a user's shell runs them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.hardening.test_hostile_environment import no_traceback, run

TIMEOUT = 30


@pytest.mark.parametrize("option", ["--version", pytest.param("--help", marks=pytest.mark.slow)])
def test_help_and_version_to_a_closed_output_exit_74(option: str) -> None:
    result = run(option, shell_redirect=">&-")
    assert result.returncode == 74, result.stderr
    assert b"standard output is closed" in result.stderr
    no_traceback(result)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("option", ["--help", pytest.param("--version", marks=pytest.mark.slow)])
def test_help_and_version_to_a_full_output_exit_74(option: str) -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "briefing", option], stdout=full, stderr=subprocess.PIPE,
                                timeout=TIMEOUT, check=False)
    assert result.returncode == 74, result.stderr
    assert b"cannot write the output: No space left on device" in result.stderr
    no_traceback(result)


def test_help_read_in_part_is_not_an_error() -> None:
    """`briefing --help | head -1` stays exit 0, with nothing on standard error."""
    import os

    reader, writer = os.pipe()
    os.close(reader)
    try:
        result = subprocess.run([sys.executable, "-m", "briefing", "--help"], stdout=writer, stderr=subprocess.PIPE,
                                timeout=TIMEOUT, check=False)
    finally:
        os.close(writer)
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
