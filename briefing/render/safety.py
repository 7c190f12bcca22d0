"""Make untrusted briefing text safe to put on a terminal, on the clipboard or in a message.

A briefing file is untrusted: a string in it could carry an escape sequence that clears the screen,
sets the clipboard (OSC 52) or retitles the window, a bidi override that makes a line read
differently from what it holds, or an invisible character that hides words. Before any briefing
string (or a file name, or anything else the user or a file supplied) reaches a terminal (Rich,
Textual, plain `print`), it goes through `safe_text`, which swaps every dangerous character for a
visible stand-in, so the reader sees that something odd is there instead of having it act.

What goes on the clipboard goes through `clipboard_text`: the same policy, and also no carriage
return, so that a paste into a shell can neither end a bracketed paste nor run a line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

KEPT_CONTROLS = frozenset("\n\t")
"""Controls that are layout, not commands: line breaks and tabs stay as they are."""

BIDI_CONTROLS = (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x061C)
"""Bidi embeddings, overrides, isolates (LRE…RLO, LRI…PDI) and the Arabic letter mark: they reorder what
the reader sees."""

FORMAT_CHARACTERS = (
    0x00AD, *range(0x0600, 0x0606), 0x06DD, 0x070F, 0x0890, 0x0891, 0x08E2, 0x180E,
    *range(0x200B, 0x2010), *range(0x2060, 0x2066), *range(0x206A, 0x2070), 0xFEFF, *range(0xFFF9, 0xFFFC),
    0x110BD, 0x110CD, *range(0x13430, 0x13440), *range(0x1BCA0, 0x1BCA4), *range(0x1D173, 0x1D17B),
    *range(0xE0000, 0xE0080),
)
"""Unicode's format characters (category Cf) other than the bidi controls: soft hyphen, zero-width
spaces and joiners, direction marks, word joiner, invisible operators (U+2061–2064), BOM, interlinear
annotation (U+FFF9–FFFB), tag characters (U+E0000–E007F). Invisible, so they can hide or smuggle text."""

INVISIBLE_CHARACTERS = (*FORMAT_CHARACTERS, 0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, *range(0x180B, 0x1810), 0x2800,
                        0x3164, 0xFFA0)
"""Format characters, and characters drawn as nothing though they count as letters or signs (so a word
filter or a typed box takes them): combining grapheme joiner, Hangul fillers (U+115F, U+1160, U+3164,
U+FFA0), the Khmer inherent vowels and Mongolian variation selectors (default-ignorable), and the blank
Braille pattern U+2800, the usual filler of "invisible" names."""

SEPARATORS = (0x2028, 0x2029)
"""Line and paragraph separator: some terminals and editors break the line, others show nothing."""

NON_CHARACTERS = (*range(0xFDD0, 0xFDF0), *(plane + end for plane in range(0, 0x110000, 0x10000) for end in (0xFFFE, 0xFFFF)))
"""Non-characters: not text, and U+FFFE/U+FFFF make an XML (HTML, SVG) file malformed."""

SURROGATES = range(0xD800, 0xE000)
"""Lone surrogates (JSON allows `\\ud800`): they cannot be encoded as UTF-8 at all, so writing one fails."""


def _visible_name(code_point: int) -> str:
    return f"<U+{code_point:04X}>"


def _stand_in(code_point: int) -> str:
    if code_point < 0x20:
        # Unicode's Control Pictures block mirrors C0 in order: U+2400 is NUL, U+241B is ESC.
        return chr(0x2400 + code_point)
    if code_point == 0x7F:
        return "\u2421"  # SYMBOL FOR DELETE
    return _visible_name(code_point)


def _runs(code_points: list[int]) -> list[tuple[int, int]]:
    """Sorted code points as (first, last) runs of consecutive ones."""
    runs: list[tuple[int, int]] = []
    for code_point in code_points:
        if runs and runs[-1][1] == code_point - 1:
            runs[-1] = (runs[-1][0], code_point)
        else:
            runs.append((code_point, code_point))
    return runs


def _character_class(runs: list[tuple[int, int]]) -> str:
    return "[" + "".join(re.escape(chr(first)) + ("-" + re.escape(chr(last)) if last > first else "")
                         for first, last in runs) + "]"


_REPLACED_RUNS = _runs(sorted({
    *(code_point for code_point in range(0x20) if chr(code_point) not in KEPT_CONTROLS), 0x7F, *range(0x80, 0xA0),
    *BIDI_CONTROLS, *INVISIBLE_CHARACTERS, *SEPARATORS, *NON_CHARACTERS, *SURROGATES,
}))
"""Every code point `safe_text` replaces, as some forty runs: a regular expression's character class of
ranges, not a table of 2,400 entries (a megabyte, and milliseconds at every start of the app)."""

_UNSAFE = re.compile(_character_class(_REPLACED_RUNS))
_ASCII_UNSAFE = re.compile(_character_class([(first, min(last, 0x7F)) for first, last in _REPLACED_RUNS if first < 0x80]))
"""The characters `safe_text` replaces that are ASCII (C0 controls but newline and tab, DEL)."""


class _Neutralised(Mapping[int, str]):
    """Code point → its visible stand-in, for `str.translate`: every character `safe_text` replaces.

    Worked out per code point when asked (a dict of all of them cost 1 MiB at every start)."""

    def __getitem__(self, code_point: int) -> str:
        if not isinstance(code_point, int) or not 0 <= code_point < 0x110000 or not _UNSAFE.match(chr(code_point)):
            raise KeyError(code_point)
        return _stand_in(code_point)

    def __iter__(self) -> Iterator[int]:
        return (code_point for first, last in _REPLACED_RUNS for code_point in range(first, last + 1))

    def __len__(self) -> int:
        return sum(last - first + 1 for first, last in _REPLACED_RUNS)


NEUTRALISED: Mapping[int, str] = _Neutralised()
"""Code point → its visible stand-in, for `str.translate` (and `in`, to ask whether one is replaced)."""


def _neutralise(match: re.Match[str]) -> str:
    return _stand_in(ord(match.group()))


def safe_text(text: str) -> str:
    """`text` with terminal-dangerous characters replaced by visible stand-ins.

    C0 controls (except newline and tab) become their Control Pictures (ESC → "␛", CR → "␍"), DEL
    becomes "␡"; C1 controls, bidi controls, format and invisible characters, line/paragraph
    separators, non-characters and lone surrogates become "<U+XXXX>". Everything else, including all
    ordinary non-ASCII text, is left alone.
    """
    if text.isascii():
        # Most text: nothing to replace, and no look-up per character (print of a big book).
        return text if _ASCII_UNSAFE.search(text) is None else _ASCII_UNSAFE.sub(_neutralise, text)
    return _UNSAFE.sub(_neutralise, text)


def _one_for_one(match: re.Match[str]) -> str:
    stand_in = _stand_in(ord(match.group()))
    return stand_in if len(stand_in) == 1 else "\ufffd"


def safe_text_same_length(text: str) -> str:
    """`text` with the characters `safe_text` replaces each swapped for ONE visible character.

    For text the reader is editing (a filter or search box): the box's cursor, selection and clicks
    count characters of the value, so what is drawn must have exactly as many characters as the value.
    """
    return _UNSAFE.sub(_one_for_one, text)


def is_safe_text(text: str) -> bool:
    """True when `text` holds nothing that `safe_text` would replace."""
    return _UNSAFE.search(text) is None


def shown(value: object) -> str:
    """A file name or any other user-supplied value, ready for a message: `safe_text(str(value))`.

    A path that is not valid UTF-8 arrives with lone surrogates (Python's surrogateescape); they
    are shown as <U+DCxx> like every other unsafe character.
    """
    return safe_text(str(value))


_LINE_ENDINGS = re.compile(r"\r\n?")
_WHITESPACE_RUN = re.compile(r"[ \t\n\r\x0b\x0c\x85\u2028\u2029]+")


def clipboard_text(text: str, *, keep_line_breaks: bool = False) -> str:
    """`text` made safe to paste anywhere, a shell included: use it for everything put on the clipboard.

    Pasting into a terminal is where a clipboard turns into commands. With bracketed paste (bash 5.1+,
    zsh, fish) the pasted text is inserted, not run, unless it holds ESC `[201~`, which ends the paste
    early so that a following CR runs what comes after it; without bracketed paste every CR or LF
    runs a line. So:

    * By default the text becomes one line: every run of whitespace (CR, LF, tab, NEL, U+2028/2029)
      is one space. This loses nothing a citation needs: the book's own check of verbatim quotes
      ignores line wrapping too (`briefing.loading.sources.collapse_whitespace`).
    * With `keep_line_breaks`, CRLF and lone CR become LF, and LF and tab are kept. Use it only for
      multi-line text that is meant for a document (it is safe with bracketed paste, which every
      current shell turns on; without it, any pasted line break runs a line, the user's own text's too).
    * Then, in both cases, `safe_text`: no ESC (so no forged end of paste), no other C0 or C1
      control, no bidi, invisible or format character, no lone surrogate (which would make the OSC 52
      encoding fail): each shows as a visible stand-in, as on screen.
    """
    if keep_line_breaks:
        text = _LINE_ENDINGS.sub("\n", text).replace("\x85", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    else:
        text = _WHITESPACE_RUN.sub(" ", text).strip(" ")
    return safe_text(text)


def _json_escape(match: re.Match[str]) -> str:
    encoded = match.group().encode("utf-16-be", "surrogatepass")
    return "".join(f"\\u{int.from_bytes(encoded[i : i + 2], 'big'):04x}" for i in range(0, len(encoded), 2))


def safe_json(json_text: str) -> str:
    """JSON text (from `json.dumps(..., ensure_ascii=False)`) with every unsafe character as a `\\uXXXX` escape.

    The data is unchanged for a JSON reader (an escape means the same character), but the bytes
    reaching a terminal hold no C1 control, bidi, invisible character or lone surrogate (which would
    not even encode as UTF-8). Characters outside the BMP are written as surrogate pairs, as JSON wants.
    """
    return _UNSAFE.sub(_json_escape, json_text)
