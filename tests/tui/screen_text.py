"""The text on an app's screen, line by line, read from its SVG screenshot (what a user would see)."""

from __future__ import annotations

import html
import re

from textual.app import App

_TEXT = re.compile(r'<text [^>]*clip-path="url\(#[\w-]+-line-(\d+)\)"[^>]*>(.*?)</text>', re.S)


def screen_lines(app: App) -> list[str]:
    lines: dict[int, list[str]] = {}
    for number, content in _TEXT.findall(app.export_screenshot()):
        lines.setdefault(int(number), []).append(html.unescape(content).replace("\xa0", " "))
    return ["".join(lines[number]) for number in sorted(lines)]


def screen_text(app: App) -> str:
    return "\n".join(screen_lines(app))


HOSTILE_LITERALS = ("[/foo]", "[b]x[/b]", "[@click=app.quit]q[/]", "␛[2J", "<U+202E>evil")
"""How the hostile names and texts of the list widgets' test books must read on screen: as typed."""


def assert_shown_literally(app: App, literals: tuple[str, ...] = HOSTILE_LITERALS) -> None:
    """Each hostile string is on screen as literal text; no escape, bidi override, invisible or click action."""
    text = screen_text(app)
    for literal in literals:
        assert literal in text, literal
    assert "\x1b" not in text and "\u202e" not in text and "\u200b" not in text
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            assert not (segment.style and segment.style.meta.get("@click")), segment
