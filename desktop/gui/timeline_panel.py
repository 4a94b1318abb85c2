"""The timeline with its scroll bars, an overview strip of the whole corpus, and a legend."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollBar, QSizePolicy, QWidget

from desktop.core.events.categories import categories, category_name
from desktop.gui import palette
from desktop.gui.flow_layout import FlowLayout
from desktop.gui.fonts import chinese_font
from desktop.gui.guard import guard_overrides
from desktop.gui.timeline_view import GUTTER, TimelineView

OVERVIEW_HEIGHT = 34


@guard_overrides
class OverviewStrip(QWidget):
    """The whole corpus range as a density strip, with the visible window drawn on it.

    Click or drag to move the window there.
    """

    moved = Signal(float)  # new centre day

    def __init__(self, view: TimelineView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.setFixedHeight(OVERVIEW_HEIGHT)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("全部时间范围：点击或拖动以移动视图"))
        self._range = (0.0, 1.0)
        self._histogram = np.zeros(1)
        view.lanes_changed.connect(self.refresh)
        view.range_changed.connect(lambda *_: self.update())

    def refresh(self) -> None:
        index = self.view.index
        extent = index.fit_extent()
        if extent is None:
            self._range, self._histogram = (0.0, 1.0), np.zeros(1)
        else:
            span = max(extent[1] - extent[0], 30.0)
            self._range = (extent[0] - span * 0.03, extent[1] + span * 0.03)
            shown = ~index.hidden
            bins = max(int(self.width() - GUTTER), 10) // 3
            self._histogram, _ = np.histogram(index.start[shown], bins=bins, range=self._range)
        self.update()

    def resizeEvent(self, event) -> None:  # noqa: ANN001 - Qt override
        super().resizeEvent(event)
        self.refresh()

    def _x(self, day: float) -> float:
        low, high = self._range
        return GUTTER + (day - low) / max(high - low, 1e-9) * (self.width() - GUTTER)

    def _day(self, x: float) -> float:
        low, high = self._range
        return low + (x - GUTTER) / max(self.width() - GUTTER, 1.0) * (high - low)

    def paintEvent(self, event) -> None:  # noqa: ANN001 - Qt override
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), QColor("#F6F7F9"))
            painter.setFont(chinese_font(8))
            painter.setPen(palette.MUTED)
            painter.drawText(QRectF(8, 0, GUTTER - 12, self.height()), Qt.AlignmentFlag.AlignVCenter, self.tr("全局"))
            peak = max(float(self._histogram.max()), 1.0)
            width = (self.width() - GUTTER) / max(len(self._histogram), 1)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#90A4AE"))
            for number, count in enumerate(self._histogram):
                if count:
                    h = 3 + (self.height() - 8) * float(count) / peak
                    painter.drawRect(QRectF(GUTTER + number * width, self.height() - 2 - h, max(width - 0.5, 1), h))
            scale = self.view.scale
            x0, x1 = self._x(scale.start), self._x(scale.end)
            window = QRectF(x0, 1, max(x1 - x0, 4), self.height() - 2)
            painter.setBrush(QColor(26, 79, 160, 40))
            painter.setPen(QPen(palette.SELECTION, 1.5))
            painter.drawRect(window)
        finally:
            painter.end()

    def _move_to(self, x: float) -> None:
        self.moved.emit(self._day(x))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._move_to(event.position().x())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._move_to(event.position().x())


@guard_overrides
class Legend(QWidget):
    """Category colours, and how precision and tense are drawn."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # a flow, not a row: in a narrow window the legend wraps instead of widening the window
        layout = FlowLayout(self, spacing=10)
        layout.setContentsMargins(8, 2, 8, 2)
        for name in categories():
            swatch = QLabel(f"<span style='color:{palette.category_colour(name).name()}'>■</span> {category_name(name)}")
            swatch.setTextFormat(Qt.TextFormat.RichText)  # our own fixed strings, not article text
            layout.addWidget(swatch)
        for part in self.tr("● 某日|◉ 点线：据发布日期（文中未写日期）|▭ 月/年/时间段|◌ 虚线：计划|渐隐：至今").split("|"):
            hint = QLabel(part)
            hint.setStyleSheet("color:#5F6368")
            layout.addWidget(hint)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)


@guard_overrides
class TimelinePanel(QWidget):
    """Timeline view + horizontal/vertical scroll bars + overview strip + legend."""

    def __init__(self, view: TimelineView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.hbar = QScrollBar(Qt.Orientation.Horizontal, self)
        self.vbar = QScrollBar(Qt.Orientation.Vertical, self)
        self.overview = OverviewStrip(view, self)
        self.legend = Legend(self)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(0)
        grid.addWidget(view, 0, 0)
        grid.addWidget(self.vbar, 0, 1)
        grid.addWidget(self.hbar, 1, 0)
        grid.addWidget(self.overview, 2, 0, 1, 2)
        grid.addWidget(self.legend, 3, 0, 1, 2)
        # the canvas takes all spare room; without stretch a grid shares it with the scroll-bar
        # column, and the canvas fills half the width when the vertical bar hides
        grid.setColumnStretch(0, 1)
        grid.setRowStretch(0, 1)
        self._syncing = False
        view.range_changed.connect(self._sync_hbar)
        view.lanes_changed.connect(self._sync_vbar)
        self.hbar.valueChanged.connect(self._on_hbar)
        self.vbar.valueChanged.connect(lambda value: view.set_v_offset(float(value)))
        self.overview.moved.connect(self._centre_on)

    def _sync_hbar(self, start: float, end: float) -> None:
        extent = self.view.index.fit_extent() or (start, end)
        span = end - start
        low = min(extent[0] - span * 0.5, start)
        high = max(extent[1] + span * 0.5, end)
        self._syncing = True
        try:
            self.hbar.setRange(int(low), max(int(high - span), int(low)))
            self.hbar.setPageStep(max(int(span), 1))
            self.hbar.setSingleStep(max(int(span / 20), 1))
            self.hbar.setValue(int(start))
        finally:
            self._syncing = False
        self._sync_vbar()

    def _sync_vbar(self) -> None:
        maximum = int(self.view.max_v_offset())
        self.vbar.setVisible(maximum > 0)
        self.vbar.setRange(0, maximum)
        self.vbar.setPageStep(max(int(self.view.height()), 1))
        self.vbar.setSingleStep(int(self.view.lane_height() / 2))
        self.vbar.blockSignals(True)
        self.vbar.setValue(int(self.view.v_offset))
        self.vbar.blockSignals(False)

    def _on_hbar(self, value: int) -> None:
        if self._syncing:
            return
        span = self.view.scale.span
        fraction = self.view.scale.start - int(self.view.scale.start)
        self.view.set_range(value + fraction, value + fraction + span)

    def _centre_on(self, day: float) -> None:
        span = self.view.scale.span
        self.view.set_range(day - span / 2, day + span / 2)
