"""Uncaught exceptions: a dialog with a copyable report, a log file, and the app keeps going.

:func:`install` replaces ``sys.excepthook`` (and ``threading.excepthook``) for the GUI
process. A report (time, version, platform, traceback) is appended to
``<user log dir>/desktop-timeline.log`` and shown in a non-modal dialog the user can copy
from; the event loop is never torn down by an exception in a slot.
"""

from __future__ import annotations

import platform
import sys
import threading
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

import shiboken6
from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from .. import __version__

LOG_NAME = "desktop-timeline.log"


def log_dir() -> Path:
    """The user's log folder for the app (created when needed)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    folder = Path(base or Path.home() / ".local" / "state" / "desktop-timeline") / "logs"
    return folder


def format_report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    lines = [
        f"时间 time: {datetime.now().isoformat(timespec='seconds')}",
        f"版本 version: desktop-timeline {__version__}, Python {platform.python_version()}, {platform.platform()}",
        "",
        *traceback.format_exception(exc_type, exc, tb),
    ]
    return "\n".join(line.rstrip("\n") for line in lines) + "\n"


def write_log(report: str) -> Path | None:
    """Append the report to the log file; None when even that is impossible."""
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOG_NAME
        with path.open("a", encoding="utf-8") as stream:
            stream.write(report + "\n" + "-" * 72 + "\n")
        return path
    except OSError:
        return None


class ErrorDialog(QDialog):
    """Non-modal: the user reads, copies, closes; the app goes on underneath."""

    def __init__(self, report: str, log_path: Path | None) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("程序出错"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.report = report
        message = QLabel(self.tr("发生了一个意外错误。程序仍可继续使用；已完成的修改不会丢失。\n"
                                 "请复制下面的报告发给开发者。"))
        message.setTextFormat(Qt.TextFormat.PlainText)
        where = QLabel(self.tr("报告已写入：%s") % log_path if log_path else self.tr("报告未能写入日志文件。"))
        where.setTextFormat(Qt.TextFormat.PlainText)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = QPlainTextEdit(report)
        self.text.setReadOnly(True)
        self.text.setMinimumSize(640, 280)
        copy = QPushButton(self.tr("复制报告"))
        copy.clicked.connect(self.copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        for widget in (message, where, self.text, buttons):
            layout.addWidget(widget)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.report)


class _Reporter(QObject):
    """Brings reports from any thread to the GUI thread."""

    report = Signal(str, str)

    def __init__(self) -> None:
        super().__init__()
        self.report.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self.dialogs: list[ErrorDialog] = []

    @Slot(str, str)
    def _show(self, report: str, log_path: str) -> None:
        dialog = ErrorDialog(report, Path(log_path) if log_path else None)
        self.dialogs = [*self.live(), dialog]
        dialog.show()

    def live(self) -> list[ErrorDialog]:
        """Dialogs still open (a closed one deletes itself)."""
        return [d for d in self.dialogs if shiboken6.isValid(d) and d.isVisible()]


_reporter: _Reporter | None = None


def handle_exception(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Log the exception and show the report; never raises."""
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    report = format_report(exc_type, exc, tb)
    log_path = write_log(report)
    sys.stderr.write(report)
    if _reporter is not None:
        _reporter.report.emit(report, str(log_path) if log_path else "")


def install() -> None:
    """Route uncaught exceptions (GUI thread and workers) to :func:`handle_exception`."""
    global _reporter
    if _reporter is None:
        _reporter = _Reporter()
    sys.excepthook = handle_exception
    threading.excepthook = lambda args: handle_exception(args.exc_type, args.exc_value, args.exc_traceback)


def open_dialogs() -> list[ErrorDialog]:
    return [] if _reporter is None else _reporter.live()
