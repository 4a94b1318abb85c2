"""Draw the application icon (resources/icons/app.png): a timeline with events on it."""

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen


def main() -> None:
    app = QGuiApplication([])
    size = 256
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#1A4FA0"))
    painter.drawRoundedRect(QRectF(8, 8, 240, 240), 48, 48)
    painter.setPen(QPen(QColor("#FFFFFF"), 10, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(QPointF(40, 168), QPointF(216, 168))
    for x in (64, 112, 160, 200):
        painter.drawLine(QPointF(x, 156), QPointF(x, 180))
    colours = ("#D55E00", "#009E73", "#E69F00")
    bars = ((52, 74, 92), (96, 104, 120), (140, 134, 64))
    for (x, y, width), colour in zip(bars, colours, strict=True):
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawRoundedRect(QRectF(x, y, width, 18), 9, 9)
    painter.end()
    image.save(str(Path(__file__).with_name("app.png")))
    app.quit()


if __name__ == "__main__":
    main()
