"""The library's first index build, this tree against an older revision, run by turns.

    python benchmarks/library_build_ab.py --base REV [--library DIR] [--size 1000] [--pairs 5]

On a machine shared with other work the CPU time of one build moves by a fifth from run to run (the
other work competes for the cores and their caches), so a figure taken at one time cannot be compared
with one taken an hour before. This builds the same generated library (`library_benchmark.py`'s
books, made if need be) alternately with the code of `REV` (extracted with `git archive`) and with
this working tree, each build in a fresh process and a fresh cache, `--pairs` times, and prints the
CPU seconds (user + system) per 1,000 books of each, their medians and least values (the least
disturbed run of each) and the load average.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.library_benchmark import make_library

ROOT = Path(__file__).resolve().parent.parent

ONE_BUILD = """
import os, resource, sys
from pathlib import Path
import briefing
assert briefing.__file__.startswith(sys.argv[2]), briefing.__file__
from briefing.library import LibraryIndex
index = LibraryIndex.open(Path(sys.argv[1]), rebuild=True)
before = resource.getrusage(resource.RUSAGE_SELF)
index.refresh(progress=lambda done, total: None, check=False)
after = resource.getrusage(resource.RUSAGE_SELF)
print(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
"""


def build_cpu(tree: Path, library: Path, cache: Path) -> float:
    """CPU seconds of one first build of `library` with the code of `tree`, in a process of its own."""
    env = dict(os.environ, PYTHONPATH=str(tree), BRIEFING_CACHE_DIR=str(cache))
    done = subprocess.run(
        [sys.executable, "-c", ONE_BUILD, str(library), str(tree)], env=env, cwd=cache, check=True,
        capture_output=True, text=True,
    )
    return float(done.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the git revision to compare with")
    parser.add_argument("--library", type=Path, default=None, help="folder of the generated library (kept)")
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--pairs", type=int, default=5)
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="briefing-build-ab-"))
    library = options.library or work / f"library-{options.size}"
    make_library(library, options.size, seed=7)
    base = work / "base"
    base.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", options.base], check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(base)], input=archive.stdout, check=True)
    found: dict[str, list[float]] = {"base": [], "this tree": []}
    trees = [("base", base), ("this tree", ROOT)]
    for pair in range(options.pairs):
        random.Random(pair).shuffle(trees)  # neither always goes first
        for name, tree in trees:
            cache = work / f"cache-{name.replace(' ', '-')}-{pair}"
            cache.mkdir()
            found[name].append(build_cpu(tree, library, cache) / options.size * 1000)
            shutil.rmtree(cache)  # 29 MB per 1,000 books
        print(f"pair {pair + 1}: base {found['base'][-1]:.2f}, this tree {found['this tree'][-1]:.2f} "
              f"s CPU per 1,000 books (load {os.getloadavg()[0]:.1f})", flush=True)
    shutil.rmtree(base)
    for label, pick in (("median", statistics.median), ("least", min)):
        print(f"{label}: base ({options.base}) {pick(found['base']):.2f}, this tree {pick(found['this tree']):.2f} "
              f"s CPU per 1,000 books; {options.size:,} books, {options.pairs} pairs")


if __name__ == "__main__":
    main()
