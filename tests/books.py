"""Edited copies of the bundled sample on disk: a 'new version' of the book, as sent the night before."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.conftest import SAMPLE_PATH

CHANGED_POSITION = "pos-icc-support"
NEW_KEY_POINT = "kp-added-overnight"
NEW_KEY_POINT_SESSION = "fac-ukraine"


def sample_copy(folder: Path, edit: Callable[[dict[str, Any]], None] | None = None) -> Path:
    """The sample (with its sources) copied into `folder`, `edit` applied to its JSON; the file's path."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(SAMPLE_PATH.parent / "sources", folder / "sources", dirs_exist_ok=True)
    data = json.loads(SAMPLE_PATH.read_text(encoding="utf-8"))
    if edit is not None:
        edit(data)
    path = folder / "briefing.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def session(data: dict[str, Any], session_id: str) -> dict[str, Any]:
    return next(s for m in data["meetings"] for s in m["sessions"] if s["id"] == session_id)


def overnight_edit(data: dict[str, Any]) -> None:
    """Change one position's wording and add one key point: exactly two changes."""
    position = next(p for p in session(data, "fac-icc-breakfast")["positions"] if p["id"] == CHANGED_POSITION)
    position["text"] = position["text"].replace("supports the Court’s work", "strongly supports the Court’s work")
    session(data, NEW_KEY_POINT_SESSION)["key_points"].append(
        {
            "id": NEW_KEY_POINT,
            "text": "Ministers will also discuss the humanitarian corridors.",
            "sources": [{"document": "press-release-2022-04-11", "paragraph": 3}],
        }
    )
