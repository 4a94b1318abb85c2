"""The timeline as an image: PNG (``QImage``) or SVG (``QSvgGenerator``), painted by the
canvas's own :meth:`TimelineView.paint` — the picture is the view, at its zoom and scroll.

The bytes are built in memory and written through the atomic writer, so a failed export
leaves an earlier file as it was. :func:`render_events` builds an off-screen view of a set
of events (fitted) for the CLI.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QItemSelectionModel, QRect, QRectF, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from desktop.core.atomic import write_bytes_atomic
from desktop.gui.models import EventTableModel
from desktop.gui.timeline_view import TimelineView

IMAGE_FORMATS = {"png": ".png", "svg": ".svg"}


def _paint(view: TimelineView, device: QImage | QSvgGenerator, size: QSize) -> None:
    painter = QPainter(device)
    try:
        view.paint(painter, QRectF(0, 0, size.width(), size.height()))
    finally:
        painter.end()


def timeline_png(view: TimelineView) -> bytes:
    """The view as a PNG at its size (times the screen's pixel ratio, as the screen shows it)."""
    size = view.size()
    ratio = max(view.devicePixelRatioF(), 1.0)
    image = QImage(round(size.width() * ratio), round(size.height() * ratio), QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(ratio)
    _paint(view, image, size)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError("the PNG could not be encoded")
    buffer.close()
    return bytes(data.data())


def timeline_svg(view: TimelineView, title: str = "") -> bytes:
    """The view as SVG: vector shapes and text, the view's size as its view box."""
    size = view.size()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    _paint(view, generator, size)
    buffer.close()
    return bytes(data.data())


def timeline_image(view: TimelineView, fmt: str, title: str = "") -> bytes:
    return timeline_png(view) if fmt == "png" else timeline_svg(view, title)


def write_timeline_image(view: TimelineView, fmt: str, path: Path | str, title: str = "") -> Path:
    """Write the view as ``fmt`` (``png`` or ``svg``) to ``path``, atomically."""
    target = Path(path)
    write_bytes_atomic(target, timeline_image(view, fmt, title))
    return target


def render_events(frame: pd.DataFrame, fmt: str, size: QSize, lanes: str = "article", title: str = "") -> bytes:
    """An image of these events on an off-screen timeline of ``size``, fitted to them.
    Needs a ``QApplication``."""
    model = EventTableModel(frame)
    selection = QItemSelectionModel(model)
    view = TimelineView(model, selection)
    try:
        view.resize(size)
        view.set_lane_mode(lanes)
        view.zoom_fit()
        return timeline_image(view, fmt, title)
    finally:
        view.deleteLater()
