"""Slow work off the GUI thread, with a callback on the GUI thread when it is done.

After Anki's ``CollectionOp``: :func:`run_op` runs ``work()`` in the thread pool and calls
``success(result)`` or ``failure(exception)`` back on the GUI thread, where widgets may be
touched; the work itself never touches a widget. A newer op of the same ``kind`` makes an
older one's result stale: it is dropped, so a burst of edits shows only the last state; so
is the result of an op whose ``owner`` (the window it was for) is gone by the time it ends.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.gui.guard import guard_overrides

_generation = itertools.count(1)
_latest: dict[str, int] = {}
_running: set[Op] = set()


@guard_overrides
class _Signals(QObject):
    done = Signal(object, object)  # result, exception


@guard_overrides
class Op(QRunnable):
    """One piece of background work (see :func:`run_op`)."""

    def __init__(self, kind: str, work: Callable[[], Any], success: Callable[[Any], None],
                 failure: Callable[[BaseException], None], owner: QObject | None = None) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.kind = kind
        self.owner = owner
        self.generation = next(_generation)
        self.work = work
        self.signals = _Signals()
        self.signals.done.connect(lambda result, error: self._finish(result, error, success, failure))

    def run(self) -> None:
        try:
            result, error = self.work(), None
        except Exception as exc:  # noqa: BLE001 - handed to the failure callback on the GUI thread
            result, error = None, exc
        if not shiboken6.isValid(self.signals):
            return  # the application is closing: nobody is left to tell
        with contextlib.suppress(RuntimeError):  # deleted between the check and the emit
            self.signals.done.emit(result, error)

    def _finish(self, result: Any, error: BaseException | None, success: Callable[[Any], None],
                failure: Callable[[BaseException], None]) -> None:
        _running.discard(self)
        if _latest.get(self.kind) != self.generation:
            return  # a newer op of this kind was started: this result is stale
        if self.owner is not None and not shiboken6.isValid(self.owner):
            return  # the window it was for was closed meanwhile
        if error is not None:
            failure(error)
        else:
            success(result)


def run_op(kind: str, work: Callable[[], Any], success: Callable[[Any], None],
           failure: Callable[[BaseException], None], owner: QObject | None = None) -> Op:
    """Run ``work`` in the background; ``success``/``failure`` follow on the GUI thread
    (unless ``owner`` was deleted meanwhile)."""
    op = Op(kind, work, success, failure, owner)
    _latest[kind] = op.generation
    _running.add(op)
    QThreadPool.globalInstance().start(op)
    return op


def busy(kind: str) -> bool:
    """Whether an op of ``kind`` is still running."""
    return any(op.kind == kind for op in _running)
