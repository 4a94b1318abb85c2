"""Colours of the chrome, and the categories' colours (from the core's data) as QColors."""

from __future__ import annotations

from PySide6.QtGui import QColor

from desktop.core.events.categories import colour_of

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
DENSITY_FADED = QColor("#DDE3E6")  # the same while a search shows where its matches are
DENSITY_MATCH = QColor("#F9A825")  # the search's matches among them
CLUSTER_FADED_EDGE = QColor("#CFD8DC")  # a count of events none of which matches the search


def category_colour(name: str) -> QColor:
    """The category's colour (the data: ``resources/palette/categories.tsv``)."""
    return QColor(colour_of(name))
