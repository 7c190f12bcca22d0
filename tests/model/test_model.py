"""The model: what it accepts, what it refuses, and that it reports every reference problem at once."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from briefing.model import Briefing, BriefingLookup, find_reference_problems, format_location, iter_items
from briefing.model.references import REFERENCE_ERROR_TYPE
from tests.factories import changed, minimal_briefing, minimal_briefing_dict


def reference_problems(data: dict) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        Briefing.model_validate(data)
    [error] = caught.value.errors()
    assert error["type"] == REFERENCE_ERROR_TYPE
    return [f"{format_location(p.location)}: {p.message}" for p in error["ctx"]["problems"]]


def test_minimal_briefing_is_valid_and_immutable() -> None:
    briefing = minimal_briefing()
    assert briefing.meetings[0].sessions[0].quotes[0].speaker == "minister"
    with pytest.raises(ValidationError):
        briefing.title = "changed"  # type: ignore[misc]


def test_unknown_fields_are_refused() -> None:
    data = minimal_briefing_dict()
    data["meetings"][0]["sessions"][0]["quotes"][0]["speeker"] = "minister"
    with pytest.raises(ValidationError) as caught:
        Briefing.model_validate(data)
    [error] = caught.value.errors()
    assert error["type"] == "extra_forbidden"
    assert error["loc"] == ("meetings", 0, "sessions", 0, "quotes", 0, "speeker")


def test_a_dangling_source_among_several_is_reported_at_its_own_index() -> None:
    data = minimal_briefing_dict()
    sources = [{"document": "release", "paragraph": 2}, {"document": "lost", "paragraph": 1},
               {"document": "release", "paragraph": 1}, {"document": "gone", "paragraph": 3}]
    data = changed(data, ("meetings", 0, "sessions", 0, "key_points", 0, "sources"), sources)
    assert reference_problems(data) == [
        "meetings[0].sessions[0].key_points[0].sources[1].document: no source document has the id 'lost'",
        "meetings[0].sessions[0].key_points[0].sources[3].document: no source document has the id 'gone'",
    ]


def test_every_dangling_reference_is_reported_at_once() -> None:
    data = minimal_briefing_dict()
    data = changed(data, ("principal",), "nobody")
    data = changed(data, ("meetings", 0, "sessions", 0, "quotes", 0, "speaker"), "ghost")
    data = changed(data, ("meetings", 0, "sessions", 0, "figures", 0, "source", "document"), "missing-doc")
    data = changed(data, ("meetings", 0, "participants"), ["minister", "stranger"])
    problems = reference_problems(data)
    assert problems == [
        "principal: no person has the id 'nobody'",
        "meetings[0].participants[1]: no person or organisation has the id 'stranger'",
        "meetings[0].sessions[0].figures[0].source.document: no source document has the id 'missing-doc'",
        "meetings[0].sessions[0].quotes[0].speaker: no person has the id 'ghost'",
    ]


def test_duplicate_ids_name_both_places() -> None:
    data = changed(minimal_briefing_dict(), ("meetings", 0, "sessions", 0, "quotes", 0, "id"), "p1")
    assert reference_problems(data) == [
        "meetings[0].sessions[0].quotes[0].id: id 'p1' is already used at meetings[0].sessions[0].passages[0].id"
    ]


def test_dates_must_be_in_order_and_in_range() -> None:
    data = changed(minimal_briefing_dict(), ("meetings", 0, "sessions", 0, "date"), "2022-04-12")
    assert reference_problems(data) == [
        "meetings[0].sessions[0].date: the session's date 2022-04-12 is outside its meeting (2022-04-11–2022-04-11)"
    ]
    data = changed(minimal_briefing_dict(), ("meetings", 0, "end"), "2022-04-10")
    with pytest.raises(ValidationError, match="meeting ends"):
        Briefing.model_validate(data)
    data = changed(minimal_briefing_dict(), ("end",), "2022-04-01")
    assert "end: the book ends (2022-04-01) before it starts (2022-04-06)" in reference_problems(data)


def test_schema_errors_are_all_collected() -> None:
    data = minimal_briefing_dict()
    data["meetings"][0]["start"] = "11 April"
    data["meetings"][0]["sessions"][0]["part_of_day"] = "teatime"
    del data["title"]
    with pytest.raises(ValidationError) as caught:
        Briefing.model_validate(data)
    locations = {error["loc"] for error in caught.value.errors()}
    assert locations == {
        ("title",),
        ("meetings", 0, "start"),
        ("meetings", 0, "sessions", 0, "part_of_day"),
    }


def test_ids_are_plain_lower_case() -> None:
    data = changed(minimal_briefing_dict(), ("meetings", 0, "id"), "Council 1")
    with pytest.raises(ValidationError, match="String should match pattern"):
        Briefing.model_validate(data)


def test_lookup_finds_items_with_their_place() -> None:
    briefing = minimal_briefing()
    lookup = BriefingLookup(briefing)
    located = lookup.items["q1"]
    assert (located.kind, located.meeting.id, located.session.id) == ("quote", "council", "breakfast")
    assert lookup.items["intro"].session is None
    assert [q.item.id for q in lookup.quotes()] == ["q1"]
    assert lookup.principal.name.startswith("Ann Minister")
    assert lookup.actor_name("ministry").startswith("Ministry")
    assert lookup.actor_name("unknown") == "unknown"
    assert [item.item.id for item in iter_items(briefing)] == ["intro", "p1", "k1", "pos1", "f1", "q1"]


def test_valid_briefing_has_no_reference_problems() -> None:
    assert list(find_reference_problems(minimal_briefing())) == []


@pytest.mark.parametrize(
    "marking",
    [
        "\U000e0053\U000e0045\U000e0043\U000e0052\U000e0045\U000e0054",  # SECRET in tag characters
        "\u0301\u0308\u20dd",  # combining marks only
        "\u200b\u2060\ufeff",  # zero-width characters
        "\u3164\u115f",  # Hangul fillers
        "\u2800",  # blank Braille pattern
        " \u00a0\u3000",  # spaces
    ],
)
def test_a_marking_that_would_show_blank_is_refused(marking: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Briefing.model_validate(changed(minimal_briefing_dict(), ("classification",), marking))
    [error] = caught.value.errors()
    assert error["loc"] == ("classification",)
    assert "visible" in error["msg"]


@pytest.mark.parametrize("marking", ["UNCLASSIFIED", "RESTREINT UE/EU RESTRICTED", "СЕКРЕТНО", "机密", "سري", "⚠"])
def test_visible_markings_in_any_script_are_accepted(marking: str) -> None:
    assert Briefing.model_validate(changed(minimal_briefing_dict(), ("classification",), marking)).classification == marking
