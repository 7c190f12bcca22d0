"""The app's part in the reader's state: saving the position on quit, rescuing in-memory notes, and
the "resume where I left off" setting (a base of `BriefingApp`, kept apart to keep app.py small)."""

from __future__ import annotations

from typing import Any

from briefing.tui.reader_state import START_AT_TOP_SETTING, THEME_SETTING


class ReaderStateActions:
    """Needs `main_screen`, `reader`, `state_store`, `notify`, `exit` of `BriefingApp`."""

    main_screen: Any
    reader: Any
    state_store: Any
    notify: Any
    exit: Any
    available_themes: Any
    theme: Any
    theme_changed_signal: Any

    def restore_theme(self) -> None:
        """The theme the reader chose last time; from now on each choice is saved."""
        saved = self.state_store.setting(THEME_SETTING)
        if saved and saved in self.available_themes:
            self.theme = saved
        # Subscribed after the saved theme is applied: only the reader's own choices are saved.
        self.theme_changed_signal.subscribe(self, lambda theme: self.state_store.set_setting(THEME_SETTING, theme.name))

    async def action_quit(self) -> None:
        """Save where the reader is; if notes could only be kept in memory, offer to export them first."""
        main = self.main_screen
        if main is not None:
            main.save_position()
        if self.reader is not None and self.state_store.is_in_memory and self.reader.notes() and not self._export_offered:
            self._export_offered = True
            from briefing.tui.notes_rescue import offer_notes_export

            offer_notes_export(self)
            return
        self.exit()

    _export_offered = False

    def action_toggle_resume(self) -> None:
        at_top = self.state_store.setting(START_AT_TOP_SETTING) != "yes"
        self.state_store.set_setting(START_AT_TOP_SETTING, "yes" if at_top else "no")
        self.notify("Books will open at the Overview." if at_top else "Books will reopen where you left off.",
                    markup=False)
