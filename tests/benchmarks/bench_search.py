"""Benchmark: search per keystroke at 100,000 events (goal ≤ 100 ms).

``python tests/benchmarks/bench_search.py``: the seeds' events replicated to ~100k, then a
user typing queries letter by letter (each keystroke is a full query: parse + mask), plus
fields, OR, negation and a date. Prints the p95 and worst per keystroke; last line JSON.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop.core.corpus import extract  # noqa: E402
from desktop.core.search import parse_query, query_mask  # noqa: E402

QUERIES = ["天津签约", "京津冀 产业 OR 园区", "-招商 项目", "地点:天津 2024年", '"产业园"', "類別:签约 ＡＩ"]


def main() -> None:
    frame = extract([ROOT / "seeds"]).events
    big = pd.concat([frame] * (100_000 // len(frame) + 1), ignore_index=True)
    t = time.perf_counter()
    query_mask(big, parse_query("的"))  # the folded texts are built once per loaded table
    build = time.perf_counter() - t
    times = []
    for query in QUERIES:
        for end in range(1, len(query) + 1):
            t = time.perf_counter()
            query_mask(big, parse_query(query[:end]))
            times.append((time.perf_counter() - t) * 1000)
    result = {"events": len(big), "index_build_s": round(build, 3), "keystrokes": len(times),
              "p95_ms": round(float(np.percentile(times, 95)), 1), "max_ms": round(max(times), 1)}
    print(f"{len(big)} events: index {build:.2f} s once; per keystroke p95 {result['p95_ms']} ms, "
          f"worst {result['max_ms']} ms over {len(times)} keystrokes")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
