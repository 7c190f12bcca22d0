"""Quotes in a release: the words between quotation marks that somebody said, and the phrase naming who.

Handles “…” ‘…’ "…" «…» „…“; a quote running over paragraphs (each new paragraph opens with the mark
again, only the last one closes it); a block quote after "said:"; a quote cut off by the end of the
text (`truncated`). A short quoted title (“Women, Peace and Security Agenda”) or a scare-quoted word
is not a quote. The text kept is exactly what stands between the marks, so it is verbatim by construction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.importer.blocks import BlockKind
from briefing.importer.lexicon import ACCORDING_TO, PRONOUNS, SPEECH_VERB_PATTERN

CLOSERS = {"“": "”", "‘": "’", '"': '"', "«": "»", "„": "“”"}
"""Each opening mark and the mark(s) that close it."""

ALL_MARKS = "“”‘’\"'«»„‚‹›"

_SPACE = " \t\n\u00a0\u202f"
_SENTENCE_END = re.compile(r"[.!?…](?=[\s\u00a0]|$)|[”»\"’](?=[\s\u00a0]+[A-ZÀ-Þ])")

_PRONOUN = "|".join(re.escape(word) for word in PRONOUNS if not word.startswith("-"))
_ACCORDING = "|".join(re.escape(word) for word in ACCORDING_TO)
_NAMEISH = r"[^.!?:;«»“”\"]{2,120}?"

BEFORE_COLON = re.compile(rf"(?P<who>{_NAMEISH})\s*:\s*$")
BEFORE_ACCORDING = re.compile(rf"(?:^|[\s(])(?:{_ACCORDING})\s+(?P<who>{_NAMEISH}),\s*$", re.IGNORECASE)
BEFORE_VERB_NAME = re.compile(rf"(?:{SPEECH_VERB_PATTERN})\s+(?P<who>{_NAMEISH})\s*[,:]?\s*$")
BEFORE_NAME_VERB = re.compile(rf"(?P<who>{_NAMEISH})\s+(?:{SPEECH_VERB_PATTERN})(?:\s+that|\s+que|\s+dat)?\s*[,:]?\s*$")
_CLAUSE_END = r"(?=\s*(?:[.,;!?)]|$|\s(?:on|at|in|during|before|after|lors|le|à|en|op|tijdens)\s))"
AFTER_VERB_NAME = re.compile(
    rf"^[\s,\u00a0]*(?:{SPEECH_VERB_PATTERN}|selon|according to|volgens)\s+(?P<who>{_NAMEISH}){_CLAUSE_END}",
    re.IGNORECASE,
)
AFTER_NAME_VERB = re.compile(rf"^[\s,\u00a0]*(?P<who>{_NAMEISH}|{_PRONOUN})\s+(?:{SPEECH_VERB_PATTERN}){_CLAUSE_END}")
AFTER_INVERTED = re.compile(r"^[\s,\u00a0]*(?P<who>a-t-(?:il|elle)|(?:ajoute|souligne|déclare|précise)-t-(?:il|elle))\b")

SHORT_TITLE_WORDS = 10
"""A quoted span of this many words or fewer, mostly capitalised, is a title (“Women, Peace and Security Agenda”)."""


@dataclass
class FoundQuote:
    """A quote as found: its parts (paragraph index, verbatim text) and the phrase that names its speaker."""

    parts: list[tuple[int, str]]
    truncated: bool
    who: str | None
    cue: str
    """How the speaker phrase was found: `colon`, `said X`, `X said`, `according to`, `block`, or `none`."""
    offset: int


def find_quotes(paragraphs: list[str], kinds: list[BlockKind]) -> tuple[list[FoundQuote], list[str]]:
    """Every quote of the release in order, and warnings for marks that open and never close."""
    quotes: list[FoundQuote] = []
    warnings: list[str] = []
    consumed_until = -1
    for index, text in enumerate(paragraphs):
        if index <= consumed_until:
            continue
        if kinds[index] is BlockKind.BLOCK_QUOTE and not _opens_with_mark(text):
            quotes.append(FoundQuote([(index, text)], False, *_block_speaker(paragraphs, index), 0))
            continue
        if not _opens_with_mark(text) and index > 0 and _introduces_block(paragraphs[index - 1]) and _is_speech(text):
            quotes.append(FoundQuote([(index, text)], False, *_block_speaker(paragraphs, index), 0))
            continue
        position = 0
        while (found := _next_opening(text, position)) is not None:
            quote, resume, last_index, warning = _read_quote(paragraphs, index, found)
            if warning:
                warnings.append(warning)
            if quote is not None:
                quotes.append(quote)
                consumed_until = max(consumed_until, last_index if last_index > index else -1)
                if last_index > index:
                    break
            position = resume
    return quotes, warnings


def _opens_with_mark(text: str) -> bool:
    return text.lstrip(_SPACE)[:1] in CLOSERS


def _introduces_block(previous: str) -> bool:
    return previous.rstrip().endswith(":") and not _opens_with_mark(previous.rstrip()[-2:])


def _is_speech(text: str) -> bool:
    # A block quote speaks: first person or a statement; a list of items after a colon does not.
    return bool(re.search(r"\b(?:I|we|We|our|Our|je|nous|Nous|notre|ik|wij|we|ons|onze)\b", text))


def _block_speaker(paragraphs: list[str], index: int) -> tuple[str | None, str]:
    if index == 0:
        return None, "none"
    previous = paragraphs[index - 1].rstrip()
    sentence = _last_sentence(previous)
    return (sentence.rstrip(": "), "block") if previous.endswith(":") else (None, "none")


def _next_opening(text: str, start: int) -> int | None:
    for position in range(start, len(text)):
        mark = text[position]
        if mark not in CLOSERS:
            continue
        before = text[position - 1] if position else " "
        if mark in "\"‘" and not (before in _SPACE or before in "([—–-:“«"):
            continue  # a straight quote or ‘ inside a word is not an opening mark
        return position
    return None


def _find_closing(text: str, opener: str, start: int) -> int | None:
    closers = CLOSERS[opener]
    depth = 0
    for position in range(start, len(text)):
        mark = text[position]
        if mark == opener and opener not in closers and position > start:
            depth += 1
        elif mark in closers:
            after = text[position + 1] if position + 1 < len(text) else " "
            if mark in "’\"" and (after.isalnum() or text[position - 1] in _SPACE):
                continue  # an apostrophe (Court’s), or a straight quote opening a nested one
            if depth:
                depth -= 1
                continue
            return position
    return None


def _read_quote(paragraphs: list[str], index: int, opening: int) -> tuple[FoundQuote | None, int, int, str | None]:
    """The quote opening at `opening` of paragraph `index`; where to resume; its last paragraph; a warning."""
    text = paragraphs[index]
    opener = text[opening]
    parts: list[tuple[int, str]] = []
    current, start = index, opening + 1
    while True:
        paragraph = paragraphs[current]
        closing = _find_closing(paragraph, opener, start)
        if closing is not None:
            parts.append((current, paragraph[start:closing]))
            break
        parts.append((current, paragraph[start:]))
        following = paragraphs[current + 1] if current + 1 < len(paragraphs) else None
        if following is None:
            return _finish(paragraphs, parts, True, index, opening, None), len(text), current, None
        if following.lstrip(_SPACE)[:1] != opener:
            warning = f"¶{index + 1}: an opening {opener} is never closed; not taken as a quote"
            return None, opening + 1, index, warning
        current += 1
        start = len(following) - len(following.lstrip(_SPACE)) + 1
    quote = _finish(paragraphs, parts, False, index, opening, closing)
    resume = closing + 1 if current == index else len(text)
    return quote, resume, current, None


def _finish(
    paragraphs: list[str], parts: list[tuple[int, str]], truncated: bool, index: int, opening: int, closing: int | None
) -> FoundQuote | None:
    cleaned = [(number, _trim(part)) for number, part in parts]
    while len(cleaned) > 1 and cleaned[0][1][:1] in ALL_MARKS and cleaned[-1][1][-1:] in ALL_MARKS and all(
        part for _, part in cleaned
    ):
        cleaned[0] = (cleaned[0][0], _trim(cleaned[0][1][1:]))
        cleaned[-1] = (cleaned[-1][0], _trim(cleaned[-1][1][:-1]))
    if not all(part for _, part in cleaned):
        return None  # a paragraph holding only a quotation mark: nothing said there, so no range to cite
    who, cue = _speaker_phrase(paragraphs, index, opening, parts[-1][0], closing)
    words = sum(len(part.split()) for _, part in cleaned)
    if cue == "none" and len(cleaned) == 1 and not truncated and _not_speech(cleaned[0][1], words):
        return None
    if cue != "colon" and len(cleaned) == 1 and _title_like(cleaned[0][1]) and words <= SHORT_TITLE_WORDS:
        return None
    return FoundQuote(cleaned, truncated, who, cue, opening)


def _trim(part: str) -> str:
    # Spaces inside « … » and a comma the writer put inside the marks are not part of what was said;
    # nor are marks around the whole of it (“‘…’”), which would print doubled.
    part = part.strip(_SPACE).rstrip(",").rstrip(_SPACE)
    while len(part) > 1 and part[0] in ALL_MARKS and part[-1] in ALL_MARKS:
        part = part[1:-1].strip(_SPACE).rstrip(",").rstrip(_SPACE)
    return "" if part in ALL_MARKS else part


def _not_speech(text: str, words: int) -> bool:
    """A quoted span with no speaker cue is a quote only if it reads like speech: a sentence, several words."""
    return words < 8 or not re.search(r"[.!?]$|[.!?]\s", text)


def _title_like(text: str) -> bool:
    words = [word for word in re.findall(r"[^\W\d_][\w’'-]*", text) if len(word) > 3]
    if not words:
        return True
    capitals = sum(word[0].isupper() for word in words)
    return capitals / len(words) >= 0.6 and not re.search(r"[.!?]$", text.rstrip(","))


def _speaker_phrase(
    paragraphs: list[str], index: int, opening: int, last: int, closing: int | None
) -> tuple[str | None, str]:
    before = _last_sentence(paragraphs[index][:opening])
    for pattern, cue in ((BEFORE_ACCORDING, "according to"), (BEFORE_COLON, "colon"),
                         (BEFORE_VERB_NAME, "said X"), (BEFORE_NAME_VERB, "X said")):
        match = pattern.search(before)
        if match:
            return match.group("who"), cue
    if closing is not None:
        after = paragraphs[last][closing + 1:]
        for pattern, cue in ((AFTER_INVERTED, "said X"), (AFTER_VERB_NAME, "said X"), (AFTER_NAME_VERB, "X said")):
            match = pattern.search(after)
            if match:
                return match.group("who"), cue
    if not before.strip() and index > 0 and paragraphs[index - 1].rstrip().endswith(":"):
        return _last_sentence(paragraphs[index - 1].rstrip()).rstrip(": "), "block"
    return None, "none"


def _last_sentence(text: str) -> str:
    """The clause `text` ends with: what follows the last sentence end (or closing quotation mark)."""
    ends = list(_SENTENCE_END.finditer(text))
    return text[ends[-1].end():] if ends else text
