"""A strict check of the HTML export: well-formed as XML, and every tag closed in order."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser

VOID_ELEMENTS = frozenset({"meta", "br", "hr", "img", "link", "input", "wbr", "col", "source"})


class NestingChecker(HTMLParser):
    """Records every element opened, and fails on an end tag that does not close the innermost one."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.problems: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag in VOID_ELEMENTS:
            self.problems.append(f"void element <{tag}> is not self-closed")
        else:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag not in VOID_ELEMENTS:
            self.problems.append(f"<{tag} /> is not a void element")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> does not close {self.stack[-1:] or 'anything'}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def check_html(document: str) -> NestingChecker:
    """Parse `document` both ways; raise AssertionError with the problems found."""
    ElementTree.fromstring(document.removeprefix("<!DOCTYPE html>\n"))
    checker = NestingChecker()
    checker.feed(document)
    checker.close()
    assert not checker.problems, checker.problems
    assert not checker.stack, f"never closed: {checker.stack}"
    return checker
