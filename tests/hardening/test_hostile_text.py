"""One hostile string per category, in every field of a briefing, through every export format.

For each category and format: the string's visible text survives (as `safe_text` shows it), nothing
in it acts (no escape sequence, bidi override, HTML element or Markdown formatting comes from it),
and the characters that would act are shown as visible stand-ins (ESC as "␛", U+202E as "<U+202E>").

"Visible text" is what a reader of each format sees: the ANSI export without its colour codes, the
text of the SVG's and the HTML's elements, and the Markdown as a CommonMark reader renders it
(markdown-it, which Rich already depends on), so escaping is judged by its meaning, not its spelling.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from html import unescape
from typing import NamedTuple

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from briefing.model import Briefing
from briefing.render import EXPORT_FORMATS, export_summary, safe_text
from tests.factories import minimal_briefing

WIDE = 1_000
"""Wide enough that no string wraps, so the visible text can be compared in one piece."""

SGR = re.compile(r"\x1b\[[0-9;]*m")

FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2060\ufeff]")
"""What must never reach an export raw: C0 (but newline and tab), DEL, C1, bidi and zero-width characters."""


class Hostile(NamedTuple):
    text: str
    stand_ins: tuple[str, ...] = ()
    """Visible forms that must appear, because the string holds characters that would act."""


CATEGORIES = {
    "rich-markup": Hostile("[/foo] [b]x[/b] [@click=app.quit]q[/] [link=javascript:alert(1)]x[/link] :warning:"),
    "ansi-csi": Hostile("\x1b[2J\x1b[31mred\x1b[0m", ("\u241b[2J", "\u241b[31mred")),
    "osc": Hostile("\x1b]52;c;aGk=\x07 \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", ("\u241b]52;c;aGk=\u2407", "\u241b\\")),
    "c0-and-nul": Hostile("a\x00b\x08c\rd\x7fe\x0cf", ("a\u2400b\u2408c\u240dd\u2421e\u240cf",)),
    "c1": Hostile("\x9b2J \x9d0;title\x9c \x85", ("<U+009B>2J", "<U+009D>0;title<U+009C>", "<U+0085>")),
    "bidi": Hostile("\u202eevil\u202c \u2066isolated\u2069", ("<U+202E>evil<U+202C>", "<U+2066>isolated<U+2069>")),
    "zero-width": Hostile("zero\u200bwidth\ufeff", ("zero<U+200B>width<U+FEFF>",)),
    "scripts": Hostile("e\u0301\u0301 中华人民共和国 مجلس الشؤون שלום 🇺🇦 Ελληνικά 𝔴𝔞𝔯"),
    "html": Hostile("<script>alert(1)</script> \"><img src=x onerror=alert(1)> </style> <iframe src=x> &amp; &lt;"),
    "markdown": Hostile("*stars* _under_ `tick` ~~strike~~ | a | b | [x](javascript:alert(1)) <b>\\*</b>"),
    "markdown-line-starts": Hostile("line\n# heading\n- item\n1. item\n> quote\n---\n    indented"),
    "long-word": Hostile("x" * 400),  # the fixture prefixes every field; 500 is the limit of a title
}
"""Hostile strings by category, each with the stand-ins `safe_text` must have put in."""


def squash(text: str) -> str:
    return " ".join(text.split())


def terminal_text(output: str) -> str:
    return SGR.sub("", output)


def local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def svg_text(output: str) -> str:
    """The SVG's text elements in order, a space where a new line of the terminal starts."""
    parts, line = [], None
    for element in ElementTree.fromstring(output).iter():
        if local_name(element.tag) == "text":
            if element.get("y") != line:
                parts.append(" ")
                line = element.get("y")
            parts.append("".join(element.itertext()))
    return "".join(parts).replace("\xa0", " ")


def html_root(output: str) -> ElementTree.Element:
    return ElementTree.fromstring(output.removeprefix("<!DOCTYPE html>\n"))


def html_text(output: str) -> str:
    body = next(element for element in html_root(output).iter() if local_name(element.tag) == "body")
    return "".join(body.itertext())


MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])
"""A CommonMark reader with GitHub's tables and strikethrough, as mail clients and editors render Markdown."""


def markdown_tokens(output: str) -> list[Token]:
    tokens: list[Token] = []
    for token in MARKDOWN.parse(output):
        tokens.append(token)
        tokens.extend(token.children or ())
    return tokens


