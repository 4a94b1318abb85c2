"""Faults: an uncaught exception is reported and logged, and the app stays usable;
markup in article text is shown literally everywhere; no network, no shell."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from PySide6.QtCore import Qt

from desktop.gui import errors
from desktop.gui.main_window import MainWindow
from desktop.gui.plain import tooltip_text

MARKUP_TITLE = "<b>粗体</b><img src='http://example.com/a.png'>"


def test_uncaught_exception_shows_report_logs_it_and_app_goes_on(qtbot, tmp_path, monkeypatch):
    import threading

    monkeypatch.setattr(errors, "log_dir", lambda: tmp_path / "logs")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    errors.install()
    try:
        raise ZeroDivisionError("boom in a slot")
    except ZeroDivisionError:
        errors.handle_exception(*sys.exc_info())
    qtbot.waitUntil(lambda: len(errors.open_dialogs()) == 1, timeout=5_000)
    dialog = errors.open_dialogs()[0]
    assert "ZeroDivisionError: boom in a slot" in dialog.text.toPlainText()
    log = (tmp_path / "logs" / errors.LOG_NAME).read_text(encoding="utf-8")
    assert "ZeroDivisionError: boom in a slot" in log and "Traceback" in log
    dialog.copy()
    from PySide6.QtGui import QGuiApplication

    assert "boom in a slot" in QGuiApplication.clipboard().text()
    dialog.close()


def test_exception_in_a_running_app_does_not_end_it(tmp_path):
    script = f"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from desktop.gui import errors
errors.log_dir = lambda: __import__('pathlib').Path({str(tmp_path)!r})
errors.install()
def fail():
    raise RuntimeError("slot failed")
def still_alive():
    print("ALIVE", len(errors.open_dialogs()), flush=True)
    app.quit()
QTimer.singleShot(0, fail)
QTimer.singleShot(300, still_alive)
app.exec()
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120,
                            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert "ALIVE 1" in result.stdout, result.stderr[-2000:]
    assert "RuntimeError: slot failed" in (tmp_path / errors.LOG_NAME).read_text(encoding="utf-8")


def test_markup_in_articles_is_shown_literally(qtbot, tmp_path):
    folder = tmp_path / "markup"
    folder.mkdir()
    (folder / "a.txt").write_text(
        f"{MARKUP_TITLE}新闻标题\n来源：某某日报  2024-05-06 10:00\n\n"
        f"5月5日，<b>某园区</b>揭牌，<a href='http://example.com'>链接</a>首批企业入驻。\n",
        encoding="utf-8",
    )
    window = MainWindow([folder], restore=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.corpus_loaded, timeout=120_000):
        pass
    frame = window.model.frame
    assert "<b>某园区</b>" in frame["sentence"].iat[0]
    window.select_rows([0])
    assert window.detail.sentence.textFormat() == Qt.TextFormat.PlainText
    assert "<b>某园区</b>" in window.detail.sentence.text()
    assert "<a href='http://example.com'>" in window.source.text.toPlainText()
    tooltip = window.model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;某园区&lt;/b&gt;" in tooltip and "<b>" not in tooltip.replace("<qt>", "")
    assert tooltip_text("<img src=x>") == "<qt>&lt;img src=x&gt;</qt>"
    pypdf = pytest.importorskip("pypdf")
    with qtbot.waitSignal(window.pdf_exported, timeout=60_000):
        out = window.export_selection(tmp_path / "markup.pdf")
    text = "".join(p.extract_text() for p in pypdf.PdfReader(str(out)).pages).replace("\n", "")
    assert "<b>某园区</b>" in text


NETWORK_PROBE = r"""
import socket, sys
opened = []
# Connections and lookups, and any bind that is not the loopback (urllib3, which trafilatura
# imports, probes IPv6 support at import by binding a socket to ::1: no traffic, no peer).
CONNECTING = ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
              "socket.sendto", "socket.sendmsg", "urllib.", "http.client")
def audit(event, args):
    if event.startswith(CONNECTING):
        opened.append(event)
    elif event == "socket.bind" and not str(args[1][0]).startswith(("127.", "::1", "localhost")):
        opened.append(event)
sys.addaudithook(audit)
from PySide6.QtWidgets import QApplication
app = QApplication([])
from desktop.core.events.corpus import extract
corpus = extract([sys.argv[1]])
from desktop.gui.pdf_export import export_pdf
export_pdf(corpus.events, list(corpus.events["id"][:5]), sys.argv[2], corpus_name="probe")
from desktop.gui.main_window import MainWindow
window = MainWindow([__import__("pathlib").Path(sys.argv[1])], restore=False)
print("EVENTS", len(corpus.events), "NETWORK", opened, "QTNETWORK", "PySide6.QtNetwork" in sys.modules, flush=True)
"""


def test_no_network_connection_is_ever_opened(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><script src='http://example.com/x.js'></script>"
        "<link rel='stylesheet' href='http://example.com/a.css'></head><body>"
        "<p>2023年11月29日，某大会在北京召开。</p><img src='http://example.com/a.png'>"
        "<iframe src='http://example.com/frame'></iframe></body></html>",
        encoding="utf-8",
    )
    result = subprocess.run([sys.executable, "-c", NETWORK_PROBE, str(tmp_path), str(tmp_path / "out.pdf")],
                            capture_output=True, text=True, cwd=ROOT, timeout=300,
                            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert "EVENTS 1 NETWORK [] QTNETWORK False" in result.stdout, result.stderr[-2000:]


def test_no_path_or_text_reaches_a_shell():
    """The package never starts processes or shells (nothing to inject into)."""
    forbidden = {("os", "system"), ("os", "popen"), ("subprocess", "run"), ("subprocess", "Popen"),
                 ("subprocess", "call"), ("subprocess", "check_output"), ("subprocess", "check_call")}
    for path in (ROOT / "desktop").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                assert (node.value.id, node.attr) not in forbidden, f"{path}: {node.value.id}.{node.attr}"
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in ("eval", "exec"), f"{path}: {node.func.id}()"
    assert Path(ROOT / "desktop").exists()
