"""Work per distinct value (desktop.core.distinct) and the store's list columns read per distinct list."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from desktop.core.distinct import object_counts, per_category, per_object, per_value
from desktop.core.store.parquet import _amounts, _lists


def test_per_category_asks_once_per_category_and_gives_the_default_to_missing_and_unknown():
    column = pd.Series(pd.Categorical(["day", None, "year", "day", "month"], categories=["day", "month", "year"]))
    codes = per_category(column, {"day": 1, "year": 3}, default=0, dtype=np.int16)
    assert codes.tolist() == [1, 0, 3, 1, 0]
    assert codes.dtype == np.int16
    assert per_category(pd.Series(["day", "x"], dtype=object), {"day": 1}, 9).tolist() == [1, 9]


def test_per_object_makes_once_per_object_and_object_counts_count_rows():
    shared, other, equal = ["天津"], ["北京"], ["天津"]
    calls = []

    def make(value):
        calls.append(value)
        return "|".join(value)

    assert per_object([shared, other, shared, equal], make) == ["天津", "北京", "天津", "天津"]
    assert len(calls) == 3  # the shared list once, the equal but separate one again
    counts = {id(obj): n for obj, n in object_counts([shared, other, shared, equal])}
    assert counts == {id(shared): 2, id(other): 1, id(equal): 1}


def test_store_lists_read_per_distinct_list_give_the_values_row_by_row():
    values = [["天津", "北京"], [], None, ["天津", "北京"], ["a"], ["天津", "北京"]]
    column = pa.chunked_array([pa.array(values[:3], pa.list_(pa.string())), pa.array(values[3:], pa.list_(pa.string()))])
    read = list(_lists(column))
    assert read == [v or [] for v in values]
    assert read[0] is read[3]  # rows holding one list share it
    tricky = [["", "x"], ["a\x1fb"], []]  # cannot be joined and split: read one by one
    assert list(_lists(pa.chunked_array([pa.array(tricky, pa.list_(pa.string()))]))) == tricky
    assert list(_lists(pa.chunked_array([], pa.list_(pa.string())))) == []


def test_store_amounts_decode_each_text_once():
    texts = ['[{"kind": "money", "value": 5}]', "[]", None, '[{"kind": "money", "value": 5}]']
    read = list(_amounts(pa.chunked_array([pa.array(texts, pa.string())])))
    assert read == [[{"kind": "money", "value": 5}], [], [], [{"kind": "money", "value": 5}]]
    assert read[0] is read[3]


def test_per_value_makes_once_per_distinct_value_and_once_for_missing():
    calls = []
    column = pd.Series(pd.to_datetime(["2024-01-02", None, "2024-01-02", "2023-05-06"]))
    made = per_value(column, lambda v: calls.append(v) or (None if v is pd.NA else v.date().isoformat()))
    assert made == ["2024-01-02", None, "2024-01-02", "2023-05-06"]
    assert len(calls) == 3 and made[0] is made[2]


def test_keep_rows_is_the_frames_boolean_filter(seeds_corpus):
    from desktop.core.events.table import keep_rows

    frame = seeds_corpus.events
    rng = np.random.default_rng(1)
    for keep in (np.zeros(len(frame), bool), np.ones(len(frame), bool), rng.random(len(frame)) < 0.5):
        kept = keep_rows(frame, keep)
        pd.testing.assert_frame_equal(kept, frame[keep], check_exact=True)
        assert list(kept.dtypes) == list(frame.dtypes) and kept.index.name == frame.index.name


def test_per_object_and_object_counts_over_more_rows_than_one_pass():
    """The loops run in passes of PASS_ROWS rows (the GIL is let go between them): an object
    whose rows fall in several passes is still made once and counted whole."""
    from desktop.core import distinct

    shared, other = ["天津市"], ["北京市"]
    rows = distinct.PASS_ROWS * 2 + 7
    values = [shared if i % 3 else other for i in range(rows)] + [["上海市"]]
    made: list[list[str]] = []
    result = per_object(values, lambda v: made.append(v) or len(v[0]) * 10 + len(made))
    assert len(made) == 3 and len(result) == len(values)
    assert result[1] == result[-2] and result[0] != result[1] and result[-1] != result[0]
    counts = {tuple(value): count for value, count in object_counts(values)}
    assert counts == {("天津市",): sum(1 for i in range(rows) if i % 3), ("北京市",): sum(1 for i in range(rows) if not i % 3),
                      ("上海市",): 1}
