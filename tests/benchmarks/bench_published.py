"""Benchmark: publication dates of the real corpus, ours beside htmldate's on the saved pages.

Run as ``python tests/benchmarks/bench_published.py`` (not collected by pytest; needs
``../shared/corpus``). Prints accuracy per set (see ``tests/published_scoring.py`` for what
each set is measured against) and the misses; the last line is a JSON object
``{"sets": {name: {"right", "total", "accuracy", "htmldate"?}}, "seconds"}``. The goal is
≥ 0.95 on ``html_labelled`` and ``html_meta``, 1.0 on ``cec``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import published_scoring as scoring  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-htmldate", action="store_true", help="skip the peer (if it is not installed)")
    parser.add_argument("--misses", type=int, default=8, help="misses to list per set")
    args = parser.parse_args()
    if not scoring.available():
        print(json.dumps({"error": f"no corpus at {scoring.CORPUS}"}))
        return
    sets = scoring.expected_dates()
    paths = sorted({path for expected in sets.values() for path in expected})
    started = time.perf_counter()
    ours = scoring.engine_dates(paths)
    seconds = time.perf_counter() - started
    html_paths = sorted(set(sets["html_labelled"]) | set(sets["html_meta"]))
    peer = {} if args.no_htmldate else scoring.htmldate_dates(html_paths)
    report: dict[str, dict[str, float | int]] = {}
    for name, expected in sets.items():
        right, total, wrong = scoring.accuracy(expected, lambda p: ours[p][0])
        row: dict[str, float | int] = {"right": right, "total": total, "accuracy": round(right / total, 4) if total else 0.0}
        line = f"{name:26s} ours {right:4d}/{total:<4d} = {row['accuracy']:.3f}"
        if name.startswith("html_") and peer:
            p_right, _, _ = scoring.accuracy(expected, lambda p: peer.get(p))
            row["htmldate"] = round(p_right / total, 4)
            line += f"   htmldate {p_right:4d}/{total:<4d} = {row['htmldate']:.3f}"
        bases = Counter(ours[p][1] for p in expected)
        print(line + "   bases " + ", ".join(f"{b} {n}" for b, n in bases.most_common()))
        for path in wrong[: args.misses]:
            extra = f" htmldate {peer.get(path)}" if path in peer else ""
            print(f"    miss {path}: expected {expected[path]}, ours {ours[path][0]} ({ours[path][1]}){extra}")
        report[name] = row
    print(f"{len(paths)} files in {seconds:.1f} s")
    print(json.dumps({"sets": report, "seconds": round(seconds, 2)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
