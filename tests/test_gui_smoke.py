"""Qt models pass pytest-qt's model checks."""

from __future__ import annotations

import numpy as np


def test_event_model_passes_qt_model_checks(qtmodeltester, seeds_corpus):
    from desktop.gui.models import EventTableModel

    model = EventTableModel(seeds_corpus.events)
    qtmodeltester.check(model)


def test_filter_proxy_passes_qt_model_checks(qtmodeltester, seeds_corpus):
    from desktop.gui.models import EventFilterProxy, EventTableModel

    model = EventTableModel(seeds_corpus.events)
    proxy = EventFilterProxy()
    proxy.setSourceModel(model)
    shown = np.zeros(len(seeds_corpus.events), dtype=bool)
    shown[::2] = True
    proxy.set_shown(shown)
    assert proxy.rowCount() == shown.sum()
    proxy.sort(0)
    qtmodeltester.check(proxy)


def test_qt_own_strings_are_in_chinese(qapp):
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop.gui.translations import install_qt_translations

    assert install_qt_translations(qapp)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
