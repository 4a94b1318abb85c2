"""Colours of the categories (colour-blind-safe, after Okabe & Ito) and of the chrome."""

from __future__ import annotations

from PySide6.QtGui import QColor

CATEGORY_COLOURS = {
    "签约": "#D55E00",
    "会议/推介会": "#0072B2",
    "投产/开工/竣工": "#009E73",
    "成立/揭牌": "#CC79A7",
    "政策/协议": "#E69F00",
    "统计/指标": "#56B4E9",
    "规划/目标": "#7B52AE",
    "其他": "#7F7F7F",
}
SELECTION = QColor("#1A4FA0")
TODAY = QColor("#C62828")
# opaque greys: filling with translucent colours means blending every pixel, which is slow
GRID = QColor("#EAEBED")
GRID_MAJOR = QColor("#C9CCD1")
LANE_ALT = QColor("#F8F8F9")
TEXT = QColor("#202124")
MUTED = QColor("#5F6368")
MATCH = QColor("#FFE082")
SELECTED_LABEL = QColor("#DCE8FB")
DENSITY = QColor("#90A4AE")  # events too many to tell apart, counted per bin


def category_colour(name: str) -> QColor:
    return QColor(CATEGORY_COLOURS.get(name, CATEGORY_COLOURS["其他"]))
