"""The export flow: the dialog, the overwrite question and the file-writing worker, apart from the screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from briefing.model import BriefingLookup, Meeting
from briefing.tui.widgets.literal import literal

if TYPE_CHECKING:
    from textual.app import App

    from briefing.tui.screens.export_screen import ExportRequest


class ExportFlow:
    """`start` asks what to export; the file is written in a thread; the outcome is a toast."""

    def __init__(self, app: App, lookup: BriefingLookup) -> None:
        self.app = app
        self.lookup = lookup

    def start(self, meeting: Meeting | None) -> None:
        """Open the export dialog, offering `meeting` (the open meeting tab) as the scope."""
        from briefing.render import EXPORT_FORMATS, FORMAT_SUFFIXES
        from briefing.tui.screens.export_screen import ExportScreen

        reader = getattr(self.app, "reader", None)
        screen = ExportScreen(self.lookup.briefing.id, tuple(EXPORT_FORMATS), dict(FORMAT_SUFFIXES), meeting,
                              offer_notes=bool(reader is not None and reader.notes()))
        self.app.push_screen(screen, callback=self.chosen)

    def chosen(self, request: ExportRequest | None) -> None:
        from briefing.tui.screens.confirm_screen import ConfirmScreen

        if request is None:
            return
        if not request.path.exists():
            self.write(request, overwrite=False)
            return
        question = Content.assemble(("A file already exists at\n", "bold"), literal(str(request.path)), "\nReplace it?")

        def replace_if_confirmed(confirmed: bool | None) -> None:
            if confirmed:
                self.write(request, overwrite=True)
            else:
                self.app.notify("Export cancelled: the existing file was left alone.", markup=False)

        self.app.push_screen(ConfirmScreen(question, yes="Replace", no="Keep"), callback=replace_if_confirmed)

    def write(self, request: ExportRequest, *, overwrite: bool) -> None:
        self.app.run_worker(lambda: self._write(request, overwrite), thread=True, exclusive=True, group="export")

    def _reader_notes(self, request: ExportRequest) -> list[tuple[str, str]]:
        from briefing.state.reading import notes_for_print

        reader = getattr(self.app, "reader", None)
        if not request.include_notes or reader is None:
            return []
        return notes_for_print(reader.store, self.lookup.briefing, request.meeting_ids)

    def _write(self, request: ExportRequest, overwrite: bool) -> None:
        from briefing.files import write_atomic
        from briefing.render import export_summary
        from briefing.render.safety import shown

        notify, path = self.app.notify, shown(request.path)
        try:
            text = export_summary(self.lookup.briefing, request.format, meeting_ids=request.meeting_ids,
                                  brief=request.brief, reader_notes=self._reader_notes(request))
        except ValueError as error:  # an SVG too tall to view: the message says what to choose instead
            self.app.call_from_thread(notify, f"Not exported: {error}", severity="warning", markup=False)
            return
        try:
            # Whole or not at all (a full disk leaves the old file as it was); without overwrite, a file
            # that appeared after the question was asked is refused, not silently replaced.
            write_atomic(request.path, text, overwrite=overwrite)
        except FileExistsError:
            self.app.call_from_thread(notify, f"Not exported: {path} appeared meanwhile; export again to replace it.",
                                      severity="warning", markup=False)
        except OSError as error:
            self.app.call_from_thread(notify, f"Could not write {path}: {error.strerror or error}; nothing was written",
                                      severity="error", markup=False)
        else:
            self.app.call_from_thread(notify, f"Exported to {path}", title="Export", markup=False)
