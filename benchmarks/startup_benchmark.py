"""Start-up of the briefing app, side by side with a bare Textual app of the same frame.

Each run is a fresh process under a pseudo-terminal, timed from just before it is spawned to its exit;
both apps exit as soon as their first frame is on screen (`exit()` on `Ready`, which Textual posts once
the first frame has been displayed).
The bare app composes what the briefing app's frame is made of (Header, a TabbedContent with as many
tabs, Footer) and nothing else: the ratio is what the book, the loading and our widgets cost.

    python benchmarks/startup_benchmark.py --runs 15

Prints a Markdown table: median wall time and median peak resident memory (ru_maxrss of the child)
for each app, and the ratios; with a third row, the floor (`FLOOR_APP`: the bare app after loading the
book into the Pydantic model and opening the state store, which the briefing app needs before its first
frame). Then (`--key-runs`, default 5) the time from a key to the settled screen
(`benchmarks/pty_app.py`): tab switches in both apps, and the reader's keys (j, k, ], ?, escape) of
the briefing app against the bare app's tab switch, with the peak memory after those keys. Then
(`--tmux-runs`, default 5, when tmux is installed) the first frame once more with tmux as the terminal.

The briefing app runs on a private, empty state folder (`BRIEFING_STATE_DIR`), never the user's: a
saved place would make it open elsewhere than the Overview. Each key session gets a fresh one, so every
session starts as the first opening of the book. Animations: the briefing app's default (off), the
bare app's default (Textual's: on).

Both apps run from their bytecode cache, as installed packages do: the briefing package is byte-compiled
first (`byte_compile`), so that a source tree whose cache is missing (PYTHONDONTWRITEBYTECODE) is not
timed compiling itself.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import pty
import select
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

BARE_APP = """
import sys
from textual.app import App
from textual.widgets import Footer, Header, Static, TabbedContent, TabPane

class Bare(App):
    BINDINGS = [*((str(n), f"show({n})", f"Tab {n}") for n in range(1, 10)), ("q", "quit", "Quit")]

    def compose(self):
        yield Header()
        with TabbedContent():
            for number in range(1, int(sys.argv[1]) + 1):
                yield TabPane(f"Tab {number}", Static("text"), id=f"tab-{number}")
        yield Footer()

    def action_show(self, number):
        self.query_one(TabbedContent).active = f"tab-{number}"

    def on_ready(self):
        if sys.argv[2:] == ["exit"]:
            self.exit()

Bare().run()
"""
"""The baseline: Textual's own start-up with the same frame and no content."""

FLOOR_APP = """
import gc, sys
gc.disable()  # as the command line keeps it while the app starts (`briefing.cli.main`)
from briefing.loading import load_briefing
from briefing.state import StateStore
book, store = load_briefing(sys.argv.pop()), StateStore.open()
""" + BARE_APP
"""The floor: the bare app, after doing what the briefing app cannot start without (the book loaded and
validated into the Pydantic model, the state store opened for the saved place and settings) and none of
our screens or widgets. What the briefing app costs above this row is its own interface."""


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Seconds from spawn to exit, and the child's peak resident set in KiB (which may be this process's
    own size, when this process is the bigger: see `run_measured`)."""
    seconds, peak, _cpu = run_measured(argv, env, own_peak_only=False)
    return seconds, peak


def resident_kib() -> int:
    """This process's resident set now, in KiB."""
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


def run_measured(argv: list[str], env: dict[str, str], *, own_peak_only: bool = True) -> tuple[float, int, float]:
    """Seconds from spawn to exit, the child's peak resident set in KiB and its CPU seconds (user + system:
    what the app itself spent, whatever else the machine was doing).

    The child's peak (`ru_maxrss`) counts the pages it shared with this process between the fork and the
    exec (Linux keeps the larger of the two across `exec`): a peak no larger than this process's own size
    may be this process's, not the app's, so it is refused (unless `own_peak_only` is False: for callers that
    use the time only). Keep this process small (`tab_count`).
    """
    parent = resident_kib()
    start = time.perf_counter()
    pid, master = pty.fork()
    if pid == 0:  # the child: a terminal of 120×36, then the program
        os.execvpe(argv[0], argv, env)
    os.set_blocking(master, False)
    finished = 0  # a child that exits before the first look (the terminal closes first) is waited for below
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
    if own_peak_only and usage.ru_maxrss <= parent:
        raise SystemExit(f"the peak memory of {argv} cannot be told from this process's own ({parent // 1024} MiB):"
                         " measure from a smaller process")
    return elapsed, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


TAB_COUNT = """
import sys
from pathlib import Path
from briefing.loading import load_briefing, sample_path
from briefing.model import BriefingLookup
from briefing.tui.tabs import book_tabs

path = Path(sys.argv[1]) if sys.argv[1:] else sample_path()
print(len(book_tabs(BriefingLookup(load_briefing(path)))), path)
"""


