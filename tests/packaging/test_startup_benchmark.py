"""The start-up benchmark times the app as installed: from its bytecode cache, like the bare app's Textual."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from benchmarks.startup_benchmark import byte_compile


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
