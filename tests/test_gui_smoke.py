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
