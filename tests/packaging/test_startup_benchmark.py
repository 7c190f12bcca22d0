"""The start-up benchmark times the app as installed: from its bytecode cache, like the bare app's Textual."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.startup_benchmark import BARE_APP, FLOOR_APP, byte_compile, run_measured


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


# Real processes, 1.5 s: under `slow`, which .ci/run also runs (the default run neared 150 s).
@pytest.mark.slow
def test_the_floor_is_the_bare_app_after_the_book_and_the_state_and_reaches_its_first_frame(tmp_path: Path) -> None:
    # The floor row says what the model, the book and the state store cost on top of the bare app: it
    # must run the bare app itself (its frame, its exit on the first frame) and none of our interface.
    assert FLOOR_APP.endswith(BARE_APP) and "briefing.tui" not in FLOOR_APP
    root = Path(__file__).resolve().parents[2]
    script = FLOOR_APP.replace("Bare().run()", "import json; print(json.dumps(sorted(sys.modules)))")
    env = dict(os.environ, BRIEFING_STATE_DIR=str(tmp_path), PYTHONPATH=str(root))
    answer = subprocess.run([sys.executable, "-c", script, "7", "exit", str(root / "data" / "briefing.json")],
                            capture_output=True, text=True, env=env, check=True, timeout=120)
    loaded = answer.stdout.splitlines()[-1]
    assert all(f'"{name}"' in loaded for name in ("briefing.model", "textual.app"))
    assert '"briefing.tui' not in loaded
    assert [path.name for path in tmp_path.glob("*.sqlite3")], "the state store was opened"
    # Under a terminal it draws its first frame and exits, as the apps it stands between do.
    seconds, peak, _cpu = run_measured([sys.executable, "-c", FLOOR_APP, "7", "exit",
                                        str(root / "data" / "briefing.json")],
                                       dict(env, TERM="xterm-256color"), own_peak_only=False)
    assert seconds > 0 and peak > 0
