"""Laying out one lane of the timeline: rows, labels, clusters — pure, no Qt.

An event is drawn as what its date is: a bar across its whole interval when that is
wider than a few pixels (a year-precision event spans its year), else a dot at the
middle of its day(s). Each event wants room for its label to the right of its start.

Events are placed greedily in start order into the first row that is free at that x:
with the label if it fits, else as a bare marker; events that find no room at all
are gathered per ``cluster_px`` column into a badge with a count, drawn in the lane's
last row, which opens up as the user zooms in. A lane with more visible events than
``label_limit``, or more than twice what its rows could label, is not placed one by one:
its events are binned into badges straight away (numpy), so views over 100,000 events
stay cheap.
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
    typical_label_px: float = 160.0  # a title of a dozen characters

    def capacity(self, width: float) -> float:
        """About how many labelled events the lane's rows can hold across ``width``."""
        return self.rows * width / self.typical_label_px


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
    pinned: bool = False  # a selected event placed first: never folded into a badge

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
    priority: frozenset[int] = frozenset(),
) -> list[Item]:
    """Items of ``lane`` for the view ``scale`` (``label_width(row)`` measures a title).

    Events in ``priority`` (the selection) are placed first, so they are never folded
    into a badge while there is any room for them.
    """
    rows = index.visible(lane, scale.start, scale.end)
    if len(rows) == 0:
        return []
    x0 = (index.start[rows] - scale.start) / scale.days_per_px
    x1 = (index.end[rows] - scale.start) / scale.days_per_px
    items: list[Item] = []
    n_rows = params.rows
    row_end = [-np.inf] * n_rows
    taken: list[list[tuple[float, float]]] = [[] for _ in range(n_rows)]  # priority items per row
    first_pass = [
        (row, a, b) for row, a, b in zip(rows.tolist(), x0.tolist(), x1.tolist(), strict=True) if row in priority
    ] if priority else []
    for row, a, b in first_pass:
        is_bar = b - a >= MIN_BAR_PX
        left, right = (a, b) if is_bar else ((a + b) / 2 - MARKER_PX / 2, (a + b) / 2 + MARKER_PX / 2)
        visible_left = max(left, 0.0) if is_bar else left
        label_x = visible_left + (4.0 if is_bar else MARKER_PX + LABEL_GAP)
        width = label_width(row)
        extent = (visible_left - ROW_GAP, max(right, label_x + width) + ROW_GAP)
        usable = range(n_rows - 1) if n_rows > 1 else range(n_rows)  # the last row holds the badges
        r = next((r for r in usable if not any(p < extent[1] and q > extent[0] for p, q in taken[r])), 0)
        taken[r].append(extent)
        items.append(Item("event", left, right, r, label_x, width, row, is_bar=is_bar, pinned=True))
    if first_pass:
        placed = {row for row, _, _ in first_pass}
        keep = np.array([row not in placed for row in rows.tolist()])
        rows, x0, x1 = rows[keep], x0[keep], x1[keep]
    if len(rows) > params.label_limit or len(rows) > 2 * params.capacity(scale.width):
        # more than half could not be labelled anyway: aggregate instead of placing one by one
        centres = np.clip((x0 + x1) / 2, 0, scale.width - 1)
        dense = LayoutParams(params.rows, params.cluster_px * 1.5, params.label_limit)
        return items + _clusters(rows, centres, dense, params.rows - 1)
    row_range = range(n_rows)
    overflow_rows: list[int] = []
    overflow_x: list[float] = []
    width_of = label_width
    last_x = scale.width - 1
    for row, a, b in zip(rows.tolist(), x0.tolist(), x1.tolist(), strict=True):
        if b - a >= MIN_BAR_PX:
            is_bar, left, right = True, a, b
            visible_left = a if a > 0.0 else 0.0
            label_x = visible_left + 4.0
        else:
            centre = (a + b) * 0.5
            is_bar, left, right = False, centre - MARKER_PX / 2, centre + MARKER_PX / 2
            visible_left = left
            label_x = left + MARKER_PX + LABEL_GAP
        free = visible_left - ROW_GAP
        for r in row_range:
            if row_end[r] <= free and (not taken[r] or _clear(taken[r], visible_left, label_x + width_of(row))):
                width = width_of(row)
                items.append(Item("event", left, right, r, label_x, width, row, is_bar=is_bar))
                row_end[r] = max(right, label_x + width)
                break
        else:
            free = visible_left - 2
            for r in row_range:
                if row_end[r] <= free and (not taken[r] or _clear(taken[r], visible_left, right)):
                    items.append(Item("event", left, right, r, label_x, 0.0, row, is_bar=is_bar))
                    row_end[r] = right
                    break
            else:
                overflow_rows.append(row)
                overflow_x.append(min(max(visible_left, 0.0), last_x))
    if overflow_rows:
        items = _merge_overflow(items, np.array(overflow_rows), np.array(overflow_x), params)
    return items


def _clear(intervals: list[tuple[float, float]], left: float, right: float) -> bool:
    return not any(p < right and q > left for p, q in intervals)


def _merge_overflow(items: list[Item], rows: np.ndarray, xs: np.ndarray, params: LayoutParams) -> list[Item]:
    """Events with no room become badges in the last row; what they cover there joins them."""
    last = params.rows - 1
    columns: dict[int, list[int]] = {}
    for row, column in zip(rows.tolist(), np.floor(xs / params.cluster_px).astype(np.int64).tolist(), strict=True):
        columns.setdefault(column, []).append(row)
    kept: list[Item] = []
    for item in items:
        if item.row == last and not item.pinned:
            # an event in the last row under a badge's column gives way and joins the badge
            first = item.x0 // params.cluster_px
            final = item.right // params.cluster_px
            hit = next((c for c in columns if first <= c <= final), None)
            if hit is not None:
                columns[hit].append(item.event)
                continue
        kept.append(item)
    for column, members in columns.items():
        x0 = column * params.cluster_px
        if len(members) == 1:
            centre = x0 + params.cluster_px / 2
            kept.append(Item("event", centre - MARKER_PX / 2, centre + MARKER_PX / 2, last, event=members[0]))
        else:
            kept.append(Item("cluster", x0 + 2, x0 + params.cluster_px - 2, last, events=np.array(members)))
    return kept
