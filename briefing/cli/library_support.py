"""What the library commands share: finding the library, opening and refreshing its index."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefing.cli.streams import say
from briefing.library import LibraryIndex, RefreshReport, library_dir


def chosen_library(options: argparse.Namespace) -> Path:
    """`--library DIR`, else `BRIEFING_LIBRARY`, else the user's data folder."""
    return library_dir(getattr(options, "library", None) or None)


def refreshed_index(
    library: Path, *, rebuild: bool = False, show_progress: bool | None = None
) -> tuple[LibraryIndex, RefreshReport]:
    """The library's index brought up to date, and what changed; progress on stderr when it is a terminal."""
    index = LibraryIndex.open(library, rebuild=rebuild)
    if index.message:
        say(f"briefing: {index.message}")
    if show_progress is None:
        show_progress = sys.stderr.isatty()
    last_shown = [-1]

    def progress(done: int, total: int) -> None:
        percent = done * 100 // max(total, 1)
        if percent != last_shown[0]:
            last_shown[0] = percent
            print(f"\rindexing the library: {done:,}/{total:,} books ({percent}%)", end="", file=sys.stderr,
                  flush=True)

    report = index.refresh(progress=progress if show_progress else None)
    if show_progress and last_shown[0] >= 0:
        print(file=sys.stderr)
    return index, report
