"""`briefing print` in every format, side by side with `briefing validate` of the same book.

Each run is a fresh process (`python -m briefing …`), as a user runs it, writing to a file in a
temporary folder. The baseline, `briefing validate`, starts Python, imports the CLI and loads and
checks the book, which every `print` does too: the ratio is what rendering the summary adds.

    python benchmarks/print_benchmark.py --runs 9

Prints a Markdown table of medians and ratios.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FORMATS = ("text", "ansi", "markdown", "html", "svg")


def time_command(arguments: list[str], cwd: Path) -> float:
    """Wall seconds of one run of `python -m briefing ARGUMENTS`."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "briefing", *arguments], cwd=cwd, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("file", nargs="?", help="briefing file (the bundled sample if omitted)")
    options = parser.parse_args()
    book = [options.file] if options.file else []
    ways = {"baseline: validate": ["validate", *book]}
    for fmt in FORMATS:
        ways[f"print --format {fmt}"] = ["print", *book, "--format", fmt, "--output", f"out.{fmt}", "--force"]
    times: dict[str, list[float]] = {name: [] for name in ways}
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(options.runs):  # the ways take turns, so machine load hits them alike
            for name, arguments in ways.items():
                times[name].append(time_command(arguments, Path(folder)))
    baseline = statistics.median(times["baseline: validate"])
    print(f"{options.runs} runs each, fresh process per run, Python {sys.version.split()[0]}\n")
    print("| command | median ms | × validate |")
    print("|---|---:|---:|")
    for name, samples in times.items():
        median = statistics.median(samples)
        print(f"| {name} | {median * 1000:.0f} | {median / baseline:.2f} |")


if __name__ == "__main__":
    main()
