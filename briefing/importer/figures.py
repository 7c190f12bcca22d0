"""Figures a release gives: sums of money, counts, ranks and hedged numbers, each with its words verbatim.

The value is read from the words by the same reader the model uses to check figures, so a draft's
figures always agree with their `as_written`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from briefing.importer.lexicon import APPROXIMATE_PREFIX
from briefing.model.numbers import CARDINALS_BY_LANGUAGE, ORDINALS, SCALES, read_number

_ORDINAL_WORDS = "|".join(
    sorted((w for w in ORDINALS if w not in ("first", "premier", "première", "eerste", "second")), key=len, reverse=True)
)
_DIGITS = r"\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_SCALE = "|".join(sorted((re.escape(word) for word in SCALES if len(word) > 1), key=len, reverse=True))
_CURRENCY_BEFORE = r"(?:€|\$|£|EUR|USD|GBP|CHF)"
_CURRENCY_AFTER = r"(?:euros?|EUR|dollars?|USD|pounds?|francs?|d['’]euros|de dollars|euro)"
_UNIT = r"[^\W\d_][\w’'-]*"

@cache
def _figure_pattern(language: str) -> re.Pattern[str]:
    """Figures in `language`: its own number words only ("onze" is not eleven in a Dutch text)."""
    words = CARDINALS_BY_LANGUAGE.get(language, CARDINALS_BY_LANGUAGE["en"])
    number_words = "|".join(sorted((w for w in words if w not in ("dozens", "one", "ten", "neuf")), key=len, reverse=True))
    return re.compile(FIGURE_TEMPLATE.replace("NUMBER_WORDS", number_words), re.IGNORECASE)


FIGURE_TEMPLATE = (
    rf"(?<![\w€$£])(?:(?P<approx>{APPROXIMATE_PREFIX})\s+)?"
    rf"(?:(?P<cur1>{_CURRENCY_BEFORE})[\s\u00a0]?(?P<n1>{_DIGITS})(?:[\s\u00a0]?(?P<s1>{_SCALE}))?(?![\w])"
    rf"|(?P<n2>(?!(?:19|20)\d\d(?!\d))(?:{_DIGITS})|NUMBER_WORDS)(?:[\s\u00a0](?P<s2>{_SCALE}))?"
    rf"(?:[\s\u00a0](?P<cur2>{_CURRENCY_AFTER})(?![\w])|[\s\u00a0]?(?P<pct>%|per cent|pour cent|procent)"
    rf"|[\s\u00a0](?:(?:de|d['’])[\s\u00a0]?)?(?P<unit>(?:(?-i:[A-ZÀ-Þ])[\w’'-]*[\s\u00a0])?{_UNIT}))"
    rf"|(?P<ord>{_ORDINAL_WORDS})[\s\u00a0](?P<ounit>{_UNIT}))"
)

_NOT_UNITS_WORDS = (
    "of the and or to in on at for by with a an as is are was were has have from that this than per de la le les "
    "des du et ou à au aux en het een van op voor met"
)
_NOT_UNITS = frozenset(_NOT_UNITS_WORDS.split())
"""Words after a number that are not what it counts ("one of the", "two and a half")."""


@dataclass(frozen=True, slots=True)
class FoundFigure:
    paragraph: int
    offset: int
    as_written: str
    value: Decimal
    unit: str
    ordinal: bool
    approximate: bool
    sentence: str


def find_figures(
    paragraphs: list[str], excluded: dict[int, list[tuple[int, int]]], month_names: set[str], language: str = "en"
) -> list[FoundFigure]:
    """Every figure, skipping the spans of dates (`excluded`, by paragraph) and words that are months."""
    figures: list[FoundFigure] = []
    pattern = _figure_pattern(language)
    for index, text in enumerate(paragraphs):
        for match in pattern.finditer(text):
            if any(start <= match.start() < end or start < match.end() <= end for start, end in excluded.get(index, [])):
                continue
            figure = _figure(index, text, match, month_names)
            if figure is not None:
                figures.append(figure)
    return figures


def _figure(index: int, text: str, match: re.Match[str], month_names: set[str]) -> FoundFigure | None:
    words = match.group()
    unit_word = match.group("unit") or match.group("ounit") or ""
    last_word = unit_word.split()[-1] if unit_word else ""
    if unit_word and (last_word.lower() in _NOT_UNITS or last_word.lower() in month_names):
        return None
    if match.group("ord") and last_word.lower() in ("countries", "country", "parties", "party", "pays", "landen"):
        return None  # "third countries", "pays tiers": not a rank
    number = match.group("n2") or ""
    if re.fullmatch(r"(?:19|20)\d\d", number) and not match.group("cur2"):
        return None  # a year, not a count
    if "-" in text[match.start() - 1:match.start()] or text[match.end():match.end() + 1] == "-":
        return None  # "two-day meeting", "G-7": part of a compound word
    end = match.end()
    while (last_word.lower() in _ADJECTIVES or (last_word[:1].isupper() and _lowercase_noun_follows(text, end))) and (
        following := _NEXT_WORD.match(text, end)
    ):
        # "40 civil society organisations", "three Baltic foreign ministers": the noun comes later.
        end, last_word = following.end(), following.group(1)
        words = text[match.start():end]
        if last_word.lower() in ("society", "policy") and (noun := _NEXT_WORD.match(text, end)):
            end, last_word = noun.end(), noun.group(1)
            words = text[match.start():end]
    as_written = words.rstrip(" ,.;:\u00a0")
    reading = read_number(as_written)
    if reading is None:
        return None
    return FoundFigure(index, match.start(), as_written, reading.value, _unit(match, last_word), reading.ordinal,
                       reading.approximate, _sentence(text, match.start()))


_NEXT_WORD = re.compile(r"[\s\u00a0]+([^\W\d_][\w’'-]*)")


def _lowercase_noun_follows(text: str, end: int) -> bool:
    """ "six Western Balkan partners": after a capitalised word, a lower-case word that is not a link word."""
    following = _NEXT_WORD.match(text, end)
    return bool(following and following.group(1).islower() and following.group(1) not in _NOT_UNITS
                and len(following.group(1)) > 3)
_ADJECTIVES = frozenset({"civil", "foreign", "other", "new", "more", "additional", "european", "international",
                         "national", "military", "humanitarian", "member", "local", "young", "armed"})


def _unit(match: re.Match[str], last_word: str) -> str:
    if match.group("cur1") or match.group("cur2"):
        currency = (match.group("cur1") or match.group("cur2") or "").lower()
        return {"€": "EUR", "$": "USD", "£": "GBP", "dollar": "USD", "dollars": "USD", "de dollars": "USD",
                "pound": "GBP", "pounds": "GBP"}.get(currency, "EUR" if "eur" in currency else currency.upper())
    if match.group("pct"):
        return "percent"
    return last_word or "items"


def _sentence(text: str, offset: int) -> str:
    start = max(text.rfind(". ", 0, offset) + 2, 0) if text.rfind(". ", 0, offset) >= 0 else 0
    end = text.find(". ", offset)
    sentence = text[start:end + 1 if end >= 0 else len(text)].strip()
    return sentence if len(sentence) <= 300 else sentence[:297].rstrip() + "…"
