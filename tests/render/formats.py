"""Turn each export format back into searchable text, so tests can ask "is this string shown?"."""

from __future__ import annotations

import re
from html import escape, unescape

from briefing.render.markdown_writer import escape_markdown

SGR = re.compile(r"\x1b\[[0-9;]*m")
"""Select Graphic Rendition sequences: the only escape sequences Rich's styled export may contain."""

TAG = re.compile(r"<[^>]*>")


def squash(text: str) -> str:
    return " ".join(text.split())


def searchable(output: str, format: str) -> str:
    """The text a reader sees in `output`, whitespace collapsed (HTML and Markdown stay escaped)."""
    if format == "ansi":
        output = SGR.sub("", output)
    elif format == "svg":
        body = output[output.index("<g") :]  # past the style sheet, where the text is
        output = unescape(TAG.sub("", body)).replace("\xa0", " ")
    return squash(output)


def as_shown(text: str, format: str) -> str:
    """How `text` from the briefing is written in `format`, whitespace collapsed."""
    if format == "html":
        return squash(escape(text, quote=True))
    if format == "markdown":
        return squash(escape_markdown(text))
    return squash(text)


def shows(output: str, format: str, text: str) -> bool:
    return as_shown(text, format) in searchable(output, format)
