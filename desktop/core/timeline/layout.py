"""Laying out one lane of the timeline: rows, labels, clusters — pure, no Qt.

An event is drawn as what its date is: a bar across its whole interval when that is
wider than a few pixels (a year-precision event spans its year), else a dot at the
middle of its day(s). Each event wants room for its label to the right of its start.

Events are placed greedily in start order into the first row that is free at that x:
with the label if it fits, else as a bare marker; events that find no room at all
are gathered per ``cluster_px`` column into a badge with a count, drawn in the lane's
last row (then kept for badges: the others are placed again in the rows above), which
opens up as the user zooms in — or, for events of one interval that no zoom can part,
into a list when clicked (the GUI's job). A lane with more visible events than
``label_limit``, or more than twice what its rows could label, is not placed one by one:
its events are binned into badges straight away (numpy), so views over 100,000 events
stay cheap.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from desktop.core.timeline.index import TimelineIndex
from desktop.core.timeline.rows import RowPacker
from desktop.core.timeline.scale import TimeScale

MIN_BAR_PX = 6.0
MARKER_PX = 10.0
LABEL_GAP = 4.0
ROW_GAP = 6.0
MARKER_GAP = 2.0  # between bare markers (no label) in a row


@dataclass(frozen=True, slots=True)
class LayoutParams:
    rows: int = 4  # rows of a lane; the last one also holds cluster badges
    cluster_px: float = 44.0
    label_limit: int = 400
    typical_label_px: float = 160.0  # a title of a dozen characters
    density_limit: int = 2000  # more events in view than this: a density strip, not marks
    density_px: float = 3.0  # width of a density bin

    def capacity(self, width: float) -> float:
        """About how many labelled events the lane's rows can hold across ``width``."""
        return self.rows * width / self.typical_label_px


def density_edges(scale: TimeScale, bin_px: float) -> np.ndarray:
    """The days where the bins of a density strip ``bin_px`` pixels wide begin (and the last ends)."""
    bins = max(int(np.ceil(scale.width / bin_px)), 1)
    return scale.start + np.arange(bins + 1, dtype=np.float64) * bin_px * scale.days_per_px


def lane_density(index: TimelineIndex, lane: int, scale: TimeScale, bin_px: float) -> Item:
    """A lane too dense to tell its events apart (or a collapsed lane) as one density item:
    events per ``bin_px`` pixels across the view."""
    edges = density_edges(scale, bin_px)
    return Item("density", 0.0, float(scale.width), 0, counts=index.density(lane, edges), bin_px=bin_px)


@dataclass(slots=True)
class Item:
    """One drawn thing of a lane, in pixels (x from the view's left, row within the lane)."""

    kind: str  # "event" | "cluster" | "density"
    x0: float  # bar start (or dot centre − MARKER_PX / 2)
    x1: float  # bar end
    row: int
    label_x: float = 0.0  # where the label starts (0 width: no label)
    label_w: float = 0.0
    event: int = -1  # frame position of the event ("event" items)
    events: np.ndarray | None = None  # frame positions ("cluster" items)
    is_bar: bool = False
    counts: np.ndarray | None = None  # events per bin ("density" items)
    bin_px: float = 0.0  # width of a bin ("density" items)

    @property
    def count(self) -> int:
        if self.counts is not None:
            return int(self.counts.sum())
        return 1 if self.events is None else len(self.events)

    @property
    def right(self) -> float:
        return max(self.x1, self.label_x + self.label_w)

    @property
    def left(self) -> float:
        """Leftmost pixel drawn (a label moved to the left of its marker starts there)."""
        return min(self.x0, self.label_x) if self.label_w > 0 else self.x0


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
    """Items of ``lane`` for the view ``scale`` (``label_width(row)`` measures a title).

    The layout depends on the events and the view only — never on the selection — so
    selecting an event never moves another one.
    """
    if index.count_visible(lane, scale.start, scale.end) > params.density_limit:
        return [lane_density(index, lane, scale, params.density_px)]
    rows = index.visible(lane, scale.start, scale.end)
    if len(rows) == 0:
        return []
    x0 = (index.start[rows] - scale.start) / scale.days_per_px
    x1 = (index.end[rows] - scale.start) / scale.days_per_px
    n_rows = params.rows
    if len(rows) > params.label_limit or len(rows) > 2 * params.capacity(scale.width):
        # more than half could not be labelled anyway: aggregate instead of placing one by one
        centres = np.clip((x0 + x1) / 2, 0, scale.width - 1)
        dense = LayoutParams(params.rows, params.cluster_px * 1.5, params.label_limit, params.typical_label_px,
                             params.density_limit, params.density_px)
        return _clusters(rows, centres, dense, params.rows - 1)
    # a lane that surely overflows keeps its last row for badges from the start (no second pass)
    surely_full = n_rows > 1 and len(rows) > params.capacity(scale.width)
    placed, overflow_rows, overflow_x = _place(rows, x0, x1, n_rows - 1 if surely_full else n_rows, label_width,
                                               scale.width)
    if overflow_rows and n_rows > 1 and not surely_full:
        # some events find no room: the last row is kept for their badges, the others are
        # placed again in the rows above (so nothing is drawn under a badge)
        placed, overflow_rows, overflow_x = _place(rows, x0, x1, n_rows - 1, label_width, scale.width)
    if overflow_rows:
        placed += _badges(np.array(overflow_rows), np.array(overflow_x), params)
    return placed


