from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.importer import Draft, draft_from_file


@pytest.fixture
def draft_of(tmp_path: Path) -> Callable[..., Draft]:
    """Draft a book from a release given as text (written to a .txt file, as a user would save it)."""

    def make(text: str, suffix: str = ".txt", **options: object) -> Draft:
        path = tmp_path / f"release{suffix}"
        path.write_text(text, encoding="utf-8")
        return draft_from_file(path, **options)  # type: ignore[arg-type]

    return make


def quotes_of(draft: Draft) -> list[tuple[str, str, bool]]:
    """(text, speaker name, truncated) of every quote of a draft."""
    people = {p.id: p.name for p in draft.briefing.people}
    return [
        (q.text, people[q.speaker], q.truncated)
        for m in draft.briefing.meetings for s in m.sessions for q in s.quotes
    ]
