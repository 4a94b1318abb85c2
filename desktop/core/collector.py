"""Python's cyclic garbage collector in a process that holds a big corpus (the window, the CLI).

A corpus is hundreds of thousands of long-lived objects (its documents, articles, events),
and every full pass of the collector walks all of them: 150–250 ms holding the interpreter's
lock, which froze the window again and again while a big archive was read (the passes come
each time the heap has grown by a quarter), and 0.9 s of ``extract``'s time on the shared
corpus (0.4 s with this). What survives a full pass that slow is, by
then, the corpus and the window themselves: it is moved out of the collector's sight
(``gc.freeze``), so later passes walk only what is new. Frozen objects are still freed when
nothing refers to them; only a reference cycle among them would outlive its use, and the
engine's results and the Qt objects the window keeps hold none that the window drops.
(A corpus read back from the cache is frozen at once, by
:func:`collector_paused`, as is one arriving from worker processes; this covers everything else.)
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

#: A full pass slower than this freezes what survived it (seconds).
SLOW_FULL_PASS = 0.05

_installed = False
_started = 0.0


def _after_a_pass(phase: str, info: dict) -> None:
    global _started
    if info.get("generation") != 2:
        return
    if phase == "start":
        _started = time.perf_counter()
    elif time.perf_counter() - _started > SLOW_FULL_PASS:
        gc.freeze()


def settle() -> None:
    """What exists now is long-lived (a corpus just read, before its corpus-level step):
    out of the collector's sight at once, so the passes of the step's own work walk only
    what it makes — a full pass over the corpus in the middle of it cost a quarter of a
    second of the shared corpus's."""
    gc.freeze()


def install() -> None:
    """Freeze what survives a slow full pass, from now on (once per process)."""
    global _installed
    if not _installed:
        gc.callbacks.append(_after_a_pass)
        _installed = True


#: A read that left this many new objects has them frozen (see :func:`collector_paused`).
FREEZE_AFTER_OBJECTS = 100_000
_collector_lock = threading.Lock()
_collector_pauses = 0
_collector_was_enabled = True


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector held off while a big corpus arrives: read back from
    the cache, or unpickled from the worker processes as they send their files' results.

    Unpickling builds hundreds of thousands of containers, and every few hundred the
    collector walks the young ones again: two thirds of the time of reading a kept corpus
    (1.05 s instead of 0.36 s for the shared corpus's). What is read is a tree, no cycles
    to collect. When a read made that many objects they are moved out of the collector's
    sight (``gc.freeze``): otherwise its next three passes walk them all, 0.6 s holding the
    interpreter's lock, which froze the window while a reopened corpus was merged.
    (Objects frozen are still freed when no longer referenced; only a reference cycle
    among them would outlive its use, and the engine's results hold none.) Counted, so
    overlapping readers in two threads re-enable it only once both are done, and only if
    it was on."""
    global _collector_pauses, _collector_was_enabled
    with _collector_lock:
        _collector_pauses += 1
        if _collector_pauses == 1:
            _collector_was_enabled = gc.isenabled()
            gc.disable()
    try:
        yield
    finally:
        with _collector_lock:
            _collector_pauses -= 1
            if _collector_pauses == 0 and _collector_was_enabled:
                if gc.get_count()[0] > FREEZE_AFTER_OBJECTS:
                    gc.freeze()
                gc.enable()
