"""The big books of issue 9 against the sample, side by side: `briefing print`, first frame, keys.

    python benchmarks/big_book_benchmark.py [--runs 3] [--key-runs 2] [--skip-app]   (--runs 0: keys only)

Books: the bundled sample (the baseline), the 2,000-meeting / 20,000-quote book and the one meeting of
10,000 sessions (`benchmarks/big_books.py`, generated on first use). Each measurement is a fresh process
(`python -m briefing …`); peak memory is the child's ru_maxrss. The app runs under a 120×36
pseudo-terminal (`benchmarks/pty_app.py`): first frame is spawn → exit on the first frame
(`BRIEFING_EXIT_AFTER_FIRST_FRAME`: until its output stops, and until the process ends), a key's time is from writing it to the settled screen.
The first frame is measured three ways (`OPENINGS`), each in a state folder of the benchmark's own:
reopening a book read before, a new version of it, and a first opening. Keys reopen.

Targets (issue 9): print of the big book under 10 s and 300 MB; first frame at most 4× the sample's;
every key within 2× the sample's and under 100 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.big_books import big_books
from benchmarks.pty_app import PtyApp

FORMATS = ("text", "ansi", "markdown", "html", "svg")
KEYS: dict[str, str | bytes] = {
    "a meeting's tab": "meeting", "j": b"j", "]": b"]", "k": b"k", "?": b"?", "escape": b"\x1b",
    "tab 1 (overview)": b"1", "quotes tab": "quotes", "j in quotes": b"j", "people tab": "people",
    "j in people": b"j", "search tab": "search", "/": b"/", "the (to its hits)": b"the", "enter on the top hit": b"\r",
}
"""Keys pressed in order; a str is a tab of the registry, pressed by its digit in that book: first a
meeting's tab (with a picker, the Meeting tab), where j, ] and k move; ? opens the help, escape closes it,
1 goes back to the overview; then the quote list, the people directory and the search: the time of
"the" typed in its box runs until its hits are listed (on a big book, that includes waiting for the index being built
since the start), then enter opens the top hit."""


CPU_PROBE = Path(__file__).with_name("cpu_probe.py")
"""Runs the app for the keys, telling the benchmark its UI thread's CPU time to the nanosecond."""

HITS_SHOWN = "–/".encode()
"""The search tab's counter ("–/50+") appears once hits are listed."""


def tab_digits(path: Path) -> dict[str, bytes]:
    """The digit of the first meeting's tab (or the picker's Meeting tab) and of the quotes, people and
    search tabs in this book, from the app's own tab registry.

    Worked out in a child process: a book loaded here would stay in this process's memory, and every
    app forked from it would start with that resident size (its peak memory would be this process's)."""
    output = subprocess.run([sys.executable, __file__, "--tab-digits", str(path)], check=True,
                            capture_output=True, text=True).stdout
    return {name: key.encode() for name, key in json.loads(output).items()}


def _tab_digits_here(path: Path) -> dict[str, bytes]:
    from briefing.loading import load_briefing
    from briefing.model import BriefingLookup
    from briefing.tui.tabs import MEETING_PANE, book_tabs

    specs = book_tabs(BriefingLookup(load_briefing(path)))
    keys = {spec.id: spec.key.encode() for spec in specs if spec.key}
    # The Meeting tab of a book with a picker, else the first meeting's own tab ("meeting-<id>"); not the
    # picker ("meetings"), whose list has none of the reading keys (] drew nothing there).
    meeting = keys.get(MEETING_PANE) or next(key for pane_id, key in keys.items() if pane_id.startswith("meeting-"))
    return {"meeting": meeting, **{name: keys[name] for name in ("quotes", "people", "search")}}


