"""Search benchmark: the FTS5 engine side by side with a plain Python scan, on seeded synthetic libraries.

    python benchmarks/search_benchmark.py [--sizes 100,1000,10000] [--seed 7]

For each size: build time and memory of the index, then p50/p95 latency of a fixed query mix for the
top 50 hits *with* spans and snippets, for the engine and for a plain scan (casefold + substring test
over the same texts, every row tested for the total, the first 50 matches get spans by `str.find` and
the same snippets). Not a test: it prints a
table (Markdown) to paste into benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.library_generator import generate_library, library_text_size
from briefing.search import SearchIndex, compile_query, make_snippet
from briefing.search.documents import IndexedItem, indexed_items
from briefing.search.folding import TOKEN, fold

LIMIT = 50
"""Hits each query asks for, as the app's search view does."""


@dataclass(frozen=True)
class Query:
    text: str
    as_you_type: bool = False


def query_mix(items: list[IndexedItem], seed: int) -> tuple[list[Query], Query]:
    """50 words of 5+ letters, 20 two-word phrases, 20 three-letter prefixes as typed, 10 OR queries;
    and the most common word, the worst case."""
    rng = random.Random(seed)
    sample = rng.sample(items, min(len(items), 5_000))
    counts: Counter[str] = Counter(token for item in sample for token in TOKEN.findall(fold(item.text)))
    long_words = sorted(word for word in counts if len(word) >= 5 and word.isalpha())
    queries = [Query(word) for word in rng.sample(long_words, 50)]
    with_two_words = [item for item in sample if len(TOKEN.findall(item.text)) >= 2]
    for _ in range(20):
        words = TOKEN.findall(rng.choice(with_two_words).text)
        first = rng.randrange(len(words) - 1)
        queries.append(Query(f'"{words[first]} {words[first + 1]}"'))
    three_letters = sorted({word[:3] for word in counts if len(word) >= 3 and word.isalpha()})
    queries += [Query(prefix, as_you_type=True) for prefix in rng.sample(three_letters, 20)]
    queries += [Query(f"{rng.choice(long_words)} OR {rng.choice(long_words)}") for _ in range(10)]
    return queries, Query(counts.most_common(1)[0][0])


class PlainScan:
    """The baseline: every row's searchable text casefolded once; each query tests substrings in turn."""

    def __init__(self, items: list[IndexedItem]) -> None:
        self.items = items
        self.folded = [" \n ".join(item.searchable_texts).casefold() for item in items]

    def search(self, query: Query) -> list[tuple[IndexedItem, list[tuple[int, int]]]]:
        compiled = compile_query(query.text, as_you_type=query.as_you_type)
        groups = [[" ".join(term.tokens) for term in group] for group in compiled.groups]
        # Every row is tested, as the engine counts every match for the total.
        hits = [row for row, text in enumerate(self.folded) if all(any(n in text for n in group) for group in groups)]
        results = []
        needles = [needle for group in groups for needle in group]
        for row in hits[:LIMIT]:
            item = self.items[row]
            text = item.text.casefold()
            spans = []
            for needle in needles:
                start = text.find(needle)
                while start >= 0:
                    spans.append((start, start + len(needle)))
                    start = text.find(needle, start + 1)
            spans.sort()
            results.append((item, spans))
            make_snippet(item.text, spans)
        return results


def rss_bytes() -> int:
    """Resident memory of this process (Linux), including what SQLite allocates outside Python."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * 4096
    except OSError:
        return 0


REPEATS = 3
"""Each query runs this many times and keeps its fastest time: other processes on the machine add
noise, never speed. Caches are emptied before every run (`forget`), so no run is warmer than the first."""


def latencies(
    run: Callable[[Query], object], queries: list[Query], forget: Callable[[], None], repeats: int = REPEATS
) -> list[float]:
    times = []
    for query in queries:
        fastest = float("inf")
        for _ in range(repeats):
            forget()
            start = time.perf_counter()
            run(query)
            fastest = min(fastest, time.perf_counter() - start)
        times.append(fastest * 1000)
    return times


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(size: int, seed: int) -> dict[str, float]:
    started = time.perf_counter()
    library = generate_library(size, seed)
    generated = time.perf_counter() - started
    items = list(indexed_items(library))
    gc.collect()
    before = rss_bytes()
    started, started_cpu = time.perf_counter(), time.process_time()
    index = SearchIndex.build(library)
    build, build_cpu = time.perf_counter() - started, time.process_time() - started_cpu
    index_memory = rss_bytes() - before
    before = rss_bytes()
    started = time.perf_counter()
    scan = PlainScan(items)
    scan_build = time.perf_counter() - started
    scan_memory = rss_bytes() - before
    queries, worst = query_mix(items, seed)

    def engine(query: Query) -> object:
        return index.search(query.text, limit=LIMIT, as_you_type=query.as_you_type)

    engine_times = latencies(engine, queries, index.forget_folded_texts)
    # The scan takes long enough that noise hardly matters: one run per query.
    scan_times = latencies(scan.search, queries, lambda: None, repeats=1)
    (engine_worst,) = latencies(engine, [worst], index.forget_folded_texts)
    (scan_worst,) = latencies(scan.search, [worst], lambda: None, repeats=1)
    return {
        "size": size, "rows": len(items), "text_mb": library_text_size(library) / 1e6, "generate_s": generated,
        "build_s": build, "build_cpu_s": build_cpu, "index_mb": index_memory / 1e6, "scan_build_s": scan_build, "scan_mb": scan_memory / 1e6,
        "engine_p50": statistics.median(engine_times), "engine_p95": percentile(engine_times, 0.95),
        "scan_p50": statistics.median(scan_times), "scan_p95": percentile(scan_times, 0.95),
        "engine_worst": engine_worst, "scan_worst": scan_worst, "worst_word": worst.text,
        "worst_total": index.search(worst.text).total,
    }


def table(rows: list[dict[str, float]]) -> str:
    lines = [
        "| briefings | rows | text MB | build s: engine wall (CPU) / scan | memory MB (engine / scan) "
        "| p50 ms engine / scan | p95 ms engine / scan | p95 ratio scan÷engine "
        "| most common word: ms engine / scan |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['size']:,} | {row['rows']:,} | {row['text_mb']:.1f} "
            f"| {row['build_s']:.2f} ({row['build_cpu_s']:.2f}) / {row['scan_build_s']:.2f} | {row['index_mb']:.0f} / {row['scan_mb']:.0f} "
            f"| {row['engine_p50']:.2f} / {row['scan_p50']:.2f} | {row['engine_p95']:.2f} / {row['scan_p95']:.2f} "
            f"| {row['scan_p95'] / row['engine_p95']:.1f}× "
            f"| {row['engine_worst']:.1f} / {row['scan_worst']:.1f} (`{row['worst_word']}`, "
            f"{int(row['worst_total']):,} rows) |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated library sizes")
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()
    rows = []
    for size in (int(part) for part in options.sizes.split(",")):
        row = measure(size, options.seed)
        rows.append(row)
        print(
            f"{size:>6} briefings: generated in {row['generate_s']:.1f} s, built in {row['build_s']:.2f} s "
            f"({row['build_s'] / size * 1000:.2f} s per 1,000; CPU {row['build_cpu_s'] / size * 1000:.2f} s), "
            f"p95 {row['engine_p95']:.2f} ms",
            file=sys.stderr,
        )
    print(table(rows))
    print("\nTargets: p95 < 10 ms at 1,000 and < 16 ms at 10,000 briefings; build < 1 s per 1,000 briefings.")


if __name__ == "__main__":
    main()
