"""safe_text: terminal-dangerous characters become visible, everything else is untouched."""

from __future__ import annotations

import pytest

from briefing.render.safety import clipboard_text, is_safe_text, safe_text, safe_text_same_length, shown


def test_escape_sequences_lose_their_escape_character() -> None:
    cleaned = safe_text("\x1b[2J\x1b]52;c;ZXZpbA==\x07")
    assert "\x1b" not in cleaned and "\x07" not in cleaned
    assert cleaned == "\u241b[2J\u241b]52;c;ZXZpbA==\u2407"


@pytest.mark.parametrize(
    ("character", "stand_in"),
    [
        ("\x00", "\u2400"),
        ("\r", "\u240d"),
        ("\x7f", "\u2421"),
        ("\x85", "<U+0085>"),
        ("\x9b", "<U+009B>"),
        ("\u202e", "<U+202E>"),
        ("\u202a", "<U+202A>"),
        ("\u2066", "<U+2066>"),
        ("\u2069", "<U+2069>"),
        ("\u200b", "<U+200B>"),
        ("\u200f", "<U+200F>"),
        ("\u2060", "<U+2060>"),
        ("\ufeff", "<U+FEFF>"),
    ],
)
def test_each_dangerous_character_has_a_visible_stand_in(character: str, stand_in: str) -> None:
    assert safe_text(f"a{character}b") == f"a{stand_in}b"
    assert not is_safe_text(character)


def test_layout_controls_and_ordinary_text_are_kept() -> None:
    text = "Sophie Wilmès\n\t€500 million — «Україна» 北京 [b]x[/b] <script>"
    assert safe_text(text) == text
    assert is_safe_text(text)


def test_every_control_character_is_neutralised() -> None:
    controls = "".join(chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)] if chr(c) not in "\n\t")
    cleaned = safe_text(controls)
    assert all(not (ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0) for c in cleaned)


# Gaps found by the adversarial review (issue 9, item 8) ------------------------------------------


@pytest.mark.parametrize(
    "code_point",
    [0x061C, 0x2061, 0x2062, 0x2063, 0x2064, 0x00AD, 0xE0000, 0xE0001, 0xE0041, 0xE007F, 0xFFF9, 0xFFFA,
     0xFFFB, 0x2028, 0x2029, 0xFFFE, 0xFFFF, 0xFDD0, 0x10FFFF, 0xD800, 0xDFFF, 0xDCE9, 0x3164, 0x034F],
)
def test_review_gaps_have_visible_stand_ins(code_point: int) -> None:
    assert safe_text(f"a{chr(code_point)}b") == f"a<U+{code_point:04X}>b"
    assert not is_safe_text(chr(code_point))


def test_every_format_character_unicode_knows_is_neutralised() -> None:
    import unicodedata

    missed = [
        f"U+{code_point:04X}" for code_point in range(0x110000)
        if unicodedata.category(chr(code_point)) in ("Cc", "Cf", "Cs", "Zl", "Zp")
        and chr(code_point) not in "\n\t"
        and safe_text(chr(code_point)) == chr(code_point)
    ]
    assert missed == []


BLANK_LETTERS = (0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0x17B4, 0x17B5, 0x180B, 0x180F)
"""Drawn as nothing, yet letters or signs (so `\\w` and a typed filter take them): Hangul fillers, the
blank Braille pattern, Khmer inherent vowels, Mongolian variation selectors."""


@pytest.mark.parametrize("code_point", BLANK_LETTERS)
def test_blank_letters_have_visible_stand_ins(code_point: int) -> None:
    assert safe_text(f"a{chr(code_point)}b") == f"a<U+{code_point:04X}>b"


def test_the_same_length_form_swaps_one_character_for_one() -> None:
    hostile = "a\x1b[2J\u3164\u115f\u2800\u202e\x9b\ud800\U000e0041b\tc"
    shown = safe_text_same_length(hostile)
    assert len(shown) == len(hostile)
    assert shown == "a\u241b[2J\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffdb\tc"
    assert is_safe_text(shown)


def test_a_neutralised_text_can_always_be_written_as_utf8() -> None:
    text = "".join(chr(c) for c in (0xD800, 0xDFFF, 0xFFFE, 0x1B, 0x9B)) + "ok"
    assert safe_text(text).encode("utf-8").endswith(b"ok")


# clipboard_text -----------------------------------------------------------------------------------