def run_child(arguments: list[str], cwd: Path) -> tuple[float, float, int]:
    """Wall seconds, peak MiB and exit code of `python -m briefing ARGUMENTS`."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "briefing", *arguments], cwd=cwd,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, child.returncode


def print_table(books: dict[str, Path], runs: int) -> None:
    print("### `briefing print`, fresh process per run\n")
    print("| book | command | median s | peak MiB | exit |")
    print("|---|---|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for name, path in books.items():
            for command in ["validate", *FORMATS]:
                arguments = (["validate", str(path)] if command == "validate" else
                             ["print", str(path), "--format", command, "-o", f"out.{command}", "--force"])
                samples = [run_child(arguments, Path(folder)) for _ in range(runs)]
                seconds = statistics.median(s for s, _, _ in samples)
                peak = max(p for _, p, _ in samples)
                print(f"| {name} | {command} | {seconds:.2f} | {peak:.0f} | {samples[-1][2]} |")


OPENINGS = ("reopening", "new version", "first opening")
"""How the book is opened: again, in the version read before (the reader's state knows it); as a new
version of a book read before (the state has its read marks, but not for this version: every item is
compared); or for the first time (an empty state folder: nothing read yet)."""


def new_version_state(kept: Path, target: Path) -> Path:
    """A copy of the state folder `kept` that has read the books in another version than theirs."""
    target.mkdir(mode=0o700)
    source, copy = sqlite3.connect(kept / "state.sqlite3"), sqlite3.connect(target / "state.sqlite3")
    source.backup(copy)
    copy.execute("DELETE FROM opened_versions")
    copy.commit()
    source.close()
    copy.close()
    return target


def first_frame(path: Path, state: Path) -> tuple[float, float]:
    """Seconds from spawn to the first frame's last byte, and to the process's exit."""
    quick = dict(os.environ, BRIEFING_EXIT_AFTER_FIRST_FRAME="1", BRIEFING_STATE_DIR=str(state))
    app = PtyApp([sys.executable, "-m", "briefing", "open", "--top", str(path)], env=quick)
    app.close(quit_keys=b"", timeout=600)  # it exits by itself on its first frame
    # The frame is drawn when the output stops (the exit's reset follows at once); the process then still
    # records a first reading, and waits for its worker threads, which the reader never sees.
    return app.last_output - app.started, time.perf_counter() - app.started


def app_table(books: dict[str, Path], runs: int, key_runs: int) -> None:
    first: dict[tuple[str, str], list[float]] = {(opening, name): [] for opening in OPENINGS for name in books}
    exits: dict[tuple[str, str], list[float]] = {(opening, name): [] for opening in OPENINGS for name in books}
    keys: dict[str, dict[str, list[float]]] = {name: {} for name in books}
    cpu: dict[str, dict[str, list[float]]] = {name: {} for name in books}
    ui_cpu: dict[str, dict[str, list[float]]] = {name: {} for name in books}
    peaks: dict[str, list[float]] = {name: [] for name in books}
    with tempfile.TemporaryDirectory() as folder:
        kept = Path(folder) / "kept"  # the reader's state across runs: every opening after the first reopens
        for path in books.values():
            first_frame(path, kept)
        for run in range(runs):
            for name, path in books.items():
                for opening in OPENINGS:
                    state = Path(folder) / f"{opening[:3]}-{run}-{list(books).index(name)}"
                    if opening == "reopening":
                        state = kept
                    elif opening == "new version":
                        state = new_version_state(kept, state)
                    frame, ended = first_frame(path, state)
                    first[opening, name].append(frame)
                    exits[opening, name].append(ended)
        if runs:
            _print_first_frames(books, first, exits)
        if key_runs:  # reopening, as a reader does most days
            _key_runs(books, key_runs, kept, keys, cpu, ui_cpu, peaks)
    if not key_runs:
        return
    _print_keys(books, keys, cpu, ui_cpu, peaks)


def _print_first_frames(books: dict[str, Path], first: dict[tuple[str, str], list[float]],
                        exits: dict[tuple[str, str], list[float]]) -> None:
    print("\n### The app: first frame (spawn to the frame's last byte; and to the process's exit)\n")
    print("| book | opening | first frame s | × sample | exit s | × sample |")
    print("|---|---|---:|---:|---:|---:|")
    for opening in OPENINGS:
        baseline, exit_baseline = statistics.median(first[opening, "sample"]), statistics.median(exits[opening, "sample"])
        for name in books:
            frame, ended = statistics.median(first[opening, name]), statistics.median(exits[opening, name])
            print(f"| {name} | {opening} | {frame:.2f} | {frame / baseline:.2f} | {ended:.2f} | {ended / exit_baseline:.2f} |")


def _key_runs(books: dict[str, Path], key_runs: int, state: Path, keys: dict[str, dict[str, list[float]]],
              cpu: dict[str, dict[str, list[float]]], ui_cpu: dict[str, dict[str, list[float]]],
              peaks: dict[str, list[float]]) -> None:
    digits = {name: tab_digits(path) for name, path in books.items()}
    for _ in range(key_runs):
        for name, path in books.items():
            with PtyApp([sys.executable, str(CPU_PROBE), "briefing", "open", "--top", str(path)],
                        env=dict(os.environ, BRIEFING_STATE_DIR=str(state)), probe=True) as app:
                app.settle()
                for label, key in KEYS.items():
                    if key == b"the":  # the hits come from a worker once the index is built: wait for them
                        seconds = app.press_until(key, HITS_SHOWN)
                    else:
                        seconds = app.press(digits[name][key] if isinstance(key, str) else key)
                    keys[name].setdefault(label, []).append(seconds)
                    cpu[name].setdefault(label, []).append(app.last_cpu)
                    ui_cpu[name].setdefault(label, []).append(app.last_ui_cpu)
            peaks[name].append(app.peak_rss_kib / 1024)


def _print_keys(books: dict[str, Path], keys: dict[str, dict[str, list[float]]], cpu: dict[str, dict[str, list[float]]],
                ui_cpu: dict[str, dict[str, list[float]]], peaks: dict[str, list[float]]) -> None:
    print("\n### The app: key to settled screen (ms, median; × the sample's same key)\n")
    print("| key | " + " | ".join(books) + " |")
    print("|---|" + "---:|" * len(books))
    for label in KEYS:
        sample = statistics.median(keys["sample"][label]) or 1e-3
        cells = [f"{statistics.median(keys[name][label]) * 1000:.0f} ({statistics.median(keys[name][label]) / sample:.1f}×)"
                 for name in books]
        print(f"| {label} | " + " | ".join(cells) + " |")
    print("| peak MiB | " + " | ".join(f"{max(peaks[name]):.0f}" for name in books) + " |")
    print("\n### The app's work per key: its CPU ms from the key to the settled screen (median), all threads "
          "/ the UI thread only (its lowest–highest)\n")
    print("The UI thread runs the key's handlers, layout and drawing; the other threads are workers: a "
          "search, and the search index built after the first frame (it pauses while keys come and goes on "
          "in the pauses between them, inside the 0.5 s the benchmark waits for a settled screen).\n")
    print("| key | " + " | ".join(books) + " |")
    print("|---|" + "---:|" * len(books))
    for label in KEYS:
        print(f"| {label} | " + " | ".join(f"{statistics.median(cpu[name][label]) * 1000:.0f} / "
                                           f"{statistics.median(ui_cpu[name][label]) * 1000:.0f} "
                                           f"({min(ui_cpu[name][label]) * 1000:.0f}–{max(ui_cpu[name][label]) * 1000:.0f})"
                                           for name in books) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--key-runs", type=int, default=2)
    parser.add_argument("--skip-app", action="store_true", help="only `briefing print`")
    parser.add_argument("--skip-print", action="store_true", help="only the app")
    parser.add_argument("--tab-digits", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.tab_digits is not None:
        print(json.dumps({name: key.decode() for name, key in _tab_digits_here(options.tab_digits).items()}))
        return
    from briefing.loading import sample_path

    made = big_books()
    books = {"sample": sample_path(), "2,000 meetings": made["big book"], "10,000 sessions": made["long meeting"]}
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average before: {load}\n")
    if not options.skip_print:
        print_table(books, options.runs)
    if not options.skip_app:
        app_table(books, options.runs, options.key_runs)


if __name__ == "__main__":
    main()
