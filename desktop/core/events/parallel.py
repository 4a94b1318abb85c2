"""Extraction on every core: files sent to worker processes, results back as they finish.

Each file is extracted by :func:`~desktop.core.events.perfile.extract_task` in a process
of a :class:`concurrent.futures.ProcessPoolExecutor`; the caller puts the results back in
file order (:func:`desktop.core.events.corpus.extract`), so the corpus is the one a single
process makes. Workers are started with the *forkserver* method (*spawn* where there is
none), never *fork*: the app has Qt threads, and a forked copy of a threaded process can
hang on a lock some other thread held. As in any program using multiprocessing this way, the
main script must be safe to import (``if __name__ == "__main__":``): each worker imports it
again; ``python -m desktop`` and the installed commands are.
"""

from __future__ import annotations

import concurrent.futures as futures
import contextlib
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from desktop.core.events.perfile import FileResult, extract_task

#: Below this many bytes of work, starting worker processes (each loads jieba's
#: dictionary, about a second) costs more than it saves: the files are extracted here.
MIN_PARALLEL_BYTES = 1_500_000
#: How long to wait for a result before giving the caller a chance to cancel (seconds).
POLL_SECONDS = 0.1
#: Files in flight per worker. Submitting every file at once made each wait look at
#: thousands of futures — quadratic work that kept the main process busy on a core the
#: workers needed (2 processes were slower than 1 on the shared corpus).
IN_FLIGHT_PER_WORKER = 4


#: Files sent to a worker together: up to this many bytes, or :data:`BATCH_FILES` files. One
#: message each way per batch instead of per file: with thousands of small files, handling a
#: message per file cost the main process 2 s of CPU on a core the workers needed, the whole
#: extraction 8 % slower.
BATCH_BYTES = 60_000
BATCH_FILES = 32


class WorkerError(RuntimeError):
    """A worker process died (killed, out of memory) before it returned its file."""


