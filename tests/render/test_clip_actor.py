"""`y` on a person: name, role, organisation and country, each once (Dmytro Kuleba was copied as
"..., Ukraine, Ukraine": his organisation is the state he is from)."""

from __future__ import annotations

from briefing.model import Briefing, BriefingLookup
from briefing.render.clip import clip_actor


def test_an_organisation_that_is_the_country_is_said_once(sample_briefing: Briefing) -> None:
    lookup = BriefingLookup(sample_briefing)
    kuleba = lookup.people["dmytro-kuleba"]
    assert kuleba.country == "Ukraine" and lookup.organisations[kuleba.organisation].name == "Ukraine"
    clipping = clip_actor(lookup, kuleba)
    assert clipping.plain.startswith("Dmytro Kuleba, Minister of Foreign Affairs of Ukraine, Ukraine (source: ")
    assert "**Dmytro Kuleba**, Minister of Foreign Affairs of Ukraine, Ukraine[^1]" in clipping.markdown
