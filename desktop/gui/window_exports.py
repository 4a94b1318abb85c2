"""File → 导出 ▸ in the window: the selected events (or, when none is selected, all shown
events) as CSV, Excel, JSON, TimelineJS or iCalendar, and the timeline as a PNG or SVG image.

The window only asks for a file name and says what was written; the content is built by
:mod:`desktop.core.export.formats` (the same code the CLI's ``export`` runs) and the image by
:mod:`desktop.gui.image_export`. Hidden events are never exported.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from PySide6.QtCore import QObject, QSettings, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from desktop.core.events.merge import source_event_ids
from desktop.core.export.formats import FORMATS, ExportResult, export_events, write_export
from desktop.gui.guard import guard_overrides
from desktop.gui.image_export import IMAGE_FORMATS, write_timeline_image
from desktop.gui.ops import run_op

if TYPE_CHECKING:
    from desktop.gui.main_window import MainWindow


#: Formats that list events one by one: a merged item is written as all of its sources.
SOURCE_BY_SOURCE = ("csv", "xlsx", "json")


def unhidden_ids(frame: pd.DataFrame, rows: list[int] | np.ndarray) -> list[str]:
    """The ids of the frame's ``rows`` that are not hidden, in the order of ``rows``."""
    rows = np.asarray(rows, dtype=np.int64)
    if "hidden" in frame:
        rows = rows[~frame["hidden"].to_numpy(dtype=bool)[rows]]
    return frame["id"].to_numpy()[rows].astype(str).tolist()


