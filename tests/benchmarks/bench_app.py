"""Benchmark: timeline painting at scale, hit-testing, launch, PDF export.

Run as ``QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_app.py`` (not collected by
pytest). 100,000 synthetic events over 30 years in 50 lanes are painted into a 1920×1080
QImage at views of 30 years, 1 year, 1 month and 1 day (many positions each); the same
with 1,000 events shows the cost does not follow the events outside the view. The last
line is a JSON object with ``paint_p95_ms`` and ``paint_p95_ms_1k`` (keyed ``30y``, ``1y``,
``1m``, ``1d``), ``hit_test_ms``, ``launch_s`` and ``pdf_500_s``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QItemSelectionModel, QPointF, QRectF  # noqa: E402
from PySide6.QtGui import QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.core.events.categories import categories  # noqa: E402
from desktop.core.events.pipeline import Event  # noqa: E402
from desktop.core.events.table import events_frame  # noqa: E402
from desktop.core.timeline.scale import day_number  # noqa: E402
from desktop.gui.models import EventTableModel  # noqa: E402
from desktop.gui.timeline_view import GUTTER, TimelineView  # noqa: E402

WIDTH, HEIGHT = 1920, 1080
FIRST = date(1996, 1, 1)
YEARS = 30
ZOOMS = {"30y": 30 * 365.25, "1y": 365.25, "1m": 30.44, "1d": 1.0}
PRECISIONS = ["day"] * 6 + ["month", "year", "range", "quarter"]


def synthetic_frame(n: int, lanes: int = 50, seed: int = 1):
    rng = np.random.default_rng(seed)
    cats = categories()
    days = YEARS * 365
    events = []
    for i in range(n):
        start = FIRST + timedelta(days=int(rng.integers(0, days)))
        precision = PRECISIONS[int(rng.integers(0, len(PRECISIONS)))]
        if precision == "month":
            start = start.replace(day=1)
            end = (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        elif precision == "year":
            start, end = start.replace(month=1, day=1), start.replace(month=12, day=31)
        elif precision == "quarter":
            start = start.replace(month=(start.month - 1) // 3 * 3 + 1, day=1)
            end = start + timedelta(days=89)
        elif precision == "range":
            end = start + timedelta(days=int(rng.integers(30, 1500)))
        else:
            end = start
        lane = i % lanes
        events.append(Event(
            id=f"e{i}", article_id=f"a{lane:02d}", file=f"f{lane}.txt", article_title=f"合成文章 {lane}",
            outlet=None, published=None, published_edtf=None, published_basis="", published_confidence=0.0,
            start=start, end=end, precision=precision, edtf="", tense="planned" if i % 9 == 0 else "past",
            resolved_against="", date_text="", date_span=(0, 1), sentence="合成事件的原句。", sentence_span=(0, 1),
            title=f"某某园区第{i}号项目签约落户", category=cats[i % len(cats)],
        ))
    return events_frame(events)


def make_view(frame) -> TimelineView:
    model = EventTableModel(frame)
    selection = QItemSelectionModel(model)
    view = TimelineView(model, selection)
    view.resize(WIDTH, HEIGHT)
    view.scale.width = view.timeline_width()
    return view


def paint_once(view: TimelineView, image: QImage) -> float:
    painter = QPainter(image)
    try:
        t = time.perf_counter()
        view.paint(painter, QRectF(0, 0, WIDTH, HEIGHT))
        return (time.perf_counter() - t) * 1000
    finally:
        painter.end()


def paint_times(view: TimelineView, positions: int = 40) -> dict[str, float]:
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    rng = np.random.default_rng(7)
    first, last = day_number(FIRST), day_number(FIRST) + YEARS * 365
    result = {}
    for name, span in ZOOMS.items():
        times = []
        for _ in range(positions):
            centre = float(rng.uniform(first + span / 2, last - span / 2)) if span < YEARS * 365 else (first + last) / 2
            view.set_range(centre - span / 2, centre + span / 2)
            view.v_offset = float(rng.uniform(0, view.max_v_offset()))
            times.append(paint_once(view, image))
        result[name] = round(float(np.percentile(times, 95)), 2)
    return result


def hit_test_ms(view: TimelineView) -> float:
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    view.set_range(day_number(date(2010, 1, 1)), day_number(date(2011, 1, 1)))
    paint_once(view, image)
    rng = np.random.default_rng(3)
    points = [QPointF(float(rng.uniform(GUTTER, WIDTH)), float(rng.uniform(50, HEIGHT))) for _ in range(2000)]
    t = time.perf_counter()
    for point in points:
        view.hit_test(point)
    return round((time.perf_counter() - t) * 1000 / len(points), 4)


LAUNCH = """
import time, sys
t0 = time.perf_counter()
from PySide6.QtCore import QTimer, QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication
QCoreApplication.setOrganizationName("desktop-timeline-bench")
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[1])
app = QApplication([])
from desktop.gui.main_window import MainWindow
w = MainWindow(None, restore=False)
w.show()
def responsive():
    print(f"{time.perf_counter() - t0:.4f} {'loading' if w.is_loading() else 'loaded'}", flush=True)
    app.quit()
QTimer.singleShot(0, responsive)
app.exec()
"""


def launch_seconds() -> tuple[float, float, str]:
    """Wall time from starting the process to a shown window whose event loop answers.

    Timed at the line the app prints from its first event-loop turn; the process is then
    stopped (its extraction may still be running, which is the point: it must not block).
    """
    with tempfile.TemporaryDirectory() as settings:
        t = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-c", LAUNCH, settings], stdout=subprocess.PIPE, text=True,
                                   cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        line = process.stdout.readline()
        wall = time.perf_counter() - t
        process.kill()
        process.wait()
    inside, state = line.split()[-2:]
    return round(wall, 3), round(float(inside), 3), state


def pdf_500_seconds() -> float | None:
    try:
        from desktop.gui.pdf_export import export_pdf
    except ImportError:
        return None
    frame = synthetic_frame(500, lanes=12, seed=5)
    with tempfile.TemporaryDirectory() as folder:
        t = time.perf_counter()
        export_pdf(frame, list(frame["id"]), Path(folder) / "brief.pdf", corpus_name="合成语料")
        return round(time.perf_counter() - t, 3)


def main() -> None:
    app = QApplication.instance() or QApplication([])
    from desktop.gui.fonts import install_application_font

    install_application_font(app)
    big = make_view(synthetic_frame(100_000))
    small = make_view(synthetic_frame(1_000))
    paint_times(big, 3)  # warm caches (fonts, label widths) before measuring
    paint_times(small, 3)
    paint_100k = paint_times(big)
    paint_1k = paint_times(small)
    print("paint p95 ms, 100k events:", paint_100k)
    print("paint p95 ms, 1k events:  ", paint_1k)
    hit = hit_test_ms(big)
    print("hit test ms:", hit)
    launch_wall, launch_inside, state = launch_seconds()
    print(f"launch: {launch_wall} s wall ({launch_inside} s in-process), extraction {state} at first response")
    pdf = pdf_500_seconds()
    print("pdf 500 events s:", pdf)
    print(json.dumps({
        "paint_p95_ms": paint_100k,
        "paint_p95_ms_1k": paint_1k,
        "hit_test_ms": hit,
        "launch_s": launch_wall,
        "launch_in_process_s": launch_inside,
        "pdf_500_s": pdf,
    }))


if __name__ == "__main__":
    main()
