"""Work done once per distinct value of a column, not once per row.

A table of a million events holds far fewer distinct values than rows: a categorical
column a dozen categories, a list column the lists that rows share (an event store gives
rows with the same places one list object; see :mod:`desktop.core.store.parquet`). Python
work per row cost seconds there; per distinct value it costs milliseconds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping
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


def per_object(values: Iterable[Any], make: Callable[[Any], T]) -> list[T]:
    """``make(value)`` of every value, made once per distinct object (rows sharing one list
    share the result; equal lists that are separate objects are simply made twice)."""
    values = values if isinstance(values, list) else list(values)
    made: dict[int, T] = {}
    for key, value in dict(zip(map(id, values), values, strict=True)).items():
        made[key] = make(value)
    return list(map(made.__getitem__, map(id, values)))


def object_counts(values: Iterable[Any]) -> list[tuple[Any, int]]:
    """The distinct objects of ``values`` with how many rows hold each (see :func:`per_object`)."""
    values = values if isinstance(values, list) else list(values)
    objects = dict(zip(map(id, values), values, strict=True))
    return [(objects[key], count) for key, count in Counter(map(id, values)).items()]