def markdown_text(output: str) -> str:
    """The text a Markdown reader shows, whatever formatting it applies around it."""
    parts = []
    for token in markdown_tokens(output):
        if token.type in ("text", "code_inline", "html_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak", "paragraph_close", "inline"):
            parts.append(" ")
    return "".join(parts)


VISIBLE = {
    "ansi": terminal_text,
    "text": terminal_text,
    "svg": svg_text,
    "html": html_text,
    "markdown": markdown_text,
}
"""Each format → what its reader sees."""


@pytest.fixture(scope="module")
def outputs() -> dict[str, dict[str, str]]:
    rendered = {}
    for category, hostile in CATEGORIES.items():
        briefing = minimal_briefing(hostile.text)
        rendered[category] = {format: export_summary(briefing, format, width=WIDE) for format in EXPORT_FORMATS}
    return rendered


def hostile_briefing(category: str) -> Briefing:
    return minimal_briefing(CATEGORIES[category].text)


@pytest.mark.parametrize("format", EXPORT_FORMATS)
@pytest.mark.parametrize("category", CATEGORIES)
def test_the_visible_text_survives(category: str, format: str, outputs: dict[str, dict[str, str]]) -> None:
    visible = squash(VISIBLE[format](outputs[category][format]))
    hostile = CATEGORIES[category]
    assert squash(safe_text(hostile.text)) in visible
    for stand_in in hostile.stand_ins:
        assert stand_in in visible


@pytest.mark.parametrize("format", EXPORT_FORMATS)
@pytest.mark.parametrize("category", CATEGORIES)
def test_nothing_acts(category: str, format: str, outputs: dict[str, dict[str, str]]) -> None:
    output = outputs[category][format]
    if format == "ansi":
        assert "\x1b" in output
        output = SGR.sub("", output)
    assert FORBIDDEN.findall(output) == []


@pytest.mark.parametrize("category", CATEGORIES)
def test_html_gets_no_element_or_attribute_from_the_text(category: str, outputs: dict[str, dict[str, str]]) -> None:
    output = outputs[category]["html"]
    root = html_root(output)
    tags = [local_name(element.tag) for element in root.iter()]
    assert not {"script", "img", "iframe", "object", "a", "b"} & set(tags)
    assert tags.count("style") == 1
    assert not [name for element in root.iter() for name in element.attrib if name.lower().startswith("on")]
    style = next(element for element in root.iter() if local_name(element.tag) == "style").text or ""
    assert "<" not in style and ">" not in style


@pytest.mark.parametrize("category", CATEGORIES)
def test_markdown_gets_no_formatting_from_the_text(category: str, outputs: dict[str, dict[str, str]]) -> None:
    """The writer's own structure only: the same token types as for a plain briefing, no raw HTML, no links."""
    plain_types = {token.type for token in markdown_tokens(export_summary(minimal_briefing(), "markdown"))}
    types = {token.type for token in markdown_tokens(outputs[category]["markdown"])}
    assert types - plain_types <= {"softbreak"}, types - plain_types
    assert not {"html_inline", "html_block", "link_open", "image", "s_open", "code_inline"} & types


@pytest.mark.parametrize("format", ["ansi", "text", "svg"])
def test_terminal_formats_show_markup_as_typed(format: str, outputs: dict[str, dict[str, str]]) -> None:
    visible = VISIBLE[format](outputs["rich-markup"][format])
    assert "[b]x[/b]" in visible and "[@click=app.quit]q[/]" in visible and "[/foo]" in visible


def test_html_escapes_text_and_attribute_values() -> None:
    output = export_summary(hostile_briefing("html"), "html", width=WIDE)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in output
    assert "&amp;amp; &amp;lt;" in output  # entities in the text are shown as typed, not decoded
    assert "<script" not in output and "<img" not in output and "<iframe" not in output
    assert "&amp; &lt;" in unescape(output)


@pytest.mark.parametrize("text", ["    indented", "first\n\n    indented after a blank line"])
def test_markdown_keeps_an_indented_summary_a_top_level_paragraph(text: str) -> None:
    briefing = minimal_briefing()
    meeting = briefing.meetings[0].model_copy(update={"summary": text})
    output = export_summary(briefing.model_copy(update={"meetings": (meeting,)}), "markdown")
    holders = [token for token in MARKDOWN.parse(output) if "indented" in token.content]
    assert [(token.type, token.level) for token in holders] == [("inline", 1)]  # inside a top-level <p>
