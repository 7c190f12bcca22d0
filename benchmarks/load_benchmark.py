"""Loading benchmark: `load_briefing` of one large generated briefing, side by side with plain Pydantic.

    python benchmarks/load_benchmark.py [--sessions 2000] [--runs 7] [--seed 7]

The briefing is built from the seeded books of `benchmarks/library_generator.py`, merged into one
book (about 2,000 sessions, about 9 MB of indented JSON), with a source text beside it in which
every passage, quote and figure occurs in the paragraph it cites, so the source check does its full
work and passes. Each way of loading reads the same file from disk; the table gives the median of
`--runs` runs, its ratio to the baseline (`Briefing.model_validate_json`: Pydantic's own parser,
validation and the model's cross-reference check, nothing of ours), and the peak of Python
allocations of one extra run under tracemalloc. Not a test: it prints a Markdown table to paste
into benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.library_generator import generate_library
from briefing.loading import check_against_sources, load_briefing, parse_briefing
from briefing.loading.strict_json import parse_strict
from briefing.model import Briefing, find_reference_problems

SESSIONS_PER_BOOK = 6
"""Each generated book has two meetings of three sessions."""

SOURCE_ID = "record"
SOURCE_PATH = "sources/record.txt"


def merged_briefing(sessions: int, seed: int) -> tuple[dict[str, Any], str]:
    """One briefing holding the meetings of enough generated books for `sessions` sessions, and its source.

    People and organisations come from the first book: every book names them with the same ids, so all
    references still resolve. Every verbatim item gets a paragraph of its own in the one source text.
    """
    books = [book.model_dump(mode="json") for book in generate_library(-(-sessions // SESSIONS_PER_BOOK), seed)]
    paragraphs: list[str] = ["Record of the meetings (synthetic)."]

    def cite(text: str) -> dict[str, Any]:
        paragraphs.append(text)
        return {"document": SOURCE_ID, "paragraph": len(paragraphs)}

    meetings = []
    for book in books:
        for meeting in book["meetings"]:
            for passage in meeting["passages"]:
                passage["source"] = cite(passage["text"])
            for session in meeting["sessions"]:
                for passage in session["passages"]:
                    passage["source"] = cite(passage["text"])
                for quote in session["quotes"]:
                    quote["source"] = cite(f"“{quote['text']}”, the minister said.")
                for figure in session["figures"]:
                    figure["source"] = cite(f"{figure['counts']} It amounts to {figure['as_written']}.")
                for point in (*session["key_points"], *session["positions"]):
                    point["sources"] = [{"document": SOURCE_ID, "paragraph": 1}]
            meetings.append(meeting)
    first = books[0]
    briefing = {
        **first,
        "id": "large-generated-book",
        "title": f"Large generated briefing: {len(meetings)} meetings",
        "start": min(meeting["start"] for meeting in meetings),
        "end": max(meeting["end"] for meeting in meetings),
        "sources": [{**first["sources"][0], "id": SOURCE_ID, "path": SOURCE_PATH}],
        "meetings": meetings,
    }
    return briefing, "\n\n".join(paragraphs) + "\n"


@dataclass(frozen=True)
class Way:
    """One way of turning the file into something, with a note on what it includes."""

    name: str
    includes: str
    run: Callable[[Path], object]
    is_baseline: bool = False


def ways() -> list[Way]:
    def model_validate_json(path: Path) -> object:
        return Briefing.model_validate_json(path.read_bytes())

    def json_then_validate(path: Path) -> object:
        return Briefing.model_validate(json.loads(path.read_bytes()))

    def strict_json(path: Path) -> object:
        return parse_strict(path.read_bytes().decode("utf-8-sig"))

    return [
        Way("json.loads", "read + parse only (no model)", lambda path: json.loads(path.read_bytes())),
        Way("strict JSON parse", "read + decode + parse rejecting duplicate keys and NaN", strict_json),
        Way("**baseline** `Briefing.model_validate_json`", "read + Pydantic's parser + validation + cross-references",
            model_validate_json, is_baseline=True),
        Way("`json.loads` + `Briefing.model_validate`", "as the baseline, through Python objects", json_then_validate),
        Way("`load_briefing(check_sources=False)`", "size limit + strict parse + validation + cross-references",
            lambda path: load_briefing(path, check_sources=False)),
        Way("`load_briefing` (the app's and CLI's path)", "all of the above + every quote, passage and figure "
            "checked against the source text", load_briefing),
        Way("baseline, collector paused", "the baseline inside `gc.disable()` … `gc.enable()`",
            without_gc(model_validate_json)),
        Way("`load_briefing`, collector paused", "`load_briefing` inside `gc.disable()` … `gc.enable()`",
            without_gc(load_briefing)),
    ]


def without_gc(run: Callable[[Path], object]) -> Callable[[Path], object]:
    """`run` with Python's cyclic garbage collector paused for the call, as a loader could do it.

    Validation allocates some hundred thousand objects, none of them garbage; each allocation burst
    triggers collections that walk every object alive so far, so their cost grows with the book.
    """

    def paused(path: Path) -> object:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return run(path)
        finally:
            if enabled:
                gc.enable()

    return paused


def median_seconds(runs: dict[str, Callable[[], object]], repeats: int) -> dict[str, float]:
    """Median time of each run; the runs take turns, so a busy moment of the machine hits them all alike."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeats):
        for name, run in runs.items():
            gc.collect()
            started = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - started)
    return {name: statistics.median(values) for name, values in times.items()}


