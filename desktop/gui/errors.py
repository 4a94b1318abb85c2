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

from desktop import __version__
from desktop.core.language import pick
from desktop.gui.guard import guard_overrides

LOG_NAME = "desktop-timeline.log"


def log_dir() -> Path:
    """The user's log folder for the app (created when needed)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    folder = Path(base or Path.home() / ".local" / "state" / "desktop-timeline") / "logs"
    return folder


def format_report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    lines = [
        f"{pick('时间', 'time')}: {datetime.now().isoformat(timespec='seconds')}",
        f"{pick('版本', 'version')}: desktop-timeline {__version__}, Python {platform.python_version()}, {platform.platform()}",
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


@guard_overrides
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
        self.signature = ""
        self.repeats = 0
        self.repeat_label = QLabel()
        self.repeat_label.hide()
        layout = QVBoxLayout(self)
        for widget in (message, where, self.text, self.repeat_label, buttons):
            layout.addWidget(widget)

    def repeated(self) -> None:
        """The same fault happened again while this dialog is open."""
        self.repeats += 1
        self.repeat_label.setText(self.tr("同一错误又发生了 %Ln 次。", "", self.repeats))
        self.repeat_label.show()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.report)


@guard_overrides
class _Reporter(QObject):
    """Brings reports from any thread to the GUI thread.

    A fault that repeats (a paint that fails on every repaint) opens one dialog, not one
    per occurrence: while a dialog for the same place is open, the others are counted in it.
    """

    report = Signal(str, str, str)  # report, log path, signature

    def __init__(self) -> None:
        super().__init__()
        self.report.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self.dialogs: list[ErrorDialog] = []

    @Slot(str, str, str)
    def _show(self, report: str, log_path: str, signature: str) -> None:
        same = [d for d in self.live() if d.signature == signature]
        if same:
            same[0].repeated()
            return
        dialog = ErrorDialog(report, Path(log_path) if log_path else None)
        dialog.signature = signature
        self.dialogs = [*self.live(), dialog]
        dialog.show()

    def live(self) -> list[ErrorDialog]:
        """Dialogs still open (a closed one deletes itself)."""
        return [d for d in self.dialogs if shiboken6.isValid(d) and d.isVisible()]


_reporter: _Reporter | None = None
_occurrences: dict[str, int] = {}
#: A repeating fault is logged this many times in full, then once per hundred.
FULL_LOGS_PER_FAULT = 3


def fault_signature(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """Where a fault happened: its type and innermost frame (repeats share it)."""
    frames = traceback.extract_tb(tb) if tb is not None else []
    where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "?"
    return f"{exc_type.__name__}@{where}"


def handle_exception(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Log the exception and show the report; never raises."""
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    report = format_report(exc_type, exc, tb)
    signature = fault_signature(exc_type, tb)
    seen = _occurrences[signature] = _occurrences.get(signature, 0) + 1
    if seen <= FULL_LOGS_PER_FAULT or seen % 100 == 0:
        log_path = write_log(report if seen <= FULL_LOGS_PER_FAULT else f"({seen}×) {report}")
        sys.stderr.write(report)
    else:
        log_path = log_dir() / LOG_NAME  # written in full by its first occurrences
    if _reporter is not None:
        _reporter.report.emit(report, str(log_path) if log_path else "", signature)


def install() -> None:
    """Route uncaught exceptions (GUI thread and workers) to :func:`handle_exception`."""
    global _reporter
    if _reporter is None:
        _reporter = _Reporter()
    sys.excepthook = handle_exception
    threading.excepthook = lambda args: handle_exception(args.exc_type, args.exc_value, args.exc_traceback)


def open_dialogs() -> list[ErrorDialog]:
    return [] if _reporter is None else _reporter.live()
