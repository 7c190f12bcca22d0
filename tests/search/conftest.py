"""Briefings for search tests: hand-made ones with known texts, and one built from the source text."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from briefing.loading import load_briefing, split_paragraphs
from briefing.model import Briefing
from briefing.search import SearchIndex
from tests.factories import minimal_briefing_dict

SOURCES = Path(__file__).resolve().parents[2] / "data" / "sources"


def briefing_with_passages(*texts: str, quotes: tuple[str, ...] = ()) -> Briefing:
    """The minimal test briefing whose only session holds `texts` as passages (p0, p1, …) and `quotes`."""
    data: dict[str, Any] = minimal_briefing_dict("x")
    session = data["meetings"][0]["sessions"][0]
    session["passages"] = [
        {"id": f"p{number}", "text": text, "source": {"document": "release", "paragraph": 1}}
        for number, text in enumerate(texts)
    ]
    session["quotes"] = [
        {"id": f"q{number}", "speaker": "minister", "text": text, "source": {"document": "release", "paragraph": 1}}
        for number, text in enumerate(quotes)
    ]
    return Briefing.model_validate(data)


def passage_index(*texts: str, quotes: tuple[str, ...] = ()) -> SearchIndex:
    return SearchIndex.for_briefing(briefing_with_passages(*texts, quotes=quotes))


def source_paragraphs() -> list[str]:
    return [
        paragraph
        for path in sorted(SOURCES.glob("*.txt"))
        for paragraph in split_paragraphs(path.read_text(encoding="utf-8"))
    ]


def briefing_from_sources() -> Briefing:
    """Every source paragraph as a passage, and every “…” in them as a quote: the sample's text, independently."""
    paragraphs = source_paragraphs()
    data: dict[str, Any] = minimal_briefing_dict("x")
    session = data["meetings"][0]["sessions"][0]
    session["passages"] = [
        {"id": f"para{number}", "text": text, "source": {"document": "release", "paragraph": number + 1}}
        for number, text in enumerate(paragraphs)
    ]
    quotes = [match.group(1) for text in paragraphs for match in re.finditer(r"“([^”]+)”", text)]
    session["quotes"] = [
        {"id": f"quote{number}", "speaker": "minister", "text": text, "source": {"document": "release", "paragraph": 1}}
        for number, text in enumerate(quotes)
    ]
    return Briefing.model_validate(data)


@pytest.fixture(scope="session")
def sample_briefing() -> Briefing:
    return load_briefing(Path(__file__).resolve().parents[2] / "data" / "briefing.json")


@pytest.fixture(scope="session")
def sample_index(sample_briefing: Briefing) -> SearchIndex:
    return SearchIndex.for_briefing(sample_briefing)
