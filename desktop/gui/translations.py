"""Qt's own strings in Chinese (file dialogs, standard buttons, context menus).

The app's interface is Chinese; without Qt's catalogue its standard dialogs and menus
would be in English. The catalogues ship with PySide6, so nothing is installed. The few
strings that catalogue leaves in English (the file dialog's "Look in:", "Files of type:")
come from our own small catalogue in ``resources/i18n``, installed after it.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from desktop.core.resources import resource_path

_installed: list[QTranslator] = []
EXTRA_CATALOGUE = "qt_extra"


def install_qt_translations(app: QApplication, locale: QLocale | None = None) -> bool:
    """Load Qt's catalogue for ``locale`` (default: Simplified Chinese); False if missing."""
    if _installed:
        return True
    locale = locale or QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for catalogue in ("qtbase", "qt"):
        translator = QTranslator(app)
        if translator.load(locale, catalogue, "_", folder):
            app.installTranslator(translator)
            _installed.append(translator)
            break
    else:
        return False
    extra = QTranslator(app)
    if extra.load(locale, EXTRA_CATALOGUE, "_", str(resource_path("i18n"))):
        app.installTranslator(extra)  # installed last, so it is asked first
        _installed.append(extra)
    return True
