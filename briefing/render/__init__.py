"""Rendering of a briefing's summary: Rich renderables and exports (text, ANSI, Markdown, HTML, SVG).

Shared by `briefing print` and the app; no Textual here. The layout is decided once, in
`briefing.render.summary`, as a format-neutral document that each writer walks.
"""

from briefing.render.citation import quote_citation
from briefing.render.dates import format_date, format_date_range
from briefing.render.export import EXPORT_FORMATS, FORMAT_SUFFIXES, export_summary, summary_renderable
from briefing.render.safety import safe_text
from briefing.render.summary import UnknownMeetingError

__all__ = [
    "EXPORT_FORMATS",
    "FORMAT_SUFFIXES",
    "UnknownMeetingError",
    "export_summary",
    "format_date",
    "format_date_range",
    "quote_citation",
    "safe_text",
    "summary_renderable",
]
