"""Opening a book with 1,000 private notes (and 100 bookmarks) against opening it with none.

Both runs are the real `briefing` app in a fresh process under a pseudo-terminal, timed from spawn to
exit right after the first frame (as in startup_benchmark.py), interleaved so that a busy machine
slows both alike. Each uses its own state folder (`BRIEFING_STATE_DIR`) in which the book has already
been opened once; one of them also holds the notes and bookmarks. Target: at most 1.1× as long.

    python benchmarks/notes_benchmark.py --runs 15 [--notes 1000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from startup_benchmark import run_once  # a sibling script, not a package


def prepare(folder: Path, book: Path, notes: int, env: dict[str, str]) -> None:
    """Open the book once in `folder` (its read state recorded), then add `notes` notes."""
    from briefing.diff import book_items
    from briefing.loading import load_briefing
    from briefing.state import StateStore

    run_once([sys.executable, "-m", "briefing", str(book)], env | {"BRIEFING_STATE_DIR": str(folder)})
    if not notes:
        return
    briefing = load_briefing(book)
    items = list(book_items(briefing).values())
    store = StateStore.open(folder / "state.sqlite3")
    for number in range(notes):
        item = items[number % len(items)]
        store.add_note(briefing.id, item.item_id, f"Note {number}: ask about this.\nSecond line.", item.kind, item.label)
    for item in items[:100]:
        store.toggle_bookmark(briefing.id, item.item_id, item.label)
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--notes", type=int, default=1000)
    parser.add_argument("file", nargs="?", help="briefing file (the bundled sample if omitted)")
    options = parser.parse_args()

    from briefing.loading import sample_path

    book = Path(options.file) if options.file else sample_path()
    env = dict(os.environ, BRIEFING_EXIT_AFTER_FIRST_FRAME="1", TERM="xterm-256color", COLUMNS="120", LINES="36")
    with tempfile.TemporaryDirectory() as scratch:
        folders = {"no notes": Path(scratch) / "empty", f"{options.notes:,} notes": Path(scratch) / "full"}
        for folder, count in zip(folders.values(), (0, options.notes), strict=True):
            prepare(folder, book, count, env)
        programs = {
            name: (
                [sys.executable, "-m", "briefing", str(book)], env | {"BRIEFING_STATE_DIR": str(folder)}
            )
            for name, folder in folders.items()
        }
        timings: dict[str, list[float]] = {name: [] for name in programs}
        for _ in range(options.runs):
            for name, (argv, run_env) in programs.items():
                timings[name].append(run_once(argv, run_env)[0])
    baseline = statistics.median(timings["no notes"])
    print(f"{options.runs} runs each, Python {sys.version.split()[0]}\n")
    print("| state | median start-up to first frame and exit (ms) | × no notes |")
    print("|---|---:|---:|")
    for name, values in timings.items():
        median = statistics.median(values)
        print(f"| {name} | {median * 1000:.0f} | {median / baseline:.2f} |")


if __name__ == "__main__":
    main()
