"""Benchmark: the whole real corpus (``../shared/corpus/``) at scale — processes, cache, the app.

Run as ``python tests/benchmarks/bench_corpus.py [--corpus DIR] [--jobs N] [--rounds R] [--quick] [--skip-growth]``
(not collected by pytest: ``tests/benchmarks`` is in ``norecursedirs``). Every figure is
measured in a fresh process (``--step``), so imports, jieba's dictionary and peak memory are
counted as a user meets them:

* ``cli_extract_s``: ``python -m desktop extract CORPUS --format jsonl`` with 1 and N
  processes, run in turn ``--rounds`` times (default 5; medians, each run in
  ``cli_extract_rounds_s``), the ``speedup`` (the median of the rounds' ratios, each in
  ``speedup_rounds``), the machine's ``parallel_capacity_rounds`` before each round (two
  copies of a fixed loop at once against one: 2.0 on two idle cores, less when a virtual
  machine's host is busy), and whether the outputs are byte for byte the same;
* ``app_first_open_s``: the window opening the corpus with an empty data folder, until its
  whole timeline is shown (``corpus_loaded``); ``app_reopen_s``: the same again, the
  extraction cache now filled; ``max_stall_ms``: the longest gap between the ticks of a
  10 ms QTimer on the GUI thread while it loads; ``sort_ms``: the event list sorted by title;
  ``search_ms``: the filters applied with a search for 天津; ``paint_p95_ms``: the timeline
  painted into 1920×1080 at 30 years / 1 year / 1 month / 1 day with the default lanes;
* ``peak_rss_mb`` of each step (the process and, for the extraction, its workers);
* a growth run: 1,000, 10,000 and 100,000 articles (``--quick``: 1,000 and 10,000), made by
  replicating the corpus's plain-text files with a line that makes each copy unique (copies
  alike would be skipped as duplicates), extracted with N processes: seconds and peak memory
  per size, and per 1,000 articles — linear time shows as a constant per-1,000 figure.

The per-folder report of what the engine makes of the corpus is ``bench_corpus_report.py``.
The last line is a JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"
TITLE_COLUMN = 1  # the event list's columns: date, title, …
WIDTH, HEIGHT = 1920, 1080
ZOOMS = {"30y": 30 * 365.25, "1y": 365.25, "1m": 30.44, "1d": 1.0}


def _peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, children) / 1024, 1)


def step_cli(corpus: str, jobs: int, output: str) -> dict:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "desktop", "extract", corpus, "--format", "jsonl", "-o", output,
                           "--jobs", str(jobs)], cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return {"seconds": round(seconds, 2), "peak_rss_mb": _peak_rss_mb()}


def bench_application(data: str, name: str = "bench"):  # noqa: ANN201 - (QApplication, ticks, QTimer)
    """The Qt application of a benchmark step, its settings and data in ``data``, and a 10 ms
    timer (not started) whose ticks record the longest gap in ``ticks["max"]`` (seconds)."""
    os.environ["XDG_DATA_HOME"] = data
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName("desktop-timeline-bench")
    QCoreApplication.setApplicationName(name)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, data)
    app = QApplication([name])
    ticks = {"last": time.perf_counter(), "max": 0.0}

    def tick() -> None:
        now = time.perf_counter()
        ticks["max"] = max(ticks["max"], now - ticks["last"])
        ticks["last"] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    return app, ticks, timer


def paint_p95(view, positions: int = 30) -> dict[str, float]:  # noqa: ANN001 - TimelineView
    """The 95th percentile of painting the timeline into a WIDTH×HEIGHT image (ms), at views
    of 30 years, 1 year, 1 month and 1 day placed at random over its events, its lanes as
    they are (the default ones)."""
    import numpy as np
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    view.resize(WIDTH, HEIGHT)
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    first, last = float(np.nanmin(view.index.start)), float(np.nanmax(view.index.end))
    rng = np.random.default_rng(7)
    result = {}
    for name, span in ZOOMS.items():
        times = []
        for _ in range(positions):
            centre = float(rng.uniform(first + span / 2, last - span / 2)) if span < last - first else (first + last) / 2
            view.set_range(centre - span / 2, centre + span / 2)
            view.v_offset = float(rng.uniform(0, view.max_v_offset()))
            painter = QPainter(image)
            started = time.perf_counter()
            view.paint(painter, QRectF(0, 0, WIDTH, HEIGHT))
            times.append((time.perf_counter() - started) * 1000)
            painter.end()
        result[name] = round(float(np.percentile(times, 95)), 2)
    return result


def open_timed(app, ticks: dict, timer, path: Path):  # noqa: ANN001, ANN201 - (MainWindow, seconds)
    """The window opening ``path`` as a user's launch does, and the seconds from its creation
    until its whole timeline is shown (``corpus_loaded``); ``timer`` ticks meanwhile."""
    from desktop.gui.main_window import MainWindow

    ticks["last"] = time.perf_counter()
    timer.start()
    started = time.perf_counter()
    window = MainWindow([path], restore=False)
    window.resize(1600, 1000)
    window.show()
    loaded = {}
    window.corpus_loaded.connect(lambda _c: loaded.setdefault("at", time.perf_counter()))
    while "at" not in loaded:
        app.processEvents()
        time.sleep(0.001)
    seconds = loaded["at"] - started
    app.processEvents()
    timer.stop()
    return window, seconds


def step_app(corpus: str, data: str) -> dict:
    app, ticks, timer = bench_application(data)
    from PySide6.QtCore import Qt

    window, seconds = open_timed(app, ticks, timer, Path(corpus))
    events = len(window.model.frame)
    t = time.perf_counter()
    window.proxy.sort(TITLE_COLUMN, Qt.SortOrder.AscendingOrder)
    sort_ms = (time.perf_counter() - t) * 1000
    window.search.setText("天津")
    t = time.perf_counter()
    window.apply_filters()
    search_ms = (time.perf_counter() - t) * 1000
    shown = window.proxy.rowCount()
    window.search.setText("")
    window.apply_filters()
    paint = paint_p95(window.timeline)
    window.close()
    return {"seconds": round(seconds, 2), "max_stall_ms": round((ticks["max"] - 0.010) * 1000, 1),
            "events": events, "sort_ms": round(sort_ms, 1), "search_ms": round(search_ms, 1),
            "search_hits": shown, "paint_p95_ms": paint, "peak_rss_mb": _peak_rss_mb()}


def replicate(corpus: Path, articles: int, into: Path) -> Path:
    """``articles`` plain-text files made from the corpus's, each copy made unique."""
    sources = sorted(p for p in corpus.rglob("*.txt") if "index" not in p.parts and p.stat().st_size < 20_000)
    into.mkdir(parents=True, exist_ok=True)
    for i in range(articles):
        source = sources[i % len(sources)]
        data = source.read_bytes()
        encoding = "gb18030" if "gbk" in source.parent.name else "utf-8"
        (into / f"{i:06d}_{source.name}").write_bytes(data + f"\n（副本 {i}）\n".encode(encoding))
    return into


