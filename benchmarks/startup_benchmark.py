"""Start-up of the briefing app, side by side with a bare Textual app of the same frame.

Each run is a fresh process under a pseudo-terminal, timed from just before it is spawned to its exit;
both apps exit as soon as their first frame is on screen (`exit()` on `Ready`, which Textual posts once
the first frame has been displayed).
The bare app composes what the briefing app's frame is made of (Header, a TabbedContent with as many
tabs, Footer) and nothing else: the ratio is what the book, the loading and our widgets cost.

    python benchmarks/startup_benchmark.py --runs 15

Prints a Markdown table: median wall time and median peak resident memory (ru_maxrss of the child)
for each app, and the ratios.
"""

from __future__ import annotations

import argparse
import os
import pty
import select
import statistics
import sys
import time
from pathlib import Path

BARE_APP = """
import sys
from textual.app import App
from textual.widgets import Footer, Header, Static, TabbedContent, TabPane

class Bare(App):
    def compose(self):
        yield Header()
        with TabbedContent():
            for number in range(int(sys.argv[1])):
                yield TabPane(f"Tab {number}", Static("text"))
        yield Footer()

    def on_ready(self):
        self.exit()

Bare().run()
"""
"""The baseline: Textual's own start-up with the same frame and no content."""


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Seconds from spawn to exit, and the child's peak resident set in KiB."""
    start = time.perf_counter()
    pid, master = pty.fork()
    if pid == 0:  # the child: a terminal of 120×36, then the program
        os.execvpe(argv[0], argv, env)
    os.set_blocking(master, False)
    while True:
        # Drain the terminal so that the app never blocks writing its frame.
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            try:
                if not os.read(master, 65536):
                    break
            except OSError:
                break
        finished, status, usage = os.wait4(pid, os.WNOHANG)
        if finished:
            break
    else:  # pragma: no cover
        pass
    if not finished:
        _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    os.close(master)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{argv} exited with {os.waitstatus_to_exitcode(status)}")
    return elapsed, usage.ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("file", nargs="?", help="briefing file (the bundled sample if omitted)")
    options = parser.parse_args()

    from briefing.loading import load_briefing, sample_path

    path = Path(options.file) if options.file else sample_path()
    tabs = len(load_briefing(path).meetings) + 4
    env = dict(os.environ, BRIEFING_EXIT_AFTER_FIRST_FRAME="1", TERM="xterm-256color", COLUMNS="120",
               LINES="36")
    programs = {
        "bare Textual app": [sys.executable, "-c", BARE_APP, str(tabs)],
        "briefing": [sys.executable, "-m", "briefing", str(path)],
    }
    timings: dict[str, list[float]] = {name: [] for name in programs}
    memory: dict[str, list[int]] = {name: [] for name in programs}
    run_once(programs["bare Textual app"], env)  # warm the file cache for both
    run_once(programs["briefing"], env)
    for _ in range(options.runs):
        for name, argv in programs.items():  # interleaved, so load changes hit both alike
            seconds, peak = run_once(argv, env)
            timings[name].append(seconds)
            memory[name].append(peak)

    bare_time, bare_memory = statistics.median(timings["bare Textual app"]), statistics.median(memory["bare Textual app"])
    print(f"{options.runs} runs each, {tabs} tabs, Python {sys.version.split()[0]}\n")
    print("| app | median start-up to first frame and exit (ms) | × bare | median peak RSS (MiB) | × bare |")
    print("|---|---:|---:|---:|---:|")
    for name in programs:
        seconds, peak = statistics.median(timings[name]), statistics.median(memory[name])
        print(f"| {name} | {seconds * 1000:.0f} | {seconds / bare_time:.2f} | {peak / 1024:.1f} | "
              f"{peak / bare_memory:.2f} |")


if __name__ == "__main__":
    main()