def default_jobs() -> int:
    """One worker per core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def use_processes(jobs: int, sizes: Sequence[int]) -> bool:
    """Whether work of these file sizes is worth worker processes."""
    return jobs > 1 and len(sizes) > 1 and sum(sizes) >= MIN_PARALLEL_BYTES


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" not in methods:
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # the server loads the engine once and forks workers that have it already (its default
    # preload is only the main script)
    context.set_forkserver_preload(["desktop.core.events.preload"])
    return context


#: How much lower than the app's process a worker runs (``os.nice``): with a worker on each
#: core, the window waited for a time slice behind them, stalls of 150-300 ms while a corpus
#: was extracted; niced, the workers take only the time the window leaves.
WORKER_NICENESS = 10


def _warm_up() -> None:
    """Yield the processor to the app's own process, and load jieba's dictionary when the
    worker starts, not inside its first file."""
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(WORKER_NICENESS)
    from desktop.core.text.segmenter import tokenizer

    tokenizer()


def _stop(executor: futures.ProcessPoolExecutor) -> None:
    """Stop now: queued files are dropped and the workers still busy are terminated (a
    cancelled big file must not keep a core busy after the user moved on)."""
    processes = list(getattr(executor, "_processes", {}).values())  # no public handle on them
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=2)


def batches(tasks: Sequence[tuple[int, Any]], sizes: Sequence[int] | None) -> list[list[tuple[int, Any]]]:
    """``(index, task)`` pairs grouped, in their order, into batches of about
    :data:`BATCH_BYTES` (``sizes[index]``: the task's bytes) and at most :data:`BATCH_FILES`
    tasks; a big file is a batch of its own. No sizes: one task per batch."""
    if sizes is None:
        return [[task] for task in tasks]
    grouped: list[list[tuple[int, Any]]] = []
    current: list[tuple[int, Any]] = []
    weight = 0
    for task in tasks:
        current.append(task)
        weight += sizes[task[0]]
        if weight >= BATCH_BYTES or len(current) >= BATCH_FILES:
            grouped.append(current)
            current, weight = [], 0
    if current:
        grouped.append(current)
    return grouped


def run_batch(work: Callable[[Any], Any], tasks: list[Any]) -> list[Any]:
    """``work`` of each task of a batch, in a worker process."""
    return [work(task) for task in tasks]


def worker_count(jobs: int, tasks: Sequence[tuple[int, Any]], sizes: Sequence[int] | None = None) -> int:
    """How many worker processes ``tasks`` need: ``jobs``, or fewer when there are fewer batches."""
    return max(1, min(jobs, len(batches(tasks, sizes))))


@contextlib.contextmanager
def worker_pool(workers: int) -> Iterator[futures.ProcessPoolExecutor]:
    """``workers`` worker processes, for :func:`run_in_processes` and for work the corpus-level
    step hands them afterwards (:func:`desktop.core.events.corpus.extract`). Left normally,
    the workers are told to finish (idle by then, they exit on their own: waiting for them was
    a tenth of a second after the corpus-level step); left by an exception (a cancel, a worker
    that died), they are stopped at once. Either way the fork server is stopped too."""
    executor = futures.ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=_warm_up)
    clean = False
    try:
        yield executor
        clean = True
    finally:
        if clean:
            executor.shutdown(wait=False)
        else:
            _stop(executor)
        _stop_server()


def result_of(future: futures.Future, poll: Callable[[], None]) -> Any:
    """The result of work handed to a worker, calling ``poll()`` (which may raise to cancel)
    first and every :data:`POLL_SECONDS` while it is not ready; :class:`WorkerError` when the
    worker died."""
    while True:
        poll()
        try:
            return future.result(timeout=POLL_SECONDS)
        except futures.TimeoutError:
            continue
        except futures.process.BrokenProcessPool as exc:
            raise _died(exc) from None


def _died(exc: futures.process.BrokenProcessPool) -> WorkerError:
    return WorkerError(f"a worker process stopped unexpectedly ({exc})")


def run_in_processes(
    tasks: Sequence[tuple[int, tuple[str, str, int]]], jobs: int,
    work: Callable[[tuple[str, str, int]], Any] = extract_task,
    sizes: Sequence[int] | None = None,
    executor: futures.ProcessPoolExecutor | None = None,
) -> Iterator[tuple[int, FileResult] | None]:
    """``(index, result)`` of each ``(index, (path, identity, max_bytes))`` task as it
    finishes, in any order, with ``jobs`` workers; None every :data:`POLL_SECONDS` while
    waiting, so the caller can cancel (closing the generator stops the workers). ``work``
    (a module-level function, as workers import it) is what a worker runs on a task:
    :func:`~desktop.core.events.perfile.extract_task`, or one that also packs its result.
    With the files' ``sizes`` (by index), small files go to a worker in :func:`batches`.

    ``executor``: the :func:`worker_pool` to use, left running for more work; by default
    one of :func:`worker_count` workers, stopped when the generator ends.

    Raises :class:`WorkerError` when a worker died; an exception raised by the extraction
    itself is raised here as it would be in one process.
    """
    if executor is None:
        with worker_pool(worker_count(jobs, tasks, sizes)) as own:
            yield from run_in_processes(tasks, jobs, work, sizes, own)
        return
    grouped = batches(tasks, sizes)
    workers = max(1, min(jobs, len(grouped)))
    queued = iter(grouped)
    running: dict[futures.Future, list[int]] = {}

    def top_up() -> None:
        while len(running) < workers * IN_FLIGHT_PER_WORKER:
            batch = next(queued, None)
            if batch is None:
                return
            running[executor.submit(run_batch, work, [task for _, task in batch])] = [index for index, _ in batch]

    top_up()
    while running:
        done, _ = futures.wait(running, timeout=POLL_SECONDS, return_when=futures.FIRST_COMPLETED)
        if not done:
            yield None
        for future in done:
            indexes = running.pop(future)
            try:
                results = future.result()
            except futures.process.BrokenProcessPool as exc:
                raise _died(exc) from None
            yield from zip(indexes, results, strict=True)
        top_up()


def _stop_server() -> None:
    """Stop the process that forks the workers: it holds the engine loaded (a quarter of a
    gigabyte) and would keep it for as long as the window is open. The next extraction
    starts another; there is no public call for this (``ForkServer._stop`` is what
    multiprocessing's own tests use), so where it is missing the server stays."""
    import multiprocessing.forkserver as forkserver

    stop = getattr(getattr(forkserver, "_forkserver", None), "_stop", None)
    if stop is not None:
        with contextlib.suppress(OSError):
            stop()
