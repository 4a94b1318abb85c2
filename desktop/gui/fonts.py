"""The bundled CJK font: registered at start-up so Chinese renders on any machine.

Machines without a Chinese font (many Linux installs, CI) would show boxes; the app
ships a subset of Noto Sans CJK SC (``resources/fonts/``, SIL OFL 1.1) and makes it the
application font, so the window and exported PDFs look the same everywhere.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.core.resources import resource_path

BUNDLED_FONT = resource_path("fonts", "NotoSansSC-Regular-GBK.otf")


@cache
def bundled_family() -> str | None:
    """Family name of the bundled font, registered once (None if it cannot be loaded)."""
    font_id = QFontDatabase.addApplicationFont(str(BUNDLED_FONT))
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    return families[0] if families else None


def chinese_font(point_size: float | None = None) -> QFont:
    """A font that has Chinese glyphs: the bundled one, else the default."""
    family = bundled_family()
    font = QFont(family) if family else QFont()
    if point_size:
        font.setPointSizeF(point_size)
    return font


def install_application_font(app: QApplication) -> None:
    family = bundled_family()
    if family:
        font = app.font()
        font.setFamilies([family, *font.families()])
        app.setFont(font)
