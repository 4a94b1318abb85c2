"""Thin Qt models over the events DataFrame (no copy of the data is kept here)."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ..core.table import events_frame

_Index = QModelIndex | QPersistentModelIndex


class EventTableModel(QAbstractTableModel):
    """Rows = events of the frame, in its (start-sorted) order."""

    COLUMNS = (
        ("start", "开始"),
        ("end", "结束"),
        ("precision", "精度"),
        ("title", "事件"),
        ("category", "类别"),
        ("tense", "时态"),
        ("date_text", "原文日期"),
        ("article_title", "文章"),
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

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = self.COLUMNS[index.column()][0]
        value = self._frame.iat[index.row(), self._frame.columns.get_loc(column)]
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(self._frame.iat[index.row(), self._frame.columns.get_loc("sentence")])
        if isinstance(value, pd.Timestamp):
            return value.strftime("%Y-%m-%d")
        return None if pd.isna(value) else str(value)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.tr(self.COLUMNS[section][1])
        return str(section + 1)
