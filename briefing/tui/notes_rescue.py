"""Quitting with notes that exist only in memory (the state folder could not be written): offer to
export them to a file first, so that a locked-down profile never costs the reader a note."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from textual.content import Content

from briefing.files import write_atomic
from briefing.render.safety import safe_text
from briefing.state.exchange import export_notes

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp


def rescue_folders() -> list[Path]:
    """Where an export may land, in order: the current folder, home, the temporary folder."""
    return [Path.cwd(), Path.home(), Path(tempfile.gettempdir())]


def write_rescue_file(app: BriefingApp) -> Path | None:
    """Write this book's notes and bookmarks as a `notes export` file; its path, or None if no folder took it."""
    text = export_notes(app.reader.store, app.reader.book_id)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    for folder in rescue_folders():
        path = folder / f"briefing-notes-{app.reader.book_id}-{stamp}.json"
        try:
            write_atomic(path, text, overwrite=False, mode=0o600)
        except OSError:
            continue
        return path
    return None


def offer_notes_export(app: BriefingApp) -> None:
    from briefing.tui.screens.confirm_screen import ConfirmScreen

    question = Content(
        "Your notes and bookmarks could not be saved to the state folder this session: they are only in "
        "memory and will be lost when you quit. Export them to a file first (import it later with "
        "`briefing notes import FILE`)?"
    )

    def answered(export: bool | None) -> None:
        if export is None:  # escape: not quitting after all; q asks again
            app._export_offered = False
            return
        if not export:
            app.exit()
            return
        path = write_rescue_file(app)
        if path is None:
            app.notify("No folder could be written (current, home, temporary): your notes could not be "
                       "exported. Copy them from the Notes tab before quitting.", severity="error",
                       timeout=30, markup=False)
            return
        app.exit(message=f"briefing: your notes were exported to {safe_text(str(path))}")

    # Enter exports and escape stays: only an explicit "Quit without them" (or n) loses the notes.
    screen = ConfirmScreen(question, yes="Export, then quit", no="Quit without them", focus_yes=True, escape_stays=True)
    app.push_screen(screen, answered)
