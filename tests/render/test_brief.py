"""The brief (`print --brief`) and the full summary's no-repetition rules; meeting selection by name."""

from __future__ import annotations

import pytest

from briefing.model import Briefing
from briefing.render import EXPORT_FORMATS, export_summary
from briefing.render.selection import AmbiguousMeetingError, UnknownMeetingError, select_meetings
from briefing.render.summary import QUOTED_ABOVE
from tests.render.conftest import briefing_items
from tests.render.formats import searchable, shows

WIDE = 1000


def _sessions(briefing: Briefing) -> list:
    return [session for meeting in briefing.meetings for session in meeting.sessions]


@pytest.mark.parametrize("format", EXPORT_FORMATS)
def test_brief_has_positions_key_points_and_figures_but_no_passages(format: str, sample_briefing: Briefing) -> None:
    output = export_summary(sample_briefing, format, width=WIDE, brief=True)
    items = briefing_items(sample_briefing)
    assert all(shows(output, format, text) for text in items["point"] + items["figure"] + items["meeting"])
    passages = [p.text for m in sample_briefing.meetings for p in m.passages]
    passages += [p.text for s in _sessions(sample_briefing) for p in s.passages if not p.heading]
    assert passages and not any(shows(output, format, text) for text in passages)
    seen = searchable(output, format)
    assert "Source passages" not in seen and "who's who" not in seen.lower()
    assert not any(shows(output, format, quote) for quote in items["quote"])
    assert "topics:" not in seen and "Topics" not in seen
    assert shows(output, format, sample_briefing.classification)


def test_brief_puts_the_principals_positions_before_the_key_points(small_briefing: Briefing) -> None:
    output = export_summary(small_briefing, "text", width=WIDE, brief=True, meeting_ids=["fac"])
    assert output.index("Belgium supports the tranche.") < output.index("A third tranche of the European")


@pytest.mark.parametrize("format", EXPORT_FORMATS)
def test_each_quote_appears_once_in_the_full_summary(format: str, sample_briefing: Briefing) -> None:
    output = searchable(export_summary(sample_briefing, format, width=WIDE), format)
    from tests.render.formats import as_shown

    counts = {quote[:40]: output.count(as_shown(quote, format)) for quote in briefing_items(sample_briefing)["quote"]}
    assert counts and set(counts.values()) == {1}
    assert as_shown(QUOTED_ABOVE, format) in output  # the passage that held it says where it went


def test_quote_keeps_its_citation_where_it_is_shown(sample_briefing: Briefing) -> None:
    output = export_summary(sample_briefing, "text", width=WIDE)
    assert "— Sophie Wilmès, Deputy Prime Minister and Minister of Foreign Affairs (source: " in output
    assert "Appendix: quotes" not in output


def test_topics_are_listed_once_per_session_not_after_every_bullet(sample_briefing: Briefing) -> None:
    output = export_summary(sample_briefing, "text", width=WIDE)
    assert "topics:" not in output
    session_count = len(_sessions(sample_briefing))
    assert 0 < output.count("\nTopics ") <= session_count


def test_html_starts_the_first_meeting_on_page_one(sample_briefing: Briefing) -> None:
    for brief in (False, True):
        output = export_summary(sample_briefing, "html", brief=brief)
        assert "section.meeting ~ section.meeting" in output
        assert "\n  section.meeting, section.appendix { break-before" not in output  # the old rule
    assert '<body class="brief">' in export_summary(sample_briefing, "html", brief=True)


@pytest.mark.parametrize("name", ["fac", "FAC", "Fac-2022", "fac-2022-04-11", "foreign affairs", "COUNCIL"])
def test_a_meeting_is_found_by_id_prefix_or_title_words_in_any_case(name: str, sample_briefing: Briefing) -> None:
    assert [m.id for m in select_meetings(sample_briefing, [name])] == ["fac-2022-04-11"]


def test_an_ambiguous_name_lists_the_candidates(small_briefing: Briefing) -> None:
    data = small_briefing.model_dump(mode="json")
    session = {"id": "may-s1", "title": "Lunch", "date": "2022-05-16"}
    second = {**data["meetings"][1], "id": "fac-2022-05-16", "title": "EU Foreign Affairs Council (May)",
              "start": "2022-05-16", "end": "2022-05-16", "sessions": [session]}
    briefing = Briefing.model_validate({**data, "end": "2022-05-16", "meetings": [*data["meetings"], second]})
    with pytest.raises(AmbiguousMeetingError) as raised:
        select_meetings(briefing, ["fac"])
    assert raised.value.candidates == ("fac-2022-04-11", "fac-2022-05-16")
    assert "fac-2022-05-16 (EU Foreign Affairs Council (May))" in str(raised.value)
    with pytest.raises(AmbiguousMeetingError):
        select_meetings(briefing, ["foreign"])
    assert [m.id for m in select_meetings(briefing, ["fac-2022-05"])] == ["fac-2022-05-16"]


def test_an_unknown_name_is_refused_with_the_valid_ids(small_briefing: Briefing) -> None:
    with pytest.raises(UnknownMeetingError) as raised:
        select_meetings(small_briefing, ["fac", "summit"])
    assert raised.value.unknown_ids == ("summit",)
    assert "nato-ministerial" in str(raised.value)
