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
:func:`desktop.core.store.codec.collector_paused`; this covers everything else.)
"""

from __future__ import annotations

import gc
import time

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


def install() -> None:
    """Freeze what survives a slow full pass, from now on (once per process)."""
    global _installed
    if not _installed:
        gc.callbacks.append(_after_a_pass)
        _installed = True
