"""The summary document as one self-contained HTML file, made to be printed.

No external fonts, scripts or images (the file is opened offline). The markup is XHTML-compatible
(every element closed, void elements self-closed) so a strict XML parser can check it.

Every string goes through `html.escape(…, quote=True)`. The only exception is the running header
and footer of printed pages, which CSS margin boxes draw from CSS strings: there the marking and
title are written with `css_string`, which hex-escapes every character but letters, digits and
spaces, so nothing in them can close the string or the `<style>` element.

Print: the first meeting starts on page 1 under the title block, each further meeting (and each
appendix) on a new page; a brief (`document.brief`) is set tighter so a meeting fits one A4 page.
The marking is centred at the top and bottom of every page, the title and page number at the bottom;
black on white, no meaning carried by colour.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape

from briefing.render.document import (
    Block,
    BlockQuote,
    Emphasis,
    Fields,
    Inline,
    ItemList,
    Marking,
    Paragraph,
    Section,
    SectionKind,
    SummaryDocument,
    Table,
)

STYLESHEET = """
:root { color: #000; background: #fff; }
body { font-family: Georgia, "DejaVu Serif", "Liberation Serif", serif; line-height: 1.45;
  max-width: 46em; margin: 0 auto; padding: 1em 1.5em; }
h1, h2, h3, h4 { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; line-height: 1.2; }
h1 { font-size: 1.7em; border-top: 3px double #000; border-bottom: 3px double #000; padding: 0.3em 0; }
h2 { font-size: 1.4em; border-bottom: 2px solid #000; padding-bottom: 0.15em; margin-top: 2em; }
h3 { font-size: 1.15em; border-bottom: 1px solid #777; margin-top: 1.6em; margin-bottom: 0.2em; }
h4 { font-size: 1em; margin: 1em 0 0.3em; }
.marking { font-family: "DejaVu Sans", Arial, sans-serif; font-weight: bold; text-align: center;
  letter-spacing: 0.05em; border: 2px solid #000; padding: 0.2em 0.5em; margin: 0.5em 0; }
.subtitle { font-style: italic; margin: 0 0 0.5em; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: 0.15em 1em; margin: 0.6em 0; }
dl.fields dt { font-weight: bold; }
dl.fields dd { margin: 0; }
.muted { color: #444; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0 0.8em; }
th, td { border: 1px solid #000; padding: 0.25em 0.45em; text-align: left; vertical-align: top; }
th { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 0.9em; border-bottom-width: 2px; }
blockquote { margin: 0.6em 0 0.9em 0; padding: 0.1em 0 0.1em 1em; border-left: 4px solid #000; }
blockquote p { margin: 0.2em 0; }
blockquote .quoted { font-style: italic; }
ul, ol { padding-left: 1.6em; }
li { margin: 0.15em 0; }
p, li, td, dd { white-space: pre-line; }
@page {
  size: A4;
  margin: 20mm 16mm 20mm 16mm;
  @top-center { content: @MARKING@; font: bold 9pt "DejaVu Sans", Arial, sans-serif; }
  @bottom-left { content: @TITLE@; width: 28%; font: 7pt "DejaVu Sans", Arial, sans-serif; }
  @bottom-center { content: @MARKING@; width: 44%; font: bold 9pt "DejaVu Sans", Arial, sans-serif; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); width: 28%; text-align: right;
    font: 8pt "DejaVu Sans", Arial, sans-serif; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  /* The first meeting follows the title block on page 1: a title page alone wastes the reader's page. */
  section.meeting ~ section.meeting, section.appendix { break-before: page; }
  h1, h2, h3, h4 { break-after: avoid; }
  blockquote, tr, dl.fields { break-inside: avoid; }
  .muted { color: #000; }
}
"""
"""@MARKING@ and @TITLE@ are replaced with CSS strings (see `css_string`, which never writes `@`)."""

BRIEF_STYLESHEET = """
@page { margin: 11mm 11mm 13mm 11mm; }
body.brief { line-height: 1.2; }
body.brief .marking { padding: 0 0.5em; margin: 0.3em 0; }
body.brief h1 { font-size: 1.1em; border-width: 2px; padding: 0.1em 0; margin: 0.3em 0; }
body.brief h2 { font-size: 1.15em; margin: 0.6em 0 0.1em; border: none; display: inline-block; }
body.brief h3 { font-size: 1em; margin: 0.5em 0 0; border: none; display: inline-block; }
body.brief section.meeting > .subtitle, body.brief section.session > .subtitle { display: inline;
  margin-left: 0.6em; }
body.brief h4 { font-size: 0.9em; margin: 0.15em 0 0; }
body.brief .subtitle { margin: 0 0 0.2em; }
body.brief p, body.brief dl.fields { margin: 0.2em 0; }
body.brief ul { margin: 0.05em 0; }
body.brief li { margin: 0; }
@media print { body.brief { font-size: 8.75pt; } }
"""
"""Added for a brief: tighter margins and spacing, so one meeting fits one A4 page."""


def css_string(text: str) -> str:
    """`text` as a double-quoted CSS string in which only ASCII letters, digits and spaces are literal.

    Each other character becomes a six-digit hex escape followed by a space (which the escape
    consumes), so quotes, backslashes, `<` and line breaks cannot end the string or the style sheet.
    """
    return '"' + "".join(c if c.isascii() and (c.isalnum() or c == " ") else f"\\{ord(c):06X} " for c in text) + '"'


def _e(text: str) -> str:
    return escape(text, quote=True)


def render_html(document: SummaryDocument) -> str:
    """The whole summary as an HTML document (UTF-8 text, XHTML-compatible)."""
    return "".join(html_chunks(document))


def html_chunks(document: SummaryDocument) -> Iterator[str]:
    """`render_html` in pieces (an element or a section's heading at a time), so a big book can be streamed."""
    stylesheet = (STYLESHEET + (BRIEF_STYLESHEET if document.brief else "")).replace(
        "@MARKING@", css_string(document.marking)
    ).replace("@TITLE@", css_string(document.title))
    head = (
        "<!DOCTYPE html>\n"
        f'<html lang="{_e(document.language)}" xmlns="http://www.w3.org/1999/xhtml">\n'
        "<head>\n"
        '<meta charset="utf-8" />\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1" />\n'
        f"<title>{_e(document.title)}</title>\n"
        f"<style>{stylesheet}</style>\n"
        "</head>\n"
    )
    body_tag = '<body class="brief">' if document.brief else "<body>"
    yield f"{head}{body_tag}\n"
    separator = ""
    for piece in _body(document):
        yield separator + piece
        separator = "\n"
    yield "\n</body>\n</html>\n"


def _body(document: SummaryDocument) -> Iterator[str]:
    yield f'<p class="marking">{_e(document.marking)}</p>'
    yield f"<header>\n<h1>{_e(document.title)}</h1>"
    for block in document.front:
        yield _block(block)
    yield "</header>"
    for section in document.sections:
        yield from _section(section)
    yield f'<p class="marking">{_e(document.marking)}</p>'


def _section(section: Section) -> Iterator[str]:
    level = min(max(section.level, 2), 6)
    yield f'<section class="{_e(section.kind.value)}" id="{_e(section.anchor)}">'
    yield f"<h{level}>{_e(section.title)}</h{level}>"
    if section.subtitle:
        yield f'<p class="subtitle">{_e(section.subtitle)}</p>'
    for block in section.blocks:
        yield _block(block)
    for subsection in section.sections:
        yield from _section(subsection)
    yield "</section>"
    if section.kind is SectionKind.MEETING:
        yield ""


TAGS = {Emphasis.STRONG: ("<strong>", "</strong>"), Emphasis.EMPHASIS: ("<em>", "</em>"),
        Emphasis.MUTED: ('<span class="muted">', "</span>")}


def inline_html(spans: Inline) -> str:
    parts = []
    for span in spans:
        opening, closing = TAGS.get(span.emphasis, ("", ""))
        parts.append(f"{opening}{_e(span.text)}{closing}")
    return "".join(parts)


def _block(block: Block) -> str:
    match block:
        case Paragraph(spans):
            return f"<p>{inline_html(spans)}</p>"
        case Fields(rows):
            items = "".join(f"<dt>{_e(label)}</dt><dd>{inline_html(value)}</dd>" for label, value in rows)
            return f'<dl class="fields">{items}</dl>'
        case ItemList(items, numbered):
            tag = "ol" if numbered else "ul"
            return f"<{tag}>" + "".join(f"<li>{inline_html(item)}</li>" for item in items) + f"</{tag}>"
        case Table(headers, rows):
            head = "".join(f'<th scope="col">{_e(header)}</th>' for header in headers)
            body = "".join(
                "<tr>" + "".join(f"<td>{inline_html(cell)}</td>" for cell in row) + "</tr>" for row in rows
            )
            return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        case BlockQuote(text, attribution):
            return (
                f'<blockquote><p class="quoted">{_e(text)}</p>'
                f'<p class="attribution">{_e(attribution)}</p></blockquote>'
            )
        case Marking(text):
            return f'<p class="marking">{_e(text)}</p>'
    raise TypeError(f"not a block: {block!r}")
