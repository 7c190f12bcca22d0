"""Rendering of a briefing's summary: Rich renderables and exports (text, ANSI, Markdown, HTML, SVG).

Shared by `briefing print` and the app; no Textual here. The layout is decided once, in
`briefing.render.summary`, as a format-neutral document that each writer walks.

The names below are imported on first use: the app needs `safe_text` and the date helpers at
start-up, and should not pay then for the exporters and Rich's console (PEP 562).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefing.render.citation import quote_citation
    from briefing.render.dates import format_date, format_date_range
    from briefing.render.export import EXPORT_FORMATS, FORMAT_SUFFIXES, export_summary, summary_renderable
    from briefing.render.safety import safe_text
    from briefing.render.summary import UnknownMeetingError

_HOMES = {
    "quote_citation": "briefing.render.citation",
    "format_date": "briefing.render.dates",
    "format_date_range": "briefing.render.dates",
    "EXPORT_FORMATS": "briefing.render.export",
    "FORMAT_SUFFIXES": "briefing.render.export",
    "export_summary": "briefing.render.export",
    "summary_renderable": "briefing.render.export",
    "safe_text": "briefing.render.safety",
    "UnknownMeetingError": "briefing.render.summary",
}

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


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_HOMES[name]), name)
    globals()[name] = value
    return value
