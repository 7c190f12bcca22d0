"""The two escapers writers rely on: Markdown backslashes and CSS strings for the printed page margins."""

from __future__ import annotations

import html
import re

import pytest

from briefing.render.html_writer import css_string
from briefing.render.markdown_writer import escape_markdown


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("*a* _b_ `c`", "\\*a\\* \\_b\\_ \\`c\\`"),
        ("[link](http://x)", "\\[link\\](http\\://x)"),
        ("see https://evil.example/x and www.evil.example", "see https\\://evil.example/x and www\\.evil.example"),
        ("Title #", "Title \\#"),
        ("C# ##", "C# \\#\\#"),
        ("<b>&amp;</b>", "\\<b\\>\\&amp;\\</b\\>"),
        ("a | b ~~c~~", "a \\| b \\~\\~c\\~\\~"),
        ("# not a heading", "\\# not a heading"),
        ("1. not a list", "1\\. not a list"),
        ("line\n- not an item\n+ nor this", "line\n\\- not an item\n\\+ nor this"),
        ("back\\slash", "back\\\\slash"),
        ("Sophie Wilmès — 6–7 April, €500 million (¶7).", "Sophie Wilmès — 6–7 April, €500 million (¶7)."),
    ],
)
def test_markdown_escaping(text: str, escaped: str) -> None:
    assert escape_markdown(text) == escaped


def test_css_string_lets_only_letters_digits_and_spaces_through() -> None:
    written = css_string('RESTRICTED – "x" </style>\\\n')
    assert written.startswith('"RESTRICTED ') and written.endswith('"')
    inner = written[1:-1]
    assert re.fullmatch(r"(?:[A-Za-z0-9 ]|\\[0-9A-F]{6} )*", inner)
    assert "\\002013 " in inner and "\\00003C " in inner and "\\00000A " in inner


GFM_HOSTILE = [
    "see https://evil.example/login?x=1 now",
    "HTTP://EVIL.EXAMPLE/",
    "ftp://files.evil.example/x",
    "(www.evil.example/path)",
    "javascript://evil.example%0Aalert(1)",
]


@pytest.mark.parametrize("text", GFM_HOSTILE)
def test_bare_urls_do_not_become_links_in_a_gfm_renderer(text: str) -> None:
    cmarkgfm = pytest.importorskip("cmarkgfm")
    rendered = cmarkgfm.github_flavored_markdown_to_html(escape_markdown(text))
    assert "<a " not in rendered
    assert html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip() == text


@pytest.mark.parametrize("title", ["Item #", "C# ##", "Vote #1 #", "#"])
def test_a_heading_keeps_its_trailing_hashes_in_a_gfm_renderer(title: str) -> None:
    cmarkgfm = pytest.importorskip("cmarkgfm")
    rendered = cmarkgfm.github_flavored_markdown_to_html(f"# {escape_markdown(title)}")
    assert rendered.strip() == f"<h1>{html.escape(title)}</h1>"
