"""Loading: briefing files → validated model, with errors that say which file, where and what to do."""

from briefing.loading.errors import BriefingLoadError, LoadFailure, Problem
from briefing.loading.loader import (
    DEFAULT_MAX_BYTES,
    MAX_BYTES_VARIABLE,
    LoadedBook,
    load_book,
    load_briefing,
    parse_briefing,
    read_briefing_text,
    sample_path,
)
from briefing.loading.sources import check_against_sources, collapse_whitespace, split_paragraphs

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_BYTES_VARIABLE",
    "BriefingLoadError",
    "LoadFailure",
    "LoadedBook",
    "Problem",
    "check_against_sources",
    "collapse_whitespace",
    "load_book",
    "load_briefing",
    "parse_briefing",
    "read_briefing_text",
    "sample_path",
    "split_paragraphs",
]
