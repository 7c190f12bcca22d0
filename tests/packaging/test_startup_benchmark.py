"""The start-up benchmark times the app as installed: from its bytecode cache, like the bare app's Textual."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.startup_benchmark import byte_compile, run_measured


def test_the_package_is_byte_compiled_even_when_python_is_told_not_to_write_bytecode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")  # how the benchmarks' machine runs Python
    package = tmp_path / "package"
    (package / "inner").mkdir(parents=True)
    modules = [package / "__init__.py", package / "inner" / "__init__.py", package / "inner" / "module.py"]
    for module in modules:
        module.write_text("VALUE = 1\n", encoding="utf-8")

    byte_compile(package)

    assert all(Path(importlib.util.cache_from_source(str(module))).is_file() for module in modules)


def test_a_package_that_does_not_compile_stops_the_benchmark(tmp_path: Path) -> None:
    (tmp_path / "broken.py").write_text("def (:\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        byte_compile(tmp_path)


def test_a_peak_that_could_be_the_measuring_process_s_own_is_refused() -> None:
    # ru_maxrss of a forked child counts the pages it shared with its parent until `exec`: measured from
    # this big test process, a tiny program reads as big as pytest. The benchmark said "bare app 36 MiB"
    # while its own process weighed 36 MiB and the bare app 34.5.
    with pytest.raises(SystemExit, match="cannot be told"):
        run_measured([sys.executable, "-c", "pass"], dict(os.environ))


def test_the_tab_count_is_asked_of_a_child_so_the_measuring_process_stays_small() -> None:
    root = Path(__file__).resolve().parents[2]
    check = ("import sys; from benchmarks.startup_benchmark import resident_kib, tab_count;"
             "tabs, path = tab_count(None);"
             "loaded = [name for name in ('pydantic', 'textual', 'briefing.model') if name in sys.modules];"
             "print(tabs, path.name, loaded, resident_kib() < 25 * 1024)")
    answer = subprocess.run([sys.executable, "-c", check], cwd=root, capture_output=True, text=True, check=True)
    assert answer.stdout.split() == ["7", "briefing.json", "[]", "True"]
