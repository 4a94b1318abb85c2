"""The interface's language: Chinese or English, Qt's own strings included.

The app's strings are written in Chinese in the code (``tr("打开文件(&O)…")``); the English
catalogue ``resources/i18n/desktop_en.qm`` (built with ``pyside6-lrelease`` from the committed
``desktop_en.ts``) gives their English. Qt's own dialogs, buttons and context menus speak English
by themselves and Chinese through Qt's catalogue, which ships with PySide6, so nothing is
installed; the few strings that catalogue leaves in English (the file dialog's "Look in:",
"Files of type:") come from our small ``qt_extra_zh_CN`` catalogue, installed after it. The
core's own wording (dates, categories, problems, the PDF) follows :mod:`desktop.core.language`.

The language is the user's choice (``ui/language`` in QSettings, set from the View menu) and,
until they choose, the system's: Chinese for a Chinese locale, English otherwise.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from desktop.core.language import LANGUAGES, set_language
from desktop.core.resources import resource_path

SETTING = "ui/language"
APP_CATALOGUE = "desktop"
EXTRA_CATALOGUE = "qt_extra"
#: Each language's name in itself, as language menus show them (a reader finds their own).
LANGUAGE_NAMES = {"zh": "中文", "en": "English"}
_LOCALES = {
    "zh": QLocale(QLocale.Language.Chinese, QLocale.Script.SimplifiedChineseScript, QLocale.Country.China),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
}
_installed: list[QTranslator] = []


def system_language(locale: QLocale | None = None) -> str:
    """``zh`` for a Chinese system locale, ``en`` for any other."""
    locale = locale or QLocale.system()
    return "zh" if locale.language() == QLocale.Language.Chinese else "en"


def chosen_language() -> str:
    """The language the user chose in the View menu, else the system's."""
    value = QSettings().value(SETTING)
    return value if value in LANGUAGES else system_language()


def save_language(lang: str) -> None:
    QSettings().setValue(SETTING, lang)


def _load(app: QApplication, locale: QLocale, catalogue: str, folder: str) -> bool:
    translator = QTranslator(app)
    if not translator.load(locale, catalogue, "_", folder):
        return False
    app.installTranslator(translator)  # the last installed is asked first
    _installed.append(translator)
    return True


def install_translations(app: QApplication, lang: str) -> bool:
    """Speak ``lang`` from now on: the core's wording, the app's catalogue, Qt's catalogue and
    the default locale (calendars, numbers). Replaces what an earlier call installed. False
    when a catalogue the language needs is missing."""
    while _installed:
        app.removeTranslator(_installed.pop())
    lang = lang if lang in LANGUAGES else "zh"
    set_language(lang)
    locale = _LOCALES[lang]
    QLocale.setDefault(locale)
    ours = str(resource_path("i18n"))
    if lang == "en":
        return _load(app, locale, APP_CATALOGUE, ours)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    found = _load(app, locale, "qtbase", qt_folder) or _load(app, locale, "qt", qt_folder)
    return _load(app, locale, EXTRA_CATALOGUE, ours) and found


def install_qt_translations(app: QApplication) -> bool:
    """The Chinese interface (the app's own strings are Chinese; this adds Qt's)."""
    return install_translations(app, "zh")
