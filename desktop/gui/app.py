"""Starting the Qt application: :func:`create_app` builds it as a user's launch does,
:func:`run_app` also runs its event loop."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop.core.resources import resource_path
from desktop.gui import errors
from desktop.gui.fonts import install_application_font
from desktop.gui.main_window import MainWindow
from desktop.gui.translations import chosen_language, install_translations

ORGANIZATION = "desktop-timeline"
APPLICATION = "新闻时间线"  # names the settings file: an identity, the same in every language


def create_app(argv: list[str]) -> tuple[QApplication, MainWindow]:
    """The application and its shown main window, for the paths in ``argv`` (none: the
    corpus the user had open last, else the bundled seeds)."""
    app = QApplication.instance() or QApplication([sys.argv[0], *[a for a in argv if a.startswith("-")]])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    install_application_font(app)
    install_translations(app, chosen_language())  # before any window: every string is made in it
    errors.install()
    app.setWindowIcon(QIcon(str(resource_path("icons", "app.png"))))
    paths = [Path(a) for a in argv if not a.startswith("-")] or None
    window = MainWindow(paths)
    window.show()
    return app, window


def run_app(argv: list[str]) -> int:
    app, _window = create_app(argv)
    return app.exec()
