"""The timeline canvas: lanes of events under a calendar axis, zoom, pan, selection.

Painting asks :class:`~desktop.core.timeline.index.TimelineIndex` only for the events in
view (binary search) and lays out only the lanes in view, so its cost follows what is
on screen, not the size of the corpus. Geometry (:meth:`TimelineView.item_rect`,
:meth:`hit_test`) comes from the same layout the paint used.

Input: wheel / pinch zoom around the cursor; Shift+wheel or horizontal wheel pans; the
wheel over the lane titles scrolls lanes; drag pans; Shift/Ctrl+drag draws a rubber band;
click, Ctrl-click, Shift-click select; a click on a badge lists its events, a double
click zooms to them (or lists them when they share one interval); double-click elsewhere
zooms in; keys + − 0 (fit) Z (selection) ←/→ PageUp/PageDown Home/End ↑/↓, Alt+←/→ (or
Ctrl+←/→) to the previous/next event, Ctrl+A, Esc. Tab leaves the canvas like any widget.
Every Qt override is guarded (:mod:`desktop.gui.guard`).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
import shiboken6
from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QKeyEvent,
    QLinearGradient,
    QMouseEvent,
    QPainter,
    QPen,
    QStaticText,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QMenu, QRubberBand, QToolTip, QWidget

from desktop.core.events.categories import OTHER, category_name
from desktop.core.export.formatting import readable_date
from desktop.core.timeline.index import PRECISION_CODES, TENSE_CODES, TimelineIndex, build_index
from desktop.core.timeline.layout import (
    LABEL_GAP,
    MARKER_PX,
    Item,
    LayoutParams,
    density_edges,
    lane_density,
    layout_lane,
)
from desktop.core.timeline.scale import TimeScale, choose_unit, day_number, enclosing_ticks, ticks
from desktop.gui import palette
from desktop.gui.fonts import chinese_font
from desktop.gui.guard import guard_overrides
from desktop.gui.models import EventTableModel, row_selection
from desktop.gui.plain import tooltip_text

GUTTER = 168.0  # lane titles
LABEL_ROOM_EVENTS = 200  # a fit leaves room for the labels of this many latest-starting events
AXIS_HEIGHT = 46.0
ROW_HEIGHT = 24.0
BAND_HEIGHT = 4.0  # an interval's band along the bottom of its row; its label sits above
COLLAPSED_LANE_HEIGHT = 30.0  # a collapsed lane: its title, its count and a density strip
LANE_PADDING = 8.0
MAX_LABEL_PX = 260.0
WHEEL_ZOOM_BASE = 1.0018  # per eighth of a degree: one notch (120) zooms by ~24 %
PLANNED = TENSE_CODES["planned"]
BADGE_MENU_ROWS = 40  # a badge's list shows this many events; the rest are one selection away


OPEN_RANGE = PRECISION_CODES["open-range"]
RECENT = PRECISION_CODES["recent"]


@dataclass(frozen=True, slots=True)
class _Style:
    colour: QColor
    fill: QColor
    faded: QColor
    outline: QPen
    brush: QBrush
    dot_pen: QPen
    dot_brush: QBrush
    text_pen: QPen
    accent: QColor
    radius: float
    core: QBrush | None = None  # a dot in the ring: dated by its publication, not by its text


@dataclass(slots=True)
class _LaneGeometry:
    lane: int
    top: float
    height: float
    rows: int
    collapsed: bool = False


class _ItemTitles:
    """The titles drawn, each made when it is first drawn (making a million of them held the
    window for a second): a merged item (one happening, several sources) says how many report it."""

    def __init__(self, frame: pd.DataFrame, sources_label) -> None:  # noqa: ANN001 - count -> "%1 ·N源"
        titles = frame["title"].array
        # an Arrow-backed column read as Arrow: a value in 1 µs where .iat takes 5 (paint asks hundreds)
        self._arrow = titles.__arrow_array__() if hasattr(titles, "__arrow_array__") else None
        self._titles = frame["title"]
        self._sizes = frame["cluster_size"].to_numpy(dtype=np.int64) if "cluster_size" in frame else None
        self._sources_label = sources_label
        self._made: dict[int, str] = {}

    def __getitem__(self, row: int) -> str:
        title = self._made.get(row)
        if title is None:
            value = self._arrow[row].as_py() if self._arrow is not None else self._titles.iat[row]
            title = "" if value is None or value is pd.NA else str(value)
            if self._sizes is not None and self._sizes[row] > 1:
                title = self._sources_label(int(self._sizes[row])).replace("%1", title)
            self._made[row] = title
        return title


@guard_overrides
class TimelineView(QWidget):
    """Paints the events of an :class:`EventTableModel` and shares its selection model."""

    range_changed = Signal(float, float)
    lanes_changed = Signal()
    user_navigated = Signal()  # the user zoomed or scrolled (not the program)
    lane_filter_requested = Signal(str, str, str)  # lane mode, lane key, label: show only this lane

    def __init__(self, model: EventTableModel, selection: QItemSelectionModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(QSize(420, 200))
        self.model = model
        self.selection = selection
        self.lane_mode = "auto"
        self.scale = TimeScale(float(day_number(date(2014, 1, 1))), float(day_number(date(2027, 1, 1))), 800.0)
        self.v_offset = 0.0
        self._offered: tuple[weakref.ref, str, np.ndarray, TimelineIndex] | None = None
        self.index: TimelineIndex = build_index(model.frame, self.lane_mode)
        self._hidden = np.zeros(len(model.frame), dtype=bool)
        self._matches: np.ndarray | None = None  # None: no search; else bool per event (highlighted)
        self._dimmed: np.ndarray | None = None  # None: none; else bool per event (drawn faint)
        self._fitted = False  # the view shows all events (a resize refits)
        self._collapsed: set[str] = set()  # keys of collapsed lanes (kept across filters)
        self.badge_menu: QMenu | None = None
        self.lane_menu: QMenu | None = None
        self.event_menu: QMenu | None = None
        self.event_actions: list = []  # QActions the window offers on the events' context menu
        self._badge_click: tuple[Item, QPoint] | None = None
        self._badge_timer = QTimer(self)
        self._badge_timer.setSingleShot(True)
        self._badge_timer.timeout.connect(self._open_clicked_badge)
        self._selected = np.zeros(len(model.frame), dtype=bool)
        self._label_widths: dict[int, float] = {}
        self._elided: dict[int, QStaticText] = {}
        self._titles = self._item_titles()
        self._items: list[tuple[_LaneGeometry, list[Item]]] = []
        self._item_by_event: dict[int, tuple[QRectF, Item]] = {}
        self._press: QPointF | None = None
        self._press_modifiers = Qt.KeyboardModifier.NoModifier
        self._panning = False
        self._rubber: QRubberBand | None = None
        self._anchor_row: int | None = None
        self.font_main = chinese_font(9)
        self.font_small = chinese_font(8)
        self.font_bold = chinese_font(9)
        self.font_bold.setBold(True)
        self._metrics = QFontMetricsF(self.font_main)
        self._typical_label_px = self._metrics.horizontalAdvance("某某园区重点项目签约落户")
        self._axis_metrics = QFontMetricsF(self.font_small)
        self._bold_metrics = QFontMetricsF(self.font_bold)
        self.layout_params = LayoutParams()
        self._no_pen = QPen(Qt.PenStyle.NoPen)
        self._count_texts: dict[str, QStaticText] = {}
        self._matched_bins: dict[tuple, np.ndarray] = {}
        self._styles: dict[tuple[int, bool, bool, bool], _Style] = {}
        self._wrapped: dict[tuple[str, float, int], list[str]] = {}  # lane titles, broken into lines
        selection.selectionChanged.connect(self._on_selection_changed)
        model.modelReset.connect(self._on_model_reset)

    # ------------------------------------------------------------------ data

    @property
    def frame(self) -> pd.DataFrame:
        return self.model.frame

    def _item_titles(self) -> _ItemTitles:
        return _ItemTitles(self.model.frame, lambda count: self.tr("%1 ·%Ln源", "", count))

    def offer_index(self, frame: pd.DataFrame, mode: str, hidden: np.ndarray, index: TimelineIndex) -> None:
        """An index of ``frame`` built in the background (``build_index(frame, mode, hidden)``):
        taken instead of building one on the GUI thread when the model shows ``frame`` with
        these lanes (half a second at a million events)."""
        self._offered = (weakref.ref(frame), mode, hidden, index)

    def _take_offered(self) -> bool:
        offered, self._offered = self._offered, None
        if offered is None:
            return False
        frame, mode, hidden, index = offered
        if frame() is not self.frame or mode != self.lane_mode:
            return False
        self._hidden = hidden
        self.index = index
        return True

    def _on_model_reset(self) -> None:
        self._titles = self._item_titles()
        n = len(self.frame)
        self._hidden = np.zeros(n, dtype=bool)
        self._matches = None
        self._dimmed = None
        self._selected = np.zeros(n, dtype=bool)
        self._label_widths.clear()
        self._elided.clear()
        if self._take_offered():
            self._index_changed()
        else:
            self._rebuild()

    def _rebuild(self) -> None:
        self.index = build_index(self.frame, self.lane_mode, self._hidden)
        self._index_changed()

    def _index_changed(self) -> None:
        self._styles.clear()
        self._matched_bins.clear()
        self.v_offset = min(self.v_offset, self.max_v_offset())
        self.lanes_changed.emit()
        self.update()

    def set_lane_mode(self, mode: str) -> None:
        if mode != self.lane_mode:
            self.lane_mode = mode
            self.v_offset = 0.0
            self._rebuild()

    def set_filter_masks(self, hidden: np.ndarray, matches: np.ndarray | None,
                         dimmed: np.ndarray | None = None) -> None:
        """Events to leave out (filters), events that match the search (highlighted; the
        others are dimmed) and events drawn faint for another reason (hidden by the user)."""
        changed = not np.array_equal(hidden, self._hidden)
        self._hidden = hidden
        self._matches = matches
        self._matched_bins.clear()
        if matches is not None:
            dimmed = ~matches if dimmed is None else (dimmed | ~matches)
        self._dimmed = dimmed
        if changed:
            self._rebuild()
        else:
            self.update()

    @property
    def hidden_mask(self) -> np.ndarray:
        """Events left out by the filters (bool per row)."""
        return self._hidden

    @property
    def match_mask(self) -> np.ndarray | None:
        """Events highlighted as search matches (None: no search)."""
        return self._matches

    @property
    def dimmed_mask(self) -> np.ndarray | None:
        """Events drawn faint (not matching the search, or hidden but shown on request)."""
        return self._dimmed

    def _on_selection_changed(self, *_: object) -> None:
        selected = np.zeros(len(self.frame), dtype=bool)
        for selection_range in self.selection.selection():
            selected[selection_range.top() : selection_range.bottom() + 1] = True
        self._selected = selected
        self.update()

    # ------------------------------------------------------------------ geometry

    def timeline_width(self) -> float:
        return max(self.width() - GUTTER, 10.0)

    def resizeEvent(self, event) -> None:  # noqa: ANN001 - Qt override
        old_width = self.scale.width
        new_width = self.timeline_width()
        if old_width > 0 and abs(new_width - old_width) > 0.5:
            # keep the scale (days per pixel): a wider window shows more time
            self.scale.end = self.scale.start + self.scale.days_per_px * new_width
        self.scale.width = new_width
        self.scale.clamp()
        self.v_offset = min(self.v_offset, self.max_v_offset())
        super().resizeEvent(event)
        if self._fitted:
            self.zoom_fit()  # a fitted view stays fitted: all events, across the whole width
        else:
            self.range_changed.emit(self.scale.start, self.scale.end)

    def rows_per_lane(self) -> int:
        """Rows of each open lane: the open lanes share the height left by the collapsed ones
        (padding included, so lanes that fit leave no scrolling), at least 3 rows, at most 12."""
        collapsed = self.collapsed_count()
        lanes = max(len(self.index.lanes) - collapsed, 1)
        available = max(self.height() - AXIS_HEIGHT - collapsed * COLLAPSED_LANE_HEIGHT, ROW_HEIGHT * 3)
        return int(min(max((available / lanes - LANE_PADDING) // ROW_HEIGHT, 3), 12))

    def lane_height(self) -> float:
        """Height of an open lane."""
        return self.rows_per_lane() * ROW_HEIGHT + LANE_PADDING

    def collapsed_count(self) -> int:
        return sum(1 for lane in self.index.lanes if lane.key in self._collapsed) if self._collapsed else 0

    def is_collapsed(self, lane: int) -> bool:
        return self.index.lanes[lane].key in self._collapsed

    def _lane_tops(self) -> np.ndarray:
        """Top of each lane in content coordinates, and the content height last (cumulative)."""
        open_h = self.lane_height()
        heights = np.full(len(self.index.lanes), open_h)
        if self._collapsed:
            closed = np.fromiter((lane.key in self._collapsed for lane in self.index.lanes), dtype=bool,
                                 count=len(self.index.lanes))
            heights[closed] = COLLAPSED_LANE_HEIGHT
        return np.concatenate([[0.0], np.cumsum(heights)])

    def lane_top(self, lane: int) -> float:
        return float(self._lane_tops()[lane])

    def content_height(self) -> float:
        return float(self._lane_tops()[-1])

    def toggle_lane(self, lane: int) -> None:
        """Collapse an open lane to a density strip, or open a collapsed one."""
        key = self.index.lanes[lane].key
        self._collapsed.symmetric_difference_update({key})
        self.v_offset = min(self.v_offset, self.max_v_offset())
        self.lanes_changed.emit()
        self.update()

    def set_all_collapsed(self, collapsed: bool) -> None:
        self._collapsed = {lane.key for lane in self.index.lanes} if collapsed else set()
        self.v_offset = min(self.v_offset, self.max_v_offset())
        self.lanes_changed.emit()
        self.update()

    def lane_at(self, y: float) -> int | None:
        """The lane under the widget y (None over the axis or below the last lane)."""
        if y < AXIS_HEIGHT:
            return None
        tops = self._lane_tops()
        lane = int(np.searchsorted(tops, y - AXIS_HEIGHT + self.v_offset, side="right")) - 1
        return lane if 0 <= lane < len(self.index.lanes) else None

    def max_v_offset(self) -> float:
        return max(self.content_height() - (self.height() - AXIS_HEIGHT), 0.0)

    def set_v_offset(self, value: float) -> None:
        value = min(max(value, 0.0), self.max_v_offset())
        if value != self.v_offset:
            self.v_offset = value
            self.lanes_changed.emit()
            self.update()

    def _visible_lanes(self, height: float) -> list[_LaneGeometry]:
        tops = self._lane_tops()
        rows = self.rows_per_lane()
        first = max(int(np.searchsorted(tops, self.v_offset, side="right")) - 1, 0)
        lanes = []
        for lane in range(first, len(self.index.lanes)):
            top = AXIS_HEIGHT + float(tops[lane]) - self.v_offset
            if top > height:
                break
            collapsed = bool(self._collapsed) and self.index.lanes[lane].key in self._collapsed
            lanes.append(_LaneGeometry(lane, top, float(tops[lane + 1] - tops[lane]), 1 if collapsed else rows,
                                       collapsed))
        return lanes

    def _label_width(self, row: int) -> float:
        width = self._label_widths.get(row)
        if width is None:
            width = min(self._metrics.horizontalAdvance(self._titles[row]), MAX_LABEL_PX)
            self._label_widths[row] = width
        return width

    def _label_text(self, row: int, width: float) -> QStaticText:
        """The label as a cached QStaticText (laid out once, drawn fast)."""
        text = self._elided.get(row)
        if text is None:
            elided = self._metrics.elidedText(self._titles[row], Qt.TextElideMode.ElideRight, MAX_LABEL_PX)
            text = QStaticText(elided)
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.prepare(font=self.font_main)
            self._elided[row] = text
        return text

    def _layout(self, height: float) -> None:
        """Lay out the lanes in view (the paint and the hit-test share the result)."""
        self.layout_params = LayoutParams(rows=self.rows_per_lane(), typical_label_px=self._typical_label_px)
        self._items = []
        self._item_by_event = {}
        for geometry in self._visible_lanes(height):
            if geometry.collapsed:
                items = [lane_density(self.index, geometry.lane, self.scale, self.layout_params.density_px)]
            else:
                items = layout_lane(self.index, geometry.lane, self.scale, self._label_width, self.layout_params)
            self._items.append((geometry, items))
            for item in items:
                if item.kind == "event":
                    self._item_by_event[item.event] = (self._item_rect(geometry, item), item)

    def _item_rect(self, geometry: _LaneGeometry, item: Item) -> QRectF:
        y = geometry.top + LANE_PADDING / 2 + item.row * ROW_HEIGHT
        return QRectF(GUTTER + item.x0, y + 3, item.x1 - item.x0, ROW_HEIGHT - 6)

    def item_rect(self, row: int) -> QRectF | None:
        """Where event ``row`` was drawn by the last paint (None if not drawn on its own)."""
        found = self._item_by_event.get(row)
        return QRectF(found[0]) if found else None

    def drawn_items(self) -> list[tuple[Item, QRectF, QRectF | None]]:
        """What the last paint drew: each item, its marker/bar rectangle and its label's box
        (None without a label), in widget coordinates."""
        drawn = []
        for geometry, items in self._items:
            for item in items:
                label = self.label_rect(geometry, item) if item.kind == "event" and item.label_w > 0 else None
                drawn.append((item, self._item_rect(geometry, item), label))
        return drawn

    def hit_test(self, pos: QPointF) -> Item | None:
        """The event or badge under ``pos`` (markers, bars and labels count)."""
        x, y = pos.x(), pos.y()
        if x < GUTTER or y < AXIS_HEIGHT:
            return None
        for geometry, items in self._items:
            if not geometry.top <= y < geometry.top + geometry.height:
                continue
            row = int((y - geometry.top - LANE_PADDING / 2) // ROW_HEIGHT)
            local = x - GUTTER
            for item in items:
                if item.kind == "density":
                    # a bin of a dense lane answers as a badge of its events
                    events = self.density_events(geometry.lane, item, x)
                    if not len(events):
                        return None
                    left = (local // item.bin_px) * item.bin_px
                    return Item("cluster", left, left + item.bin_px, 0, events=events)
                if item.row == row and item.left - 2 <= local <= item.right + 2:
                    return item
        return None

    # ------------------------------------------------------------------ painting

    def paintEvent(self, event) -> None:  # noqa: ANN001 - Qt override
        painter = QPainter(self)
        try:
            self.paint(painter, QRectF(self.rect()))
        finally:
            painter.end()

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        """Paint the whole canvas into ``rect`` (also used to render into images)."""
        painter.fillRect(rect, QColor("#FFFFFF"))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self._layout(rect.height())
        self._paint_lanes_background(painter, rect)
        scale = self.scale
        unit = choose_unit(scale.days_per_px, self._axis_metrics.horizontalAdvance)
        minor = ticks(unit, scale.start, scale.end)
        major = enclosing_ticks(unit, scale.start, scale.end)
        self._paint_grid(painter, rect, minor, major)
        today_x = GUTTER + self.scale.x_of(day_number(date.today()) + 0.5)
        self._paint_today_line(painter, rect, today_x)
        # No clip rectangle: clipped text is slow to draw. Lanes go first (over the grid and
        # the today line); the opaque axis band and lane-title gutter are painted over
        # whatever strays into them.
        for geometry, items in self._items:
            self._paint_lane(painter, geometry, items)
        self._paint_axis(painter, rect, minor, major)
        self._paint_today_tag(painter, rect, today_x)
        self._paint_gutter(painter, rect)
        if not self.index.lanes:
            painter.setPen(palette.MUTED)
            painter.setFont(self.font_main)
            message = self.tr("没有事件") if len(self.frame) == 0 else self.tr("没有符合筛选条件的事件")
            painter.drawText(rect.adjusted(GUTTER, AXIS_HEIGHT, 0, 0), Qt.AlignmentFlag.AlignCenter, message)

    def _paint_lanes_background(self, painter: QPainter, rect: QRectF) -> None:
        for geometry, _ in self._items:
            if geometry.lane % 2:
                painter.fillRect(QRectF(0, geometry.top, rect.width(), geometry.height), palette.LANE_ALT)

    def _paint_grid(self, painter: QPainter, rect: QRectF, minor: list, major: list) -> None:
        # grid lines as 1-px fills: long antialiased lines are slow in the raster engine
        scale = self.scale
        for tick in minor:
            x = GUTTER + scale.x_of(tick.day)
            if x >= GUTTER:
                painter.fillRect(QRectF(round(x), AXIS_HEIGHT, 1, rect.height()), palette.GRID)
        for tick in major:
            x = GUTTER + scale.x_of(tick.day)
            if x >= GUTTER:
                painter.fillRect(QRectF(round(x), AXIS_HEIGHT, 1, rect.height()), palette.GRID_MAJOR)

    def _paint_axis(self, painter: QPainter, rect: QRectF, minor: list, major: list) -> None:
        scale = self.scale
        painter.fillRect(QRectF(0, 0, rect.width(), AXIS_HEIGHT), QColor("#F6F7F9"))
        for tick in minor:
            x = GUTTER + scale.x_of(tick.day)
            if x >= GUTTER:
                painter.fillRect(QRectF(round(x), AXIS_HEIGHT - 18, 1, 18), palette.GRID_MAJOR)
        for tick in major:
            x = GUTTER + scale.x_of(tick.day)
            if x >= GUTTER:
                painter.fillRect(QRectF(round(x), 0, 1, AXIS_HEIGHT), palette.GRID_MAJOR)
        painter.setFont(self.font_small)
        painter.setPen(palette.TEXT)
        tag = self.today_tag_rect(GUTTER + scale.x_of(day_number(date.today()) + 0.5))
        for tick in minor:
            x = GUTTER + scale.x_of(tick.day)
            label_right = x + 3 + self._axis_metrics.horizontalAdvance(tick.label)
            if x + 2 >= GUTTER and not (x + 3 < tag.right() and label_right > tag.left()):
                painter.drawText(QPointF(x + 3, AXIS_HEIGHT - 6), tick.label)
        painter.setFont(self.font_bold)
        for number, tick in enumerate(major):
            x = max(GUTTER + scale.x_of(tick.day), GUTTER)
            following = GUTTER + scale.x_of(major[number + 1].day) if number + 1 < len(major) else rect.width()
            # a unit cut at the left edge keeps its label only while it fits before the next
            if following - x > painter.fontMetrics().horizontalAdvance(tick.label) + 8:
                painter.drawText(QPointF(x + 4, 17), tick.label)
        painter.fillRect(QRectF(0, AXIS_HEIGHT - 1, rect.width(), 1), palette.GRID_MAJOR)

    def _paint_today_line(self, painter: QPainter, rect: QRectF, x: float) -> None:
        """Under the lanes: event labels stay readable where they cross it."""
        if GUTTER <= x <= rect.width():
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(QPen(palette.TODAY, 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(round(x), AXIS_HEIGHT), QPointF(round(x), rect.height()))
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)

    def today_tag_rect(self, x: float) -> QRectF:
        """Where the 今天 tag sits: in the axis band, on the today line (never over a label)."""
        width = self._axis_metrics.horizontalAdvance(self.tr("今天")) + 8
        return QRectF(round(x) - width / 2, AXIS_HEIGHT - 16, width, 14)

    def _paint_today_tag(self, painter: QPainter, rect: QRectF, x: float) -> None:
        if not GUTTER <= x <= rect.width():
            return
        tag = self.today_tag_rect(x)
        painter.setPen(self._no_pen)
        painter.setBrush(palette.TODAY)
        painter.drawRoundedRect(tag, 3, 3)
        painter.setFont(self.font_small)
        painter.setPen(QColor("#FFFFFF"))
        painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, self.tr("今天"))

    def _paint_gutter(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(QRectF(0, AXIS_HEIGHT, GUTTER, rect.height() - AXIS_HEIGHT), QColor("#FAFAFB"))
        painter.fillRect(QRectF(0, 0, GUTTER, AXIS_HEIGHT), QColor("#F6F7F9"))
        painter.fillRect(QRectF(GUTTER - 1, 0, 1, rect.height()), palette.GRID_MAJOR)
        for geometry, _ in self._items:
            lane = self.index.lanes[geometry.lane]
            # ▾ open / ▸ collapsed: a click on the title toggles
            painter.setFont(self.font_small)
            painter.setPen(palette.MUTED)
            painter.drawText(QPointF(4, geometry.top + 16), "▸" if geometry.collapsed else "▾")
            box = QRectF(16, geometry.top + 4, GUTTER - 22, geometry.height - 8)
            painter.setFont(self.font_bold)
            painter.setPen(palette.TEXT)
            if geometry.collapsed:
                count = self.tr("（%Ln）", "", lane.count)
                title = self._bold_metrics.elidedText(lane.label, Qt.TextElideMode.ElideRight,
                                                      box.width() - self._axis_metrics.horizontalAdvance(count) - 2)
                painter.drawText(QPointF(box.left(), geometry.top + 17), title)
                painter.setFont(self.font_small)
                painter.setPen(palette.MUTED)
                painter.drawText(QPointF(box.left() + self._bold_metrics.horizontalAdvance(title) + 2,
                                         geometry.top + 17), count)
            else:
                key = (lane.label, box.width(), max(int(box.height() // 16) - 1, 1))
                lines = self._wrapped.get(key)
                if lines is None:
                    lines = self._wrapped[key] = _wrap(lane.label, self._bold_metrics, key[1], key[2])
                y = box.top() + 13
                for line in lines:
                    painter.drawText(QPointF(box.left(), y), line)
                    y += 16
                painter.setFont(self.font_small)
                painter.setPen(palette.MUTED)
                painter.drawText(QPointF(box.left(), min(y + 1, box.bottom())), self.tr("%Ln 个事件", "", lane.count))
            painter.fillRect(QRectF(0, geometry.top + geometry.height - 1, rect.width(), 1), palette.GRID)

    def _style(self, category: int, planned: bool, dim: bool, selected: bool, reported: bool = False) -> _Style:
        """Pens and brushes of one look, made once and reused (painting makes no objects)."""
        key = (category, planned, dim, selected, reported)
        style = self._styles.get(key)
        if style is None:
            names = self.index.categories
            colour = palette.category_colour(names[category] if 0 <= category < len(names) else OTHER)
            if dim:
                colour.setAlpha(70)
            fill = QColor(colour)
            fill.setAlpha(min(colour.alpha(), 40 if planned else 150))
            line = Qt.PenStyle.DashLine if planned else Qt.PenStyle.SolidLine
            outline = QPen(palette.SELECTION, 2.2, line) if selected else QPen(colour, 1.2, line)
            faded = QColor(fill)
            faded.setAlpha(0)
            if selected:
                dot_pen, dot_brush = QPen(palette.SELECTION, 2.2), QBrush(QColor("#FFFFFF") if planned or reported else colour)
            elif planned or reported:
                dot_pen, dot_brush = QPen(colour, 1.8), QBrush(QColor("#FFFFFF"))
            else:
                dot_pen, dot_brush = QPen(colour.darker(120), 1), QBrush(colour)
            text = QColor(palette.SELECTION if selected else palette.TEXT)
            if dim:
                text.setAlpha(90)
            if reported and not planned:
                outline = QPen(outline.color(), outline.widthF(), Qt.PenStyle.DotLine)
            style = _Style(colour, fill, faded, outline, QBrush(fill), dot_pen, dot_brush, QPen(text),
                           palette.SELECTION if selected else colour, 5.5 if selected else 4.5,
                           QBrush(colour) if reported and not planned else None)
            self._styles[key] = style
        return style

    def label_rect(self, geometry: _LaneGeometry, item: Item) -> QRectF:
        """The box of an item's label: beside a dot, or above its bar's band (never on it)."""
        rect = self._item_rect(geometry, item)
        height = self._metrics.height()
        if item.is_bar:
            top = rect.bottom() - BAND_HEIGHT - 1 - height
        else:
            top = rect.center().y() - height / 2
        return QRectF(GUTTER + item.label_x, top, item.label_w, height)

    def _paint_lane(self, painter: QPainter, geometry: _LaneGeometry, items: list[Item]) -> None:
        index = self.index
        matches = self._matches
        dimmed = self._dimmed
        selected_mask = self._selected
        n_selected = len(selected_mask)
        clip_left, clip_right = GUTTER - 6.0, float(self.width()) + 6.0
        painter.setFont(self.font_main)
        for item in items:
            if item.kind == "density":
                self._paint_density(painter, geometry, item)
                continue
            rect = self._item_rect(geometry, item)
            if item.kind == "cluster":
                self._paint_cluster(painter, rect, item)
                painter.setFont(self.font_main)
                continue
            row = item.event
            dim = dimmed is not None and bool(dimmed[row])
            selected = row < n_selected and bool(selected_mask[row])
            reported = index.reported is not None and bool(index.reported[row])
            style = self._style(int(index.category[row]), index.tense[row] == PLANNED, dim, selected, reported)
            if item.is_bar:
                code = index.precision[row]
                fade = 1 if code == OPEN_RANGE else -1 if code == RECENT else 0
                self._paint_bar(painter, rect, style, fade, clip_left, clip_right)
            else:
                painter.setPen(style.dot_pen)
                painter.setBrush(style.dot_brush)
                painter.drawEllipse(rect.center(), style.radius, style.radius)
                if style.core is not None:
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(style.core)
                    painter.drawEllipse(rect.center(), 1.8, 1.8)
            if item.label_w > 0:
                label = self.label_rect(geometry, item)
                # the same font for every label: the layout measured it, so a selected label
                # is as wide as it was and cannot run into its neighbour
                if selected:
                    painter.fillRect(label.adjusted(-2, 0, 2, 0), palette.SELECTED_LABEL)
                elif matches is not None and matches[row]:
                    painter.fillRect(label.adjusted(-1, 0, 1, 0), palette.MATCH)
                painter.setPen(style.text_pen)
                painter.drawStaticText(label.topLeft(), self._label_text(row, 0))

    def _paint_bar(self, painter: QPainter, rect: QRectF, style: _Style, fade: int,
                   clip_left: float, clip_right: float) -> None:
        """An interval: a band along the bottom of the row across its whole extent, a tick at
        its start; the label sits above the band, so text is never half tinted. ``fade`` 1 fades
        the band toward its end (an open range), -1 toward its start (近日: the weeks before
        publication)."""
        left = max(rect.left(), clip_left)
        band = QRectF(left, rect.bottom() - BAND_HEIGHT, min(rect.right(), clip_right) - left, BAND_HEIGHT)
        # axis-aligned rectangles are crisp without antialiasing, and much cheaper
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        if fade:
            gradient = QLinearGradient(rect.left(), 0, rect.right(), 0)
            gradient.setColorAt(0.0 if fade > 0 else 1.0, style.colour)
            gradient.setColorAt(1.0 if fade > 0 else 0.0, style.faded)
            painter.setPen(self._no_pen)
            painter.setBrush(QBrush(gradient))
        else:
            painter.setPen(style.outline)
            painter.setBrush(style.brush)
        painter.drawRect(band)
        painter.fillRect(QRectF(rect.left(), rect.top() + 1, 2, rect.height() - 1), style.accent)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)

    def _paint_density(self, painter: QPainter, geometry: _LaneGeometry, item: Item) -> None:
        """Bars of events per bin (square-root scaled, so a few events still show beside many),
        and the bins that hold a selected event marked in the selection colour."""
        counts = item.counts
        if counts is None or not counts.any():
            return
        top = geometry.top + LANE_PADDING / 2 + 2
        height = geometry.height - LANE_PADDING - 4
        heights = np.sqrt(counts / counts.max()) * height
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        filled = np.flatnonzero(counts)
        bars = np.maximum(heights[filled], 1.5)
        lefts = GUTTER + filled * item.bin_px
        width = item.bin_px - 0.5
        # one drawRects call for the whole strip: hundreds of bins cost one paint call
        painter.setPen(self._no_pen)
        matched = self._matched_density(geometry.lane, item)
        painter.setBrush(palette.DENSITY if matched is None else palette.DENSITY_FADED)
        painter.drawRects([QRectF(x, top + height - bar, width, bar)
                           for x, bar in zip(lefts.tolist(), bars.tolist(), strict=True)])
        if matched is not None and matched.any():
            # the matches on the same scale as all the bin's events, and never thinner than a
            # bar a single event makes: one match among thousands still shows where it is
            hits = np.flatnonzero(matched)
            match_bars = np.maximum(np.sqrt(matched[hits] / counts.max()) * height, 2.5)
            painter.setBrush(palette.DENSITY_MATCH)
            painter.drawRects([QRectF(GUTTER + x * item.bin_px, top + height - bar, width, bar)
                               for x, bar in zip(hits.tolist(), match_bars.tolist(), strict=True)])
        selected = np.flatnonzero(self._selected) if self._selected.any() else np.empty(0, dtype=np.int64)
        if len(selected):
            selected = selected[self.index.lane[selected] == geometry.lane]
            x = (self.index.start[selected] - self.scale.start) / self.scale.days_per_px
            for bin_number in np.unique(np.floor(x[(x >= 0) & (x < self.scale.width)] / item.bin_px)).tolist():
                painter.fillRect(QRectF(GUTTER + bin_number * item.bin_px - 1, top, item.bin_px + 1, height),
                                 palette.SELECTION)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)

    def _matched_density(self, lane: int, item: Item) -> np.ndarray | None:
        """The search's matches per bin of a density item (None: no search), kept for this view
        until the matches or the index change (both clear them): a paint after a hover does not
        count them again."""
        matches = self._matches
        if matches is None:
            return None
        key = (lane, self.scale.start, self.scale.end, self.scale.width, item.bin_px)
        found = self._matched_bins.get(key)
        if found is None:
            if len(self._matched_bins) > 4 * max(len(self._items), 1):
                self._matched_bins.clear()  # views and searches gone by
            edges = density_edges(self.scale, item.bin_px)
            found = self._matched_bins[key] = self.index.density(lane, edges, matches)[:len(item.counts)]
        return found

    def density_events(self, lane: int, item: Item, x: float) -> np.ndarray:
        """The events of the density bin under the widget x (for its list, its zoom)."""
        number = int((x - GUTTER) // item.bin_px)
        d0 = self.scale.day_of(number * item.bin_px)
        d1 = self.scale.day_of((number + 1) * item.bin_px)
        rows = self.index.visible(lane, d0, d1)
        starts = self.index.start[rows]
        # events that start in the bin; the first bin also holds those begun before the view
        return rows[(starts >= d0) | (number == 0)]

    def _paint_cluster(self, painter: QPainter, rect: QRectF, item: Item) -> None:
        events = item.events if item.events is not None else np.empty(0, dtype=np.int64)
        any_selected = bool(self._selected[events].any()) if len(events) else False
        searching = self._matches is not None
        any_match = searching and bool(self._matches[events].any())
        faded = searching and not any_match and not any_selected
        edge = palette.SELECTION if any_selected else palette.CLUSTER_FADED_EDGE if faded else QColor("#455A64")
        painter.setPen(QPen(edge, 1.5 if any_selected else 1))
        painter.setBrush(palette.MATCH if any_match else QColor("#F5F7F8") if faded else QColor("#ECEFF1"))
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setFont(self.font_small)
        painter.setPen(palette.MUTED if faded else palette.TEXT)
        text = self._count_text(self.badge_label(item, rect.width()))
        size = text.size()
        painter.drawStaticText(QPointF(rect.center().x() - size.width() / 2, rect.center().y() - size.height() / 2), text)

    def badge_label(self, item: Item, width: float) -> str:
        """What a badge ``width`` pixels wide says: its count; while searching, with matches
        among its events, how many match of how many (3/640: the total alone read as 640
        matches), or the matches alone when both do not fit."""
        events = item.events if item.events is not None else np.empty(0, dtype=np.int64)
        if self._matches is None or not len(events):
            return str(item.count)
        matched = int(self._matches[events].sum())
        if not matched:
            return str(item.count)
        label = f"{matched}/{item.count}"
        return label if self._count_text(label).size().width() <= width - 4 else str(matched)

    def _count_text(self, label: str) -> QStaticText:
        text = self._count_texts.get(label)
        if text is None:
            if len(self._count_texts) > 4096:
                self._count_texts.clear()  # bounded: match counts change with every search
            text = QStaticText(label)
            text.prepare(font=self.font_small)
            self._count_texts[label] = text
        return text

    # ------------------------------------------------------------------ view changes

    def set_range(self, start: float, end: float) -> None:
        self.scale.start, self.scale.end = start, end
        self.scale.width = self.timeline_width()
        self.scale.clamp()
        self._fitted = False
        self._changed_range()

    def _changed_range(self) -> None:
        self.update()
        self.range_changed.emit(self.scale.start, self.scale.end)

    def zoom_by(self, factor: float, anchor_x: float | None = None) -> None:
        """Zoom by ``factor`` (> 1 zooms in) around the widget x ``anchor_x`` (default: centre)."""
        self.scale.width = self.timeline_width()
        local = (anchor_x - GUTTER) if anchor_x is not None else self.scale.width / 2
        self.scale.zoom(factor, min(max(local, 0.0), self.scale.width))
        self._fitted = False
        self._changed_range()

    def zoom_in(self) -> None:
        self.zoom_by(1.5)

    def zoom_out(self) -> None:
        self.zoom_by(1 / 1.5)

    def zoom_fit(self) -> None:
        """Show every shown event, the labels of the last ones included."""
        extent = self.index.fit_extent()
        if extent:
            self.scale.width = self.timeline_width()
            self.scale.show(*extent, label_room=self._label_room())
            self._fitted = True
            self._changed_range()

    def _label_room(self, last: int = LABEL_ROOM_EVENTS) -> list[tuple[float, float]]:
        """(start day, pixels its marker and label need) of the latest-starting shown events."""
        return [(float(self.index.start[r]), MARKER_PX + LABEL_GAP + self._label_width(int(r)) + 6.0)
                for r in self.index.latest_shown(last).tolist()]

    def zoom_to_rows(self, rows: np.ndarray) -> None:
        if len(rows):
            self.scale.width = self.timeline_width()
            self.scale.show(float(self.index.start[rows].min()), float(self.index.end[rows].max()), margin=0.15)
            self._fitted = False
            self._changed_range()
            self.ensure_lane_visible(int(self.index.lane[rows[0]]))

    def zoom_to_selection(self) -> None:
        self.zoom_to_rows(np.flatnonzero(self._selected & ~self._hidden))

    def pan_px(self, dx: float) -> None:
        self.scale.pan_px(dx)
        self._fitted = False
        self._changed_range()

    def ensure_lane_visible(self, lane: int) -> None:
        if lane < 0:
            return  # the event's lane is filtered out
        tops = self._lane_tops()
        top, bottom = float(tops[lane]), float(tops[lane + 1])
        view_h = self.height() - AXIS_HEIGHT
        if top < self.v_offset:
            self.set_v_offset(top)
        elif bottom > self.v_offset + view_h:
            self.set_v_offset(bottom - view_h)

    def ensure_event_visible(self, row: int) -> None:
        """Scroll (not zoom) so the event ``row`` is in view, and its lane too."""
        start, end = float(self.index.start[row]), float(self.index.end[row])
        if end < self.scale.start or start > self.scale.end:
            span = self.scale.span
            centre = (start + min(end, start + span * 0.8)) / 2
            self.set_range(centre - span / 2, centre + span / 2)
        self.ensure_lane_visible(int(self.index.lane[row]))

    # ------------------------------------------------------------------ selection

    def _select_rows(self, rows: list[int] | np.ndarray, flags: QItemSelectionModel.SelectionFlag) -> None:
        self.selection.select(row_selection(self.model, rows), flags | QItemSelectionModel.SelectionFlag.Rows)

    def select_event(self, row: int, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        flags = QItemSelectionModel.SelectionFlag
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            self._select_rows([row], flags.Toggle)
        elif modifiers & Qt.KeyboardModifier.ShiftModifier and self._anchor_row is not None:
            order = self._shown_order()
            positions = {int(r): i for i, r in enumerate(order)}
            a, b = positions.get(self._anchor_row), positions.get(row)
            if a is not None and b is not None:
                low, high = sorted((a, b))
                self._select_rows(order[low : high + 1], flags.ClearAndSelect)
        else:
            self._select_rows([row], flags.ClearAndSelect)
        if not modifiers & Qt.KeyboardModifier.ShiftModifier:
            self._anchor_row = row
        self.selection.setCurrentIndex(self.model.index(row, 0), flags.NoUpdate)
        self.ensure_event_visible(row)

    def _shown_order(self) -> np.ndarray:
        """Shown events in time order (for Tab and Shift-click)."""
        shown = np.flatnonzero(~self._hidden)
        return shown[np.lexsort((self.index.lane[shown], self.index.start[shown]))]

    def step_event(self, forward: bool) -> None:
        order = self._shown_order()
        if not len(order):
            return
        current = self.selection.currentIndex()
        if not current.isValid():
            target = order[0] if forward else order[-1]
        else:
            where = np.flatnonzero(order == current.row())
            if not len(where):
                target = order[0]
            else:
                position = int(where[0]) + (1 if forward else -1)
                target = order[min(max(position, 0), len(order) - 1)]
        self.select_event(int(target))

    def select_all_shown(self) -> None:
        self._select_rows(np.flatnonzero(~self._hidden), QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def clear_selection(self) -> None:
        self.selection.clearSelection()

    # ------------------------------------------------------------------ input

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        pixel = event.pixelDelta()
        position = event.position()
        modifiers = event.modifiers()
        if position.x() < GUTTER and delta.y():
            self.set_v_offset(self.v_offset - delta.y() / 120 * ROW_HEIGHT * 3)
        elif modifiers & Qt.KeyboardModifier.AltModifier:
            amount = delta.y() or delta.x()
            self.set_v_offset(self.v_offset - amount / 120 * ROW_HEIGHT * 3)
        elif delta.x() or modifiers & Qt.KeyboardModifier.ShiftModifier:
            amount = pixel.x() if not pixel.isNull() and pixel.x() else (delta.x() or delta.y()) / 120 * 60
            if not pixel.isNull() and not pixel.x() and modifiers & Qt.KeyboardModifier.ShiftModifier:
                amount = pixel.y()
            self.pan_px(-amount)
        elif delta.y():
            self.zoom_by(WHEEL_ZOOM_BASE ** delta.y(), position.x())
        self.user_navigated.emit()
        event.accept()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.NativeGesture and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
            self.zoom_by(1.0 + event.value(), event.position().x())
            self.user_navigated.emit()
            return True
        if event.type() == QEvent.Type.ToolTip:
            self._show_tooltip(event)
            return True
        return super().event(event)

    def _show_tooltip(self, event) -> None:  # noqa: ANN001 - QHelpEvent
        item = self.hit_test(QPointF(event.pos()))
        if item is None:
            QToolTip.hideText()
            return
        frame = self.frame
        if item.kind == "cluster":
            rows = item.events[:8]
            lines = [self.tr("%Ln 个事件（放大查看）", "", item.count)]
            if self._matches is not None:
                matching = item.events[self._matches[item.events]]
                lines.append(self.tr("其中 %Ln 个符合搜索", "", len(matching)))
                rows = np.concatenate([matching, item.events[~self._matches[item.events]]])[:8]
            lines += [f"{frame['start'].iat[r]:%Y-%m-%d}  {frame['title'].iat[r]}" for r in rows]
            if item.count > len(rows):
                lines.append("…")
            text = "\n".join(lines)
        else:
            r = item.event
            when = readable_date(frame["start"].iat[r].date(), frame["end"].iat[r].date(), str(frame["precision"].iat[r]),
                                 str(frame["edtf"].iat[r]))
            text = f"{when}\n{frame['title'].iat[r]}\n{category_name(str(frame['category'].iat[r]))} · {frame['article_title'].iat[r]}"
        QToolTip.showText(event.globalPos(), tooltip_text(text), self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus()
        position = event.position()
        if position.x() < GUTTER and event.button() == Qt.MouseButton.LeftButton:
            lane = self.lane_at(position.y())
            if lane is not None:
                self.toggle_lane(lane)  # a click on a lane's title folds it (or opens it again)
            return
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = position
            self._press_modifiers = event.modifiers()
            self._panning = False
        super().mousePressEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: ANN001 - Qt override
        lane = self.lane_at(event.pos().y()) if event.pos().x() < GUTTER else None
        if lane is None:
            self._event_menu(event)
            return
        key, label = self.index.lanes[lane].key, self.index.lanes[lane].label
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.tr("展开此泳道") if self.is_collapsed(lane) else self.tr("折叠此泳道"),
                       lambda: self.toggle_lane(lane))
        menu.addAction(self.tr("全部折叠"), lambda: self.set_all_collapsed(True))
        menu.addAction(self.tr("全部展开"), lambda: self.set_all_collapsed(False))
        menu.addSeparator()
        menu.addAction(self.tr("只看此泳道：%s") % label.replace("&", "&&"),
                       lambda: self.lane_filter_requested.emit(self.index.mode, key, label))
        menu.popup(event.globalPos())
        self.lane_menu = menu

    def _event_menu(self, event) -> None:  # noqa: ANN001 - QContextMenuEvent
        """Over the events: the window's actions on the selection (merge, split…); an item
        under the cursor that is not selected is selected first."""
        if not self.event_actions:
            return
        item = self.hit_test(QPointF(event.pos()))
        if item is not None and item.kind == "event" and not self._selected[item.event]:
            self.select_event(item.event)
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for action in self.event_actions:
            menu.addAction(action)
        menu.popup(event.globalPos())
        self.event_menu = menu

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            return
        moved = event.position() - self._press
        if not self._panning and self._rubber is None and abs(moved.x()) + abs(moved.y()) > 4:
            wants_band = self._press_modifiers & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier)
            if wants_band:
                self._rubber = QRubberBand(QRubberBand.Shape.Rectangle, self)
                self._rubber.show()
            else:
                self._panning = True
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
        if self._rubber is not None:
            self._rubber.setGeometry(QRect(self._press.toPoint(), event.position().toPoint()).normalized())
        elif self._panning:
            self.pan_px(-moved.x())
            self.set_v_offset(self.v_offset - moved.y())
            self._press = event.position()
            self.user_navigated.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return
        if self._rubber is not None:
            band = QRectF(self._rubber.geometry())
            self._rubber.hide()
            self._rubber.deleteLater()
            self._rubber = None
            rows = [row for row, (rect, _) in self._item_by_event.items() if rect.intersects(band)]
            for geometry, items in self._items:
                for item in items:
                    if item.kind == "cluster" and self._item_rect(geometry, item).intersects(band):
                        rows.extend(item.events.tolist())
                    elif item.kind == "density" and geometry.top < band.bottom() and band.top() < geometry.top + geometry.height:
                        d0 = self.scale.day_of(max(band.left() - GUTTER, 0.0))
                        d1 = self.scale.day_of(band.right() - GUTTER)
                        rows.extend(self.index.visible(geometry.lane, d0, d1).tolist())
            flags = QItemSelectionModel.SelectionFlag
            self._select_rows(rows, flags.Select if self._press_modifiers & Qt.KeyboardModifier.ControlModifier else flags.ClearAndSelect)
        elif self._panning:
            self.unsetCursor()
        else:
            item = self.hit_test(event.position())
            if item is None:
                if not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
                    self.clear_selection()
            elif item.kind == "cluster":
                if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                    self._select_rows(item.events, QItemSelectionModel.SelectionFlag.Select)
                else:
                    # a click opens the badge's list, a double click zooms: wait to tell them apart
                    self._badge_click = (item, self._badge_anchor(event.position()))
                    self._badge_timer.start(QApplication.doubleClickInterval())
            else:
                self.select_event(item.event, event.modifiers())
        self._press = None
        self._panning = False

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.user_navigated.emit()
        self._badge_timer.stop()
        self._badge_click = None
        item = self.hit_test(event.position())
        if item is not None and item.kind == "cluster":
            if len(np.unique(self.index.start[item.events])) > 1:
                self.zoom_to_rows(item.events)
            else:  # all on one interval: no zoom can part them, list them instead
                self.open_badge(item, self._badge_anchor(event.position()))
        elif item is None:
            self.zoom_by(2.0, event.position().x())

    def _badge_anchor(self, position: QPointF) -> QPoint:
        """Where a badge's list opens: just below the click, so a second click misses it."""
        return self.mapToGlobal(QPoint(int(position.x()) - 8, int(position.y()) + 14))

    def _open_clicked_badge(self) -> None:
        if self._badge_click is not None:
            item, where = self._badge_click
            self._badge_click = None
            self.open_badge(item, where)

    def open_badge(self, item: Item, where: QPoint) -> QMenu:
        """A badge opened into a list of its events: pick one, select them all, or zoom."""
        if self.badge_menu is not None and shiboken6.isValid(self.badge_menu):
            self.badge_menu.close()
        events = item.events if item.events is not None else np.empty(0, dtype=np.int64)
        events = events[np.lexsort((self.index.end[events], self.index.start[events]))]
        frame = self.frame
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.setObjectName("badge-menu")
        menu.addSection(self.tr("%Ln 个事件", "", len(events)))
        for row in events[:BADGE_MENU_ROWS].tolist():
            when = readable_date(frame["start"].iat[row].date(), frame["end"].iat[row].date(),
                                 str(frame["precision"].iat[row]), str(frame["edtf"].iat[row]))
            text = f"{when}  {frame['title'].iat[row]}".replace("&", "&&").replace("\t", " ")
            action = menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(bool(self._selected[row]) if row < len(self._selected) else False)
            action.setData(int(row))
            action.triggered.connect(lambda _=False, r=int(row): self.select_event(r))
        if len(events) > BADGE_MENU_ROWS:
            menu.addAction(self.tr("…另有 %Ln 个（全部选中后在列表中查看）", "", len(events) - BADGE_MENU_ROWS)).setEnabled(False)
        menu.addSeparator()
        select_all = menu.addAction(self.tr("全部选中（%Ln 个）", "", len(events)))
        select_all.triggered.connect(
            lambda: self._select_rows(events, QItemSelectionModel.SelectionFlag.ClearAndSelect))
        zoom = menu.addAction(self.tr("放大到这些事件"))
        zoom.setEnabled(len(np.unique(self.index.start[events])) > 1)
        zoom.triggered.connect(lambda: self.zoom_to_rows(events))
        menu.popup(where)
        self.badge_menu = menu
        return menu

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        modifiers = event.modifiers()
        width = self.scale.width
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key == Qt.Key.Key_Minus:
            self.zoom_out()
        elif key == Qt.Key.Key_0:
            self.zoom_fit()
        elif key == Qt.Key.Key_Z:
            self.zoom_to_selection()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and modifiers & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            self.step_event(key == Qt.Key.Key_Right)
        elif key == Qt.Key.Key_Left:
            self.pan_px(-width * 0.1)
        elif key == Qt.Key.Key_Right:
            self.pan_px(width * 0.1)
        elif key == Qt.Key.Key_PageUp:
            self.pan_px(-width * 0.9)
        elif key == Qt.Key.Key_PageDown:
            self.pan_px(width * 0.9)
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            extent = self.index.fit_extent()
            if extent:
                span = self.scale.span
                start = extent[0] - span * 0.05 if key == Qt.Key.Key_Home else extent[1] - span * 0.95
                self.set_range(start, start + span)
        elif key == Qt.Key.Key_Up:
            self.set_v_offset(self.v_offset - self.lane_height())
        elif key == Qt.Key.Key_Down:
            self.set_v_offset(self.v_offset + self.lane_height())
        elif key == Qt.Key.Key_A and modifiers & Qt.KeyboardModifier.ControlModifier:
            self.select_all_shown()
        elif key == Qt.Key.Key_Escape:
            self.clear_selection()
        else:
            super().keyPressEvent(event)
            return
        self.user_navigated.emit()
        event.accept()


def _wrap(text: str, metrics: QFontMetricsF, width: float, max_lines: int) -> list[str]:
    """Break ``text`` into at most ``max_lines`` lines of ``width``, the last one elided."""
    lines: list[str] = []
    current = ""
    for position, ch in enumerate(text):
        if current and metrics.horizontalAdvance(current + ch) > width:
            if len(lines) == max_lines - 1:
                rest = text[position - len(current):]
                lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
                return lines
            lines.append(current)
            current = ch
        else:
            current += ch
    if current:
        lines.append(current)
    return lines
