"""Importer benchmark: `briefing import` of a 20,000-character release, side by side with validating its draft.

    python benchmarks/import_benchmark.py [--runs 9] [--characters 20000]

The release is the bundled one followed by the importer's own test releases (tests/importer/releases),
repeated until it holds at least `--characters` characters, saved as .txt. Measured in one process:
`draft_from_file` (read, analyse, build, validate the draft in memory) warm, and once cold (the first
call, which loads Babel's CLDR data and compiles the gazetteer); the baseline is `load_briefing` of
the draft it writes (JSON parse, validation and the verbatim source check: what `briefing validate`
does). Also the whole command, `python -m briefing import` in a fresh interpreter. The issue's target is
under 1 s for such a release. Not a test: it prints a Markdown table to paste into benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def release_text(characters: int) -> str:
    parts = [(ROOT / "data" / "sources" / "2022-04-11-fac-luxembourg-and-nato-ministerial.txt").read_text("utf-8")]
    parts += [path.read_text("utf-8") for path in sorted((ROOT / "tests" / "importer" / "releases").glob("*.txt"))]
    text = ""
    while len(text) < characters:
        text += "\n\n".join(parts) + "\n\n"
    return text


def timed(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--characters", type=int, default=20_000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        release = Path(folder) / "release.txt"
        release.write_text(release_text(options.characters), encoding="utf-8")
        from briefing.importer import draft_from_file, write_draft
        from briefing.loading import load_briefing

        cold = timed(lambda: draft_from_file(release), 1)[0]
        draft = draft_from_file(release)
        book = write_draft(draft, Path(folder) / "book")
        warm = timed(lambda: draft_from_file(release), options.runs)
        baseline = timed(lambda: load_briefing(book), options.runs)
        command_runs = max(3, options.runs // 3)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        command = timed(lambda: subprocess.run(
            [sys.executable, "-m", "briefing", "import", str(release), "-o", str(Path(folder) / "cli"), "--force"],
            check=True, capture_output=True), command_runs)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        command_cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) / command_runs
        size = len(release.read_text(encoding="utf-8"))
    base = statistics.median(baseline)
    rows = [
        ("load_briefing of the draft (baseline: what `validate` does)", base),
        ("draft_from_file, warm", statistics.median(warm)),
        ("draft_from_file, cold (first call: CLDR data, gazetteer)", cold),
        ("`python -m briefing import` (fresh interpreter, writes the files), wall clock", statistics.median(command)),
        ("the same command, CPU time (user + system; the wall clock includes waiting for a busy machine)",
         command_cpu),
    ]
    print(f"release: {size:,} characters, {len(draft.analysis.release.paragraphs)} paragraphs, "
          f"{len(draft.analysis.quotes)} quotes; {options.runs} runs; Python {platform.python_version()}, "
          f"{platform.machine()}, load average {os.getloadavg()[0]:.1f}")
    print()
    print("| what | median (ms) | × baseline |")
    print("|---|---:|---:|")
    for label, seconds in rows:
        print(f"| {label} | {seconds * 1000:.0f} | {seconds / base:.1f} |")


if __name__ == "__main__":
    main()