_SPIN = "import time\nt = time.perf_counter()\nn = 0\nfor i in range(12_000_000): n += i % 7\nprint(time.perf_counter() - t)"


def parallel_capacity() -> float:
    """How many cores' worth of work this machine gives two processes at once right now (2.0
    on two idle cores): a fixed loop alone, then two at once. A virtual machine whose host
    is busy gives less, and then no extraction can be twice as fast as one process."""
    def spin() -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-c", _SPIN], stdout=subprocess.PIPE, text=True)

    alone = float(spin().communicate()[0])
    pair = [spin(), spin()]
    together = max(float(p.communicate()[0]) for p in pair)
    return round(2 * alone / together, 2)


def run_step(*args: str) -> dict:
    done = subprocess.run([sys.executable, __file__, "--step", *args], capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"step {args} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    from desktop.core.events.parallel import default_jobs

    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--quick", action="store_true", help="growth run to 10,000 articles only")
    parser.add_argument("--skip-growth", action="store_true")
    parser.add_argument("--rounds", type=int, default=5, help="runs of each extraction, in turn (medians)")
    parser.add_argument("--step", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        kind, *rest = args.step
        result = step_cli(rest[0], int(rest[1]), rest[2]) if kind == "cli" else step_app(rest[0], rest[1])
        print(json.dumps(result))
        return 0
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}")
        print(json.dumps({"error": "no corpus"}))
        return 0
    temp = Path(tempfile.mkdtemp(prefix="bench-corpus-"))
    try:
        summary: dict = {"corpus": str(args.corpus), "jobs": args.jobs, "cores": os.cpu_count(),
                         "load_average": os.getloadavg()[0]}
        # this machine's speed drifts by ±15 % from one minute to the next: one run of each
        # told a coin toss, so the two are run in turn and each round's ratio kept
        ones, manies, capacities, identical = [], [], [], True
        for _ in range(args.rounds):
            capacities.append(parallel_capacity())
            ones.append(run_step("cli", str(args.corpus), "1", str(temp / "one.jsonl")))
            manies.append(run_step("cli", str(args.corpus), str(args.jobs), str(temp / "many.jsonl")))
            identical &= (temp / "one.jsonl").read_bytes() == (temp / "many.jsonl").read_bytes()
        summary["parallel_capacity_rounds"] = capacities
        ratios = [a["seconds"] / b["seconds"] for a, b in zip(ones, manies, strict=True)]
        one_s = statistics.median(r["seconds"] for r in ones)
        many_s = statistics.median(r["seconds"] for r in manies)
        summary["cli_extract_s"] = {"1": one_s, str(args.jobs): many_s}
        summary["cli_extract_rounds_s"] = {"1": [r["seconds"] for r in ones],
                                           str(args.jobs): [r["seconds"] for r in manies]}
        summary["speedup"] = round(statistics.median(ratios), 2)
        summary["speedup_rounds"] = [round(r, 2) for r in ratios]
        summary["identical_output"] = identical
        summary["cli_peak_rss_mb"] = {"1": max(r["peak_rss_mb"] for r in ones),
                                      str(args.jobs): max(r["peak_rss_mb"] for r in manies)}
        print(f"cli extract (median of {args.rounds} rounds in turn): 1 process {one_s} s, {args.jobs} processes "
              f"{many_s} s (×{summary['speedup']}; rounds {summary['speedup_rounds']}; the machine's parallel "
              f"capacity before each {capacities}), "
              f"identical output: {identical}")
        first = run_step("app", str(args.corpus), str(temp / "data"))
        again = run_step("app", str(args.corpus), str(temp / "data"))
        summary.update({
            "app_first_open_s": first["seconds"], "app_reopen_s": again["seconds"],
            "max_stall_ms": {"first_open": first["max_stall_ms"], "reopen": again["max_stall_ms"]},
            "events": again["events"], "sort_ms": again["sort_ms"], "search_ms": again["search_ms"],
            "paint_p95_ms": again["paint_p95_ms"],
            "app_peak_rss_mb": {"first_open": first["peak_rss_mb"], "reopen": again["peak_rss_mb"]},
        })
        print(f"app: first open {first['seconds']} s (max stall {first['max_stall_ms']} ms), reopen "
              f"{again['seconds']} s (max stall {again['max_stall_ms']} ms), {again['events']} events, "
              f"sort {again['sort_ms']} ms, search {again['search_ms']} ms ({again['search_hits']} shown), "
              f"paint p95 {again['paint_p95_ms']} ms")
        if not args.skip_growth:
            growth = {}
            for size in (1_000, 10_000) if args.quick else (1_000, 10_000, 100_000):
                folder = replicate(args.corpus, size, temp / f"grow{size}")
                step = run_step("cli", str(folder), str(args.jobs), str(temp / f"grow{size}.jsonl"))
                growth[str(size)] = {"seconds": step["seconds"], "s_per_1k": round(step["seconds"] / size * 1000, 2),
                                     "peak_rss_mb": step["peak_rss_mb"]}
                print(f"growth {size:>7} articles: {step['seconds']} s ({growth[str(size)]['s_per_1k']} s per 1,000), "
                      f"peak {step['peak_rss_mb']} MB")
                shutil.rmtree(folder, ignore_errors=True)
            summary["growth"] = growth
        print(json.dumps(summary, ensure_ascii=False))
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
