"""Thin Qt models over the events DataFrame (no copy of the data is kept here).

:class:`EventTableModel` exposes the frame's rows in its order; views share one
``QItemSelectionModel`` on it. :class:`EventFilterProxy` shows the events that pass the
filters (a mask the main window computes) and sorts by raw values, not display text.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from ..core.formatting import precision_name, readable_date, tense_name
from ..core.table import events_frame
from .guard import guard_overrides
from .palette import category_colour
from .plain import tooltip_text

_Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


@guard_overrides
class EventTableModel(QAbstractTableModel):
    """Rows = events of the frame, in its (start-sorted) order."""

    COLUMNS = (
        ("start", "日期"),
        ("title", "事件"),
        ("category", "类别"),
        ("precision", "精度"),
        ("tense", "时态"),
        ("places", "地点"),
        ("article_title", "来源文章"),
    )

    def __init__(self, frame: pd.DataFrame | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._frame = frame if frame is not None else events_frame([])

    @property
    def frame(self) -> pd.DataFrame:
        return self._frame

    def set_frame(self, frame: pd.DataFrame) -> None:
        self.beginResetModel()
        self._frame = frame
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._frame)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.COLUMNS)

    def _value(self, row: int, column: str) -> object:
        return self._frame[column].iat[row]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = index.row(), self.COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            value = self._value(row, column)
            if isinstance(value, pd.Timestamp):
                return value.value
            return ", ".join(value) if isinstance(value, list) else str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip_text(str(self._value(row, "sentence")))
        if role == Qt.ItemDataRole.DecorationRole and column == "category":
            return category_colour(str(self._value(row, "category")))
        if role == Qt.ItemDataRole.ForegroundRole and column == "tense" and self._value(row, "tense") == "planned":
            return QColor("#7B52AE")
        return None

    def _display(self, row: int, column: str) -> str:
        value = self._value(row, column)
        if column == "start":
            return readable_date(value.date(), self._value(row, "end").date(), str(self._value(row, "precision")),
                                 str(self._value(row, "edtf")))
        if column == "precision":
            return precision_name(str(value))
        if column == "tense":
            return tense_name(str(value))
        if isinstance(value, list):
            return "、".join(value[:3]) + ("…" if len(value) > 3 else "")
        return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.tr(self.COLUMNS[section][1])
        return str(section + 1)


@guard_overrides
class EventFilterProxy(QSortFilterProxyModel):
    """The events that pass the filters, sortable by any column."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._shown: np.ndarray | None = None
        self.setSortRole(SORT_ROLE)

    def set_shown(self, shown: np.ndarray | None) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.9: invalidateFilter() is deprecated
            self.beginFilterChange()
            self._shown = shown
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._shown = shown
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        return self._shown is None or (source_row < len(self._shown) and bool(self._shown[source_row]))
