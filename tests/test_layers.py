"""The layers of the package, enforced: every import points down, and start-up stays light.

    model  <-  loading  <-  search, render  <-  features (diff, state, library, importer)  <-  tui, cli

`files` is a leaf (byte-level file helpers) anyone may use. Checked on the source (AST: every import,
at any depth, including those inside functions) and in a fresh interpreter (what `briefing` really
loads before the app starts).
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "briefing"

BASE = {"files"}
FEATURES = {"diff", "state", "library", "importer"}
ALLOWED: dict[str, set[str]] = {
    "model": set(),
    "files": set(),
    "loading": {"model"} | BASE,
    "search": {"model", "loading"} | BASE,
    "render": {"model", "loading"} | BASE,
    **{feature: {"model", "loading", "search", "render"} | BASE | FEATURES for feature in FEATURES},
    "tui": {"model", "loading", "search", "render"} | BASE | FEATURES,
    "cli": {"model", "loading", "search", "render", "tui"} | BASE | FEATURES,
}
"""Which layers each top-level package of `briefing` may import (besides itself and `briefing`)."""


def imports_of(path: Path) -> list[tuple[int, str]]:
    """Every module name imported in a file, with its line (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, module]) if module else ".".join(base)
            found.append((node.lineno, module))
    return found


def layer_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else path.stem


def violations() -> list[str]:
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        layer = layer_of(path)
        for line, module in imports_of(path):
            top = module.split(".")[0]
            where = f"{path.relative_to(PACKAGE.parent)}:{line} imports {module}"
            if top == "textual" and layer != "tui":
                problems.append(f"{where}: only briefing/tui may import Textual")
            if top != "briefing" or module == "briefing":
                continue
            target = module.split(".")[1]
            if target != layer and layer in ALLOWED and target not in ALLOWED[layer]:
                problems.append(f"{where}: {layer} may import only {sorted(ALLOWED[layer]) or 'nothing'}")
    return problems


def test_every_package_is_placed_in_a_layer() -> None:
    packages = {path.name for path in PACKAGE.iterdir() if (path / "__init__.py").exists()}
    assert packages - {"data"} <= set(ALLOWED), f"new package(s) without a layer: {packages - set(ALLOWED)}"


def test_imports_point_down_the_layers() -> None:
    assert violations() == []


def test_the_check_sees_a_violation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The checker itself can fail: a model module importing the search layer is reported."""
    fake = tmp_path / "briefing"
    (fake / "model").mkdir(parents=True)
    (fake / "model" / "bad.py").write_text("def f():\n    from briefing.search import SearchIndex\n")
    (fake / "render").mkdir()
    (fake / "render" / "bad.py").write_text("import textual.app\n")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    found = violations()
    assert any("model/bad.py:2 imports briefing.search" in problem for problem in found)
    assert any("render/bad.py:1 imports textual.app" in problem for problem in found)


HEAVY = ("textual", "briefing.tui", "briefing.search", "sqlite3", "briefing.render.export",
         "briefing.render.html_writer", "briefing.render.markdown_writer", "briefing.render.rich_writer",
         "rapidfuzz")
"""What the start-up of `briefing` must not load before it knows which command runs."""


def loaded_after(code: str) -> list[str]:
    script = f"import json, sys\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.splitlines()[-1])


@pytest.mark.parametrize("command", ["open", "validate", "schema"])
def test_start_up_does_not_load_the_app_the_exporters_or_the_search_engine(command: str) -> None:
    modules = loaded_after(f"import briefing.cli as cli\ncli.build_parser(only={command!r})")
    heavy = [name for name in modules if name.startswith(HEAVY)]
    assert heavy == [], f"`briefing {command}` loads {heavy} before running"
