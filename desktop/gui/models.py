"""Thin Qt models over the events DataFrame; their cost follows the visible rows.

:class:`EventTableModel` exposes the frame's rows in its order; every view shares one
``QItemSelectionModel`` on it. A cell's text is formatted when a view first asks for it
and kept until the frame changes — never a ``frame[col].iat[row]`` walk per paint.

:class:`EventListModel` is the event list's view of it: the rows that pass the filters, in
the order the user sorted by. Both are numpy arrays (view row → frame row and back),
sorted with ``numpy.argsort`` over one key array per column (as Anki's browser model keeps
its own order instead of asking Qt to compare cells one by one), so sorting 100,000 events
or applying a filter is a few array operations, not a Python call per comparison.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QAbstractProxyModel,
    QAbstractTableModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from desktop.core.distinct import per_object
from desktop.core.events.table import events_frame
from desktop.core.export.formatting import precision_name, readable_date, tense_name
from desktop.core.language import enumerate_names
from desktop.core.vocab import category_name
from desktop.gui.guard import guard_overrides
from desktop.gui.palette import category_colour
from desktop.gui.plain import tooltip_text

_Index = QModelIndex | QPersistentModelIndex


def selected_rows(selection: QItemSelectionModel) -> list[int]:
    """The rows of a selection, sorted, read from its ranges: ``selectedRows()`` makes an index
    of every selected row (and asks the model about each), 4 s for 100,000 selected events."""
    model = selection.model()
    if model is None:
        return []
    mask = np.zeros(model.rowCount(), dtype=bool)
    for r in selection.selection():
        if r.isValid():
            mask[r.top(): r.bottom() + 1] = True
    return np.flatnonzero(mask).tolist()


def row_selection(model: QAbstractItemModel, rows: Iterable[int] | np.ndarray) -> QItemSelection:
    """Whole rows ``rows`` (any order, repeats and rows the model lacks allowed) of ``model`` as a
    selection of as few ranges as they allow. A mask instead of sorting: a million rows is 5 ms."""
    rows = np.asarray(rows if isinstance(rows, np.ndarray) else list(rows), dtype=np.int64)
    mask = np.zeros(model.rowCount(), dtype=bool)
    mask[rows[(rows >= 0) & (rows < len(mask))]] = True
    return mask_selection(model, mask)


def mask_selection(model: QAbstractItemModel, mask: np.ndarray) -> QItemSelection:
    """The rows where ``mask`` is True, whole, as ranges of consecutive rows."""
    selection = QItemSelection()
    rows = np.flatnonzero(mask)
    if not len(rows):
        return selection
    breaks = np.flatnonzero(np.diff(rows) != 1)
    starts = np.concatenate([[rows[0]], rows[breaks + 1]])
    ends = np.concatenate([rows[breaks], [rows[-1]]])
    last = model.columnCount() - 1
    for first, final in zip(starts.tolist(), ends.tolist(), strict=True):
        selection.select(model.index(first, 0), model.index(final, last))
    return selection


PLANNED_COLOUR = QColor("#7B52AE")
# the roles the table answers, as plain numbers: a view asks about eight roles per cell and
# each look-up of a Qt enum member costs more than the answer
_DISPLAY, _DECORATION, _TOOLTIP, _FOREGROUND = (int(role.value) for role in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.ForegroundRole))
ANSWERED_ROLES = frozenset((_DISPLAY, _DECORATION, _TOOLTIP, _FOREGROUND))


@guard_overrides
class EventTableModel(QAbstractTableModel):
    """Rows = events of the frame, in its (start-sorted) order."""

    COLUMNS = (
        ("start", QT_TRANSLATE_NOOP("EventTableModel", "日期")),
        ("title", QT_TRANSLATE_NOOP("EventTableModel", "事件")),
        ("category", QT_TRANSLATE_NOOP("EventTableModel", "类别")),
        ("precision", QT_TRANSLATE_NOOP("EventTableModel", "精度")),
        ("tense", QT_TRANSLATE_NOOP("EventTableModel", "时态")),
        ("places", QT_TRANSLATE_NOOP("EventTableModel", "地点")),
        ("article_title", QT_TRANSLATE_NOOP("EventTableModel", "来源文章")),
        ("cluster_size", QT_TRANSLATE_NOOP("EventTableModel", "来源数")),  # articles reporting the item
    )

    def __init__(self, frame: pd.DataFrame | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._frame = frame if frame is not None else events_frame([])
        self._cells: dict[tuple[int, int], str] = {}
        self._colours: dict[str, QColor] = {}

    @property
    def frame(self) -> pd.DataFrame:
        return self._frame

    def set_frame(self, frame: pd.DataFrame) -> None:
        self.beginResetModel()
        self._frame = frame
        self._cells.clear()
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._frame)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.COLUMNS)

    def _value(self, row: int, column: str) -> object:
        if column == "cluster_size" and column not in self._frame:
            return 1  # a table not clustered yet (events still arriving): one source each
        return self._frame[column].iat[row]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        return self.cell(index.row(), index.column(), role)

    def cell(self, row: int, number: int, role: int) -> object:
        """What ``data()`` gives for the frame's ``row`` and column ``number``."""
        if role not in ANSWERED_ROLES:
            return None
        if role == _DISPLAY:
            key = (row, number)
            text = self._cells.get(key)
            if text is None:
                text = self._cells[key] = self._display(row, self.COLUMNS[number][0])
            return text
        column = self.COLUMNS[number][0]
        if role == _TOOLTIP:
            return tooltip_text(str(self._value(row, "sentence")))
        if role == _DECORATION and column == "category":
            name = str(self._value(row, "category"))
            colour = self._colours.get(name)
            if colour is None:
                colour = self._colours[name] = category_colour(name)
            return colour
        if role == _FOREGROUND and column == "tense" and self._value(row, "tense") == "planned":
            return PLANNED_COLOUR
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
        if column == "category":
            return category_name(str(value))
        if column == "cluster_size":
            return str(int(value))
        if isinstance(value, list):
            return enumerate_names(value[:3]) + ("…" if len(value) > 3 else "")
        return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.tr(self.COLUMNS[section][1])
        return str(section + 1)


