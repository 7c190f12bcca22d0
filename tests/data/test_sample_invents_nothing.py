"""The bundled sample invents nothing: every figure, person and organisation is in its source release.

Split from `test_sample_fidelity.py` (verbatim items and coverage); the source is read directly here too.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from briefing.model import Briefing, Figure, iter_items, iter_sessions
from tests.data.sample_text import SAMPLE_PATH, SOURCE_TEXT, collapse


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return Briefing.model_validate_json(SAMPLE_PATH.read_text(encoding="utf-8"))


def all_figures(briefing: Briefing) -> list[Figure]:
    return [located.item for located in iter_items(briefing) if located.kind == "figure"]


# --- figures -----------------------------------------------------------------------------------------

NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "nine": 9, "first": 1, "second": 2, "third": 3,
                "fifth": 5}


def value_as_written(as_written: str) -> Decimal:
    """The number an `as_written` says: digits, `N million`, or a number word."""
    first = as_written.split()[0]
    if first.isdigit():
        value = Decimal(first)
        return value * 1_000_000 if as_written.split()[1:2] == ["million"] else value
    return Decimal(NUMBER_WORDS[first])


def test_figure_values_match_what_is_written(briefing: Briefing) -> None:
    for figure in all_figures(briefing):
        assert figure.value == value_as_written(figure.as_written), figure.id


# Numbers of the source that are deliberately not figures, each with why. Everything else must be a figure.
NOT_FIGURES = {
    "Monday 11 April": "a date: the meeting's date",
    "March 2022": "a date",
    "6-7 April": "dates: the NATO meeting's dates",
    "Wednesday 6 April": "a date",
    "Thursday 7 April": "a date",
    "two-day meeting": "a duration, held by the meeting's start and end",
    "first working meeting": "the order of sessions, held by the order of the sessions",
    "second session": "the order of sessions, held by the order of the sessions",
    "third countries": "not a number: countries other than the parties",
}
NUMBER_PATTERN = re.compile(
    r"\b(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|first|second|third|fourth|fifth)\b",
    re.IGNORECASE,
)


def test_every_number_of_the_source_is_a_figure_or_a_stated_exception(briefing: Briefing) -> None:
    accounted = [collapse(figure.as_written) for figure in all_figures(briefing)] + list(NOT_FIGURES)
    text = collapse(SOURCE_TEXT)
    unaccounted = []
    for match in NUMBER_PATTERN.finditer(text):
        if not any(
            phrase in text[max(0, match.start() - 30) : match.end() + 30] and match.group() in phrase
            for phrase in accounted
        ):
            unaccounted.append(text[max(0, match.start() - 20) : match.end() + 20])
    assert unaccounted == []
    for phrase in NOT_FIGURES:
        assert phrase in text, phrase


# --- nothing invented --------------------------------------------------------------------------------

# Display names that normalise what the source says; every other name occurs verbatim in the source.
NAME_ALLOW_LIST = {
    # The source says "the Ministry of Foreign Affairs" (paragraph 6) in a Belgian press release.
    "Belgian Ministry of Foreign Affairs": "Ministry of Foreign Affairs is currently making preparations",
}
# Roles that normalise what the source says; every other role occurs verbatim.
ROLE_ALLOW_LIST = {
    # The source says "the meeting last year with the outgoing Prosecutor, Ms Fatou Bensouda".
    "Outgoing Prosecutor of the International Criminal Court at the time of the meeting last year":
        "the meeting last year with the outgoing Prosecutor, Ms Fatou Bensouda",
}


def occurs(name: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", collapse(SOURCE_TEXT)) is not None


def test_every_person_is_named_in_the_source(briefing: Briefing) -> None:
    assert {person.name for person in briefing.people} == {
        "Sophie Wilmès", "Karim Khan", "Fatou Bensouda", "Dmytro Kuleba",
    }
    for person in briefing.people:
        assert occurs(person.name), person.name
        if person.role is not None and not occurs(person.role):
            assert person.role in ROLE_ALLOW_LIST, f"{person.role!r} is not in the source"
            assert occurs(ROLE_ALLOW_LIST[person.role]), person.role


def test_every_organisation_is_named_in_the_source(briefing: Briefing) -> None:
    for organisation in briefing.organisations:
        acronym = organisation.acronym
        named = occurs(organisation.name) or (acronym is not None and occurs(acronym))
        if not named:
            assert organisation.name in NAME_ALLOW_LIST, f"{organisation.name!r} is not in the source"
            assert occurs(NAME_ALLOW_LIST[organisation.name]), organisation.name
        if organisation.acronym is not None:
            assert occurs(organisation.acronym), organisation.acronym


def test_the_allow_lists_are_needed() -> None:
    # An allow-list entry that the source already holds verbatim is a stale exception.
    for name in (*NAME_ALLOW_LIST, *ROLE_ALLOW_LIST):
        assert not occurs(name), name


def test_the_high_representative_is_not_given_a_name(briefing: Briefing) -> None:
    # The source never names the High Representative: the book may list the office, never a person.
    assert all("High Representative" not in (person.role or "") for person in briefing.people)
    assert any(o.name == "EU High Representative for Foreign Affairs" for o in briefing.organisations)


def test_the_states_named_in_the_source_are_listed(briefing: Briefing) -> None:
    states = {o.name for o in briefing.organisations if o.kind == "state"}
    assert states == {
        "Belgium", "Ukraine", "Russia", "Belarus", "Mali", "China", "Japan", "South Korea", "Australia",
        "New Zealand", "Finland", "Sweden", "Georgia", "Moldova", "Bosnia and Herzegovina",
    }


def test_participants_are_known_actors(briefing: Briefing) -> None:
    actors = {p.id for p in briefing.people} | {o.id for o in briefing.organisations}
    for meeting in briefing.meetings:
        session_participants = {p for s in meeting.sessions for p in s.participants}
        assert set(meeting.participants) == session_participants, meeting.id
        assert session_participants <= actors
    partners = {s.id: s for _, s in iter_sessions(briefing)}["nato-partners-session"]
    # Nine partners: Ukraine, the four Asia-Pacific partners, Finland, Sweden, Georgia, the EU HR.
    nine = {"ukraine", "japan", "south-korea", "australia", "new-zealand", "finland", "sweden", "georgia",
            "eu-high-representative"}
    assert nine <= set(partners.participants)
    assert len(nine) == 9


def test_the_neighbourhood_sentence_belongs_to_the_working_session_on_ukraine(briefing: Briefing) -> None:
    sessions = {session.id: session for _, session in iter_sessions(briefing)}
    assert "fac-neighbourhood" not in sessions
    ukraine = sessions["fac-ukraine"]
    assert 9 in {p.source.paragraph for p in ukraine.passages}
    assert "pos-neighbourhood-partners" in {p.id for p in ukraine.positions}


def test_the_embassy_in_kyiv_is_not_presented_as_a_council_item(briefing: Briefing) -> None:
    for _, session in iter_sessions(briefing):
        assert 6 not in {p.source.paragraph for p in session.passages}
        assert not any(ref.paragraph == 6 for point in (*session.key_points, *session.positions) for ref in point.sources)
    assert "not a Council item" in briefing.meetings[0].summary
