"""The event list's table: one that says why it is empty instead of showing a blank grid."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QTableView, QWidget

from desktop.gui.guard import guard_overrides


@guard_overrides
class EventListView(QTableView):
    """A table of events that writes a hint across its empty viewport (a search or filters
    that keep nothing: what to do about it), so an empty list never looks like a broken one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._empty_hint = ""

    def set_empty_hint(self, text: str) -> None:
        """The hint shown while the list has no rows ("" for none)."""
        if text != self._empty_hint:
            self._empty_hint = text
            self.viewport().update()

    def shown_hint(self) -> str:
        """The hint the list shows now: its hint while it has no rows, else ""."""
        model = self.model()
        return self._empty_hint if model is not None and model.rowCount() == 0 else ""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        hint = self.shown_hint()
        if not hint:
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(self.viewport().rect().adjusted(16, 16, -16, -16),
                         Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, hint)
        painter.end()
