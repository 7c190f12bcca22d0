"""Who and what a release names: people with their titles, organisations, states, and cities.

Organisations and cities come from the gazetteer shipped beside this module; states from Babel's CLDR
territory names (en/fr/nl) plus the other names releases use. People are found by their titles and
the way releases introduce them ("the Prosecutor of the ICC, Mr Karim Khan"), never from a list.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from briefing.importer.lexicon import HONORIFICS, LANGUAGES, ROLE_WORDS

UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĪĮİŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŲŸŹŻŽ"
LOWER = "a-zß-öø-ÿāăąćčďđēėęěğīįıłńňōőœřśşšţťūůűųźżž"
NAME_WORD = rf"(?:[{UPPER}][{LOWER}]+(?:[’'-][{UPPER}{LOWER}][{LOWER}]+)*|[{UPPER}]{{2,}}(?![{LOWER}]))"
"""A capitalised word of a name: `Wilmès`, `O’Brien`, `Jean-Luc`, or a surname in capitals (`LAHBIB`)."""

PARTICLE = r"(?:van der|van den|van de|de la|de|van|von|der|den|du|da|di|ter|ten|dos|das|del|al|bin)"
FULL_NAME = rf"{NAME_WORD}(?:\s+(?:{PARTICLE}\s+)?{NAME_WORD}){{1,3}}"
"""Two to four name words: `Sophie Wilmès`, `Ursula von der Leyen`."""

HONORIFIC = "|".join(re.escape(word) for word in sorted(HONORIFICS, key=len, reverse=True))
_ROLE_WORD = "|".join(ROLE_WORDS)
_LINK = r"(?:of|for|and|the|in|on|des|de|du|la|le|l[’']|et|aux|à|van|voor|en|het|der)"
_ROLE_ADJECTIVES = (
    "étrangères|étranger|européennes|européen|extérieures|extérieur|intérieur|économiques|sociales|"
    "buitenlandse|zaken|général|générale|adjoint|adjointe"
)
ROLE = (
    rf"(?:(?:[Oo]utgoing|[Nn]ew|[Ff]ormer|sortant|sortante|nouveau|nouvelle|nieuwe|vorige)\s+)?"
    rf"(?:[{UPPER}][\w’'-]*\s+(?:(?:{_LINK})\s+)*)*?(?:{_ROLE_WORD})"
    rf"(?:\s+(?:(?:{_LINK})\s+|l[’'])*(?:[{UPPER}][\w’'-]*|{_ROLE_WORD}|{_ROLE_ADJECTIVES})(?![\w’'-])"
    rf"|\s+\([A-Z]{{2,8}}\))*"
)
"""A title such as `Deputy Prime Minister and Minister of Foreign Affairs` or `ministre des Affaires étrangères`."""

_NOT_NAMES_WORDS = (
    "The This That These In On At During Today Yesterday Tomorrow After Before Since When While Through For "
    "According Regarding Alongside Although However Finally Also Our Their His Her Its We They She He It "
    "Le La Les Un Une Des Du Ce Cette Dans Pour Selon Lors Aujourd Depuis Enfin De Het Een Op Tijdens Vandaag "
    "Minister Ministre Deputy Prime President Mr Ms Mrs Dr Sir Madame Monsieur Mme"
)
NOT_NAMES = frozenset(_NOT_NAMES_WORDS.split())
"""Capitalised words that begin sentences, not names."""


def slug(text: str) -> str:
    """An id: `Sophie Wilmès` → `sophie-wilmes`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80] or "item"


@dataclass
class Actor:
    """A person or organisation the release names, as the importer found it."""

    id: str
    name: str
    kind: str
    """`person`, or an `OrganisationKind` value."""
    role: str | None = None
    acronym: str | None = None
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    note: str | None = None
    paragraphs: set[int] = field(default_factory=set)
    """0-based paragraphs that mention it."""

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@cache
def gazetteer() -> dict:
    """The shipped gazetteer, with state names from CLDR added under `states`: [(code, [names])]."""
    data = json.loads(resources.files("briefing.importer").joinpath("gazetteer.json").read_text(encoding="utf-8"))
    from babel import Locale

    english = Locale.parse("en").territories
    states = []
    for code in english:
        if len(code) != 2 or not code.isalpha() or code in ("EU", "EZ", "UN", "ZZ", "QO", "XA", "XB", "AQ"):
            continue
        names = {Locale.parse(language).territories.get(code, "") for language in LANGUAGES}
        names |= set(data["state_aliases"].get(code, []))
        names.discard("")
        states.append((code, english[code].replace(" & ", " and "), sorted(names)))
    data["states"] = states
    return data


def _alternation(names: list[str]) -> str:
    return "|".join(re.escape(name) for name in sorted(set(names), key=len, reverse=True))


