"""The export flow: the dialog, the overwrite question and the file-writing worker, apart from the screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.worker import Worker, get_current_worker

from briefing.model import BriefingLookup, Meeting
from briefing.tui.widgets.literal import literal

if TYPE_CHECKING:
    from textual.app import App

    from briefing.tui.screens.export_screen import ExportRequest
    from briefing.tui.widgets.export_progress import ExportProgress


class ExportStopped(Exception):
    """The reader stopped the export (`e`, then yes): nothing is written."""


class ExportFlow:
    """`start` asks what to export; the file is written in a thread, its progress on a line at the bottom
    of the main screen (`ExportProgress`); the outcome is a toast."""

    def __init__(self, app: App, lookup: BriefingLookup) -> None:
        self.app = app
        self.lookup = lookup

    def start(self, meeting: Meeting | None) -> None:
        """Open the export dialog, offering `meeting` (the open meeting tab) as the scope; while an
        export is being written, offer to stop it instead."""
        from briefing.render import EXPORT_FORMATS, FORMAT_SUFFIXES
        from briefing.tui.screens.export_screen import ExportScreen

        if (worker := self.running()) is not None:
            self.offer_to_stop(worker)
            return
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
        from briefing.render.safety import shown
        from briefing.tui.widgets.export_progress import ExportProgress

        screen = getattr(self.app, "main_screen", None) or self.app.screen
        progress = ExportProgress(shown(request.path))
        screen.mount(progress)
        self.app.run_worker(lambda: self._write(request, overwrite, progress), thread=True, exclusive=True,
                            group="export")

    def running(self) -> Worker | None:
        """The export being written now, if any."""
        return next((worker for worker in self.app.workers if worker.group == "export" and not worker.is_finished),
                    None)

    def offer_to_stop(self, worker: Worker) -> None:
        """`e` while an export runs: stop it? (A second export would otherwise replace it unasked.)"""
        from briefing.tui.screens.confirm_screen import ConfirmScreen

        def stop_if_confirmed(confirmed: bool | None) -> None:
            if confirmed:
                worker.cancel()

        question = Content("An export is being written. Stop it? Nothing will be written.")
        self.app.push_screen(ConfirmScreen(question, yes="Stop the export", no="Let it run"),
                             callback=stop_if_confirmed)

    def _reader_notes(self, request: ExportRequest) -> list[tuple[str, str]]:
        from briefing.state.reading import notes_for_print

        reader = getattr(self.app, "reader", None)
        if not request.include_notes or reader is None:
            return []
        return notes_for_print(reader.store, self.lookup.briefing, request.meeting_ids)

    def _render(self, request: ExportRequest, progress: ExportProgress) -> str:
        """In the worker: the export's text, its progress shown as it goes; `ExportStopped` if cancelled."""
        from briefing.render.export import export_chunks

        worker, shown = get_current_worker(), -1

        def report(done: int, total: int) -> None:
            nonlocal shown
            if worker.is_cancelled:
                raise ExportStopped
            # A hop to the app's thread per whole percent: at most a hundred, whatever the book's size.
            if (percent := 100 * done // max(total, 1)) != shown:
                shown = percent
                self.app.call_from_thread(progress.report, done, total)

        chunks = []
        for chunk in export_chunks(self.lookup.briefing, request.format, meeting_ids=request.meeting_ids,
                                   brief=request.brief, reader_notes=self._reader_notes(request), progress=report):
            if worker.is_cancelled:  # formats that report no progress are still stopped between chunks
                raise ExportStopped
            chunks.append(chunk)
        return "".join(chunks)

    def _write(self, request: ExportRequest, overwrite: bool, progress: ExportProgress) -> None:
        try:
            self._render_and_write(request, overwrite, progress)
        finally:
            self.app.call_from_thread(progress.remove)

    def _render_and_write(self, request: ExportRequest, overwrite: bool, progress: ExportProgress) -> None:
        from briefing.files import write_atomic
        from briefing.render.safety import shown

        notify, path = self.app.notify, shown(request.path)
        try:
            text = self._render(request, progress)
        except ExportStopped:
            self.app.call_from_thread(notify, f"Export stopped: nothing was written to {path}.", markup=False)
            return
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
