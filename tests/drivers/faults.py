"""Run in a subprocess by ``test_gui_user_paths``: every kind of Qt override is made to raise
in turn (paint, mouse, key, wheel, resize, drop, model data) while the app is driven with real
events; the app must report each fault and keep running. Prints a JSON object last."""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QEventLoop, QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.gui import errors
from desktop.gui.app import create_app
from desktop.gui.main_window import MainWindow
from desktop.gui.models import EventTableModel
from desktop.gui.timeline_view import TimelineView


def wait_loaded(window: MainWindow) -> None:
    if window.corpus is not None and not window.is_loading():
        return
    loop = QEventLoop()
    window.corpus_loaded.connect(lambda *_: loop.quit())
    QTimer.singleShot(120_000, loop.quit)
    loop.exec()


def main(seeds: str, dropped: str) -> int:
    app, window = create_app([seeds])
    window.resize(1400, 900)
    wait_loaded(window)
    QTest.qWaitForWindowExposed(window)
    reports: list[str] = []
    original = errors.handle_exception

    def record(exc_type, exc, tb):  # noqa: ANN001
        reports.append(f"{exc_type.__name__}: {exc}")
        original(exc_type, exc, tb)

    errors.handle_exception = record
    view = window.timeline

    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("injected fault")

    def wheel() -> None:
        position = QPointF(view.width() / 2, view.height() / 2)
        event = QWheelEvent(position, view.mapToGlobal(position), QPoint(0, 0), QPoint(0, 120),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)
        QApplication.sendEvent(view, event)

    def drop() -> None:
        # as a drag from a file manager arrives: enter, move, drop, on the widget under the cursor
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(dropped)])
        where = QPoint(300, 200)
        for kind in (QDragEnterEvent, QDragMoveEvent):
            QApplication.sendEvent(view, kind(where, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                              Qt.KeyboardModifier.NoModifier))
        QApplication.sendEvent(view, QDropEvent(QPointF(where), Qt.DropAction.CopyAction, mime,
                                                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))

    def band(modifier: Qt.KeyboardModifier) -> None:
        QTest.mousePress(view, Qt.MouseButton.LeftButton, modifier, QPoint(200, 60))
        QTest.mouseMove(view, QPoint(500, 200))
        QTest.mouseMove(view, QPoint(view.width() - 20, view.height() - 20))
        QTest.mouseRelease(view, Qt.MouseButton.LeftButton, modifier, QPoint(view.width() - 20, view.height() - 20))

    faults = {
        "paint": (TimelineView, "paint", view.repaint),
        "mouse": (TimelineView, "hit_test", lambda: QTest.mouseClick(view, Qt.MouseButton.LeftButton,
                                                                     Qt.KeyboardModifier.NoModifier, QPoint(400, 150))),
        "key": (TimelineView, "zoom_in", lambda: QTest.keyClick(view, Qt.Key.Key_Plus)),
        "wheel": (TimelineView, "zoom_by", wheel),
        "resize": (TimelineView, "timeline_width", lambda: window.resize(window.width() - 40, window.height())),
        "drop": (MainWindow, "open_paths", drop),
        "model": (EventTableModel, "_display", lambda: (window.model.set_frame(window.model.frame),
                                                        window.list_view.viewport().repaint())),
    }
    counts: dict[str, int] = {}
    for kind, (owner, name, action) in faults.items():
        saved = owner.__dict__[name]
        setattr(owner, name, boom)
        before = len(reports)
        try:
            action()
            app.processEvents()
        finally:
            setattr(owner, name, saved)
        counts[kind] = len(reports) - before
    # the rubber bands that once killed the process, with nothing injected
    before = len(reports)
    band(Qt.KeyboardModifier.ShiftModifier)
    shift_selected = len(window.selected_rows())
    band(Qt.KeyboardModifier.ControlModifier)
    band_reports = len(reports) - before
    # and the window still works
    QTest.keyClick(view, Qt.Key.Key_0)
    view.repaint()
    app.processEvents()
    print(json.dumps({"faults": counts, "band_reports": band_reports, "shift_selected": shift_selected,
                      "after": len(reports) - before - band_reports, "reports": reports[:3]}, ensure_ascii=False))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