PASTE_INJECTION = "We stand together.\x1b[201~\rtouch pwned\r"


def test_clipboard_text_defeats_the_bracketed_paste_escape() -> None:
    copied = clipboard_text(PASTE_INJECTION)
    assert copied == "We stand together.␛[201~ touch pwned"
    assert "\x1b" not in copied and "\r" not in copied and "\n" not in copied


@pytest.mark.parametrize(
    "character",
    [chr(c) for c in (*range(0x20), 0x7F, *range(0x80, 0xA0), 0x202E, 0x2066, 0x061C, 0x200B, 0x200D, 0x2060,
                      0x2063, 0xFEFF, 0x00AD, 0xE0041, 0xFFF9, 0x2028, 0x2029, 0xD800, 0xFFFF)],
    ids=lambda character: f"U+{ord(character):04X}",
)
def test_clipboard_text_leaves_no_control_bidi_or_invisible_character(character: str) -> None:
    copied = clipboard_text(f"before{character}after")
    assert is_safe_text(copied)
    assert all(ord(c) >= 0x20 for c in copied), "not even a line break or tab on one line"
    assert copied.startswith("before") and copied.endswith("after")
    copied.encode("utf-8")  # a lone surrogate would make the OSC 52 base64 encoding fail


def test_clipboard_text_keeps_line_breaks_only_when_asked_and_never_cr() -> None:
    text = "First line.\r\nSecond\rthird\u2028fourth\n\tfifth\x1b[201~"
    assert clipboard_text(text) == "First line. Second third fourth fifth␛[201~"
    kept = clipboard_text(text, keep_line_breaks=True)
    assert kept == "First line.\nSecond\nthird\nfourth\n\tfifth␛[201~"
    assert "\r" not in kept and "\x1b" not in kept


def test_clipboard_text_leaves_ordinary_text_alone() -> None:
    text = "“Russia does not hesitate,” said Sophie Wilmès — €500 million, «Україна», 北京, ¶7"
    assert clipboard_text(text) == text


def test_shown_makes_a_hostile_file_name_visible() -> None:
    from pathlib import Path

    name = Path("ok\x1b]0;TITLE\x07\x1b[2J.json")
    assert shown(name) == "ok␛]0;TITLE␇␛[2J.json"
    assert shown(Path(b"caf\xe9.json".decode("utf-8", "surrogateescape"))) == "caf<U+DCE9>.json"


def test_every_ascii_character_alone_and_in_text_is_replaced_as_the_table_says() -> None:
    from briefing.render.safety import NEUTRALISED

    for code_point in range(0x80):
        character = chr(code_point)
        for text in (character, f"plain {character} text", f"{character}"* 3):
            assert safe_text(text) == text.translate(NEUTRALISED), repr(text)


# Every code point, 2 s: under `slow`, which .ci/run also runs (the default run neared 150 s).
@pytest.mark.slow
def test_every_code_point_is_replaced_exactly_when_a_listed_kind_says_so() -> None:
    # The replaced characters are kept as runs of a regular expression, not a table: over all of Unicode,
    # they must be exactly the listed kinds, and NEUTRALISED must agree with what the functions do.
    from briefing.render import safety

    listed = {*(code_point for code_point in range(0x20) if chr(code_point) not in "\n\t"), 0x7F,
              *range(0x80, 0xA0), *safety.BIDI_CONTROLS, *safety.INVISIBLE_CHARACTERS, *safety.SEPARATORS,
              *safety.NON_CHARACTERS, *safety.SURROGATES}
    every_character = "".join(map(chr, range(0x110000)))
    same_length = safe_text_same_length(every_character)
    assert len(same_length) == len(every_character)
    assert {at for at, (before, after) in enumerate(zip(every_character, same_length, strict=True))
            if before != after} == listed
    assert set(safety.NEUTRALISED) == listed and len(safety.NEUTRALISED) == len(listed)
    assert all(safety.NEUTRALISED[code_point] == safe_text(chr(code_point)) for code_point in listed)
    assert safe_text(every_character) == every_character.translate(safety.NEUTRALISED)
    for kept in (0x0A, 0x41, 0xE9, 0x20AC, 0xFFFD, 0x1F600, 0x10FFFD):
        assert kept not in safety.NEUTRALISED
        with pytest.raises(KeyError):
            safety.NEUTRALISED[kept]