def _ranks(texts: Any) -> np.ndarray:
    """Integers whose order is the texts' (equal texts, equal integers): sorting a million
    titles as numpy strings took seconds, their ranks sort in milliseconds."""
    return pd.factorize(texts, sort=True)[0]


def sort_key(frame: pd.DataFrame, column: str) -> np.ndarray:
    """One array whose ascending order is the order of the list's ``column`` (dates by start then end)."""
    if column == "start":
        starts = frame["start"].to_numpy(dtype="datetime64[D]").astype(np.int64)
        ends = frame["end"].to_numpy(dtype="datetime64[D]").astype(np.int64)
        return starts * 200_000 + (ends - starts).clip(0, 199_999)
    if column == "places":  # rows share their lists: joined once per list
        return _ranks(np.array(per_object(frame["places"].tolist(), "、".join), dtype=object))
    if column == "cluster_size":
        if column not in frame:
            return np.ones(len(frame), dtype=np.int64)
        return frame[column].to_numpy(dtype=np.int64)
    if column in ("precision", "tense", "category"):
        name = {"precision": precision_name, "tense": tense_name, "category": category_name}[column]
        values = frame[column].astype("category")
        names = np.array([name(str(c)) for c in values.cat.categories] + [name("nan")], dtype=object)
        return _ranks(names[values.cat.codes.to_numpy()])  # code -1 (missing): the last name
    values = frame[column]
    if not isinstance(values.dtype, pd.StringDtype):  # Arrow's strings are ranked as they are
        values = values.astype(str)
    return _ranks(values.fillna(""))


def rows_in_order(frame: pd.DataFrame, number: int, descending: bool) -> np.ndarray:
    """The frame's rows in the list's order by its column ``number`` (stable: ties keep frame order)."""
    if not len(frame):
        return np.empty(0, dtype=np.int64)
    order = np.argsort(sort_key(frame, EventTableModel.COLUMNS[number][0]), kind="stable")
    return order[::-1].copy() if descending else order


