"""Every benchmark of the project, in one command, with the machine's details.

    python benchmarks/run_all.py            # writes benchmarks/results/latest.md and prints it

Runs, one after the other (each its own baseline side by side, so ratios survive a busy machine):
start-up and key-to-settled-screen against a bare Textual app, search against a plain scan on the
1,000-briefing library, `briefing print` per format against `briefing validate`, loading a large
generated briefing against plain Pydantic, the two big books of issue 9 (print, first frame,
keys) against the sample, and the library (index build, re-index, cross-book search, and the library
screen's first frame and memory against opening one book) at 100 and 1,000 books. Takes about
fifteen minutes on two cores (the big books are generated once, under benchmarks/.cache/).
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

SUITE = [
    ("Start-up (to first frame and exit) and key to settled screen, against a bare Textual app",
     ["startup_benchmark.py", "--runs", "15", "--key-runs", "5"]),
    ("Search (1,000 briefings)", ["search_benchmark.py", "--sizes", "1000"]),
    ("Print, per format", ["print_benchmark.py", "--runs", "9"]),
    ("Loading a large briefing", ["load_benchmark.py"]),
    ("Big books (2,000 meetings; 10,000 sessions) against the sample",
     ["big_book_benchmark.py", "--runs", "1", "--key-runs", "1"]),
    ("Library (100 and 1,000 books on disk)", ["library_benchmark.py", "--sizes", "100,1000", "--app-runs", "5"]),
    ("Opening a book with 1,000 private notes against none", ["notes_benchmark.py", "--runs", "11"]),
]
"""Title and command line of each benchmark, in the order they run."""


def machine_details() -> str:
    import pydantic
    import textual

    load = ", ".join(f"{value:.1f}" for value in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    return "\n".join(
        [
            f"- date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
            f"- machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.platform()}",
            f"- Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
            f"Textual {textual.__version__}, Pydantic {pydantic.VERSION}",
            f"- load average before the run: {load}",
        ]
    )


def main() -> int:
    sections = ["# Benchmark suite", "", machine_details(), ""]
    for title, command in SUITE:
        print(f"running {title} …", file=sys.stderr, flush=True)
        start = time.perf_counter()
        result = subprocess.run([sys.executable, str(HERE / command[0]), *command[1:]],
                                capture_output=True, text=True, cwd=HERE.parent)
        took = time.perf_counter() - start
        sections += [f"## {title}", "", f"`python benchmarks/{' '.join(command)}` ({took:.0f} s)", ""]
        sections.append(result.stdout.strip() if result.returncode == 0 else f"FAILED:\n```\n{result.stderr}\n```")
        sections.append("")
    report = "\n".join(sections)
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    (results / "latest.md").write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
