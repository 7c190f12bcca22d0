"""Library benchmark: generated libraries of 100, 1,000 and 10,000 books ON DISK, indexed and searched.

    python benchmarks/library_benchmark.py [--sizes 100,1000,10000] [--seed 7] [--app-runs 5] [--keep DIR]

For each size, a library folder of `book-NNNNN/briefing.json` files (benchmarks/library_generator.py,
written as JSON) and a fresh cache folder; then:

- first index build: CPU and wall time of `LibraryIndex.refresh()` from nothing (every book read,
  checked as `briefing validate` does, and indexed), with a progress callback, per 1,000 books;
- refresh with nothing changed, and re-index after one book changed (median of 5 edits);
- cross-book search: p50/p95 of the query mix of search_benchmark.py (top 50 hits, with spans,
  snippets and grouping by book), cold folded-text cache, fastest of 3 runs per query;
- the app: `briefing --library DIR` to the library screen's first frame (index already built), side by
  side with `briefing FILE` opening the bundled sample; median wall time and peak RSS (`--app-runs`).

Not a test: prints a Markdown table to paste into benchmarks/README.md. `--keep DIR` keeps the generated
libraries there (and reuses them on the next run).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.library_generator import generate_briefing
from benchmarks.search_benchmark import LIMIT, latencies, percentile, query_mix
from benchmarks.startup_benchmark import run_once
from briefing.library import LibraryIndex
from briefing.search.documents import IndexedItem

TARGETS = (
    "Targets: library screen first frame ≤ 1.5× opening one book; search p95 < 16 ms at 10,000 books; "
    "first build < 1 s CPU per 1,000 books; re-index after one change < 200 ms at 10,000; "
    "memory with the library open < 1.5× one book."
)


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
    data["meetings"][0]["title"] += f" (revised {time.perf_counter_ns()})"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def measure_index(folder: Path, size: int, seed: int) -> dict[str, object]:
    index = LibraryIndex.open(folder, rebuild=True)
    calls = [0]

    def progress(done: int, total: int) -> None:
        calls[0] += 1

    started, started_cpu = time.perf_counter(), time.process_time()
    index.refresh(progress=progress)
    build, build_cpu = time.perf_counter() - started, time.process_time() - started_cpu
    started = time.perf_counter()
    index.refresh()
    unchanged = time.perf_counter() - started
    reindex = []
    for attempt in range(5):
        edit_one(folder, (attempt * 7919) % size)
        started = time.perf_counter()
        report = index.refresh()
        reindex.append(time.perf_counter() - started)
        assert report.changed == 1, report.describe()
    queries, worst = query_mix(sample_items(index, seed), seed)

    def engine(query: object) -> object:
        return index.search_library(query.text, limit=LIMIT, as_you_type=query.as_you_type)  # type: ignore[attr-defined]

    times = latencies(engine, queries, index.forget_folded_texts)
    (worst_time,) = latencies(engine, [worst], index.forget_folded_texts)
    rows = index.row_count()
    index.close()
    database = index.index_file
    disk = sum(Path(f"{database}{suffix}").stat().st_size for suffix in ("", "-wal")
               if Path(f"{database}{suffix}").exists())
    return {
        "size": size, "rows": rows, "build_s": build, "build_cpu_s": build_cpu, "progress_calls": calls[0],
        "unchanged_ms": unchanged * 1000, "reindex_ms": statistics.median(reindex) * 1000,
        "p50": statistics.median(times), "p95": percentile(times, 0.95), "worst_ms": worst_time,
        "worst_word": worst.text, "disk_mb": disk / 1e6,
    }


def measure_app(folder: Path, runs: int) -> dict[str, float]:
    """Library screen vs one book, each to its first frame; medians of `runs` interleaved runs."""
    env = dict(os.environ, BRIEFING_EXIT_AFTER_FIRST_FRAME="1", TERM="xterm-256color", COLUMNS="120", LINES="36")
    programs = {
        "book": [sys.executable, "-m", "briefing", str(Path(__file__).resolve().parent.parent / "data" / "briefing.json")],
        "library": [sys.executable, "-m", "briefing", "--library", str(folder)],
    }
    timings: dict[str, list[float]] = {name: [] for name in programs}
    memory: dict[str, list[int]] = {name: [] for name in programs}
    for argv in programs.values():
        run_once(argv, env)  # warm the file cache
    for _ in range(runs):
        for name, argv in programs.items():
            seconds, peak = run_once(argv, env)
            timings[name].append(seconds)
            memory[name].append(peak)
    return {
        "book_ms": statistics.median(timings["book"]) * 1000, "library_ms": statistics.median(timings["library"]) * 1000,
        "book_mib": statistics.median(memory["book"]) / 1024, "library_mib": statistics.median(memory["library"]) / 1024,
    }


def table(rows: list[dict[str, object]]) -> str:
    lines = [
        "| books | rows | index MB on disk | first build s wall (CPU) | CPU s per 1,000 books | refresh, nothing changed ms "
        "| re-index one changed book ms | search p50 / p95 ms | most common word ms | first frame ms: library / one book "
        "| × | peak RSS MiB: library / one book | × |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        app = row.get("app") or {}
        frame = (f"{app['library_ms']:.0f} / {app['book_ms']:.0f} | {app['library_ms'] / app['book_ms']:.2f}×"
                 if app else "not run | –")
        rss = (f"{app['library_mib']:.1f} / {app['book_mib']:.1f} | {app['library_mib'] / app['book_mib']:.2f}×"
               if app else "not run | –")
        lines.append(
            f"| {row['size']:,} | {row['rows']:,} | {row['disk_mb']:.0f} | {row['build_s']:.2f} ({row['build_cpu_s']:.2f}) "
            f"| {row['build_cpu_s'] / row['size'] * 1000:.2f} | {row['unchanged_ms']:.0f} | {row['reindex_ms']:.0f} "
            f"| {row['p50']:.2f} / {row['p95']:.2f} | {row['worst_ms']:.1f} (`{row['worst_word']}`) | {frame} | {rss} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated library sizes")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--app-runs", type=int, default=5, help="runs of each app (0: skip the app)")
    parser.add_argument("--keep", type=Path, default=None, help="folder to keep (and reuse) the libraries in")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="briefing-library-bench-"))
    root = options.keep or work
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
    print(f"Python {sys.version.split()[0]}, seed {options.seed}, {options.app_runs} app runs each\n")
    print(table(rows))
    print("\n" + TARGETS)


if __name__ == "__main__":
    main()