def tab_count(file: str | None) -> tuple[int, Path]:
    """The book's tabs (the bare app gets as many) and its path (the sample's if `file` is None), asked of a
    child process: importing the app here would make this process bigger than the bare app (`run_measured`)."""
    answer = subprocess.run([sys.executable, "-c", TAB_COUNT, *([file] if file else [])], capture_output=True,
                            text=True, check=True).stdout.strip()
    count, path = answer.split(" ", 1)
    return int(count), Path(path)


def tmux_first_frame(argv: list[str], env: dict[str, str], server: str) -> float:
    """Seconds from asking tmux (its server already running) for a 120×36 window running `argv` to the
    window closing: the app exits on its first frame, so this is the first frame with tmux as terminal."""
    name = f"run{time.perf_counter_ns()}"
    command = shlex.join(argv)
    start = time.perf_counter()
    subprocess.run(["tmux", "-L", server, "new-session", "-d", "-s", name, "-x", "120", "-y", "36", command],
                   env=env, check=True)
    while subprocess.run(["tmux", "-L", server, "has-session", "-t", name], capture_output=True).returncode == 0:
        time.sleep(0.005)
    return time.perf_counter() - start


TAB_KEYS = (b"2", b"3", b"4", b"5", b"1")
"""Tab switches: the keys both apps have (the bare app binds the same numbers to its tabs)."""

READER_KEYS = {"j (next item)": b"j", "] (next session)": b"]", "k (previous item)": b"k",
               "? (help)": b"?", "escape (close help)": b"\x1b"}
"""Keys only the briefing app has, pressed on a meeting tab; shown against the bare app's tab switch."""


def key_settle(programs: dict[str, list[str]], runs: int) -> dict[str, dict[str, list[float]]]:
    """Per app and key kind, seconds from a key written to the pseudo-terminal to the screen settled."""
    from benchmarks.pty_app import PtyApp

    found: dict[str, dict[str, list[float]]] = {name: {} for name in programs}
    for _ in range(runs):
        for name, argv in programs.items():
            # A fresh state folder: every session is the first opening, at the Overview.
            state = tempfile.TemporaryDirectory(prefix="briefing-bench-")
            env = dict(os.environ, BRIEFING_STATE_DIR=state.name)
            with state, PtyApp(argv, env=env) as app:
                app.settle()
                samples = found[name]
                for key in TAB_KEYS:
                    samples.setdefault("tab switch (1–5)", []).append(app.press(key))
                if name == "briefing":
                    app.press(b"2")  # the first meeting's tab
                    for label, key in READER_KEYS.items():
                        samples.setdefault(label, []).append(app.press(key))
            if app.exit_code != 0:  # a crash would otherwise be timed as a screen
                raise SystemExit(f"{name} exited with {app.exit_code} after the key session")
            samples.setdefault("peak RSS after the keys (MiB)", []).append(app.peak_rss_kib / 1024)
    return found


def print_key_table(found: dict[str, dict[str, list[float]]], runs: int) -> None:
    bare = statistics.median(found["bare Textual app"]["tab switch (1–5)"])
    print(f"\nKey to settled screen: {runs} sessions per app under a 120×36 pseudo-terminal; a key's time runs "
          "from writing it to the last byte of the screen's answer (settled = 0.5 s without output).\n")
    print("| app | key | median ms | p90 ms | × bare tab switch |")
    print("|---|---|---:|---:|---:|")
    for name, samples in found.items():
        for label, values in samples.items():
            if label.startswith("peak"):
                continue
            ordered = sorted(values)
            median = statistics.median(ordered)
            p90 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))]
            print(f"| {name} | {label} | {median * 1000:.0f} | {p90 * 1000:.0f} | {median / bare:.2f} |")
    peaks = {name: statistics.median(samples["peak RSS after the keys (MiB)"]) for name, samples in found.items()}
    print(f"\nPeak RSS after the key session: briefing {peaks['briefing']:.1f} MiB, bare "
          f"{peaks['bare Textual app']:.1f} MiB ({peaks['briefing'] / peaks['bare Textual app']:.2f}×)."
          " Targets (issue 12): keys settle in half the bare app's time; first frame ≤ 1.3×; peak memory ≤ 1.4×.")


