"""Work done once per distinct value of a column, not once per row.

A table of a million events holds far fewer distinct values than rows: a categorical
column a dozen categories, a list column the lists that rows share (an event store gives
rows with the same places one list object; see :mod:`desktop.core.store.parquet`). Python
work per row cost seconds there; per distinct value it costs milliseconds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from typing import Any, TypeVar

import numpy as np
import pandas as pd

T = TypeVar("T")


def per_category(column: pd.Series, lookup: Mapping[Hashable, int], default: int, dtype: Any = np.int64) -> np.ndarray:
    """``lookup[value]`` (``default`` when absent or missing) of every row, asked once per
    category of a categorical column (any other column: once per row)."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        table = np.array([lookup.get(c, default) for c in column.cat.categories] + [default], dtype=dtype)
        return table[column.cat.codes.to_numpy()]  # code -1 (missing): the last entry
    return np.array([lookup.get(v, default) for v in column], dtype=dtype)


def per_value(column: pd.Series, make: Callable[[Any], T]) -> list[T]:
    """``make(value)`` of every row of a column, made once per distinct value (``pd.NA`` for a
    missing one); rows with equal values share the result. A million events hold a few
    thousand dates and outlets: a Timestamp or a text per row was seconds."""
    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    made = np.empty(len(uniques) + 1, dtype=object)
    made[:-1] = [make(value) for value in uniques]
    made[-1] = make(pd.NA)  # code -1: a missing value
    return made[codes].tolist()


#: Rows per pass of the loops below that run in C: one pass over a million rows held the GIL,
#: and so the window when run in the background, ~100 ms; between passes other threads run.
PASS_ROWS = 50_000


def _passes(values: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(values), PASS_ROWS):
        yield values[start:start + PASS_ROWS]


def per_object(values: Iterable[Any], make: Callable[[Any], T]) -> list[T]:
    """``make(value)`` of every value, made once per distinct object (rows sharing one list
    share the result; equal lists that are separate objects are simply made twice)."""
    values = values if isinstance(values, list) else list(values)
    objects: dict[int, Any] = {}
    for part in _passes(values):
        objects.update(zip(map(id, part), part, strict=True))
    made = {key: make(value) for key, value in objects.items()}
    result: list[T] = []
    for part in _passes(values):
        result.extend(map(made.__getitem__, map(id, part)))
    return result


def object_counts(values: Iterable[Any]) -> list[tuple[Any, int]]:
    """The distinct objects of ``values`` with how many rows hold each (see :func:`per_object`)."""
    values = values if isinstance(values, list) else list(values)
    objects: dict[int, Any] = {}
    counts: Counter[int] = Counter()
    for part in _passes(values):
        objects.update(zip(map(id, part), part, strict=True))
        counts.update(map(id, part))
    return [(objects[key], count) for key, count in counts.items()]
