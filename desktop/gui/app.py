"""Starting the Qt application."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ..core.resources import resource_path
from . import errors
from .fonts import install_application_font
from .main_window import MainWindow
from .translations import install_qt_translations


def run_app(argv: list[str]) -> int:
    app = QApplication.instance() or QApplication([sys.argv[0], *[a for a in argv if a.startswith("-")]])
    app.setOrganizationName("desktop-timeline")
    app.setApplicationName("新闻时间线")
    install_application_font(app)
    install_qt_translations(app)
    errors.install()
    app.setWindowIcon(QIcon(str(resource_path("icons", "app.png"))))
    paths = [Path(a) for a in argv if not a.startswith("-")] or None
    window = MainWindow(paths)
    window.show()
    return app.exec()
