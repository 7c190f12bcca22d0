"""Briefing strings as widget content: always literal, always neutralised, never markup.

Every string that comes from a briefing file goes through `literal` before a widget sees it: a plain
`str` handed to a Textual widget is parsed as markup (`[b]` turns bold, `[/foo]` crashes the app), and
terminal control or bidi characters would act instead of being read.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content
from textual.style import Style
from textual.widget import Widget

from briefing.render.safety import safe_text


def literal(text: str, style: str = "") -> Content:
    """`text` as literal content, with dangerous characters shown as visible stand-ins."""
    content = Content(safe_text(text))
    return content.stylize(style) if style else content


def one_line(text: str) -> str:
    """`text` with its line breaks as spaces, for a list entry that must keep the lines it declares.

    Same length, so spans found in `text` still apply. After `safe_text`, "\\n" is the only character
    that breaks a line (CR, NEL and U+2028/2029 become visible stand-ins)."""
    return text.replace("\n", " ")


def with_spans(content: Content, spans: Iterable[tuple[int, int]], style: Style | str) -> Content:
    """`content` with `style` applied over each (start, end) span; empty or inverted spans are skipped."""
    for start, end in spans:
        if end > start:
            content = content.stylize(style, start, end)
    return content


def labelled(label: str, value: str) -> Content:
    """"Label: value" with the label dim and the (untrusted) value literal."""
    return Content.assemble((label, "dim"), literal(value))


def literal_with_spans(text: str, spans: Iterable[tuple[int, int]], style: Style | str) -> Content:
    """`literal(text)` with `style` over the (start, end) spans of the *original* text.

    Neutralising a character can lengthen the text ("\\u202e" becomes "<U+202E>"), so each piece is
    neutralised on its own and the spans are styled where the pieces land.
    """
    pieces: list[Content] = []
    position = 0
    for start, end in sorted(spans):
        start, end = max(start, position), min(end, len(text))
        if end <= start:
            continue
        pieces.append(literal(text[position:start]))
        pieces.append(literal(text[start:end]).stylize(style))
        position = end
    pieces.append(literal(text[position:]))
    return Content.assemble(*pieces)


def component_style(widget: Widget, name: str) -> Style:
    """The style a widget's CSS gives component class `name`, including `reverse`.

    (`Widget.get_visual_style` leaves `reverse` out, and the highlight must not rely on colour alone.)
    """
    return Style.from_rich_style(widget.get_component_rich_style(name, partial=True))
