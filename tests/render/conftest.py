"""Briefings built in code for the render tests: a small, plausible one and one full of hostile strings.

They do not depend on the bundled sample, so the render tests run whatever state data/briefing.json is in.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from briefing.loading import load_briefing
from briefing.model import Briefing

SOURCE_TITLE = "Outcome of the Council meeting & press remarks"

SMALL_BRIEFING: dict[str, Any] = {
    "schema_version": 1,
    "id": "test-book",
    "title": "Luxembourg and Brussels, April 2022",
    "issuer": "Policy Planning Unit",
    "principal": "wilmes",
    "classification": "RESTRICTED",
    "language": "en",
    "start": "2022-04-06",
    "end": "2022-04-11",
    "dates_note": "The NATO dates are inferred from the press release.",
    "sources": [
        {
            "id": "fac-outcome",
            "title": SOURCE_TITLE,
            "issuer": "Council of the EU",
            "published": "2022-04-11",
            "language": "en",
            "path": "sources/fac.txt",
        }
    ],
    "organisations": [
        {"id": "eu", "name": "European Union", "acronym": "EU", "kind": "eu-institution"},
        {"id": "nato", "name": "North Atlantic Treaty Organization", "acronym": "NATO",
         "kind": "international-organisation"},
        {"id": "belgium", "name": "Belgium", "kind": "state"},
    ],
    "people": [
        {"id": "wilmes", "name": "Sophie Wilmès",
         "role": "Deputy Prime Minister and Minister of Foreign Affairs", "organisation": "belgium",
         "country": "Belgium"},
        {"id": "borrell", "name": "Josep Borrell", "role": "High Representative", "organisation": "eu"},
    ],
    "meetings": [
        {
            "id": "nato-ministerial",
            "title": "NATO Foreign Ministers' Meeting",
            "kind": "NATO ministerial",
            "organiser": "nato",
            "place": "Brussels",
            "country": "Belgium",
            "start": "2022-04-06",
            "end": "2022-04-07",
            "summary": "Allies discussed support to Ukraine.",
            "participants": ["wilmes", "nato"],
            "passages": [
                {"id": "nato-p1", "text": "Ministers met in Brussels.",
                 "source": {"document": "fac-outcome", "paragraph": 2}}
            ],
            "sessions": [
                {
                    "id": "nato-s1",
                    "title": "Session with partners",
                    "date": "2022-04-07",
                    "part_of_day": "morning",
                    "format": "working session",
                    "participants": ["wilmes"],
                    "key_points": [
                        {"id": "nato-kp1", "text": "Partners reaffirmed support.",
                         "topics": ["Ukraine"], "sources": [{"document": "fac-outcome", "paragraph": 3}]}
                    ],
                    "figures": [
                        {"id": "nato-f1", "value": "30", "unit": "partners",
                         "counts": "Allies and partners at the table", "as_written": "thirty",
                         "source": {"document": "fac-outcome", "paragraph": 3}}
                    ],
                }
            ],
        },
        {
            "id": "fac-2022-04-11",
            "title": "EU Foreign Affairs Council",
            "kind": "EU Foreign Affairs Council",
            "organiser": "eu",
            "place": "Luxembourg",
            "start": "2022-04-11",
            "end": "2022-04-11",
            "summary": "Ministers discussed Russia's aggression against Ukraine.",
            "participants": ["wilmes", "borrell", "eu"],
            "sessions": [
                {
                    "id": "fac-s1",
                    "title": "Russian aggression against Ukraine",
                    "date": "2022-04-11",
                    "part_of_day": "afternoon",
                    "passages": [
                        {"id": "fac-p1", "text": "Ministers agreed a further tranche.",
                         "source": {"document": "fac-outcome", "paragraph": 6}}
                    ],
                    "key_points": [
                        {"id": "fac-kp1", "text": "A third tranche of the European Peace Facility.",
                         "sources": [{"document": "fac-outcome", "paragraph": 6}]}
                    ],
                    "positions": [
                        {"id": "fac-pos1", "text": "Belgium supports the tranche.",
                         "sources": [{"document": "fac-outcome", "paragraph": 7}]}
                    ],
                    "figures": [
                        {"id": "fac-f1", "value": "500000000", "unit": "EUR",
                         "counts": "the third EPF tranche", "as_written": "€500 million",
                         "source": {"document": "fac-outcome", "paragraph": 6}}
                    ],
                    "quotes": [
                        {"id": "fac-q1", "speaker": "wilmes",
                         "text": "We stand with Ukraine, today and tomorrow.",
                         "source": {"document": "fac-outcome", "paragraph": 7}},
                        {"id": "fac-q2", "speaker": "borrell", "text": "Weapons, yes, weapons.",
                         "source": {"document": "fac-outcome", "paragraph": 8}},
                    ],
                }
            ],
        },
    ],
}
"""Two meetings (one over two days), three sessions' worth of items, non-ASCII names and a euro sign."""

HOSTILE_STRINGS = (
    "<script>alert(1)</script>",
    "</style>",
    '"><img src=x onerror=alert(1)>',
    "[bold red]x[/]",
    "[/foo]",
    "[@click=app.quit]q[/]",
    "\x1b[31mred",
    "\x1b]52;c;ZXZpbA==\x07",
    "\u202eevil",
    "*stars* _under_ `tick` <b>",
)
"""Strings that would act if any format passed them through: HTML, Rich markup, ANSI, OSC 52, bidi."""

HOSTILE = " ".join(HOSTILE_STRINGS)


def hostile_briefing_data() -> dict[str, Any]:
    """SMALL_BRIEFING with every free-text field replaced by the hostile string (ids stay valid)."""
    data = copy.deepcopy(SMALL_BRIEFING)

    def poison(node: Any) -> Any:
        if isinstance(node, dict):
            return {
                key: (
                    HOSTILE + f" ({key})"
                    if key in {"title", "issuer", "classification", "dates_note", "summary", "text",
                               "counts", "as_written", "name", "role", "place", "country", "format",
                               "kind", "acronym", "unit"}
                    and isinstance(value, str)
                    and not (key == "kind" and value in ORGANISATION_KINDS)
                    else poison(value)
                )
                for key, value in node.items()
            }
        if isinstance(node, list):
            return [poison(value) for value in node]
        return node

    data = poison(data)
    data["meetings"][0]["sessions"][0]["key_points"][0]["topics"] = [HOSTILE]
    data["language"] = 'en"><script>alert(1)</script>'
    return data


ORGANISATION_KINDS = {"eu-institution", "international-organisation", "state", "group", "other",
                      "government-body", "initiative"}


@pytest.fixture
def small_briefing() -> Briefing:
    return Briefing.model_validate(SMALL_BRIEFING)


@pytest.fixture
def hostile_briefing() -> Briefing:
    return Briefing.model_validate(hostile_briefing_data())


@pytest.fixture
def sample_briefing(sample_path: Path) -> Briefing:
    return load_briefing(sample_path)


def briefing_items(briefing: Briefing) -> dict[str, list[str]]:
    """The strings every format must show: meeting and session titles, figures, quotes, points."""
    sessions = [session for meeting in briefing.meetings for session in meeting.sessions]
    return {
        "meeting": [meeting.title for meeting in briefing.meetings],
        "session": [session.title for session in sessions],
        "figure": [figure.as_written for session in sessions for figure in session.figures],
        "quote": [quote.text for session in sessions for quote in session.quotes],
        "point": [p.text for session in sessions for p in (*session.key_points, *session.positions)],
    }
