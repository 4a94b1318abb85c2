"""What makes a folder an event store (its manifest) and the error a bad one raises.

Apart from :mod:`desktop.core.store.parquet`, which imports pandas and pyarrow: the CLI asks
whether a path is a store before every extraction, and that question should not cost the
third of a second those imports take before the worker processes can start.
"""

from __future__ import annotations

from pathlib import Path

SCHEMA = "desktop-timeline event store"
VERSION = 1
MANIFEST = "store.json"


class StoreError(ValueError):
    """A folder that is not a readable event store (the message says why)."""


def is_store(path: Path | str) -> bool:
    """Whether ``path`` is a folder holding an event store's manifest."""
    return (Path(path) / MANIFEST).is_file()
