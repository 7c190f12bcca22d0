"""Whether the full-screen app can run on this terminal at all.

Textual reads keys from standard input and draws on standard error. With either closed it fails with
a traceback panel that shows its locals; with either redirected (`briefing < /dev/null`,
`briefing 2> log`) it draws for nobody or waits for keys that never come; with TERM=dumb the
terminal cannot draw it. `BriefingApp.run` checks first and raises `TerminalUnusable`; the command
line turns that into a message (or, for TERM=dumb, prints the book as text).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.driver import Driver


class TerminalUnusable(Exception):
    """The full-screen app cannot run here. `dumb` is True when only TERM=dumb is the reason."""

    def __init__(self, reason: str, *, dumb: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.dumb = dumb


def _is_terminal(stream: object) -> bool:
    try:
        return bool(stream is not None and stream.isatty())  # type: ignore[attr-defined]
    except (ValueError, OSError):  # a closed stream
        return False


def terminal_problem() -> TerminalUnusable | None:
    """Why the app cannot run with this process's standard streams and TERM, or None.

    TERM=dumb comes first: printing the book as text instead needs neither keyboard nor screen.
    """
    if os.environ.get("TERM") == "dumb":
        return TerminalUnusable("this terminal (TERM=dumb) cannot show the full-screen app", dumb=True)
    if not _is_terminal(sys.__stdin__):
        return TerminalUnusable("standard input is not a terminal (closed or redirected), so the app cannot "
                                "read the keyboard")
    if not _is_terminal(sys.__stderr__):
        return TerminalUnusable("standard error is not a terminal (closed or redirected), and the app draws "
                                "the screen there")
    return None


def measured_where_drawn(driver_class: type[Driver]) -> type[Driver]:
    """The driver to run the app with, measuring the terminal it draws on.

    Textual's Linux driver draws on standard error but asks standard output for the window's size: with
    that redirected or closed (`briefing > log`, `briefing >&-`) the answer was its default 80×25, so the
    app was laid out in a corner of a larger window, the rest left as it was, after every resize too.
    With standard output a terminal the driver is Textual's own, unchanged.
    """
    if sys.platform == "win32" or _is_terminal(sys.__stdout__):
        return driver_class
    from textual.drivers.linux_driver import LinuxDriver

    if not issubclass(driver_class, LinuxDriver):
        return driver_class

    class MeasuresStandardError(driver_class):  # type: ignore[valid-type, misc]
        def _get_terminal_size(self) -> tuple[int, int]:
            # Overrides a private method of Textual 8.2 (pinned); if a later version drops it, this is
            # simply never called and the default measure comes back.
            try:
                size = os.get_terminal_size(sys.__stderr__.fileno())  # type: ignore[union-attr]
            except (AttributeError, ValueError, OSError):
                return super()._get_terminal_size()  # type: ignore[no-any-return]
            return size.columns or 80, size.lines or 25

    return MeasuresStandardError