@guard_overrides
class EventListModel(QAbstractProxyModel):
    """The events that pass the filters, in the order of the column the user sorted by."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._shown: np.ndarray | None = None  # None: all
        self._sort_column = 0
        self._descending = False
        self._sorted = np.empty(0, dtype=np.int64)  # all frame rows in sort order
        self._order = np.empty(0, dtype=np.int64)  # view row -> frame row
        self._position = np.empty(0, dtype=np.int64)  # frame row -> view row, -1 if not shown
        self._offered: tuple[weakref.ref, tuple[int, bool], np.ndarray] | None = None

    # ---------------------------------------------------------------- the arrays

    def setSourceModel(self, model: EventTableModel) -> None:
        super().setSourceModel(model)
        model.modelReset.connect(self._on_source_reset)
        self._on_source_reset()

    def _source(self) -> EventTableModel:
        return self.sourceModel()

    def _on_source_reset(self) -> None:
        self.beginResetModel()
        n = self._source().rowCount()
        if self._shown is not None and len(self._shown) != n:
            self._shown = None
        offered, self._offered = self._offered, None
        if offered is not None and offered[0]() is self._source().frame and offered[1] == self.sort_state():
            self._sorted = offered[2]
        else:
            self._sorted = self._sort_order()
        self._apply_filter()
        self.endResetModel()

    def sort_state(self) -> tuple[int, bool]:
        """The column the list is sorted by and whether it is descending."""
        return self._sort_column, self._descending

    def offer_order(self, frame: pd.DataFrame, state: tuple[int, bool], order: np.ndarray) -> None:
        """``rows_in_order(frame, *state)`` computed in the background: taken instead of sorting on
        the GUI thread when the table shows ``frame`` and the list is still sorted so."""
        self._offered = (weakref.ref(frame), state, order)

    def _sort_order(self) -> np.ndarray:
        return rows_in_order(self._source().frame, self._sort_column, self._descending)

    def _apply_filter(self) -> None:
        n = self._source().rowCount()
        order = self._sorted if self._shown is None else self._sorted[self._shown[self._sorted]]
        self._order = order.astype(np.int64, copy=False)
        self._position = np.full(n, -1, dtype=np.int64)
        self._position[self._order] = np.arange(len(self._order), dtype=np.int64)

    def set_shown(self, shown: np.ndarray | None) -> None:
        """Show only the frame rows where ``shown`` is True (None: all)."""
        self.beginResetModel()
        self._shown = None if shown is None else np.asarray(shown, dtype=bool)
        self._apply_filter()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column < 0:
            return
        self.beginResetModel()
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._sorted = self._sort_order()
        self._apply_filter()
        self.endResetModel()

    def source_rows(self) -> np.ndarray:
        """Frame rows in the order the list shows them."""
        return self._order

    # ---------------------------------------------------------------- the proxy interface

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else self._source().columnCount()

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < len(self._order)) or not (0 <= column < self.columnCount()):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008 - Qt signature
        return QModelIndex()

    def hasChildren(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008 - Qt signature
        return not parent.isValid()

    # data and flags asked of the source directly: Qt's proxy asks mapToSource (Python) and the
    # source's index (Python) first, three calls into Python per cell and role instead of one
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role not in ANSWERED_ROLES or not index.isValid() or index.row() >= len(self._order):
            return None
        return self._source().cell(int(self._order[index.row()]), index.column(), role)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren

    def mapToSource(self, index: _Index) -> QModelIndex:
        if not index.isValid() or index.row() >= len(self._order):
            return QModelIndex()
        return self._source().index(int(self._order[index.row()]), index.column())

    def mapFromSource(self, index: _Index) -> QModelIndex:
        if not index.isValid() or index.row() >= len(self._position):
            return QModelIndex()
        row = int(self._position[index.row()])
        return self.index(row, index.column()) if row >= 0 else QModelIndex()

    def mapSelectionToSource(self, selection: QItemSelection) -> QItemSelection:
        mask = np.zeros(self._source().rowCount(), dtype=bool)
        for r in selection:
            mask[self._order[r.top(): r.bottom() + 1]] = True
        return mask_selection(self._source(), mask)

    def mapSelectionFromSource(self, selection: QItemSelection) -> QItemSelection:
        mask = np.zeros(len(self._order) + 1, dtype=bool)  # the last place takes the rows not shown (-1)
        for r in selection:
            mask[self._position[r.top(): r.bottom() + 1]] = True
        return mask_selection(self, mask[:-1])

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal:
            return self._source().headerData(section, orientation, role)
        return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
