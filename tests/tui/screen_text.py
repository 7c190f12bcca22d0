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
