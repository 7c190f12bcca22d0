"""A briefing full of hostile strings comes out escaped and inert in every format.

The strings (tests/render/conftest.py HOSTILE_STRINGS) try HTML injection, closing the style sheet,
Rich markup, Textual actions, ANSI and OSC 52 escape sequences and a bidi override.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

import pytest

from briefing.model import Briefing
from briefing.render import EXPORT_FORMATS, export_summary
from tests.render.formats import SGR, searchable
from tests.render.html_check import check_html

WIDE = 400


@pytest.fixture
def outputs(hostile_briefing: Briefing) -> dict[str, str]:
    return {format: export_summary(hostile_briefing, format, width=WIDE) for format in EXPORT_FORMATS}


@pytest.mark.parametrize("format", EXPORT_FORMATS)
def test_no_control_or_bidi_character_from_the_content_survives(format: str, outputs: dict[str, str]) -> None:
    output = outputs[format]
    if format == "ansi":
        assert "\x1b" in output  # Rich's own colours are there…
        output = SGR.sub("", output)  # …and are the only escape sequences
    assert "\x1b" not in output
    assert "\x07" not in output
    assert "\u202e" not in output
    assert "<U+202E>" in output or "&lt;U+202E&gt;" in output or "\\<U+202E\\>" in output


@pytest.mark.parametrize("format", ["text", "ansi", "svg"])
def test_terminal_formats_show_markup_and_escapes_literally(format: str, outputs: dict[str, str]) -> None:
    seen = searchable(outputs[format], format)
    for literal in ("[bold red]x[/]", "[/foo]", "[@click=app.quit]q[/]", "<script>alert(1)</script>",
                    "\u241b[31mred", "\u241b]52;c;ZXZpbA==\u2407"):
        assert literal in seen


def test_html_has_no_element_or_attribute_from_the_content(outputs: dict[str, str]) -> None:
    output = outputs["html"]
    checker = check_html(output)
    tags = [tag for tag, _ in checker.elements]
    assert "script" not in tags and "img" not in tags
    assert tags.count("style") == 1
    assert "<script" not in output and "<img" not in output
    assert output.count("</style>") == 1  # our own; the marking's "</style>" is CSS-escaped in @page
    assert not any(name.startswith("on") for _, attrs in checker.elements for name in attrs)
    html_element = next(attrs for tag, attrs in checker.elements if tag == "html")
    assert html_element["lang"] == 'en"><script>alert(1)</script>'  # one attribute value, escaped
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in output
    assert "[bold red]x[/]" in "".join(checker.text)


def test_html_running_header_cannot_break_out_of_the_style_sheet(outputs: dict[str, str]) -> None:
    style = outputs["html"].split("<style>", 1)[1].split("</style>", 1)[0]
    page_rule = style[style.index("@page") :]
    assert "<" not in page_rule and "\\00003C " in page_rule  # "<" of the marking, hex-escaped


def test_markdown_keeps_every_special_character_literal(outputs: dict[str, str]) -> None:
    output = outputs["markdown"]
    assert not re.search(r"(?<!\\)<", output)  # no raw HTML can start
    assert "\\[bold red\\]x\\[/\\]" in output
    assert "\\*stars\\* \\_under\\_ \\`tick\\`" in output
    assert "*stars*" not in output.replace("\\*", "")


def test_svg_is_well_formed_with_no_script(outputs: dict[str, str]) -> None:
    output = outputs["svg"]
    root = ElementTree.fromstring(output)
    assert not [element for element in root.iter() if element.tag.endswith("script")]
    assert "<script" not in output and "<img" not in output