def collector_seconds(run: Callable[[], object]) -> tuple[float, int]:
    """Time spent in garbage collections during `run`, and how many there were."""
    spent, count, started = 0.0, 0, 0.0

    def on_collection(phase: str, info: dict[str, int]) -> None:
        nonlocal spent, count, started
        if phase == "start":
            started = time.perf_counter()
        else:
            spent += time.perf_counter() - started
            count += 1

    gc.collect()
    gc.callbacks.append(on_collection)
    try:
        run()
    finally:
        gc.callbacks.remove(on_collection)
    return spent, count


def full_collection_seconds() -> float:
    """The fastest of five full collections: what the running app pays for each one, as long as it lives."""
    times = []
    for _ in range(5):
        started = time.perf_counter()
        gc.collect()
        times.append(time.perf_counter() - started)
    return min(times)


def peak_megabytes(run: Callable[[], object]) -> float:
    gc.collect()
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            cpu = next(line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return (f"Python {platform.python_version()} on {platform.system()} {platform.release()}, {cpu}, "
            f"{os.cpu_count()} CPUs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=2000, help="sessions in the generated briefing")
    parser.add_argument("--runs", type=int, default=9, help="timed runs of each way (the median is shown)")
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()

    data, source = merged_briefing(options.sessions, options.seed)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large.json"
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        del data  # only the loaded briefing may stay alive, as in the app (see the collection timing below)
        (Path(folder) / SOURCE_PATH).parent.mkdir()
        (Path(folder) / SOURCE_PATH).write_text(source, encoding="utf-8")
        # The generated file must pass every check, or the timings would be of an early failure.
        briefing = load_briefing(path)
        sessions = sum(len(meeting.sessions) for meeting in briefing.meetings)
        size = path.stat().st_size
        print(
            f"{sessions:,} sessions in {len(briefing.meetings):,} meetings; {size / 1e6:.1f} MB of JSON, "
            f"source text {len(source.encode()) / 1e6:.1f} MB in {source.count(chr(10) * 2) + 1:,} paragraphs",
            file=sys.stderr,
        )
        text = path.read_text(encoding="utf-8")
        all_ways = ways()
        parts = {
            "`parse_briefing` (strict parse + validation + cross-references, no file I/O)":
                lambda: parse_briefing(path, text),
            "`find_reference_problems` alone (the model's cross-reference check)":
                lambda: list(find_reference_problems(briefing)),
            "`check_against_sources` alone (read the source, split it, compare every item)":
                lambda: check_against_sources(briefing, path.parent),
        }
        runs = {way.name: (lambda way=way: way.run(path)) for way in all_ways} | parts
        medians = median_seconds(runs, options.runs)
        peaks = {way.name: peak_megabytes(runs[way.name]) for way in all_ways}
        in_collector, collections = collector_seconds(lambda: load_briefing(path))
        total = medians[next(way.name for way in all_ways if way.run is load_briefing)]
        # `briefing` stays alive, as it does in the app: every later full collection walks its objects.
        full_collection = full_collection_seconds()
        gc.freeze()
        try:
            frozen_collection = full_collection_seconds()
        finally:
            gc.unfreeze()

    baseline = next(medians[way.name] for way in all_ways if way.is_baseline)
    print(f"Loading one generated briefing: {sessions:,} sessions, {size / 1e6:.1f} MB of JSON "
          f"(`--sessions {options.sessions} --seed {options.seed}`); medians of {options.runs} runs, taking turns.\n")
    print("| way | what it does | median ms | × baseline | peak MB (tracemalloc) |")
    print("|---|---|---:|---:|---:|")
    for way in all_ways:
        seconds = medians[way.name]
        print(f"| {way.name} | {way.includes} | {seconds * 1000:.0f} | {seconds / baseline:.2f}× | "
              f"{peaks[way.name]:.0f} |")
    print("\n| part | median ms | × baseline |")
    print("|---|---:|---:|")
    for name in parts:
        print(f"| {name} | {medians[name] * 1000:.0f} | {medians[name] / baseline:.2f}× |")
    print(f"| garbage collections during one `load_briefing` ({collections}) | {in_collector * 1000:.0f} "
          f"| {in_collector / baseline:.2f}× |")
    print(f"\nIn the garbage collector: {in_collector / total:.0%} of `load_briefing`'s median time. "
          f"With the book loaded, one full collection takes {full_collection * 1000:.1f} ms "
          f"({len(gc.get_objects()):,} objects tracked); after `gc.freeze()`, {frozen_collection * 1000:.1f} ms.")
    print(f"Machine: {machine()}.")


if __name__ == "__main__":
    main()
