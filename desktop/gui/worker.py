"""Extraction off the GUI thread: a QRunnable that streams events, reports progress, can be cancelled.

The worker never touches widgets; it only emits signals, which Qt delivers to the GUI
thread. Partial results are throttled (at most every ``PARTIAL_INTERVAL`` seconds) so a
folder of thousands of files does not rebuild the views thousands of times. The files are
extracted in worker processes (one per core; :mod:`desktop.core.events.parallel`) and kept
in the extraction cache of the app's data folder (:mod:`desktop.core.store.cache`; what it
discards is noted in the app's log); an event store (a folder ``extract --format parquet``
wrote) is read as it is.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Signal

from desktop.core.events.cluster import ClusterError
from desktop.core.events.corpus import ArticleInfo, Cancelled, Corpus, extract
from desktop.core.events.parallel import WorkerError, default_jobs
from desktop.core.events.pipeline import Event
from desktop.core.events.table import events_frame
from desktop.core.store.parquet import StoreError, is_store, read_store
from desktop.gui.guard import guard_overrides

PARTIAL_INTERVAL = 0.3
#: The window shows progress and can cancel, so it reads files the CLI refuses by default.
GUI_MAX_BYTES = 100 * 1000 * 1000


@guard_overrides
class ExtractionSignals(QObject):
    progress = Signal(int, int, str)
    partial = Signal(object)  # events DataFrame so far
    finished = Signal(object)  # Corpus
    failed = Signal(str)
    cancelled = Signal()


@guard_overrides
class ExtractionJob(QRunnable):
    """Runs :func:`desktop.core.events.corpus.extract` for ``paths`` (None: the bundled seeds)
    with ``jobs`` processes (None: one per core) and the cache in ``cache_dir`` (None: none)."""

    def __init__(self, paths: list[Path] | None, cache_dir: Path | None = None, jobs: int | None = None) -> None:
        super().__init__()
        self.paths = paths
        self.cache_dir = cache_dir
        self.jobs = jobs
        self.signals = ExtractionSignals()
        self._stop = threading.Event()
        self._last_partial = 0.0
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._stop.set()

    @property
    def is_cancelled(self) -> bool:
        return self._stop.is_set()

    def _emit(self, signal_name: str, *args: object) -> bool:
        """Emit one of the job's signals; False when the window that listened is gone
        (the app is closing), which stops the job like a cancel."""
        if not shiboken6.isValid(self.signals):
            self._stop.set()
            return False
        try:
            getattr(self.signals, signal_name).emit(*args)
        except RuntimeError:  # deleted between the check and the emit
            self._stop.set()
            return False
        return True

    def _progress(self, done: int, total: int, label: str) -> bool:
        self._emit("progress", done, total, label)
        return not self._stop.is_set()

    def _partial(self, events: list[Event], _articles: list[ArticleInfo]) -> None:
        now = time.monotonic()
        # Each update rebuilds the views on the GUI thread: space them out as the table grows.
        interval = PARTIAL_INTERVAL + len(events) / 20_000
        if now - self._last_partial >= interval and events:
            self._last_partial = now
            self._emit("partial", events_frame(list(events)))

    def _extract(self) -> Corpus:
        if self.paths and len(self.paths) == 1 and is_store(self.paths[0]):
            return read_store(self.paths[0])
        jobs = self.jobs or default_jobs()
        if self.cache_dir is None:
            return extract(self.paths, progress=self._progress, partial=self._partial, max_bytes=GUI_MAX_BYTES,
                           jobs=jobs)
        from desktop.core.store.cache import ExtractionCache
        from desktop.gui.errors import write_log

        with ExtractionCache(self.cache_dir, log=write_log) as cache:
            return extract(self.paths, progress=self._progress, partial=self._partial, max_bytes=GUI_MAX_BYTES,
                           jobs=jobs, cache=cache)

    def run(self) -> None:
        try:
            corpus: Corpus = self._extract()
        except Cancelled:
            self._emit("cancelled")
        except (StoreError, WorkerError, ClusterError) as exc:  # a message for the user, not a bug
            self._emit("failed", str(exc))
        except Exception as exc:  # noqa: BLE001 - reported to the user, never a silent crash
            self._emit("failed", f"{type(exc).__name__}: {exc}")
        else:
            self._emit("finished", corpus)
