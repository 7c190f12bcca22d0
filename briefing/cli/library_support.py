"""What the library commands share: finding the library, opening and refreshing its index."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefing.cli.streams import say
from briefing.library import LibraryIndex, RefreshReport, library_dir
from briefing.library.index import ProgressCallback


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
    shown = {"indexing": -1, "checking": -1}

    def progress_of(phase: str) -> ProgressCallback:
        def progress(done: int, total: int) -> None:
            percent = done * 100 // max(total, 1)
            if percent != shown[phase]:
                shown[phase] = percent
                print(f"\r{phase} the library: {done:,}/{total:,} books ({percent}%)", end="", file=sys.stderr,
                      flush=True)
                if done == total:
                    print(file=sys.stderr)
        return progress

    if not show_progress:
        return index, index.refresh()
    # Searchable first (each book read from its JSON), then every new or changed book validated.
    report = index.refresh(progress=progress_of("indexing"), check=False)
    index.check_books(progress=progress_of("checking"), report=report)
    return index, report
