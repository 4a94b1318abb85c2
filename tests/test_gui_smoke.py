"""The window opens at once and fills its event list from a worker thread."""

from __future__ import annotations

from conftest import SEEDS

from desktop.gui.main_window import MainWindow


def test_window_opens_and_lists_events(qtbot):
    window = MainWindow([SEEDS])
    qtbot.addWidget(window)
    window.show()
    assert window.isVisible()
    with qtbot.waitSignal(window.corpus_loaded, timeout=120_000) as blocker:
        pass
    corpus = blocker.args[0]
    assert window.model.rowCount() == len(corpus.events) > 0
    first_title = window.model.index(0, 3).data()
    assert first_title == corpus.events.iloc[0]["title"]
    assert not window.progress.isVisible()


def test_event_model_passes_qt_model_checks(qtmodeltester, seeds_corpus):
    from desktop.gui.models import EventTableModel

    model = EventTableModel(seeds_corpus.events)
    qtmodeltester.check(model)
