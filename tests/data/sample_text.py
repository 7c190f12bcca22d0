"""The bundled sample and its source release, read directly (not through the loader) for the fidelity tests."""

from __future__ import annotations

import re
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data"
SAMPLE_PATH = DATA / "briefing.json"
SOURCE_RELATIVE_PATH = "sources/2022-04-11-fac-luxembourg-and-nato-ministerial.txt"
SOURCE_TEXT = (DATA / SOURCE_RELATIVE_PATH).read_text(encoding="utf-8")


def collapse(text: str) -> str:
    """Whitespace runs (no-break spaces included) as one space; nothing else is normalised."""
    return re.sub(r"\s+", " ", text).strip()
