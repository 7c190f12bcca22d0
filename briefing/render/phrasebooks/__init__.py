"""Phrasebooks by language: what `briefing.render.vocabulary` phrases the book with."""

from __future__ import annotations

from briefing.render.phrasebooks.base import ENGLISH, Phrasebook
from briefing.render.phrasebooks.dutch import DUTCH
from briefing.render.phrasebooks.french import FRENCH

PHRASEBOOKS: dict[str, Phrasebook] = {"en": ENGLISH, "fr": FRENCH, "nl": DUTCH}
"""Phrasebooks by primary language subtag."""

__all__ = ["DUTCH", "ENGLISH", "FRENCH", "PHRASEBOOKS", "Phrasebook"]
