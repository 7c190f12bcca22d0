"""Library benchmark: generated libraries of 100, 1,000 and 10,000 books ON DISK, indexed and searched.

    python benchmarks/library_benchmark.py [--sizes 100,1000,10000] [--seed 7] [--app-runs 5] [--keep DIR]

For each size, a library folder of `book-NNNNN/briefing.json` files (benchmarks/library_generator.py,
written as JSON) and a fresh cache folder; then:

- first index build: CPU and wall time of `LibraryIndex.refresh(check=False)` from nothing (every book
  read from its JSON and indexed: searchable), with a progress callback, per 1,000 books; then
  `check_books()`: every book validated as `briefing validate` does (the app does it in the background);
- refresh with nothing changed, and re-index after one book changed, validation included (median of 5);
- cross-book search: p50/p95 (wall) and p95 (CPU of the thread) of the query mix of search_benchmark.py
  (top 50 hits, with spans, snippets and grouping by book), cold folded-text cache, fastest of 3 runs
  per query; two letters typed as you go (a whole word until the third letter) and the same written
  as an explicit prefix (`mo*`); the most common word;
- the app: `briefing --library DIR` to the library screen's first frame (index already built), side by
  side with `briefing FILE` opening the bundled sample: median wall time and the child's CPU time; and
  the peak RSS of each app opened, settled, sent to its end and quit (`--app-runs` of each).

Not a test: prints a Markdown table to paste into benchmarks/README.md. `--keep DIR` keeps the generated
libraries there (and reuses them on the next run).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.library_generator import generate_briefing
from benchmarks.pty_app import PtyApp
from benchmarks.search_benchmark import LIMIT, REPEATS, Query, percentile, query_mix
from benchmarks.startup_benchmark import run_once
from briefing.library import LibraryIndex, RefreshReport
from briefing.search.documents import IndexedItem

TARGETS = (
    "Targets: library screen first frame ≤ 1.5× opening one book; search p95 < 16 ms at 10,000 books; "
    "first build < 1 s CPU per 1,000 books; re-index after one change < 200 ms at 10,000; "
    "memory with the library open < 1.5× one book."
)


REVISED = re.compile(r"( \(revised \d+\))+$")
"""The marks `edit_one` leaves at the end of a meeting title."""


def make_library(folder: Path, size: int, seed: int) -> float:
    """Write `size` generated books (unless already there); seconds spent generating."""
    if len(list(folder.glob("book-*/briefing.json"))) == size:
        return 0.0
    started = time.perf_counter()
    rng = random.Random(seed)
    for number in range(size):
        book = folder / f"book-{number:05d}"
        book.mkdir(parents=True, exist_ok=True)
        (book / "briefing.json").write_text(
            generate_briefing(number, rng).model_dump_json(exclude_none=True), encoding="utf-8"
        )
    return time.perf_counter() - started


def sample_items(index: LibraryIndex, seed: int) -> list[IndexedItem]:
    """Rows of the index to draw the query mix from (only their text matters)."""
    with index._lock:
        texts = [text for (text,) in index._connection.execute("SELECT text FROM rows")]
    rng = random.Random(seed)
    chosen = rng.sample(texts, min(len(texts), 20_000))
    return [IndexedItem("", None, None, "passage", "", text, "", "body") for text in chosen]


def edit_one(folder: Path, number: int) -> None:
    """Change one book's text (a meeting title) and write it back, as an editor would."""
    path = folder / f"book-{number:05d}" / "briefing.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    # The previous run's mark is replaced, not added to: with `--keep`, titles grew by one mark a run
    # until past the model's 500 characters, and those books became invalid (fewer rows searched).
    title = REVISED.sub("", data["meetings"][0]["title"])
    data["meetings"][0]["title"] = f"{title} (revised {time.perf_counter_ns()})"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def timed(action: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def measure_index(folder: Path, size: int, seed: int) -> dict[str, object]:
    index = LibraryIndex.open(folder, rebuild=True)
    calls = [0]

    def progress(done: int, total: int) -> None:
        calls[0] += 1

    build, build_cpu = timed(lambda: index.refresh(progress=progress, check=False))
    check, check_cpu = timed(index.check_books)
    unchanged, unchanged_cpu = timed(index.refresh)
    reindex, reindex_cpu = [], []
    for attempt in range(5):
        edit_one(folder, (attempt * 7919) % size)
        reports: list[RefreshReport] = []
        wall, cpu = timed(lambda reports=reports: reports.append(index.refresh()))
        assert reports[0].changed == 1 and reports[0].checked == 1, reports[0].describe()
        reindex.append(wall)
        reindex_cpu.append(cpu)
    queries, worst = query_mix(sample_items(index, seed), seed)
    times, cpu_times = latencies_with_cpu(index, queries)
    (worst_time,), _ = latencies_with_cpu(index, [worst])
    two_letters = [Query(word[:2], as_you_type=True) for word in ("mo", "sa", "co", "ec", "ru", "tr", "ge", "pa")]
    prefix_times, _ = latencies_with_cpu(index, two_letters)
    explicit_times, _ = latencies_with_cpu(index, [Query(query.text + "*") for query in two_letters])
    rows = index.row_count()
    index.close()
    database = index.index_file
    disk = sum(Path(f"{database}{suffix}").stat().st_size for suffix in ("", "-wal")
               if Path(f"{database}{suffix}").exists())
    return {
        "size": size, "rows": rows, "build_s": build, "build_cpu_s": build_cpu, "progress_calls": calls[0],
        "check_s": check, "check_cpu_s": check_cpu,
        "unchanged_ms": unchanged * 1000, "unchanged_cpu_ms": unchanged_cpu * 1000,
        "reindex_ms": statistics.median(reindex) * 1000, "reindex_cpu_ms": statistics.median(reindex_cpu) * 1000,
        "p50": statistics.median(times), "p95": percentile(times, 0.95), "p95_cpu": percentile(cpu_times, 0.95),
        "worst_ms": worst_time, "worst_word": worst.text, "two_letters_p95": percentile(prefix_times, 0.95),
        "explicit_prefix_p95": percentile(explicit_times, 0.95),
        "disk_mb": disk / 1e6,
    }


def latencies_with_cpu(index: LibraryIndex, queries: list[Query]) -> tuple[list[float], list[float]]:
    """Per query, the fastest of REPEATS cold runs: wall ms and this thread's CPU ms."""
    walls, cpus = [], []
    for query in queries:
        best_wall = best_cpu = float("inf")
        for _ in range(REPEATS):
            index.forget_folded_texts()
            wall, cpu = time.perf_counter(), time.thread_time()
            index.search_library(query.text, limit=LIMIT, as_you_type=query.as_you_type)
            best_wall = min(best_wall, time.perf_counter() - wall)
            best_cpu = min(best_cpu, time.thread_time() - cpu)
        walls.append(best_wall * 1000)
        cpus.append(best_cpu * 1000)
    return walls, cpus


def measure_app(folder: Path, runs: int) -> dict[str, float]:
    """Library screen vs one book: to the first frame (wall, and the child's CPU), and the peak memory
    of the app left open until settled (the library scrolled to its last book); medians of `runs`."""
    env = dict(os.environ, BRIEFING_EXIT_AFTER_FIRST_FRAME="1", TERM="xterm-256color", COLUMNS="120", LINES="36")
    sample = str(Path(__file__).resolve().parent.parent / "data" / "briefing.json")
    programs = {
        "book": [sys.executable, "-m", "briefing", sample],
        "library": [sys.executable, "-m", "briefing", "--library", str(folder)],
    }
    found: dict[str, list[float]] = {}
    for argv in programs.values():
        run_once(argv, env)  # warm the file cache
    for _ in range(runs):
        for name, argv in programs.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            seconds, _ = run_once(argv, env)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            found.setdefault(f"{name}_ms", []).append(seconds * 1000)
            cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
            found.setdefault(f"{name}_cpu_ms", []).append(cpu * 1000)
            found.setdefault(f"{name}_mib", []).append(open_and_settle(argv) / 1024)
    return {key: statistics.median(values) for key, values in found.items()}


def open_and_settle(argv: list[str]) -> int:
    """Peak RSS (KiB) of the app opened, settled, sent to its last line (end), settled, and quit."""
    env = {key: value for key, value in os.environ.items() if key != "BRIEFING_EXIT_AFTER_FIRST_FRAME"}
    with PtyApp(argv, columns=120, lines=36, env=env) as app:
        app.settle()
        app.press(b"\x1b[F")  # End
    return app.peak_rss_kib


def table(rows: list[dict[str, object]]) -> str:
    lines = [
        "| books | rows | index MB | first build s wall (CPU) | build CPU s / 1,000 | validating after, CPU s / 1,000 "
        "| refresh, nothing changed ms wall (CPU) | re-index one changed book ms wall (CPU) "
        "| search p50 / p95 ms wall | p95 CPU ms | two letters typed / `mo*` p95 ms | most common word ms "
        "| first frame ms wall: library / one book | × | first frame CPU ms: library / one book | × "
        "| peak RSS MiB, open and settled: library / one book | × |",
        "|" + "---:|" * 18,
    ]
    for row in rows:
        app = row.get("app") or {}
        if app:
            frame = f"{app['library_ms']:.0f} / {app['book_ms']:.0f} | {app['library_ms'] / app['book_ms']:.2f}×"
            cpu = (f"{app['library_cpu_ms']:.0f} / {app['book_cpu_ms']:.0f} | "
                   f"{app['library_cpu_ms'] / app['book_cpu_ms']:.2f}×")
            rss = f"{app['library_mib']:.1f} / {app['book_mib']:.1f} | {app['library_mib'] / app['book_mib']:.2f}×"
        else:
            frame = cpu = rss = "not run | –"
        lines.append(
            f"| {row['size']:,} | {row['rows']:,} | {row['disk_mb']:.0f} | {row['build_s']:.2f} ({row['build_cpu_s']:.2f}) "
            f"| {row['build_cpu_s'] / row['size'] * 1000:.2f} | {row['check_cpu_s'] / row['size'] * 1000:.2f} "
            f"| {row['unchanged_ms']:.0f} ({row['unchanged_cpu_ms']:.0f}) | {row['reindex_ms']:.0f} ({row['reindex_cpu_ms']:.0f}) "
            f"| {row['p50']:.2f} / {row['p95']:.2f} | {row['p95_cpu']:.2f} | {row['two_letters_p95']:.1f} / {row['explicit_prefix_p95']:.0f} "
            f"| {row['worst_ms']:.1f} (`{row['worst_word']}`) | {frame} | {cpu} | {rss} |"
        )
    return "\n".join(lines)


def search_only(root: Path, sizes: str, seed: int) -> None:
    """The search and re-index figures again on kept indexes (`ROOT/cache`): wall time is at the mercy
    of the machine's load, so this repeats them cheaply when it is quieter."""
    os.environ["BRIEFING_CACHE_DIR"] = str(root / "cache")
    for size in (int(part) for part in sizes.split(",")):
        folder = root / f"library-{size}"
        make_library(folder, size, seed)
        index = LibraryIndex.open(folder)
        index.refresh()
        queries, _ = query_mix(sample_items(index, seed), seed)
        walls, cpus = latencies_with_cpu(index, queries)
        reindex = []
        for attempt in range(5):
            edit_one(folder, (attempt * 7919 + 3) % size)
            reindex.append(timed(index.refresh))
        load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
        print(f"| {size:,} | {statistics.median(walls):.2f} / {percentile(walls, 0.95):.2f} "
              f"| {percentile(cpus, 0.95):.2f} | {statistics.median(w for w, _ in reindex) * 1000:.0f} "
              f"({statistics.median(c for _, c in reindex) * 1000:.0f}) | {load} |", flush=True)
        index.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated library sizes")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--app-runs", type=int, default=5, help="runs of each app (0: skip the app)")
    parser.add_argument("--keep", type=Path, default=None, help="folder to keep (and reuse) the libraries in")
    parser.add_argument("--search-only", action="store_true",
                        help="only search and re-index figures, on the indexes kept in --keep (built there if need be)")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="briefing-library-bench-"))
    root = options.keep or work
    if options.search_only:
        search_only(root, options.sizes, options.seed)
        return
    os.environ["BRIEFING_CACHE_DIR"] = str(work / "cache")
    os.environ["BRIEFING_STATE_DIR"] = str(work / "state")
    rows = []
    for size in (int(part) for part in options.sizes.split(",")):
        folder = root / f"library-{size}"
        generated = make_library(folder, size, options.seed)
        row = measure_index(folder, size, options.seed)
        if options.app_runs > 0:
            row["app"] = measure_app(folder, options.app_runs)
        rows.append(row)
        print(f"{size:>6} books: generated in {generated:.0f} s; {row}", file=sys.stderr, flush=True)
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"Python {sys.version.split()[0]}, seed {options.seed}, {options.app_runs} app runs each; "
          f"load average at the end {load}\n")
    print(table(rows))
    print("\n" + TARGETS)


if __name__ == "__main__":
    main()
