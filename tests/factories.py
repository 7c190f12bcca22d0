"""Small valid briefings built in code, for tests that must not depend on the sample's content."""

from __future__ import annotations

import copy
from typing import Any

from briefing.model import Briefing

HOSTILE = "[/foo] [b]x[/b] [@click=app.quit]q[/] \x1b[2J\x1b]52;c;aGk=\x07 \u202eevil\u202c zero\u200bwidth <script>alert(1)</script>"
"""Markup, escape sequences, bidi override and HTML in one string: every view must show it literally."""


def minimal_briefing_dict(text: str = "The Council met.") -> dict[str, Any]:
    """A small valid briefing: one meeting, one session, one of each item; `text` goes into every string."""
    return {
        "schema_version": 1,
        "id": "test-book",
        "title": f"Test book {text}",
        "issuer": f"Issuer {text}",
        "principal": "minister",
        "classification": "UNCLASSIFIED – PUBLIC",
        "language": "en",
        "start": "2022-04-06",
        "end": "2022-04-11",
        "sources": [
            {
                "id": "release",
                "title": f"Press release {text}",
                "issuer": "Ministry",
                "published": "2022-04-11",
                "language": "en",
                "path": "sources/release.txt",
            }
        ],
        "people": [
            {"id": "minister", "name": f"Ann Minister {text}", "role": f"Minister {text}", "organisation": "ministry"}
        ],
        "organisations": [
            {"id": "ministry", "name": f"Ministry {text}", "acronym": "MFA", "kind": "government-body"}
        ],
        "meetings": [
            {
                "id": "council",
                "title": f"Council {text}",
                "kind": "EU Foreign Affairs Council",
                "organiser": "ministry",
                "place": f"Luxembourg {text}",
                "start": "2022-04-11",
                "end": "2022-04-11",
                "summary": f"Summary {text}",
                "participants": ["minister"],
                "passages": [{"id": "intro", "text": f"Intro {text}", "source": {"document": "release", "paragraph": 1}}],
                "sessions": [
                    {
                        "id": "breakfast",
                        "title": f"Breakfast {text}",
                        "date": "2022-04-11",
                        "part_of_day": "morning",
                        "participants": ["minister", "ministry"],
                        "passages": [
                            {"id": "p1", "text": f"Passage {text}", "source": {"document": "release", "paragraph": 2}}
                        ],
                        "key_points": [
                            {"id": "k1", "text": f"Key point {text}", "sources": [{"document": "release", "paragraph": 2}]}
                        ],
                        "positions": [
                            {"id": "pos1", "text": f"Position {text}", "sources": [{"document": "release", "paragraph": 2}]}
                        ],
                        "figures": [
                            {
                                "id": "f1", "value": 500000000, "unit": "EUR", "counts": f"Tranche {text}",
                                "as_written": "500 million euros", "source": {"document": "release", "paragraph": 2},
                            }
                        ],
                        "quotes": [
                            {
                                "id": "q1", "speaker": "minister", "text": f"We said {text}", "topics": ["t"],
                                "source": {"document": "release", "paragraph": 2},
                            }
                        ],
                    }
                ],
            }
        ],
    }


def minimal_briefing(text: str = "The Council met.") -> Briefing:
    return Briefing.model_validate(minimal_briefing_dict(text))


def hostile_briefing() -> Briefing:
    """The minimal briefing with the hostile string in every title, name, passage and quote."""
    return minimal_briefing(HOSTILE)


def changed(data: dict[str, Any], path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    """A deep copy of `data` with the value at `path` replaced."""
    result = copy.deepcopy(data)
    target: Any = result
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return result
