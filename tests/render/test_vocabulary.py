"""One vocabulary for the app and every export: every kind is named, and the phrasing is the same."""

from __future__ import annotations

import datetime as dt

from briefing.model import ITEM_KINDS, BriefingLookup, OrganisationKind, PartOfDay
from briefing.model.items import CONTAINER_KINDS
from briefing.render.vocabulary import ENGLISH, PHRASEBOOKS, vocabulary
from tests.factories import minimal_briefing


def test_every_kind_has_its_words_in_every_language() -> None:
    for language, words in PHRASEBOOKS.items():
        for kind in (*CONTAINER_KINDS, *ITEM_KINDS, "person", "organisation"):
            assert kind in words.kind_names, (language, kind)
        for kind in ITEM_KINDS:
            assert kind in words.kind_labels and kind in words.kind_sections, (language, kind)
        assert set(words.organisation_kinds) == set(OrganisationKind), language
        assert set(words.parts_of_day) == set(PartOfDay), language


def test_english_phrasing() -> None:
    words = vocabulary("en-GB")
    assert words.words is ENGLISH
    assert words.organisation_kind(OrganisationKind.EU_INSTITUTION) == "EU institution"
    assert words.kind_name("key_point") == "key point"
    assert words.kind_label("passage") == "Source"
    assert words.kind_section("key_point") == "Key points"
    assert words.date_range(dt.date(2022, 4, 6), dt.date(2022, 4, 7)) == "6–7 April 2022"


def test_unknown_language_falls_back_to_english() -> None:
    assert vocabulary("xx").words is ENGLISH


def test_places_dates_and_citations_of_a_book() -> None:
    lookup = BriefingLookup(minimal_briefing())
    words = vocabulary()
    meeting = lookup.meetings["council"]
    assert words.place(meeting) == ", ".join(filter(None, (meeting.place, meeting.country)))
    session = lookup.sessions["breakfast"][1]
    assert words.session_when(session).startswith(words.date(session.date))
    quote = lookup.items["q1"]
    assert words.item_place(quote) == f"{session.title}, {words.date(session.date)}"
    assert words.source_label(lookup, quote.item.source) == f"¶{quote.item.source.paragraph}"
    reference = words.source_reference(lookup, quote.item.source)
    assert reference.startswith("source: Ministry, Press release") and reference.endswith(f"¶{quote.item.source.paragraph}")
    assert words.quote_citation(lookup, quote).startswith(f"“{quote.item.text}” — Ann Minister")


def test_the_app_and_the_printout_name_an_organisation_kind_alike() -> None:
    """The who's who of every export takes the kind's name from the vocabulary."""
    from briefing.model import Briefing
    from briefing.render import export_summary
    from tests.factories import changed, minimal_briefing_dict

    data = changed(minimal_briefing_dict(), ("organisations", 0, "kind"), "eu-institution")
    text = export_summary(Briefing.model_validate(data), "text", width=120)
    assert "EU institution" in text
    assert "eu institution" not in text
