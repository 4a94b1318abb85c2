"""Two interface languages: every string the user sees is in the chosen one (the articles' own
text aside), Qt's dialogs included; the choice is made in the View menu and kept; the English
catalogue is built from the committed source and covers every string of the code."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
I18N = ROOT / "resources" / "i18n"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
#: Latin words a Chinese interface uses as they are: file formats, standards, key names, the
#: query language's own keywords and the names of languages in their own language.
LATIN_IN_CHINESE = {
    "PDF", "CSV", "Excel", "JSON", "TimelineJS", "iCalendar", "PNG", "SVG", "UTF", "EDTF", "ID", "OR",
    "place", "category", "source", "Ctrl", "Shift", "Alt", "Tab", "Esc", "Home", "End", "PageUp", "PageDown",
    "Delete", "F2", "F10", "txt", "md", "html", "htm", "csv", "xlsx", "json", "ics", "png", "svg", "pdf",
    "English", "desktop", "timeline", "MB",
}
ENDONYMS = {"中文", "English"}


def walk(lang: str, tmp_path: Path) -> tuple[list[tuple[str, str]], list[str]]:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "empty.txt").write_bytes(b"")  # one line in the Problems pane
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), HOME=str(tmp_path), PYTHONPATH=str(ROOT),
               LANG="C.UTF-8", LC_ALL="C.UTF-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "drivers" / "language_walk.py"), lang, str(corpus),
         str(tmp_path / "brief.pdf")], capture_output=True, text=True, env=env, timeout=300, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    found = json.loads(result.stdout.strip().splitlines()[-1])
    return [tuple(s) for s in found["strings"]], found["data"]


def without_data(text: str, data: list[str]) -> str:
    """The text as the user reads it (rich text's tags and file-system paths aside) with the
    corpus's own strings (longest first) and the languages' own names taken out; a piece of a
    data string (a title wrapped or elided to fit) is data too."""
    text = re.sub(r"<[^>]+>", " ", text) if text.startswith("<") or "<span" in text else text
    text = re.sub(r"(?:/[\w.-]+)+/?", " ", text)
    blob = "\n".join(data)
    if text.strip("…").strip() in blob:
        return ""
    for value in [*data, *ENDONYMS]:
        if value in text:
            text = text.replace(value, " ")
    return text


def test_an_english_interface_has_no_chinese_but_the_articles(tmp_path):
    strings, data = walk("en", tmp_path)
    painted = [t for w, t in strings if w == "painted"]
    assert any("events" in t or "event" in t for t in painted)  # the timeline and the PDF were walked
    assert any(w.startswith("file dialog") for w, _ in strings)
    assert any(w.startswith("edit dialog") for w, _ in strings)
    chinese = sorted({(where, text) for where, text in strings
                      if CJK.search(without_data(text, data))})
    assert not chinese, chinese[:40]
    # dates as English writes them, Qt's own buttons in English
    assert any(re.fullmatch(r"(\d{1,2} )?(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}", t)
               for _, t in strings), "no English date seen"
    assert any(t in ("&Cancel", "Cancel") for w, t in strings if w.startswith("file dialog"))


def test_a_chinese_interface_has_no_english_words(tmp_path):
    strings, data = walk("zh", tmp_path)
    english = sorted({(where, text) for where, text in strings
                      for word in re.findall(r"[A-Za-z]{2,}", without_data(text, data).replace("&", ""))
                      if word not in LATIN_IN_CHINESE})
    assert not english, english[:40]
    assert any(re.search(r"\d{4}年\d{1,2}月", t) for _, t in strings)
    assert any(t == "取消" for w, t in strings if w.startswith("file dialog"))


@pytest.fixture
def window(qtbot):
    from desktop.gui.main_window import MainWindow

    win = MainWindow([SEEDS], restore=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.corpus is not None and not win.is_loading(), timeout=120_000)
    return win


def test_the_language_menu_keeps_the_choice_for_the_next_start(window, monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No)
    english = window.language_actions["en"]
    assert english in window.language_menu.actions() and window.language_menu.menuAction() in [
        a for menu in window.menuBar().actions() for a in menu.menu().actions()]
    english.trigger()
    assert QSettings().value("ui/language") == "en"
    assert asked and "English" in asked[0][2]  # said in the language the user reads now
    assert window.language_actions["zh"].isChecked() is False and english.isChecked()
    window.language_actions["zh"].trigger()
    assert QSettings().value("ui/language") == "zh"


def test_the_system_locale_decides_until_the_user_chooses():
    from PySide6.QtCore import QLocale

    from desktop.gui.translations import system_language

    assert system_language(QLocale(QLocale.Language.Chinese, QLocale.Country.Taiwan)) == "zh"
    assert system_language(QLocale(QLocale.Language.German, QLocale.Country.Germany)) == "en"
    assert system_language(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)) == "en"


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot():
        for message in context.findall("message"):
            found[(context.find("name").text, message.find("source").text)] = message
    return found


def test_the_english_catalogue_covers_every_string_of_the_code(tmp_path):
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed beside this Python")
    fresh = tmp_path / "fresh.ts"
    subprocess.run([lupdate, *sorted(str(p) for p in (ROOT / "desktop" / "gui").glob("*.py")),
                    "-source-language", "zh_CN", "-target-language", "en", "-ts", str(fresh)],
                   check=True, capture_output=True)
    committed = _messages(I18N / "desktop_en.ts")
    missing = sorted(set(_messages(fresh)) - set(committed))
    assert not missing, f"run pyside6-lupdate (see README): {missing[:10]}"
    untranslated = [key for key, message in committed.items()
                    if message.find("translation").get("type") == "unfinished"]
    assert not untranslated, untranslated[:10]


def test_the_shipped_catalogue_is_built_from_the_committed_source(tmp_path):
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed beside this Python")
    built = tmp_path / "desktop_en.qm"
    subprocess.run([lrelease, str(I18N / "desktop_en.ts"), "-qm", str(built)], check=True, capture_output=True)
    assert built.read_bytes() == (I18N / "desktop_en.qm").read_bytes(), "run pyside6-lrelease (see README)"


def test_translations_keep_their_placeholders():
    for (context, source), message in _messages(I18N / "desktop_en.ts").items():
        translation = message.find("translation")
        forms = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
        for form in forms:
            assert sorted(re.findall(r"%[sdn%]|%\.0f", form)) == sorted(re.findall(r"%[sdn%]|%\.0f", source)), \
                (context, source, form)
            assert source.count("&") - source.count("&&") <= 1 and form.count("&") - form.count("&&") <= 1


def test_restart_now_starts_the_app_again_as_it_was_started(window, monkeypatch):
    started = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr("desktop.gui.main_window.QProcess.startDetached",
                        lambda program, arguments: started.append((program, arguments)) or True)
    window.language_actions["en"].trigger()
    assert started and started[0][0] == sys.executable
    assert started[0][1] == list(sys.orig_argv[1:])
    assert not window.isVisible()
