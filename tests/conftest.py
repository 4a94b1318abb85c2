"""Shared fixtures: the seeds corpus is extracted once per test session."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session", autouse=True)
def isolated_settings(tmp_path_factory):
    """The app's QSettings go to a temporary folder, never the user's real settings."""
    from PySide6.QtCore import QCoreApplication, QSettings

    os.environ["XDG_DATA_HOME"] = str(tmp_path_factory.mktemp("data"))  # projects, logs
    QCoreApplication.setOrganizationName("desktop-timeline-tests")
    QCoreApplication.setApplicationName("tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path_factory.mktemp("settings")))
    yield


@pytest.fixture(scope="session")
def seeds_corpus():
    from desktop.core.events.corpus import extract

    return extract([SEEDS])


@pytest.fixture(scope="session")
def seeds_records(seeds_corpus):
    from desktop.core.export.serialize import event_records

    return event_records(seeds_corpus.events)


@pytest.fixture
def no_error_reports(monkeypatch):
    """Fails the test when the app would have shown its error report (an exception escaped
    a Qt handler or a slot); a module opts in with ``pytestmark = usefixtures(...)``."""
    from desktop.gui import errors

    reported: list[str] = []
    monkeypatch.setattr(errors, "handle_exception", lambda t, e, tb: reported.append(f"{t.__name__}: {e}"))
    yield reported
    assert not reported, reported


def open_main_window(qtbot, paths, size: tuple[int, int] = (1500, 950)):  # noqa: ANN001, ANN201
    """The app's window on ``paths``, shown, once its corpus is loaded (as a user opens it)."""
    from desktop.gui.main_window import MainWindow

    window = MainWindow(paths, restore=False)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.corpus is not None and not window.is_loading(), timeout=120_000)
    return window
