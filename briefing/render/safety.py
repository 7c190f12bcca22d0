"""Make untrusted briefing text safe to put on a terminal.

A briefing file is untrusted: a string in it could carry an escape sequence that clears the screen,
sets the clipboard (OSC 52) or retitles the window, or a bidi override that makes a line read
differently from what it holds. Before any briefing string reaches a terminal (Rich, Textual, plain
`print`), it goes through `safe_text`, which swaps every dangerous character for a visible stand-in,
so the reader sees that something odd is there instead of having it act.
"""

from __future__ import annotations

KEPT_CONTROLS = frozenset("\n\t")
"""Controls that are layout, not commands: line breaks and tabs stay as they are."""

BIDI_CONTROLS = tuple(range(0x202A, 0x202F)) + tuple(range(0x2066, 0x206A))
"""Bidi embeddings, overrides and isolates (LRE…RLO, LRI…PDI): they reorder what the reader sees."""

INVISIBLE_CHARACTERS = (*range(0x200B, 0x2010), 0x2060, 0xFEFF)
"""Zero-width spaces, joiners, direction marks, word joiner and BOM: invisible, so they can hide text."""


def _visible_name(code_point: int) -> str:
    return f"<U+{code_point:04X}>"


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code_point in range(0x20):
        if chr(code_point) not in KEPT_CONTROLS:
            # Unicode's Control Pictures block mirrors C0 in order: U+2400 is NUL, U+241B is ESC.
            table[code_point] = chr(0x2400 + code_point)
    table[0x7F] = "\u2421"  # SYMBOL FOR DELETE
    for code_point in range(0x80, 0xA0):
        table[code_point] = _visible_name(code_point)
    for code_point in (*BIDI_CONTROLS, *INVISIBLE_CHARACTERS):
        table[code_point] = _visible_name(code_point)
    return table


NEUTRALISED = _build_table()
"""Code point → its visible stand-in, for `str.translate`."""


def safe_text(text: str) -> str:
    """`text` with terminal-dangerous characters replaced by visible stand-ins.

    C0 controls (except newline and tab) become their Control Pictures (ESC → "␛", CR → "␍"), DEL
    becomes "␡", C1 controls, bidi controls and zero-width characters become "<U+XXXX>". Everything
    else, including all ordinary non-ASCII text, is left alone.
    """
    return text.translate(NEUTRALISED)


def is_safe_text(text: str) -> bool:
    """True when `text` holds nothing that `safe_text` would replace."""
    return not any(ord(character) in NEUTRALISED for character in text)
