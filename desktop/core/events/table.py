"""The events DataFrame: one typed table of all events of a corpus.

Columns (dtype): ``id`` (string, the index too), ``article_id``, ``file``, ``article_title``,
``outlet`` (string), ``published`` (datetime64[s], NaT when unknown), ``published_edtf``,
``published_basis`` (string), ``published_confidence`` (float), ``start``/``end``
(datetime64[s], inclusive days), ``precision`` (category), ``edtf`` (string), ``tense``
(category), ``resolved_against``, ``date_text`` (string), ``date_start``/``date_end``
(int, offsets in the decoded file text), ``sentence`` (string), ``sentence_start``/
``sentence_end`` (int), ``title`` (string), ``category`` (category, fixed list),
``places``/``orgs``/``keyterms`` (object: lists of str), ``amounts`` (object: list of dict),
``origin`` (category: ``extracted`` by the engine, ``edited`` or ``manual`` by the user, see
:mod:`desktop.core.project`), ``hidden`` (bool: True for events the user hid; the views and
exports leave them out). Rows are sorted by start, end, file and offset, so views can bisect on ``start``.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from desktop.core import vocab
from desktop.core.events.categories import categories

if TYPE_CHECKING:
    from desktop.core.events.pipeline import Event


def _use_jemalloc() -> None:
    """Arrow's buffers (the events table's strings, every Parquet read) from jemalloc rather
    than the wheel's default mimalloc, unless ``ARROW_DEFAULT_MEMORY_POOL`` chooses: a
    million-event store read in 1.7 s instead of 3.5 s with a third less resident memory
    (mimalloc paid for fresh pages on every first read). A build without jemalloc keeps its pool."""
    if os.environ.get("ARROW_DEFAULT_MEMORY_POOL"):
        return
    with contextlib.suppress(NotImplementedError):
        pa.set_memory_pool(pa.jemalloc_memory_pool())


_use_jemalloc()

PRECISIONS = list(vocab.PRECISIONS)
TENSES = list(vocab.TENSES)
ORIGINS = list(vocab.ORIGINS)
COLUMNS = [
    "id", "article_id", "file", "article_title", "outlet", "published", "published_edtf",
    "published_basis", "published_confidence", "start", "end", "precision", "edtf", "tense",
    "resolved_against", "date_text", "date_start", "date_end", "sentence", "sentence_start",
    "sentence_end", "title", "category", "places", "orgs", "amounts", "keyterms", "origin", "hidden",
]
_STRINGS = ["id", "article_id", "file", "article_title", "outlet", "published_edtf",
            "published_basis", "edtf", "resolved_against", "date_text", "sentence", "title"]


_EPOCH = date(1970, 1, 1).toordinal()
_NAT = np.iinfo(np.int64).min  # NaT's integer


def _days(values: list) -> pd.Series:
    # ordinals, not np.datetime64 per value: that was a second of every big table built
    ordinals = np.fromiter((_NAT if v is None else v.toordinal() - _EPOCH for v in values),
                           dtype=np.int64, count=len(values))
    return pd.Series(ordinals.view("datetime64[D]").astype("datetime64[s]"))


def events_frame(events: list[Event]) -> pd.DataFrame:
    """The typed, sorted DataFrame of the given events (an empty one with all columns if none)."""
    events = _in_table_order(events)
    rows = {
        "id": [e.id for e in events],
        "article_id": [e.article_id for e in events],
        "file": [e.file for e in events],
        "article_title": [e.article_title for e in events],
        "outlet": [e.outlet for e in events],
        "published": _days([e.published for e in events]),
        "published_edtf": [e.published_edtf for e in events],
        "published_basis": [e.published_basis for e in events],
        "published_confidence": pd.Series([e.published_confidence for e in events], dtype="float64"),
        "start": _days([e.start for e in events]),
        "end": _days([e.end for e in events]),
        "precision": pd.Categorical([e.precision for e in events], categories=PRECISIONS),
        "edtf": [e.edtf for e in events],
        "tense": pd.Categorical([e.tense for e in events], categories=TENSES),
        "resolved_against": [e.resolved_against for e in events],
        "date_text": [e.date_text for e in events],
        "date_start": pd.Series([e.date_span[0] for e in events], dtype="int64"),
        "date_end": pd.Series([e.date_span[1] for e in events], dtype="int64"),
        "sentence": [e.sentence for e in events],
        "sentence_start": pd.Series([e.sentence_span[0] for e in events], dtype="int64"),
        "sentence_end": pd.Series([e.sentence_span[1] for e in events], dtype="int64"),
        "title": [e.title for e in events],
        "category": pd.Categorical([e.category for e in events], categories=categories()),
        "places": pd.Series([e.places for e in events], dtype=object),
        "orgs": pd.Series([e.orgs for e in events], dtype=object),
        "amounts": pd.Series([e.amounts for e in events], dtype=object),
        "keyterms": pd.Series([e.keyterms for e in events], dtype=object),
        "origin": pd.Categorical(["extracted"] * len(events), categories=ORIGINS),
        "hidden": pd.Series([False] * len(events), dtype=bool),
    }
    for column in _STRINGS:
        rows[column] = pd.array(rows[column], dtype="string")
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame.index = pd.Index(frame["id"], name="event")
    return frame


def _in_table_order(events: list[Event]) -> list[Event]:
    """The events in the table's order: by start, end, file and offset. Sorted before the
    table is made rather than the table after: sorting a table copies every column, which
    at 100,000 articles was 0.7 GB more memory at the extraction's peak."""
    keys = pd.DataFrame({
        "start": _days([e.start for e in events]),
        "end": _days([e.end for e in events]),
        "file": pd.array([e.file for e in events], dtype="string"),
        "date_start": np.fromiter((e.date_span[0] for e in events), dtype=np.int64, count=len(events)),
    })
    order = keys.sort_values(["start", "end", "file", "date_start"], kind="stable").index
    return [events[i] for i in order]


