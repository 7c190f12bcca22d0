"""quote_citation: the verbatim quote, then speaker, role, meeting, place, date and source."""

from __future__ import annotations

import pytest

from briefing.model import Briefing, BriefingLookup
from briefing.render.citation import quote_citation
from tests.render.conftest import SOURCE_TITLE


def test_citation_has_every_part_in_order(small_briefing: Briefing) -> None:
    citation = quote_citation(BriefingLookup(small_briefing), "fac-q1")
    assert citation == (
        "“We stand with Ukraine, today and tomorrow.” — Sophie Wilmès, Deputy Prime Minister and "
        "Minister of Foreign Affairs, EU Foreign Affairs Council, Luxembourg, 11 April 2022 "
        f"(source: Council of the EU, {SOURCE_TITLE}, 11 April 2022, ¶7)"
    )


def test_unknown_or_non_quote_id_is_a_key_error(small_briefing: Briefing) -> None:
    lookup = BriefingLookup(small_briefing)
    with pytest.raises(KeyError, match="no-such-quote"):
        quote_citation(lookup, "no-such-quote")
    with pytest.raises(KeyError):
        quote_citation(lookup, "fac-f1")  # a figure, not a quote