@cache
def _gazetteer_pattern() -> tuple[re.Pattern[str], dict[str, tuple[str, dict]]]:
    """One regex for every organisation, state and city name, and what each name stands for."""
    data = gazetteer()
    meaning: dict[str, tuple[str, dict]] = {}
    for entry in data["organisations"]:
        for name in entry["names"]:
            meaning.setdefault(name, ("organisation", entry))
    for code, english, names in data["states"]:
        for name in names:
            meaning.setdefault(name, ("state", {"code": code, "name": english}))
    for entry in data["cities"]:
        for name in entry["names"]:
            meaning.setdefault(name, ("city", entry))
    pattern = re.compile(rf"(?<![\w-])(?:{_alternation(list(meaning))})(?![\w-])")
    return pattern, meaning


@cache
def _city_names() -> dict[str, str | None]:
    """City names (a city may share its name with a state: Luxembourg), and their country codes."""
    return {name: entry["country"] for entry in gazetteer()["cities"] for name in entry["names"]}


def country_name(code: str | None, language: str = "en") -> str | None:
    """Name of a state by its ISO code: English, or the release's language's CLDR name ("Belgique")."""
    if not code:
        return None
    english = next((english for state_code, english, _ in gazetteer()["states"] if state_code == code), None)
    if language in LANGUAGES and language != "en" and english is not None:
        from babel import Locale

        return Locale.parse(language).territories.get(code, english)
    return english


def _organisation_name(entry: dict, text: str, language: str) -> str:
    """An organisation's name as the release writes it in its language (the gazetteer's first, English,
    name for an English release or when the release only uses an acronym)."""
    if language == "en":
        return entry["names"][0]
    written = [name for name in entry["names"] if name in text and not name.isupper()]
    return max(written, key=len) if written else entry["names"][0]


@dataclass
class Places:
    """Cities mentioned, in order of first mention, with the 0-based paragraph of each mention."""

    mentions: list[tuple[int, int, str, str | None]] = field(default_factory=list)
    """(paragraph, offset, city name as written, ISO country code)."""


def find_organisations_and_places(
    paragraphs: list[str], language: str = "en"
) -> tuple[dict[str, Actor], Places, list[tuple[int, int, int]]]:
    """Gazetteer organisations and states (by id), cities, and the spans they cover (to keep them out of
    names); organisations and states named in the release's `language`."""
    whole = "\n".join(paragraphs)
    pattern, meaning = _gazetteer_pattern()
    actors: dict[str, Actor] = {}
    places = Places()
    spans: list[tuple[int, int, int]] = []
    for index, text in enumerate(paragraphs):
        for match in pattern.finditer(text):
            kind, entry = meaning[match.group()]
            spans.append((index, match.start(), match.end()))
            if kind != "city" and match.group() in _city_names():
                places.mentions.append((index, match.start(), match.group(), _city_names()[match.group()]))
            if kind == "city":
                places.mentions.append((index, match.start(), match.group(), entry["country"]))
                continue
            if kind == "state":
                name = country_name(entry["code"], language) or entry["name"]
                actor = actors.setdefault(slug(entry["name"]), Actor(slug(entry["name"]), name, "state"))
            else:
                name = _organisation_name(entry, whole, language)
                actor = actors.setdefault(
                    entry["id"], Actor(entry["id"], name, entry["kind"], acronym=entry.get("acronym"))
                )
            actor.paragraphs.add(index)
    _find_acronym_organisations(paragraphs, actors, spans)
    return actors, places, spans


_ACRONYM_ORGANISATION = re.compile(
    rf"((?:[{UPPER}][\w’'-]+\s+(?:(?:of|for|the|and|on|de|des|du|la|pour|van|voor|en)\s+)*){{1,7}}[{UPPER}][\w’'-]+)"
    r"\s+\(([A-Z][A-Za-z]{1,9})\)"
)


def _find_acronym_organisations(paragraphs: list[str], actors: dict[str, Actor], spans: list) -> None:
    """`Full Name (ACRONYM)` names an organisation even when the gazetteer does not know it."""
    known_acronyms = {actor.acronym for actor in actors.values() if actor.acronym}
    for index, text in enumerate(paragraphs):
        for match in _ACRONYM_ORGANISATION.finditer(text):
            name, acronym = match.group(1), match.group(2)
            name = re.sub(r"^(?:The|the|La|Le|Les|De|Het)\s+", "", name)
            if acronym in known_acronyms or any(word in ROLE_WORDS for word in name.split()):
                continue
            known_acronyms.add(acronym)
            identifier = slug(acronym)
            actors.setdefault(identifier, Actor(identifier, name, "other", acronym=acronym)).paragraphs.add(index)
            spans.append((index, match.start(1), match.end(1)))
