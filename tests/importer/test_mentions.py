"""Meetings a release mentions but does not report on: upcoming ("ahead of", "en vue du", "met het oog
op"), past ("the last", "lors du dernier", "de vorige") and named by their month ("the March summit"),
on sentences and on two releases written for these tests. And what must not be taken for one."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.importer import draft_from_file
from briefing.importer.dates import Dating
from briefing.importer.mentions import MONTH, PAST, UPCOMING, find_mentioned_meetings
from briefing.loading import load_briefing

RELEASES = Path(__file__).resolve().parent / "releases"


def mentions(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(m.title, m.cue, m.month, m.place) for m in find_mentioned_meetings([text], Dating())]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ministers prepared the next European Council.", ("European Council", UPCOMING, None, None)),
        ("Ahead of the European Council, ministers discussed energy.", ("European Council", UPCOMING, None, None)),
        ("In view of the NATO Summit in Madrid, allies met.", ("NATO Summit", UPCOMING, None, "Madrid")),
        ("Ministers met in the run-up to the informal meeting in Prague.",
         ("Informal meeting", UPCOMING, None, "Prague")),
        ("As agreed at the last European Council, the EU will act.", ("European Council", PAST, None, None)),
        ("Since the last summit in Madrid, allies have doubled spending.", ("Summit", PAST, None, "Madrid")),
        ("At the March summit, leaders agreed on a compass.", ("Summit", MONTH, "March", None)),
        ("Lors du dernier Conseil européen, les dirigeants ont décidé.", ("Conseil européen", PAST, None, None)),
        ("En vue du Conseil européen de juin, la ministre a plaidé.", ("Conseil européen", UPCOMING, "juin", None)),
        ("Lors du sommet de mars, les dirigeants ont décidé.", ("Sommet", MONTH, "mars", None)),
        ("Met het oog op de Europese Raad van juni pleitte de minister.", ("Europese Raad", UPCOMING, "juni", None)),
        ("Tijdens de vorige top in Vilnius werd beslist.", ("Top", PAST, None, "Vilnius")),
        ("Ahead of the March European Council, ministers met.", ("European Council", UPCOMING, "March", None)),
    ],
)
def test_a_cued_meeting_is_a_mention(sentence: str, expected: tuple) -> None:
    assert mentions(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "The last time the Council met, nothing was decided.",
        "Over the last two years the Council has adopted ten packages.",
        "It advocated looking ahead to the next set of sanctions now, without taboos.",
        "The High Representative shared his conclusions from his trip to Kyiv last week.",
        "The Minister attended the Foreign Affairs Council in Luxembourg.",
        "La dernière fois que le Conseil s’est réuni, aucun accord n’avait été trouvé.",
        "Au cours des derniers mois, le Conseil a adopté trois paquets.",
    ],
)
def test_no_cue_or_no_meeting_is_no_mention(sentence: str) -> None:
    assert mentions(sentence) == []


def test_an_english_council_release_names_past_upcoming_and_month_meetings() -> None:
    draft = draft_from_file(RELEASES / "gac-conclusions-en.txt", principal="Orla Ní Bhriain")
    book = draft.briefing
    assert [(m.title, str(m.start) if m.start else None, m.sources[0].paragraph) for m in book.referenced_meetings] == [
        ("European Council", "2018-06-27", 5),  # "Ahead of the European Council on 27 and 28 June" (+ "the June …")
        ("European Council", None, 6),  # "the last European Council"
        ("Summit", None, 6),  # "the March summit"
        ("Intergovernmental conference", None, 9),  # "the next intergovernmental conference" (in a quote)
        ("EU-Western Balkans Summit", None, 10),  # "In view of the EU-Western Balkans Summit in Tirana"
    ]
    assert [m.note.split(" (")[0] for m in book.referenced_meetings] == [
        "Mentioned as upcoming", "Mentioned as a past meeting", "Mentioned by its month", "Mentioned as upcoming",
        "Mentioned as upcoming"]
    # The dates of the European Council mentioned are not the dates of the meeting reported on, and a
    # heading about preparing it is a session of this meeting, not a meeting of its own.
    assert (str(book.start), str(book.end)) == ("2018-04-24", "2018-04-24")
    assert [[s.title for s in m.sessions] for m in book.meetings] == [["Preparing the European Council", "Enlargement"]]
    speakers = {p.id: p.name for p in book.people}
    quotes = [(q.source.paragraph, speakers[q.speaker]) for m in book.meetings for s in m.sessions for q in s.quotes]
    assert quotes == [(5, "Orla Ní Bhriain"), (6, "Orla Ní Bhriain"), (9, "Tomas Varga"), (10, "Orla Ní Bhriain")]
    assert "Western Balkans Summit" not in speakers.values()  # a summit's name is no speaker
    # "Minister Ní Bhriain" in the title is Orla Ní Bhriain, not a second person.
    assert sorted(speakers.values()) == ["Orla Ní Bhriain", "Tomas Varga"]
    assert "Minister Ní Bhriain" in next(p for p in book.people if p.name == "Orla Ní Bhriain").aliases


def test_a_french_release_names_past_upcoming_and_month_meetings() -> None:
    book = draft_from_file(RELEASES / "sommet-preparation-fr.txt", principal="Hélène Vasseur").briefing
    assert [(m.title, str(m.start) if m.start else None, m.sources[0].paragraph) for m in book.referenced_meetings] == [
        ("Conseil européen", "2018-10-26", 3),
        ("Conseil européen", None, 5),
        ("Sommet", None, 5),
        ("Conférence", None, 7),
    ]
    assert book.referenced_meetings[0].note.startswith("Mentionnée comme à venir («\u00a0En vue du Conseil européen")
    assert (str(book.start), str(book.end)) == ("2018-10-16", "2018-10-16")
    speakers = {p.id: p.name for p in book.people}
    quotes = [(q.source.paragraph, speakers[q.speaker]) for m in book.meetings for s in m.sessions for q in s.quotes]
    assert quotes == [(4, "Hélène Vasseur"), (5, "Hélène Vasseur"), (7, "Marek Holub")]


def test_the_bundled_release_gains_no_false_mention(tmp_path: Path) -> None:
    from briefing.importer import write_draft
    from tests.importer.test_sample_release import RELEASE

    draft = draft_from_file(RELEASE, principal="Sophie Wilmès")
    assert [(m.title, m.place) for m in draft.briefing.referenced_meetings] == [("Summit", "Madrid")]
    assert len(draft.analysis.release.paragraphs) == 17
    assert load_briefing(write_draft(draft, tmp_path)).status == "draft"
