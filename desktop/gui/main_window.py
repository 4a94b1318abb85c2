"""Main window (placeholder for the timeline app): the events list, extraction in a worker."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QThreadPool, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QTableView,
)

from ..core.corpus import Corpus
from .fonts import install_application_font
from .models import EventTableModel
from .worker import ExtractionJob


class MainWindow(QMainWindow):
    corpus_loaded = Signal(object)

    def __init__(self, paths: list[Path] | None = None) -> None:
        super().__init__()
        install_application_font(QApplication.instance())
        self.setWindowTitle(self.tr("新闻时间线"))
        self.model = EventTableModel(parent=self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.setCentralWidget(self.table)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.cancel_button = QPushButton(self.tr("取消"), self)
        self.cancel_button.clicked.connect(self.cancel_extraction)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self.corpus: Corpus | None = None
        self._job: ExtractionJob | None = None
        self._restore()
        self.start_extraction(paths)

    def _restore(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)

    def closeEvent(self, event) -> None:  # noqa: ANN001 - Qt override
        QSettings().setValue("window/geometry", self.saveGeometry())
        self.cancel_extraction()
        super().closeEvent(event)

    def start_extraction(self, paths: list[Path] | None) -> None:
        job = ExtractionJob(paths)
        job.signals.progress.connect(self._on_progress)
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        job.signals.cancelled.connect(self._on_cancelled)
        self._job = job
        self.progress.show()
        self.cancel_button.show()
        self.statusBar().showMessage(self.tr("正在读取文章…"))
        QThreadPool.globalInstance().start(job)

    def cancel_extraction(self) -> None:
        if self._job is not None:
            self._job.cancel()

    def _on_progress(self, done: int, total: int, label: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        if label:
            self.statusBar().showMessage(self.tr("正在处理 %s") % label)

    def _finish_job(self) -> None:
        self._job = None
        self.progress.hide()
        self.cancel_button.hide()

    def _on_finished(self, corpus: Corpus) -> None:
        self._finish_job()
        self.corpus = corpus
        self.model.set_frame(corpus.events)
        self.table.resizeColumnsToContents()
        message = self.tr("%d 篇文章，%d 个事件") % (len(corpus.articles), len(corpus.events))
        if corpus.problems:
            message += self.tr("；%d 个文件未能读取") % len(corpus.problems)
        self.statusBar().showMessage(message)
        self.corpus_loaded.emit(corpus)

    def _on_failed(self, reason: str) -> None:
        self._finish_job()
        self.statusBar().showMessage(self.tr("提取失败：%s") % reason)

    def _on_cancelled(self) -> None:
        self._finish_job()
        self.statusBar().showMessage(self.tr("已取消"))
