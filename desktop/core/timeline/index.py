"""Which events of which lane lie in a time window — binary search, no scan.

The events of a lane are split into buckets by duration (a day, a week, a month, a
quarter, a year, a decade, longer); each bucket is sorted by start day. An event
overlaps the window ``[v0, v1)`` when ``start < v1`` and ``end > v0``; inside a bucket
whose longest event lasts ``D`` days that means ``start ∈ [v0 − D, v1)``, two binary
searches. So the cost of a query follows the events near the window, never the
events outside it, however many there are.

Arrays hold day numbers (days since 1970-01-01, :mod:`desktop.core.timeline.scale`);
``end`` is exclusive (the day after the event's last day).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from desktop.core.dates import clock_of_edtf
from desktop.core.distinct import per_category, per_object
from desktop.core.language import pick
from desktop.core.text.places import hierarchy
from desktop.core.timeline.scale import EPOCH, MAX_LABEL_ROOM_STRETCH, MAX_SPAN_DAYS
from desktop.core.vocab import PRECISIONS, TENSES, category_name, dated_by_publication_rows

BUCKET_LIMITS = np.array([1, 7, 31, 92, 366, 3660, np.inf])
FIT_IGNORES_LONGER_THAN = 30 * 366.0  # days: events longer than this do not widen "fit all"
#: The widest stretch "fit all" picks events from: the scale shows at most MAX_SPAN_DAYS,
#: and the fit adds a margin (5 % a side) and room for labels on top of the events' span.
FIT_WINDOW_DAYS = MAX_SPAN_DAYS / (1.1 * MAX_LABEL_ROOM_STRETCH)
AUTO_ARTICLE_LANES = 30  # "auto" lanes: one per article up to this many articles, else per source
#: Lane names the engine makes up (the others are the data's own: titles, outlets, places).
LANE_LABELS = {"all": ("全部事件", "All events"), "no-source": ("来源不详", "Source unknown"),
               "no-place": ("地点不详", "Place unknown")}


def _label(key: str) -> str:
    return pick(*LANE_LABELS[key])
PRECISION_CODES = {name: code for code, name in enumerate(PRECISIONS)}
TENSE_CODES = {name: code for code, name in enumerate(TENSES)}


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
    lane: np.ndarray  # int32 lane of each event (-1: in no lane, all its lane's events filtered out)
    category: np.ndarray  # int16 code (position in ``categories``)
    precision: np.ndarray  # int16 code (PRECISION_CODES)
    tense: np.ndarray  # int8 code (TENSE_CODES)
    lanes: list[Lane]
    categories: list[str]
    hidden: np.ndarray  # bool: filtered out
    mode: str = "article"  # how the events are laned (``auto`` resolved)
    #: bool: the event's text names no date, it stands on its article's publication day
    reported: np.ndarray | None = None
    # answers of fit_extent and latest_shown by their arguments: an index never changes, and a
    # fit sorts every shown start (80 ms at a million events, asked on each resize and fit)
    _answers: dict[tuple[str, float], Any] = field(default_factory=dict, repr=False, compare=False)

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

    def count_visible(self, lane: int, v0: float, v1: float) -> int:
        """About how many events of ``lane`` overlap ``[v0, v1)`` — binary searches only (it
        counts every event that starts in reach; an upper bound, exact without long events)."""
        total = 0
        for bucket in self.lanes[lane].buckets:
            lo = np.searchsorted(bucket.starts, v0 - bucket.longest, side="left")
            hi = np.searchsorted(bucket.starts, v1, side="left")
            total += int(hi - lo)
        return total

    def density(self, lane: int, edges: np.ndarray, among: np.ndarray | None = None) -> np.ndarray:
        """Events of ``lane`` per bin ``[edges[i], edges[i+1])``, by start day; events that began
        before the first edge and still run count in the first bin. Binary searches per bucket:
        the cost does not grow with the events in view, so a million events draw as fast as ten.
        ``among`` (bool per row, such as the search's matches): only those events are counted,
        at the cost of a look at each event in view."""
        counts = np.zeros(len(edges) - 1, dtype=np.int64)
        for bucket in self.lanes[lane].buckets:
            positions = np.searchsorted(bucket.starts, edges, side="left")
            if among is None:
                counts += np.diff(positions)
            else:
                kept = among[bucket.rows[positions[0]:positions[-1]]]
                starts = bucket.starts[positions[0]:positions[-1]][kept]
                bins = np.searchsorted(edges, starts, side="right") - 1
                counts += np.bincount(bins, minlength=len(counts))[:len(counts)]
            lo = np.searchsorted(bucket.starts, edges[0] - bucket.longest, side="left")
            if positions[0] > lo:
                early = bucket.rows[lo:positions[0]]
                running = self.end[early] > edges[0]
                if among is not None:
                    running &= among[early]
                counts[0] += int(np.count_nonzero(running))
        return counts

    def extent(self) -> tuple[float, float] | None:
        """First start and last end of the shown (not hidden) events."""
        shown = ~self.hidden
        if not shown.any():
            return None
        return float(self.start[shown].min()), float(self.end[shown].max())

    def fit_extent(self, longest_days: float = FIT_IGNORES_LONGER_THAN) -> tuple[float, float] | None:
        """The span a "fit all" shows: that of the shown events, leaving out very long ones
        (本世纪, a 2000–2099 band) unless there is nothing else — one century-long event
        would otherwise squeeze every dated event of a corpus into a sliver."""
        key = ("fit", longest_days)
        if key not in self._answers:
            self._answers[key] = self._fit_extent(longest_days)
        return self._answers[key]

    def latest_shown(self, count: int) -> np.ndarray:
        """Rows of the ``count`` latest-starting shown events (any order): whose labels a fit
        leaves room for at the right edge."""
        key = ("latest", count)
        if key not in self._answers:
            shown = np.flatnonzero(~self.hidden)
            if len(shown) > count:
                shown = shown[np.argpartition(self.start[shown], len(shown) - count)[-count:]]
            self._answers[key] = shown
        return self._answers[key]

    def _fit_extent(self, longest_days: float) -> tuple[float, float] | None:
        shown = ~self.hidden
        if not shown.any():
            return None
        short = shown & (self.end - self.start <= longest_days)
        use = short if short.any() else shown
        first, last = float(self.start[use].min()), float(self.end[use].max())
        if last - first <= FIT_WINDOW_DAYS:
            return first, last
        return _densest_window(np.sort(self.start[use]), FIT_WINDOW_DAYS)


#: "Fit all" over a corpus wider than the widest view shows the shortest stretch holding
#: this share of its events (a few birth years or a plan to 2099 are outliers).
FIT_SHARE = 0.9


def _densest_window(starts: np.ndarray, window: float) -> tuple[float, float]:
    """The shortest stretch holding :data:`FIT_SHARE` of the event starts (``starts``
    sorted), at most ``window`` days: when a corpus spans more than the widest view (a
    patient born in 1938 in a 2020 news flash, a plan to 2099), "fit all" shows where its
    events are, not the empty middle of its range."""
    count = max(1, int(np.ceil(FIT_SHARE * len(starts))))
    widths = starts[count - 1 :] - starts[: len(starts) - count + 1]
    best = len(widths) - 1 - int(np.argmin(widths[::-1]))  # the latest of equally short ones
    first, last = float(starts[best]), float(starts[best + count - 1])
    return first, min(max(last, first + 1.0), first + window)


def day_numbers(column: pd.Series) -> np.ndarray:
    """Datetime column → float day numbers."""
    values = column.to_numpy(dtype="datetime64[D]")
    days = (values - np.datetime64(EPOCH, "D")).astype(np.float64)
    days[np.isnat(values)] = np.nan  # a partial date (XXXX-05-16) has no day on the axis
    return days


def resolve_lane_mode(frame: pd.DataFrame, mode: str) -> str:
    """The lanes a mode gives for this frame: ``auto`` is one lane per article while there
    are few articles, else one per source (thousands of one-article lanes help nobody)."""
    if mode != "auto":
        return mode
    articles = frame["article_id"].nunique() if len(frame) else 0
    return "article" if articles <= AUTO_ARTICLE_LANES else "source"


def _province(places: list[str]) -> str:
    for place in places:
        chain = hierarchy(place)
        if chain:
            return chain[-1]
    return ""


def _place_clock_times(frame: pd.DataFrame, start: np.ndarray, end: np.ndarray) -> None:
    """Events of ``hour`` / ``minute`` precision (下午3时许): their hour or minute of the day,
    read from their EDTF (``2008-10-17T15``), instead of the whole day."""
    rows = np.flatnonzero(frame["precision"].isin(["hour", "minute"]).to_numpy())
    # the values of these rows taken at once: a ``.iat`` per row cost 60 ms of every rebuild,
    # the whole column as Python strings 0.3 s of a million events
    edtfs = frame["edtf"].iloc[rows].astype(object).tolist()
    for row, edtf in zip(rows.tolist(), edtfs, strict=True):
        clock = clock_of_edtf(str(edtf))
        if clock is None:
            continue
        hour, minute = clock
        start[row] = start[row] + (hour * 60 + (minute or 0)) / 1440.0
        end[row] = start[row] + (1 / 24 if minute is None else 1 / 1440)


def lane_keys(frame: pd.DataFrame, mode: str) -> tuple[np.ndarray, list[tuple[str, str]]]:
    """Lane of each event and the lanes' (key, label), in display order.

    ``article``: one lane per article, in the order of its first event; ``source``: per
    outlet (else the folder the file came from), most events first; ``category``: per
    category, in the categories' order; ``place``: per province (or municipality) of the
    event's first known place; ``single``: one lane. ``auto`` is resolved first.
    """
    mode = resolve_lane_mode(frame, mode)
    if mode == "single":
        return np.zeros(len(frame), dtype=np.int32), [("all", _label("all"))]
    if mode == "category":
        codes = frame["category"].cat.codes.to_numpy()
        names = list(frame["category"].cat.categories)
        present = sorted(set(codes.tolist()) - {-1})
        renumber = np.full(len(names) + 1, -1, dtype=np.int32)
        renumber[present] = np.arange(len(present), dtype=np.int32)
        return renumber[codes], [(names[c], category_name(names[c])) for c in present]
    if mode in ("source", "place"):
        if mode == "source":
            # kept as Arrow strings: as Python objects, a million outlets cost 0.5 s per rebuild
            values = frame["outlet"].fillna("")
            if "folder" in frame:
                unnamed = (values == "").to_numpy(dtype=bool)
                if unnamed.any():
                    values = values.where(~unnamed, frame["folder"].fillna("").astype(values.dtype))
            unknown = _label("no-source")
        else:
            values = pd.Series(per_object(frame["places"].tolist(), _province), index=frame.index)
            unknown = _label("no-place")
        codes, uniques = pd.factorize(values, sort=False)
        uniques = [str(u) for u in uniques]
        # most events first; the unknown lane last
        counts = np.bincount(codes, minlength=len(uniques))
        order = sorted(range(len(uniques)), key=lambda i: (uniques[i] == "", -counts[i], str(uniques[i])))
        renumber = np.empty(len(uniques), dtype=np.int32)
        renumber[order] = np.arange(len(order), dtype=np.int32)
        keys = [(str(uniques[i]) or "", str(uniques[i]) or unknown) for i in order]
        return renumber[codes], keys
    # one lane per article, in order of the article's first event
    codes, uniques = pd.factorize(frame["article_id"], sort=False)
    _, first = np.unique(codes, return_index=True)  # the first row of each article
    titles = frame["article_title"].to_numpy(dtype=object)[first] if len(first) else []
    keys = [(str(article), title if isinstance(title, str) and title else str(article))
            for article, title in zip(uniques, titles, strict=True)]
    return codes.astype(np.int32), keys


def lane_mask(frame: pd.DataFrame, mode: str, key: str) -> np.ndarray:
    """Events in the lane ``key`` of lane mode ``mode`` (the "only this lane" filter)."""
    if not len(frame):
        return np.zeros(0, dtype=bool)
    lanes, keys = lane_keys(frame, mode)
    wanted = [number for number, (lane_key, _) in enumerate(keys) if lane_key == key]
    return np.isin(lanes, wanted)


def build_index(frame: pd.DataFrame, mode: str = "article", hidden: np.ndarray | None = None) -> TimelineIndex:
    """The index of a frame's events, in lanes by ``mode``; ``hidden`` events are left out."""
    n = len(frame)
    start = day_numbers(frame["start"]) if n else np.empty(0)
    end = day_numbers(frame["end"]) + 1.0 if n else np.empty(0)
    if n:
        _place_clock_times(frame, start, end)
    hidden = np.zeros(n, dtype=bool) if hidden is None else hidden.astype(bool)
    hidden = hidden | np.isnan(start)  # partial dates are listed, not drawn
    mode = resolve_lane_mode(frame, mode)
    lane, keys = lane_keys(frame, mode) if n else (np.empty(0, dtype=np.int32), [])
    categories = list(frame["category"].cat.categories) if n else []
    category = frame["category"].cat.codes.to_numpy(dtype=np.int16) if n else np.empty(0, dtype=np.int16)
    precision = per_category(frame["precision"], PRECISION_CODES, 0, np.int16)
    tense = per_category(frame["tense"], TENSE_CODES, 0, np.int8)
    duration = end - start
    bucket_of = np.searchsorted(BUCKET_LIMITS, duration, side="left")
    shown = np.flatnonzero(~hidden)
    # lanes left empty by the filters take no room: renumber the others, in their order
    counts = np.bincount(lane[shown], minlength=len(keys)) if len(keys) else np.zeros(0, dtype=np.int64)
    kept = np.flatnonzero(counts > 0)
    renumber = np.full(len(keys), -1, dtype=np.int32)
    renumber[kept] = np.arange(len(kept), dtype=np.int32)
    lane = renumber[lane] if len(lane) else lane
    lanes = [Lane(*keys[k]) for k in kept.tolist()]
    # one sort by (lane, bucket, start) instead of a scan of all events per lane
    order = shown[np.lexsort((start[shown], bucket_of[shown], lane[shown]))]
    lane_of, bucket_in = lane[order], bucket_of[order]
    boundaries = np.flatnonzero(np.diff(lane_of.astype(np.int64) * 16 + bucket_in)) + 1
    for group in np.split(order, boundaries) if len(order) else []:
        lane_obj = lanes[int(lane[group[0]])]
        lane_obj.count += len(group)
        lane_obj.buckets.append(_Bucket(start[group], group, float(duration[group].max())))
    reported = dated_by_publication_rows(frame["date_text"]) if n else np.zeros(0, dtype=bool)
    return TimelineIndex(start, end, lane, category, precision, tense, lanes, categories, hidden, mode, reported)