@guard_overrides
class WindowExports(QObject):
    """The export submenu's actions and what they do; owned by the main window."""

    exported = Signal(str)  # the path of an event export just written
    export_failed = Signal(str)  # the path an event export could not be written to

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.actions: dict[str, QAction] = {}
        # a file-dialog filter per format, each through tr() so it is translated
        self.filters = {
            "csv": self.tr("CSV 表格（UTF-8，Excel 可直接打开） (*.csv)"),
            "xlsx": self.tr("Excel 工作簿 (*.xlsx)"),
            "json": self.tr("JSON (*.json)"),
            "timelinejs": self.tr("TimelineJS 时间线 JSON (*.json)"),
            "ics": self.tr("iCalendar 日历 (*.ics)"),
            "png": self.tr("PNG 图片 (*.png)"),
            "svg": self.tr("SVG 矢量图 (*.svg)"),
        }
        self.names = {
            "csv": self.tr("CSV"), "xlsx": self.tr("Excel"), "json": self.tr("JSON"),
            "timelinejs": self.tr("TimelineJS"), "ics": self.tr("iCalendar"),
            "png": self.tr("PNG 图片"), "svg": self.tr("SVG 矢量图"),
        }

    def build_menu(self, parent: QMenu) -> QMenu:
        menu = parent.addMenu(self.tr("导出(&X)"))
        texts = {
            "csv": self.tr("CSV 表格(&C)…"),
            "xlsx": self.tr("Excel 工作簿(&X)…"),
            "json": self.tr("JSON(&J)…"),
            "timelinejs": self.tr("TimelineJS 网页时间线(&T)…"),
            "ics": self.tr("iCalendar 日历（精确到日的事件）(&I)…"),
        }
        tips = self.tr("导出所选事件；未选择时导出当前显示的全部事件")
        for fmt, text in texts.items():
            action = menu.addAction(text)
            action.setToolTip(tips)
            action.triggered.connect(lambda _checked=False, f=fmt: self.export_events(f))
            self.actions[fmt] = action
        menu.addSeparator()
        images = {"png": self.tr("时间线图片 PNG（当前视野）(&P)…"), "svg": self.tr("时间线矢量图 SVG（当前视野）(&S)…")}
        for fmt, text in images.items():
            action = menu.addAction(text)
            action.triggered.connect(lambda _checked=False, f=fmt: self.export_image(f))
            self.actions[fmt] = action
        menu.setToolTipsVisible(True)
        return menu

    # ------------------------------------------------------------------ helpers

    def _default_path(self, stem: str, suffix: str) -> str:
        folder = QSettings().value("export/folder") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        return str(Path(folder) / f"{stem}-{date.today():%Y%m%d}{suffix}")

    def _ask(self, caption: str, stem: str, fmt: str, suffix: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self.window, caption, self._default_path(stem, suffix), self.filters[fmt])
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_name(path.name + suffix)

    def _say(self, text: str) -> None:
        QMessageBox.information(self.window, self.tr("导出"), text)

    def _failed(self, path: Path, exc: Exception) -> None:
        reason = getattr(exc, "strerror", None) or str(exc)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("导出"),
                          self.tr("无法写入 %s：%s") % (path, reason), parent=self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)  # a file name may contain anything
        box.exec()

    def _done(self, path: Path, message: str) -> None:
        QSettings().setValue("export/folder", str(path.parent))
        self.window.statusBar().showMessage(message)

    def chosen_ids(self) -> tuple[list[str], bool]:
        """The ids to export and whether they are the selection: the selected events that
        are not hidden; with no selection, the events the filters and the search show."""
        frame = self.window.model.frame
        rows = self.window.selected_rows()
        if rows:
            return unhidden_ids(frame, rows), True
        hidden = frame["hidden"].to_numpy(dtype=bool) if "hidden" in frame else np.zeros(len(frame), bool)
        shown = self.window.current_filter().mask(frame) & ~hidden
        return frame["id"].to_numpy()[shown].astype(str).tolist(), False

    # ------------------------------------------------------------------ the commands

    def export_events(self, fmt: str) -> Path | None:
        """Ask for a file and write the chosen events in ``fmt``; None when nothing was written."""
        ids, selected = self.chosen_ids()
        if not ids:
            self._say(self.tr("所选事件都已隐藏，没有可导出的事件。") if selected
                      else self.tr("没有显示的事件可导出。请清除筛选或打开文章。"))
            return None
        spec = FORMATS[fmt]
        frame = self.window.model.frame
        name = self.names[fmt]
        held = len(spec.holds(export_events(frame, ids))) if spec.holds else len(ids)
        if not held:
            self._say(self.tr("这些事件都未精确到日，日历中没有可写入的事件。") if spec.lacking == "day"
                      else self.tr("这些事件的年份都不详，无法放上时间线。"))
            return None
        if held < len(ids) and spec.lacking == "day":
            caption = (self.tr("导出为 %s — 所选 %d 个事件中精确到日的 %Ln 个", "", held) if selected
                       else self.tr("导出为 %s — 显示的 %d 个事件中精确到日的 %Ln 个", "", held)) % (name, len(ids))
        elif held < len(ids):
            caption = (self.tr("导出为 %s — 所选 %d 个事件中年份已知的 %Ln 个", "", held) if selected
                       else self.tr("导出为 %s — 显示的 %d 个事件中年份已知的 %Ln 个", "", held)) % (name, len(ids))
        else:
            caption = (self.tr("导出为 %s — 所选的 %Ln 个事件", "", len(ids)) if selected
                       else self.tr("导出为 %s — 显示的全部 %Ln 个事件", "", len(ids))) % name
        path = self._ask(caption, self.tr("事件"), fmt, spec.suffix)
        if path is None:
            return None
        members = getattr(self.window, "members", None)
        if fmt in SOURCE_BY_SOURCE and members is not None:
            # a merged item is written as each of its sources, grouped by cluster_id
            frame, ids = members, source_event_ids(frame, members, ids)
        title, lanes = self.window.corpus_name(), self.window.timeline.lane_mode
        # written in the background: a million events' CSV takes seconds, and the window goes on
        self.window.statusBar().showMessage(self.tr("正在导出 %Ln 个事件…", "", held))
        self._set_writing(True)
        run_op("export", lambda: write_export(fmt, frame, path, ids, title=title, lanes=lanes),
               self._written, lambda error: self._write_failed(path, error), owner=self.window)
        return path

    def _set_writing(self, writing: bool) -> None:
        """One export at a time: the event formats' actions wait for the file being written."""
        for fmt in FORMATS:
            self.actions[fmt].setEnabled(not writing)

    def _written(self, result: ExportResult) -> None:
        self._set_writing(False)
        message = self.tr("已导出 %Ln 个事件到 %s", "", result.written) % result.path
        if result.left_out and result.lacking == "year":
            message += self.tr("（%Ln 个年份不详的事件未写入）", "", result.left_out)
        elif result.left_out:
            message += self.tr("（%Ln 个未精确到日的事件未写入）", "", result.left_out)
        self._done(result.path, message)
        self.exported.emit(str(result.path))

    def _write_failed(self, path: Path, error: BaseException) -> None:
        self._set_writing(False)
        if not isinstance(error, OSError | ValueError):
            raise error  # an unexpected fault: the error report (the app goes on)
        self.window.statusBar().showMessage(self.tr("导出失败"))
        self._failed(path, error)
        self.export_failed.emit(str(path))

    def export_image(self, fmt: str) -> Path | None:
        """Ask for a file and write the timeline as it is shown, at its zoom, as ``fmt``."""
        caption = self.tr("导出时间线为 %s — 当前视野") % self.names[fmt]
        path = self._ask(caption, self.tr("时间线"), fmt, IMAGE_FORMATS[fmt])
        if path is None:
            return None
        try:
            written = write_timeline_image(self.window.timeline, fmt, path, title=self.window.corpus_name())
        except OSError as exc:
            self._failed(path, exc)
            return None
        self._done(written, self.tr("已导出时间线图片到 %s") % written)
        return written
