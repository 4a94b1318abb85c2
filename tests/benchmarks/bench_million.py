"""Benchmark: an event store of 1,000,000 events in the viewer (issue 10, part 6).

Run as ``python tests/benchmarks/bench_million.py [--events N] [--corpus DIR] [--jobs N]``
(not collected by pytest). The shared corpus is extracted (worker processes) and merged,
its events replicated with their dates shifted (copy *k* moved by *k* weeks, ids and
clusters made unique) until there are ``--events`` of them, and written as an event store with
:func:`~desktop.core.store.parquet.write_store`. Then, in a fresh process, the window opens
the store as a user does (``MainWindow([store])``):

* ``open_s``: from the window's creation until its whole timeline is shown
  (``corpus_loaded``), in a process that has read nothing before, and ``read_s``, the store
  read alone (:func:`read_store`) in a fresh process;
* ``max_stall_ms``: the longest gap between the ticks of a 10 ms timer meanwhile;
* ``paint_p95_ms`` at 30 years / 1 year / 1 month / 1 day with the default lanes, over 30
  positions each, painted into a 1920×1080 image;
* ``hit_test_ms`` per click, ``select_all_ms`` (every event shown) and ``csv_s``, the
  selection written as CSV, and ``json_s``, as JSON; ``peak_rss_mb``.

The last line is a JSON object.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"


def _peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def build_store(corpus_dir: Path, events: int, jobs: int, folder: Path) -> dict:
    import pandas as pd

    from desktop.core.events.corpus import Corpus, extract
    from desktop.core.project import clustered
    from desktop.core.store.parquet import write_store

    started = time.perf_counter()
    corpus = extract([corpus_dir], jobs=jobs)
    # merged as `extract --format parquet` merges: the store keeps the clusters
    frame, _ = clustered(corpus.events, [], {d.name: d.text for d in corpus.documents})
    frame = frame.drop(columns=["cluster_size"])
    copies = []
    for k in range(-(-events // len(frame))):
        copy = frame.copy()
        shift = pd.Timedelta(weeks=k)
        for column in ("start", "end", "published"):
            copy[column] = copy[column] + shift
        copy["id"] = (copy["id"].astype(str) + f"~{k}").astype("string")
        copy["cluster_id"] = (copy["cluster_id"].astype(str) + f"~{k}").astype("string")
        copies.append(copy)
    big = pd.concat(copies, ignore_index=True).iloc[:events]
    big = big.sort_values(["start", "end", "file", "date_start"], kind="stable").reset_index(drop=True)
    big.index = pd.Index(big["id"], name="event")
    written = write_store(Corpus(corpus.documents, corpus.articles, big, corpus.problems), folder)
    return {"events": written, "build_s": round(time.perf_counter() - started, 1)}


def _cold_read_s(store: str) -> float:
    """Seconds of :func:`read_store` alone, in a fresh process (cold, as the window's read)."""
    code = ("import sys, time; from desktop.core.store.parquet import read_store; t = time.perf_counter(); "
            "read_store(sys.argv[1]); print(time.perf_counter() - t)")
    done = subprocess.run([sys.executable, "-c", code, store], capture_output=True, text=True, cwd=ROOT, check=True)
    return round(float(done.stdout.strip().splitlines()[-1]), 2)


def step_open(store: str, data: str) -> dict:
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_corpus import HEIGHT, WIDTH, bench_application, open_timed, paint_p95

    app, ticks, timer = bench_application(data, "bench-million")
    from PySide6.QtCore import QPointF

    from desktop.core.export.formats import write_export

    # the window first, in a process that has read nothing yet, as a user's launch: a read
    # before it warmed the memory allocator and hid half of the first read's cost
    window, open_s = open_timed(app, ticks, timer, Path(store))
    print(f"opened in {open_s:.1f} s", file=sys.stderr, flush=True)

    view = window.timeline
    paint = paint_p95(view)
    view.zoom_fit()  # clicks on the whole timeline, as it first shows
    view.grab()
    rng = np.random.default_rng(3)
    points = [QPointF(float(rng.uniform(100, WIDTH)), float(rng.uniform(50, HEIGHT))) for _ in range(500)]
    t = time.perf_counter()
    hits = sum(view.hit_test(point) is not None for point in points)
    hit_ms = (time.perf_counter() - t) * 1000 / len(points)
    t = time.perf_counter()
    view.select_all_shown()
    app.processEvents()
    select_ms = (time.perf_counter() - t) * 1000
    selected = window.selected_rows()
    frame = window.model.frame
    ids = frame["id"].astype(str).to_numpy()[selected].tolist()
    target = Path(data) / "selection.csv"
    t = time.perf_counter()
    write_export("csv", frame, target, ids)
    csv_s = time.perf_counter() - t
    json_target = Path(data) / "selection.json"
    t = time.perf_counter()
    write_export("json", frame, json_target, ids)
    json_s = time.perf_counter() - t
    result = {"open_s": round(open_s, 2), "read_s": _cold_read_s(store),
              "max_stall_ms": round((ticks["max"] - 0.010) * 1000, 1), "items": len(frame),
              "paint_p95_ms": paint, "hit_test_ms": round(hit_ms, 3), "hits": hits,
              "select_all_ms": round(select_ms, 1), "selected": len(selected), "csv_s": round(csv_s, 2),
              "csv_mb": round(target.stat().st_size / 1e6, 1), "json_s": round(json_s, 2),
              "json_mb": round(json_target.stat().st_size / 1e6, 1), "peak_rss_mb": _peak_rss_mb()}
    window.close()
    return result


def main() -> int:
    from desktop.core.events.parallel import default_jobs

    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--step", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        print(json.dumps(step_open(*args.step)))
        return 0
    if not args.corpus.is_dir():
        print(json.dumps({"error": "no corpus"}))
        return 0
    temp = Path(tempfile.mkdtemp(prefix="bench-million-"))
    try:
        built = build_store(args.corpus, args.events, args.jobs, temp / "store")
        print(f"store of {built['events']} events written in {built['build_s']} s")
        done = subprocess.run([sys.executable, __file__, "--step", str(temp / "store"), str(temp / "data")],
                              stdout=subprocess.PIPE, text=True, cwd=ROOT)
        if done.returncode != 0:
            raise SystemExit(f"the open step failed (exit {done.returncode}); its messages are above")
        opened = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"opened in {opened['open_s']} s (the store read alone {opened['read_s']} s), longest stall "
              f"{opened['max_stall_ms']} ms, {opened['items']} items; paint p95 {opened['paint_p95_ms']} ms; "
              f"hit test {opened['hit_test_ms']} ms; select all {opened['select_all_ms']} ms "
              f"({opened['selected']}); CSV {opened['csv_s']} s, JSON {opened['json_s']} s")
        print(json.dumps({**built, **opened}))
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
