"""Laying out one lane of the timeline: rows, labels, clusters — pure, no Qt.

An event is drawn as what its date is: a bar across its whole interval when that is
wider than a few pixels (a year-precision event spans its year), else a dot at the
middle of its day(s). Each event wants room for its label to the right of its start.

Events are placed greedily in start order into the first row that is free at that x:
with the label if it fits, else as a bare marker; events that find no room at all
are gathered per ``cluster_px`` column into a badge with a count, drawn in the lane's
last row, which opens up as the user zooms in. A lane with more visible events than
``label_limit`` is not placed one by one at all: its events are binned into badges
straight away (numpy), so far zooms over 100,000 events stay cheap.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .timeline_index import TimelineIndex
from .timescale import TimeScale

MIN_BAR_PX = 6.0
MARKER_PX = 10.0
LABEL_GAP = 4.0
ROW_GAP = 6.0


@dataclass(frozen=True, slots=True)
class LayoutParams:
    rows: int = 4  # rows of a lane; the last one also holds cluster badges
    cluster_px: float = 44.0
    label_limit: int = 400


@dataclass(slots=True)
class Item:
    """One drawn thing of a lane, in pixels (x from the view's left, row within the lane)."""

    kind: str  # "event" | "cluster"
    x0: float  # bar start (or dot centre − MARKER_PX / 2)
    x1: float  # bar end
    row: int
    label_x: float = 0.0  # where the label starts (0 width: no label)
    label_w: float = 0.0
    event: int = -1  # frame position of the event ("event" items)
    events: np.ndarray | None = None  # frame positions ("cluster" items)
    is_bar: bool = False

    @property
    def count(self) -> int:
        return 1 if self.events is None else len(self.events)

    @property
    def right(self) -> float:
        return max(self.x1, self.label_x + self.label_w)


def _clusters(rows: np.ndarray, xs: np.ndarray, params: LayoutParams, row: int) -> list[Item]:
    bins = np.floor(xs / params.cluster_px).astype(np.int64)
    order = np.argsort(bins, kind="stable")
    bins, rows, xs = bins[order], rows[order], xs[order]
    unique, first, counts = np.unique(bins, return_index=True, return_counts=True)
    items = []
    for b, f, c in zip(unique, first, counts, strict=True):
        members = rows[f : f + c]
        if c == 1:
            x = float(xs[f])
            items.append(Item("event", x - MARKER_PX / 2, x + MARKER_PX / 2, row, event=int(members[0])))
        else:
            x = float(b * params.cluster_px)
            items.append(Item("cluster", x + 2, x + params.cluster_px - 2, row, events=members))
    return items


def layout_lane(
    index: TimelineIndex,
    lane: int,
    scale: TimeScale,
    label_width: Callable[[int], float],
    params: LayoutParams = LayoutParams(),  # noqa: B008 - immutable
) -> list[Item]:
    """Items of ``lane`` for the view ``scale`` (``label_width(row)`` measures a title)."""
    rows = index.visible(lane, scale.start, scale.end)
    if len(rows) == 0:
        return []
    x0 = (index.start[rows] - scale.start) / scale.days_per_px
    x1 = (index.end[rows] - scale.start) / scale.days_per_px
    if len(rows) > params.label_limit:
        centres = np.clip((x0 + x1) / 2, 0, scale.width - 1)
        return _clusters(rows, centres, params, params.rows - 1)

    items: list[Item] = []
    row_end = [-np.inf] * params.rows
    overflow_rows: list[int] = []
    overflow_x: list[float] = []
    for row, a, b in zip(rows.tolist(), x0.tolist(), x1.tolist(), strict=True):
        is_bar = b - a >= MIN_BAR_PX
        if is_bar:
            left, right = a, b
            visible_left = max(a, 0.0)
        else:
            centre = (a + b) / 2
            left, right = centre - MARKER_PX / 2, centre + MARKER_PX / 2
            visible_left = left
        label_x = visible_left + (4.0 if is_bar else MARKER_PX + LABEL_GAP)
        width = label_width(row)
        with_label = max(right, label_x + width)
        placed = False
        for r in range(params.rows):
            if row_end[r] + ROW_GAP <= visible_left:
                items.append(Item("event", left, right, r, label_x, width, row, is_bar=is_bar))
                row_end[r] = with_label
                placed = True
                break
        if not placed:
            for r in range(params.rows):
                if row_end[r] + 2 <= visible_left:
                    items.append(Item("event", left, right, r, label_x, 0.0, row, is_bar=is_bar))
                    row_end[r] = right
                    placed = True
                    break
        if not placed:
            overflow_rows.append(row)
            overflow_x.append(min(max(visible_left, 0.0), scale.width - 1))
    if overflow_rows:
        items = _merge_overflow(items, np.array(overflow_rows), np.array(overflow_x), params)
    return items


def _merge_overflow(items: list[Item], rows: np.ndarray, xs: np.ndarray, params: LayoutParams) -> list[Item]:
    """Events with no room become badges in the last row; what they cover there joins them."""
    last = params.rows - 1
    for badge in _clusters(rows, xs, params, last):
        column = np.floor((badge.x0 + badge.x1) / 2 / params.cluster_px) * params.cluster_px
        x0, x1 = column + 2, column + params.cluster_px - 2
        members = [badge.event] if badge.events is None else badge.events.tolist()
        kept = []
        for item in items:
            if item.row == last and item.x0 < x1 and item.right > x0:
                members += [item.event] if item.events is None else item.events.tolist()
            else:
                kept.append(item)
        items = kept
        if len(members) == 1:
            items.append(badge)
        else:
            items.append(Item("cluster", x0, x1, last, events=np.array(members)))
    return items
