"""The one inventory of hostile strings: every class of character or markup a briefing file (or its name,
or a query) can carry to attack a reader's terminal, clipboard, exports or messages.

Each category maps to one payload. Tests build hostile briefings, file names and queries from it
(tests/hardening/test_hostile_matrix.py runs every category through every output); other hostile
strategies (tests/hardening/strategies.py) draw from it as well, so a new class added here is
tested everywhere.
"""

from __future__ import annotations

VISIBLE_BEFORE = "Before"
VISIBLE_AFTER = "after"
"""Every payload is put between these two words: whatever is neutralised, the words must survive."""

C0 = "".join(chr(c) for c in range(0x20) if chr(c) not in "\n\t")
C1 = "".join(chr(c) for c in range(0x80, 0xA0))
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\u200e\u200f"
INVISIBLE = "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e\u034f\u3164\u115f\u1160\uffa0\u2800\u17b4\u180b\ufff9\ufffa\ufffb"
TAGS = "".join(chr(c) for c in (0xE0001, *range(0xE0020, 0xE0080, 7), 0xE007F))
SEPARATORS = "\u2028\u2029"
NON_CHARACTERS = "\ufffe\uffff\ufdd0\ufdef\U0001fffe\U0010ffff"

HOSTILE_CATEGORIES: dict[str, str] = {
    "rich-markup": "[/foo] [b]x[/b] [@click=app.quit]q[/] [link=javascript:alert(1)]x[/link] [bold red]x[/]",
    "textual-markup": "[$accent]x[/] [on red]y[/] $text :warning:",
    "ansi-csi": "\x1b[2J\x1b[31mred\x1b[0m\x1b[?1049h",
    "osc-title-and-link": "\x1b]0;TITLE\x07\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\",
    "osc52-clipboard": "\x1b]52;c;ZXZpbA==\x07",
    "bracketed-paste-end": "We stand together.\x1b[201~\rtouch pwned\r",
    "c0-controls": C0,
    "delete": "\x7f",
    "c1-controls": C1,
    "c1-escapes": "\x9b2J\x9d0;title\x9c",
    "nul": "a\x00b",
    "bidi": f"{BIDI}evil",
    "invisible": f"in{INVISIBLE}visible",
    "tag-characters": f"flag{TAGS}",
    "line-separators": f"one{SEPARATORS}two",
    "non-characters": f"not{NON_CHARACTERS}text",
    "combining": "Z\u0351\u0352\u0357\u0350a\u0310\u0313l\u0308g\u0301o e\u0301\u0301\u0301",
    "html": "<script>alert(1)</script></style>\"><img src=x onerror=alert(1)>&amp; ]]><!-- x -->",
    "markdown": "# h #\n- item\n> q\n[x](javascript:alert(1)) **b** `c` | t | ~~s~~ https://evil.example www.evil.example",
    "javascript": "javascript:alert(document.cookie)//</script>';alert(1);'",
}
"""Category → payload. Lone surrogates are not here: a briefing cannot hold one (the loader refuses
`\\ud800` with a clear message); they reach messages only through file names (see LONE_SURROGATE_NAME)."""

LONE_SURROGATE_NAME = b"caf\xe9 \xff.json".decode("utf-8", "surrogateescape")
"""A file name that is not UTF-8: Python holds its bad bytes as lone surrogates (U+DCE9, U+DCFF)."""

EVERY_PAYLOAD = " ".join(HOSTILE_CATEGORIES.values())


def wrapped(payload: str) -> str:
    """`payload` between two visible words that must survive every neutralisation."""
    return f"{VISIBLE_BEFORE} {payload} {VISIBLE_AFTER}"


def file_name_safe(payload: str) -> str:
    """`payload` as it can be part of a file name (no NUL, no slash)."""
    return payload.replace("\x00", "").replace("/", "")
