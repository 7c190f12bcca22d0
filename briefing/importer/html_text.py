"""The main text of a saved web page, as blocks: no menus, cookie banners, share buttons or footers.

Standard library only (`html.parser`), and nothing is fetched: a saved page's scripts, images and links
are never followed. When the page marks its main content (`<main>`, `<article>`, `role="main"`), only
that is kept; everything inside navigation-like elements is dropped wherever it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from briefing.importer.blocks import Block, BlockKind

SKIPPED_TAGS = frozenset(
    {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "svg", "iframe",
     "template", "select", "option", "figure", "figcaption", "head", "menu", "dialog"}
)
"""Elements whose text is never part of a release."""

CHROME = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|footer|header|cookies?|consent|share|sharing|"
    r"social|sidebar|related|skip|banner|newsletter|search|print|toolbar|pagination|tags?|language-switcher)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)
"""Class or id words that mark page furniture."""

BLOCK_TAGS = {"p": BlockKind.PARAGRAPH, "li": BlockKind.PARAGRAPH, "dd": BlockKind.PARAGRAPH,
              "td": BlockKind.PARAGRAPH, "div": BlockKind.PARAGRAPH, "section": BlockKind.PARAGRAPH,
              "blockquote": BlockKind.BLOCK_QUOTE, "pre": BlockKind.PARAGRAPH, "address": BlockKind.PARAGRAPH,
              **{f"h{level}": BlockKind.HEADING for level in range(1, 7)}}

VOID_TAGS = frozenset({"br", "img", "hr", "meta", "link", "input", "wbr", "source", "col", "area", "base", "embed"})

_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
"""HTML collapses ASCII white space only: a no-break space stays what it is."""


@dataclass
class _Open:
    tag: str
    skipped: bool
    main: bool


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[Block, bool]] = []
        self.title = ""
        self.published: str | None = None
        self._stack: list[_Open] = []
        self._text: list[str] = []
        self._kind = BlockKind.PARAGRAPH
        self._in_title = False

    @property
    def _skipping(self) -> bool:
        return any(element.skipped for element in self._stack)

    @property
    def _in_main(self) -> bool:
        return any(element.main for element in self._stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "title":
            self._in_title = True
        if tag == "time" and self.published is None and not self._skipping:
            self.published = values.get("datetime")
        if tag in VOID_TAGS:
            if tag == "br":
                self._text.append("\n")
            return
        marks = " ".join(filter(None, (values.get("class"), values.get("id"), values.get("role"))))
        skipped = tag in SKIPPED_TAGS or bool(CHROME.search(marks)) or values.get("aria-hidden") == "true"
        main = tag in ("main", "article") or values.get("role") == "main"
        if tag in BLOCK_TAGS:
            self._flush()
            self._kind = BLOCK_TAGS[tag]
        self._stack.append(_Open(tag, skipped and values.get("role") != "main", main))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in VOID_TAGS:
            return
        if tag in BLOCK_TAGS:
            self._flush()
        # Close up to the matching element; stray end tags of a sloppy page are ignored.
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index].tag == tag:
                del self._stack[index:]
                break

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skipping:
            self._text.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    def _flush(self) -> None:
        raw = "".join(self._text)
        self._text = []
        lines = [_HTML_SPACE.sub(" ", line).strip() for line in raw.split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            self.blocks.append((Block(text, self._kind), self._in_main))
        self._kind = BlockKind.PARAGRAPH


@dataclass(frozen=True, slots=True)
class Page:
    """What a saved page yields: its blocks of main text, its `<title>`, a `<time datetime>` if any."""

    blocks: list[Block]
    title: str
    published: str | None


def read_html(markup: str) -> Page:
    """The main text of a page: blocks inside `<main>`/`<article>` when it has them, else every block."""
    parser = _PageParser()
    parser.feed(markup)
    parser.close()
    main_blocks = [block for block, in_main in parser.blocks if in_main]
    blocks = main_blocks or [block for block, _ in parser.blocks]
    return Page(blocks, _HTML_SPACE.sub(" ", parser.title).strip(), parser.published)
