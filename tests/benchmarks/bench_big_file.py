"""Benchmark: one 50 MB article file built from the seeds, extracted with a 60 MB limit.

    python tests/benchmarks/bench_big_file.py [--mb 50]

Prints seconds, peak RSS (``resource.getrusage``), how often progress was reported and
the number of events; the last line is JSON. Aim: peak RSS < 1.5 GB.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop.core.events.corpus import SEEDS_DIR, extract  # noqa: E402


def build(path: Path, megabytes: float) -> int:
    """Seeds repeated (whole files, blank line between) until the file has the size."""
    seeds = b"\n\n".join(p.read_bytes() for p in sorted(SEEDS_DIR.glob("*.txt"))) + b"\n\n"
    target = int(megabytes * 1_000_000)
    with path.open("wb") as out:
        written = 0
        while written + len(seeds) <= target:
            out.write(seeds)
            written += len(seeds)
    return written


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)  # bytes on macOS, kB elsewhere


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=50.0, help="size of the file (default 50)")
    parser.add_argument("--max-mb", type=float, default=60.0, help="per-file limit (default 60)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.txt"
        size = build(path, args.mb)
        calls: list[int] = []

        def progress(done: int, total: int, label: str) -> bool:
            calls.append(done)
            return True

        started = time.perf_counter()
        corpus = extract([path], progress=progress, max_bytes=int(args.max_mb * 1_000_000))
        seconds = time.perf_counter() - started
    result = {
        "megabytes": round(size / 1e6, 1),
        "seconds": round(seconds, 1),
        "peak_rss_mb": round(peak_rss_mb()),
        "events": len(corpus.events),
        "articles": len(corpus.articles),
        "progress_calls": len(calls),
        "problems": [str(p) for p in corpus.problems],
    }
    print(f"{result['megabytes']} MB in {result['seconds']} s, peak RSS {result['peak_rss_mb']} MB, "
          f"{result['events']} events from {result['articles']} articles, {len(calls)} progress calls")
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
