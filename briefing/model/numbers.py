"""Reading the number in a figure as a release writes it: "500 million euros", "nine partners", "third".

One reader serves two masters: the model checks that a figure's `value` agrees with its `as_written`,
and the importer computes `value` from the words it found. Both must read "1,5 milliard" the same way.
English, French and Dutch, which is what the book's `language` may be.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

ENGLISH_CARDINALS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "hundred": 100, "dozen": 12, "dozens": 12,
}
FRENCH_CARDINALS: dict[str, int] = {
    # un/une are left out: they are articles far more often than numbers
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
    "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20,
    "trente": 30, "quarante": 40, "cinquante": 50, "cent": 100, "douzaine": 12,
}
DUTCH_CARDINALS: dict[str, int] = {
    "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9, "tien": 10,
    "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15, "twintig": 20, "dertig": 30,
    "veertig": 40, "vijftig": 50, "honderd": 100,
}
CARDINALS_BY_LANGUAGE = {"en": ENGLISH_CARDINALS, "fr": FRENCH_CARDINALS, "nl": DUTCH_CARDINALS}
"""Number words by language: "onze" is eleven in French but "our" in Dutch, "ten" a preposition in Dutch."""
CARDINALS: dict[str, int] = {**DUTCH_CARDINALS, **FRENCH_CARDINALS, **ENGLISH_CARDINALS}
"""Number words a release spells out; larger numbers are written in digits in practice."""

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "premier": 1, "première": 1, "deuxième": 2, "seconde": 2, "troisième": 3, "quatrième": 4,
    "cinquième": 5, "sixième": 6, "septième": 7, "huitième": 8, "neuvième": 9, "dixième": 10,
    "onzième": 11, "douzième": 12, "treizième": 13, "quatorzième": 14, "quinzième": 15, "seizième": 16,
    "eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6, "zevende": 7, "achtste": 8,
    "negende": 9, "tiende": 10, "elfde": 11, "twaalfde": 12,
}

SCALES: dict[str, int] = {
    "thousand": 10**3, "million": 10**6, "millions": 10**6, "billion": 10**9, "billions": 10**9,
    "trillion": 10**12, "mille": 10**3, "milliers": 10**3, "milliard": 10**9, "milliards": 10**9,
    "duizend": 10**3, "miljoen": 10**6, "miljoenen": 10**6, "miljard": 10**9, "miljarden": 10**9,
    "bn": 10**9, "m": 10**6, "k": 10**3, "mln": 10**6, "mld": 10**9, "mrd": 10**9,
}

APPROXIMATIONS = (
    "some", "about", "around", "approximately", "roughly", "nearly", "almost", "close to", "more than",
    "over", "up to", "at least", "less than", "fewer than", "an estimated", "upwards of",
    "quelque", "quelques", "environ", "près de", "presque", "plus de", "moins de", "jusqu'à", "jusqu’à",
    "au moins", "quasi", "bijna", "ongeveer", "zowat", "ruim", "meer dan", "minder dan", "circa", "tot",
)
"""Words that make a figure approximate: "some 15,000", "près de 500", "ruim 200"."""

_APPROXIMATE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(word) for word in APPROXIMATIONS) + r")(?!\w)")
"""Any of `APPROXIMATIONS` as a whole word: one search per figure, and one pattern to compile (loading a
book compiled one per word, 35 of them, before its first frame)."""

_DIGITS = re.compile(r"\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class Reading:
    """What a figure's words say: the number, whether it is a rank, whether it is hedged."""

    value: Decimal
    ordinal: bool = False
    approximate: bool = False


def parse_digits(text: str) -> Decimal | None:
    """`1,500` / `1.500` / `1 500` → 1500; `1,5` / `1.5` → 1.5 (a lone separator before 1–2 digits is decimal)."""
    compact = text.replace("\u00a0", " ").replace("\u202f", " ")
    groups = re.split(r"[ ,.]", compact)
    if len(groups) > 1 and all(len(group) == 3 for group in groups[1:]):
        # "1,500" and "1.500" are thousands in en and fr/nl alike, unless a decimal part follows.
        return Decimal("".join(groups))
    if len(groups) == 2:
        return _decimal(f"{groups[0]}.{groups[1]}")
    if len(groups) > 2:
        # "1.234,5" or "1,234.5": the last separator is the decimal one.
        return _decimal("".join(groups[:-1]) + "." + groups[-1])
    return _decimal(compact)


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def read_number(as_written: str) -> Reading | None:
    """The number `as_written` states, or None when it states none (the check then has nothing to say)."""
    lowered = as_written.lower()
    approximate = _APPROXIMATE.search(lowered) is not None
    value: Decimal | None = None
    ordinal = False
    digits = _DIGITS.search(lowered)
    if digits:
        value = parse_digits(digits.group())
        after = lowered[digits.end():]
        if re.match(r"(?:st|nd|rd|th|e|er|re|ème|de|ste)\b", after):
            ordinal = True
        rest = after
    else:
        rest = ""
        words = _WORD.findall(lowered)
        for index, word in enumerate(words):
            if word in ORDINALS and (word != "second" or index + 1 < len(words)):
                value, ordinal = Decimal(ORDINALS[word]), True
                rest = " ".join(words[index + 1:])
                break
            if word in CARDINALS:
                value = Decimal(CARDINALS[word])
                rest = " ".join(words[index + 1:])
                break
    if value is None:
        return None
    scale = re.match(r"[\s\u00a0\u202f]*([^\W\d_]+)", rest)
    if scale and scale.group(1) in SCALES:
        value *= SCALES[scale.group(1)]
    return Reading(value, ordinal, approximate)


def agrees(value: Decimal, as_written: str) -> bool:
    """True when `as_written` states `value`, or states no number the reader understands."""
    reading = read_number(as_written)
    return reading is None or reading.value == value
