"""The installed Qt binding keeps Python's reference counts right.

PySide6 6.12.0 drops a reference to ``None`` on every call of a method returning
nothing (setPen, drawLine, …); on Python < 3.12, where None is not immortal, the
timeline then crashes after enough painting. The project pins a version without it;
this guards the pin.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter, QPen


def test_void_calls_do_not_leak_references_to_none(qapp):
    image = QImage(20, 20, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    pen = QPen(QColor("#123456"))
    try:
        before = sys.getrefcount(None)
        for _ in range(5000):
            painter.setPen(pen)
            painter.drawLine(QPointF(0, 0), QPointF(5, 5))
        after = sys.getrefcount(None)
    finally:
        painter.end()
    assert after - before > -100