def values_in(column: pd.Series, wanted: Iterable[object]) -> np.ndarray:
    """Which rows of a string column (ids, clusters, articles) hold one of ``wanted``, as a
    boolean array, by Arrow's hash lookup. pandas' ``isin`` on an Arrow-backed string column
    makes an Arrow scalar of every wanted value (and an Index of Python strings is inferred
    Arrow-backed again): 15 s for a million ids, 1.5 s this way."""
    values = pa.array(column, type=pa.large_string()) if len(column) else pa.array([], pa.large_string())
    chosen = pa.array(list({str(v) for v in wanted}), type=pa.large_string())
    return pc.is_in(values, value_set=chosen).to_numpy(zero_copy_only=False).astype(bool, copy=False)


def keep_rows(frame: pd.DataFrame, keep: np.ndarray) -> pd.DataFrame:
    """``frame[keep]`` (a boolean mask), column by column: Arrow-backed columns through Arrow's
    filter, which copies a chunked column's strings in runs. pandas turns the mask into a take
    per column: 1.1-1.4 s for a million events against 0.4 s this way."""
    keep = np.asarray(keep, dtype=bool)
    if keep.all():
        return frame.copy(deep=False)  # copy-on-write: the result's own columns, no copy of data
    mask = pa.array(keep, type=pa.bool_())
    columns = {}
    for name in frame.columns:
        values = frame[name].array
        if isinstance(values, pd.arrays.ArrowExtensionArray):
            columns[name] = type(values)(pc.filter(values.__arrow_array__(), mask))
        else:
            columns[name] = values[keep]
    return pd.DataFrame(columns, index=frame.index[keep], copy=False)


def arrow_rows_in_order(values: pd.api.extensions.ExtensionArray, chosen: np.ndarray,
                        order: np.ndarray) -> list | None:
    """The values of an Arrow-backed column at the rows ``chosen`` marks, rearranged by
    ``order`` (positions among them), as Python values (missing ones None); None for a column
    that is not Arrow-backed. Filtered first, then taken from the small result: Arrow's take
    on a chunked column of a million rows joins its chunks first (0.57 s for the sources of
    a million-event store's merged items against 0.16 s this way)."""
    if not isinstance(values, pd.arrays.ArrowExtensionArray):
        return None
    few = pc.filter(values.__arrow_array__(), pa.array(np.asarray(chosen, dtype=bool), type=pa.bool_()))
    return few.combine_chunks().take(pa.array(np.asarray(order, dtype=np.int64))).to_pylist()

