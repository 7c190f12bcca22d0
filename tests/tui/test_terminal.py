"""The app checks for a usable terminal before it takes the screen (issue 9, items 6 and 10)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from briefing.tui.app import make_app
from briefing.tui.terminal import TerminalUnusable, terminal_problem


class FakeStream:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


class ClosedStream:
    def isatty(self) -> bool:
        raise ValueError("I/O operation on closed file")


@pytest.fixture
def a_terminal(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setattr(sys, "__stdin__", FakeStream(True))
    monkeypatch.setattr(sys, "__stderr__", FakeStream(True))
    monkeypatch.setenv("TERM", "xterm-256color")
    return monkeypatch


def test_a_real_terminal_is_usable(a_terminal: pytest.MonkeyPatch) -> None:
    assert terminal_problem() is None


@pytest.mark.parametrize("stdin", [None, FakeStream(False), ClosedStream()], ids=["closed", "redirected", "closed-object"])
def test_no_keyboard_is_a_problem(a_terminal: pytest.MonkeyPatch, stdin: object) -> None:
    a_terminal.setattr(sys, "__stdin__", stdin)
    problem = terminal_problem()
    assert problem is not None and not problem.dumb and "standard input is not a terminal" in problem.reason


def test_no_screen_is_a_problem(a_terminal: pytest.MonkeyPatch) -> None:
    a_terminal.setattr(sys, "__stderr__", None)
    problem = terminal_problem()
    assert problem is not None and "standard error is not a terminal" in problem.reason


def test_term_dumb_comes_first_because_printing_needs_no_keyboard(a_terminal: pytest.MonkeyPatch) -> None:
    a_terminal.setattr(sys, "__stdin__", None)
    a_terminal.setenv("TERM", "dumb")
    problem = terminal_problem()
    assert problem is not None and problem.dumb


def test_the_app_refuses_to_run_before_touching_the_terminal(minimal_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("briefing.tui.app.terminal_problem", lambda: TerminalUnusable("no terminal here"))
    with pytest.raises(TerminalUnusable, match="no terminal here"):
        make_app(minimal_path).run()