def _place(rows: np.ndarray, x0: np.ndarray, x1: np.ndarray, n_rows: int, width_of: Callable[[int], float],
           width: float) -> tuple[list[Item], list[int], list[float]]:
    """Greedy placement in start order into the first of ``n_rows`` rows free at the event's x:
    with its label if it fits, else as a bare marker; what finds no room is returned apart."""
    items: list[Item] = []
    packer = RowPacker(max_rows=n_rows)
    overflow_rows: list[int] = []
    overflow_x: list[float] = []
    last_x = width - 1
    for row, a, b in zip(rows.tolist(), x0.tolist(), x1.tolist(), strict=True):
        if b - a >= MIN_BAR_PX:
            is_bar, left, right = True, a, b
            visible_left = a if a > 0.0 else 0.0
        else:
            centre = (a + b) * 0.5
            is_bar, left, right = False, centre - MARKER_PX / 2, centre + MARKER_PX / 2
            visible_left = left
        # measure the title only when some row is free at all (measuring is the costly part)
        if packer.find(visible_left, visible_left, ROW_GAP) is not None:
            label_w = width_of(row)
            label_x = label_position(is_bar, left, visible_left, label_w, width)
            lane_row = packer.place(min(visible_left, label_x), max(right, label_x + label_w), ROW_GAP)
            if lane_row is not None:
                items.append(Item("event", left, right, lane_row, label_x, label_w, row, is_bar=is_bar))
                continue
        lane_row = packer.place(visible_left, right, MARKER_GAP)
        if lane_row is not None:
            items.append(Item("event", left, right, lane_row, visible_left, 0.0, row, is_bar=is_bar))
        else:
            overflow_rows.append(row)
            overflow_x.append(min(max(visible_left, 0.0), last_x))
    return items, overflow_rows, overflow_x


def label_position(is_bar: bool, left: float, visible_left: float, label_w: float, width: float) -> float:
    """Where an event's label starts: right of its dot, or inside its bar from the start —
    unless it would run past the view's right edge; then it ends at the edge (a bar) or sits
    left of the dot, so the last events of a fitted view are not cut off."""
    natural = visible_left + 4.0 if is_bar else left + MARKER_PX + LABEL_GAP
    if natural + label_w <= width or label_w > width * 0.6:
        return natural
    if is_bar:
        return max(width - label_w - 2.0, 0.0)
    return left - LABEL_GAP - label_w


def _badges(rows: np.ndarray, xs: np.ndarray, params: LayoutParams) -> list[Item]:
    """Events with no room, gathered per ``cluster_px`` column into badges in the last row."""
    last = params.rows - 1
    columns: dict[int, list[int]] = {}
    for row, column in zip(rows.tolist(), np.floor(xs / params.cluster_px).astype(np.int64).tolist(), strict=True):
        columns.setdefault(column, []).append(row)
    badges: list[Item] = []
    for column, members in columns.items():
        x0 = column * params.cluster_px
        if len(members) == 1:
            centre = x0 + params.cluster_px / 2
            badges.append(Item("event", centre - MARKER_PX / 2, centre + MARKER_PX / 2, last, event=members[0]))
        else:
            badges.append(Item("cluster", x0 + 2, x0 + params.cluster_px - 2, last, events=np.array(members)))
    return badges
