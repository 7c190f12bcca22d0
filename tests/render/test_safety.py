"""safe_text: terminal-dangerous characters become visible, everything else is untouched."""

from __future__ import annotations

import pytest

from briefing.render.safety import is_safe_text, safe_text


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
