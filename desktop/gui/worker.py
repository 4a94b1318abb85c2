"""Extraction off the GUI thread: a QRunnable that reports progress and can be cancelled."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from ..core.corpus import Cancelled, Corpus, extract


class ExtractionSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)  # Corpus
    failed = Signal(str)
    cancelled = Signal()


class ExtractionJob(QRunnable):
    """Runs :func:`desktop.core.corpus.extract`; never touches widgets (signals only)."""

    def __init__(self, paths: list[Path] | None) -> None:
        super().__init__()
        self.paths = paths
        self.signals = ExtractionSignals()
        self._stop = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._stop.set()

    def _progress(self, done: int, total: int, label: str) -> bool:
        self.signals.progress.emit(done, total, label)
        return not self._stop.is_set()

    def run(self) -> None:
        try:
            corpus: Corpus = extract(self.paths, progress=self._progress)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - reported to the user, never a silent crash
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.signals.finished.emit(corpus)
