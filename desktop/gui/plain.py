"""Showing article text where Qt would guess at rich text (tooltips, message boxes).

Qt renders a tooltip as HTML when it *looks* like HTML (``Qt::mightBeRichText``), so an
article title containing ``<b>`` or ``<img src=…>`` would be interpreted. Article text
goes through :func:`tooltip_text`, which escapes it and marks it as rich text
explicitly, so it always shows literally. :class:`ElidedLabel` shows one line of plain
text that ends in … when the pane is narrow (the whole text in its tooltip).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from desktop.gui.guard import guard_overrides


def tooltip_text(text: str) -> str:
    """``text`` escaped for a tooltip: shown exactly as written, line breaks kept."""
    escaped = html.escape(text, quote=False).replace("\n", "<br>")
    return f"<qt>{escaped}</qt>"


@guard_overrides
class ElidedLabel(QLabel):
    """One line of plain text, elided to the label's width; it never widens its pane."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(tooltip_text(text) if text else "")
        self._elide()

    def resizeEvent(self, event) -> None:  # noqa: ANN001 - Qt override
        super().resizeEvent(event)
        self._elide()

    def minimumSizeHint(self) -> QSize:
        return QSize(10, super().minimumSizeHint().height())

    def _elide(self) -> None:
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(self.width(), 10)))
