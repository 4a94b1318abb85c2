"""Extraction on a Dask cluster: the same per-file work, on many machines, the same corpus.

Each file is one task (:func:`~desktop.core.events.perfile.extract_task`, sent as plain
values: the workers read the files themselves, so they must see the same paths — a shared
or copied folder). The corpus-level IDF is a reduction on the cluster: each file's
document frequencies (:func:`~desktop.core.text.keyterms.document_frequencies`) are added up
pairwise in a tree of tasks; the client puts the files' results in file order and weighs the
key terms with the reduced frequencies (:func:`~desktop.core.events.corpus.assemble`), so the
ids, the order and the key terms are those of one process.

``address`` is a scheduler (``tcp://host:8786``) or ``local:N`` for a cluster of N worker
processes on this machine. An unreachable scheduler, or one (or its workers) lost mid-run,
raises :class:`ClusterError` with a message fit for the user; nothing is written.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.events.perfile import FileResult, extract_task
from desktop.core.reading.reader import DEFAULT_MAX_BYTES
from desktop.core.text.keyterms import document_frequencies

if TYPE_CHECKING:
    from desktop.core.events.corpus import Corpus

#: Seconds to wait for a scheduler before calling it unreachable.
CONNECT_TIMEOUT = 10


class ClusterError(RuntimeError):
    """The cluster could not be reached, or failed during the run."""


def _file_frequencies(result: FileResult) -> Counter[str]:
    return document_frequencies(result.counts)


def _add(*parts: Counter[str]) -> Counter[str]:
    total: Counter[str] = Counter()
    for part in parts:
        total.update(part)
    return total


def _client(address: str):  # noqa: ANN202 - distributed.Client, imported lazily
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError("Dask is not installed: pip install 'dask[distributed]'") from None
    try:
        if address.startswith("local:"):
            workers = int(address.split(":", 1)[1] or 0)
            if workers < 1:
                raise ClusterError(f"local:N needs a number of workers ≥ 1, not {address!r}")
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            try:
                return Client(cluster), cluster
            except BaseException:
                cluster.close()  # no worker processes left behind
                raise
        return Client(address, timeout=CONNECT_TIMEOUT), None
    except ClusterError:
        raise
    except ValueError as exc:
        raise ClusterError(f"not a Dask scheduler address: {address!r} ({exc})") from None
    except (OSError, TimeoutError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {exc}") from None


def _tree_sum(client, parts: list, fan_in: int = 8):  # noqa: ANN001, ANN202 - futures
    """The sum of the futures ``parts`` as a tree of tasks on the cluster (a reduction)."""
    if not parts:
        return client.submit(_add, pure=False)
    while len(parts) > 1:
        parts = [client.submit(_add, *parts[i:i + fan_in], pure=False) for i in range(0, len(parts), fan_in)]
    return parts[0]


def extract_on_dask(
    paths: Iterable[Path | str] | None,
    address: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[int, int], None] | None = None,
) -> Corpus:
    """The corpus of ``paths`` (default: the seeds) extracted on the Dask cluster at ``address``."""
    from desktop.core.events.corpus import _Assembly, plan

    planned = plan(paths)
    client, cluster = _client(address)
    try:
        from distributed import as_completed

        tasks = [(str(f), identity, max_bytes) for f, identity in zip(planned.files, planned.identities, strict=True)]
        futures = client.map(extract_task, tasks, pure=False)
        results: list[FileResult | None] = [None] * len(futures)
        index_of = {future.key: i for i, future in enumerate(futures)}
        for done, future in enumerate(as_completed(futures), start=1):
            results[index_of[future.key]] = future.result()
            if progress:
                progress(done, len(futures))
        # duplicates are dropped in file order, so which files count is known only now
        assembly = _Assembly(planned.problems, None)
        kept: list = []
        for future, result in zip(futures, results, strict=True):
            before = len(assembly.documents)
            assembly.add(result)
            if len(assembly.documents) > before:
                kept.append(client.submit(_file_frequencies, future, pure=False))
        frequency = _tree_sum(client, kept).result()
        del futures, kept
        return assembly.corpus(frequency)
    except ClusterError:
        raise
    except Exception as exc:
        import concurrent.futures  # noqa: PLC0415 - only with Dask

        import distributed.client  # noqa: PLC0415

        # FutureCancelledError is new in distributed 2024.6; before, a cancelled future raised this
        FutureCancelledError = getattr(distributed.client, "FutureCancelledError",  # noqa: N806
                                       concurrent.futures.CancelledError)

        if isinstance(exc, OSError | TimeoutError | FutureCancelledError) or type(exc).__module__.startswith(
                ("distributed", "tornado", "asyncio")):
            raise ClusterError(f"the Dask cluster at {address} failed during the run: "
                               f"{type(exc).__name__}: {exc}") from None
        raise
    finally:
        try:
            client.close()
            if cluster is not None:
                cluster.close()
        except Exception:  # noqa: BLE001 - closing a dead cluster may fail; the run's outcome stands
            pass
