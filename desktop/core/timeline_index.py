"""Which events of which lane lie in a time window — binary search, no scan.

The events of a lane are split into buckets by duration (a day, a week, a month, a
quarter, a year, a decade, longer); each bucket is sorted by start day. An event
overlaps the window ``[v0, v1)`` when ``start < v1`` and ``end > v0``; inside a bucket
whose longest event lasts ``D`` days that means ``start ∈ [v0 − D, v1)``, two binary
searches. So the cost of a query follows the events near the window, never the
events outside it, however many there are.

Arrays hold day numbers (days since 1970-01-01, :mod:`desktop.core.timescale`);
``end`` is exclusive (the day after the event's last day).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .dates import PRECISIONS, clock_of_edtf
from .timescale import EPOCH

BUCKET_LIMITS = np.array([1, 7, 31, 92, 366, 3660, np.inf])
LANE_MODES = ("article", "category", "single")
PRECISION_CODES = {name: code for code, name in enumerate(PRECISIONS)}
TENSE_CODES = {"past": 0, "ongoing": 1, "planned": 2}


@dataclass(slots=True)
class _Bucket:
    starts: np.ndarray  # sorted start days
    rows: np.ndarray  # event rows (positions in the frame), same order
    longest: float  # longest duration in the bucket, days


@dataclass(slots=True)
class Lane:
    key: str
    label: str
    buckets: list[_Bucket] = field(default_factory=list)
    count: int = 0


@dataclass(slots=True)
class TimelineIndex:
    """Event arrays (by frame position) and the per-lane search structure."""

    start: np.ndarray  # float64 day numbers
    end: np.ndarray  # float64, exclusive
    lane: np.ndarray  # int32 lane of each event
    category: np.ndarray  # int16 code (position in ``categories``)
    precision: np.ndarray  # int16 code (PRECISION_CODES)
    tense: np.ndarray  # int8 code (TENSE_CODES)
    lanes: list[Lane]
    categories: list[str]
    hidden: np.ndarray  # bool: filtered out

    @property
    def size(self) -> int:
        return len(self.start)

    def visible(self, lane: int, v0: float, v1: float) -> np.ndarray:
        """Rows of ``lane`` overlapping ``[v0, v1)``, sorted by start."""
        parts = []
        for bucket in self.lanes[lane].buckets:
            lo = np.searchsorted(bucket.starts, v0 - bucket.longest, side="left")
            hi = np.searchsorted(bucket.starts, v1, side="left")
            if hi > lo:
                rows = bucket.rows[lo:hi]
                parts.append(rows[self.end[rows] > v0])
        if not parts:
            return np.empty(0, dtype=np.int64)
        rows = np.concatenate(parts) if len(parts) > 1 else parts[0]
        if len(parts) > 1:
            rows = rows[np.argsort(self.start[rows], kind="stable")]
        return rows

    def extent(self) -> tuple[float, float] | None:
        """First start and last end of the shown (not hidden) events."""
        shown = ~self.hidden
        if not shown.any():
            return None
        return float(self.start[shown].min()), float(self.end[shown].max())


def day_numbers(column: pd.Series) -> np.ndarray:
    """Datetime column → float day numbers."""
    values = column.to_numpy(dtype="datetime64[D]")
    return (values - np.datetime64(EPOCH, "D")).astype(np.float64)


def _place_clock_times(frame: pd.DataFrame, start: np.ndarray, end: np.ndarray) -> None:
    """Events of ``hour`` / ``minute`` precision (下午3时许): their hour or minute of the day,
    read from their EDTF (``2008-10-17T15``), instead of the whole day."""
    fine = frame["precision"].isin(["hour", "minute"]).to_numpy()
    for row in np.flatnonzero(fine):
        clock = clock_of_edtf(str(frame["edtf"].iat[row]))
        if clock is None:
            continue
        hour, minute = clock
        start[row] = start[row] + (hour * 60 + (minute or 0)) / 1440.0
        end[row] = start[row] + (1 / 24 if minute is None else 1 / 1440)


def lane_keys(frame: pd.DataFrame, mode: str) -> tuple[np.ndarray, list[tuple[str, str]]]:
    """Lane of each event and the lanes' (key, label), in display order."""
    if mode == "category":
        categories = list(frame["category"].cat.categories) if len(frame) else []
        present = [c for c in categories if (frame["category"] == c).any()]
        keys = [(c, c) for c in present]
        lookup = {c: i for i, (c, _) in enumerate(keys)}
        return np.array([lookup[c] for c in frame["category"]], dtype=np.int32), keys
    if mode == "single":
        return np.zeros(len(frame), dtype=np.int32), [("all", "全部事件")]
    # one lane per article, in order of the article's first event
    keys: list[tuple[str, str]] = []
    lookup: dict[str, int] = {}
    lanes = np.empty(len(frame), dtype=np.int32)
    for position, (article_id, title) in enumerate(zip(frame["article_id"], frame["article_title"], strict=True)):
        if article_id not in lookup:
            lookup[article_id] = len(keys)
            keys.append((article_id, title if isinstance(title, str) and title else article_id))
        lanes[position] = lookup[article_id]
    return lanes, keys


def build_index(frame: pd.DataFrame, mode: str = "article", hidden: np.ndarray | None = None) -> TimelineIndex:
    """The index of a frame's events, in lanes by ``mode``; ``hidden`` events are left out."""
    n = len(frame)
    start = day_numbers(frame["start"]) if n else np.empty(0)
    end = day_numbers(frame["end"]) + 1.0 if n else np.empty(0)
    if n:
        _place_clock_times(frame, start, end)
    hidden = np.zeros(n, dtype=bool) if hidden is None else hidden.astype(bool)
    lane, keys = lane_keys(frame, mode) if n else (np.empty(0, dtype=np.int32), [])
    categories = list(frame["category"].cat.categories) if n else []
    category = frame["category"].cat.codes.to_numpy(dtype=np.int16) if n else np.empty(0, dtype=np.int16)
    precision = np.array([PRECISION_CODES.get(p, 0) for p in frame["precision"]], dtype=np.int16)
    tense = np.array([TENSE_CODES.get(t, 0) for t in frame["tense"]], dtype=np.int8)
    duration = end - start
    bucket_of = np.searchsorted(BUCKET_LIMITS, duration, side="left")
    lanes = [Lane(key, label) for key, label in keys]
    shown = np.flatnonzero(~hidden)
    for lane_number, lane_obj in enumerate(lanes):
        mine = shown[lane[shown] == lane_number]
        lane_obj.count = len(mine)
        for bucket in range(len(BUCKET_LIMITS)):
            rows = mine[bucket_of[mine] == bucket]
            if len(rows) == 0:
                continue
            rows = rows[np.argsort(start[rows], kind="stable")]
            lane_obj.buckets.append(_Bucket(start[rows], rows, float(duration[rows].max())))
    return TimelineIndex(start, end, lane, category, precision, tense, lanes, categories, hidden)