def first_frames(programs: dict[str, list[str]], env: dict[str, str], runs: int) -> None:
    """Spawn-to-exit on the first frame, interleaved; wall time, peak memory and CPU time against the bare app."""
    found: dict[str, list[tuple[float, int, float]]] = {name: [] for name in programs}
    for argv in programs.values():
        run_measured(argv, env)  # warm the file cache (and the briefing app's state folder)
    for _ in range(runs):
        for name, argv in programs.items():  # interleaved, so load changes hit both alike
            found[name].append(run_measured(argv, env))
    medians = {name: [statistics.median(run[part] for run in values) for part in range(3)]
               for name, values in found.items()}
    bare = medians["bare Textual app"]
    print(f"{runs} runs each, Python {sys.version.split()[0]}\n")
    print("| app | median start-up to first frame and exit (ms) | × bare | median peak RSS (MiB) | × bare "
          "| median CPU (ms) | × bare |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, (seconds, peak, cpu) in medians.items():
        print(f"| {name} | {seconds * 1000:.0f} | {seconds / bare[0]:.2f} | {peak / 1024:.1f} | "
              f"{peak / bare[1]:.2f} | {cpu * 1000:.0f} | {cpu / bare[2]:.2f} |")


def tmux_first_frames(programs: dict[str, list[str]], env: dict[str, str], runs: int) -> None:
    """The first frame with tmux as the terminal (as the issue measured it), interleaved."""
    if shutil.which("tmux") is None:
        print("\n(tmux is not installed: no tmux figures)")
        return
    server = f"briefing-bench-{os.getpid()}"
    # The server's environment (the app's variables) is what every window gets.
    subprocess.run(["tmux", "-L", server, "new-session", "-d", "-s", "keep", "sleep 600"], env=env, check=True)
    try:
        found: dict[str, list[float]] = {name: [] for name in programs}
        for argv in programs.values():
            tmux_first_frame(argv, env, server)
        for _ in range(runs):
            for name, argv in programs.items():
                found[name].append(tmux_first_frame(argv, env, server))
    finally:
        subprocess.run(["tmux", "-L", server, "kill-server"], check=False)
        with contextlib.suppress(OSError):  # the server's socket, left behind by kill-server
            (Path(f"/tmp/tmux-{os.getuid()}") / server).unlink()
    bare = statistics.median(found["bare Textual app"])
    print(f"\nFirst frame in tmux 3 (120×36 window, {runs} runs each, from `new-session` to the window closing):\n")
    print("| app | median ms | × bare |")
    print("|---|---:|---:|")
    for name, values in found.items():
        print(f"| {name} | {statistics.median(values) * 1000:.0f} | {statistics.median(values) / bare:.2f} |")


def byte_compile(package_folder: Path) -> None:
    """Write the bytecode cache of the briefing package, as `pip install` does for every package it installs.

    Textual, Pydantic and the rest of the bare app's code come byte-compiled from their install; the
    briefing package run from a source tree (a worktree, a `git archive` copy, an editable install) has
    no cache when PYTHONDONTWRITEBYTECODE is set, and each run would compile its ~110 modules again
    (50-60 ms of CPU that no installed copy pays). compileall writes the cache whatever the variable says.
    In a child process: compiling grows a process by some 30 MiB, and this one must stay small (`run_measured`).
    """
    compiled = subprocess.run([sys.executable, "-m", "compileall", "-q", str(package_folder)], capture_output=True)
    if compiled.returncode != 0:
        raise SystemExit(f"could not byte-compile {package_folder}: {compiled.stdout.decode(errors='replace')}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--key-runs", type=int, default=5, help="app sessions per app for the key timings (0: none)")
    parser.add_argument("--tmux-runs", type=int, default=5, help="first frames in tmux per app (0: none)")
    parser.add_argument("--no-floor", dest="floor", action="store_false",
                        help="leave out the floor row (the bare app + the model, the book and the state store)")
    parser.add_argument("file", nargs="?", help="briefing file (the bundled sample if omitted)")
    options = parser.parse_args()

    import briefing  # the package only (its __init__ holds the version): this process stays small

    byte_compile(Path(briefing.__file__).parent)  # the app runs as installed: from its bytecode cache
    tabs, path = tab_count(options.file)  # the bare app gets as many tabs
    print(f"Load average before: {', '.join(f'{load:.1f}' for load in os.getloadavg())}; {tabs} tabs\n")
    folder = tempfile.TemporaryDirectory(prefix="briefing-bench-")  # never the user's notes and saved places
    state = folder.name
    env = dict(os.environ, BRIEFING_EXIT_AFTER_FIRST_FRAME="1", TERM="xterm-256color", COLUMNS="120",
               LINES="36", BRIEFING_STATE_DIR=state)
    programs = {
        "bare Textual app": [sys.executable, "-c", BARE_APP, str(tabs), "exit"],
        "briefing": [sys.executable, "-m", "briefing", str(path)],
    }
    floor = [sys.executable, "-c", FLOOR_APP, str(tabs), "exit", str(path)]
    first_frames({**programs, "floor: bare app + model, book, state": floor} if options.floor else programs,
                 env, options.runs)
    if options.key_runs:
        session_env = {key: value for key, value in env.items() if key != "BRIEFING_EXIT_AFTER_FIRST_FRAME"}
        keyed = {"bare Textual app": [sys.executable, "-c", BARE_APP, str(tabs)],
                 # For reference only (the target is against Textual's default, above): what the bare
                 # app's tab switch costs without the tab underline's 0.3 s animation.
                 "bare, animations off": ["env", "TEXTUAL_ANIMATIONS=none", sys.executable, "-c", BARE_APP, str(tabs)],
                 "briefing": [sys.executable, "-m", "briefing", str(path)]}
        os.environ.update(session_env)
        print_key_table(key_settle(keyed, options.key_runs), options.key_runs)
    if options.tmux_runs:
        tmux_first_frames(programs, env, options.tmux_runs)
    folder.cleanup()
    print(f"\nLoad average after: {', '.join(f'{load:.1f}' for load in os.getloadavg())}")


if __name__ == "__main__":
    main()
