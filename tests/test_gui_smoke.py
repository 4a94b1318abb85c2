"""Qt models pass pytest-qt's model checks."""

from __future__ import annotations

import numpy as np


def test_event_model_passes_qt_model_checks(qtmodeltester, seeds_corpus):
    from desktop.gui.models import EventTableModel

    model = EventTableModel(seeds_corpus.events)
    qtmodeltester.check(model)


def test_list_model_passes_qt_model_checks_and_sorts_and_filters(qtmodeltester, seeds_corpus):
    from PySide6.QtCore import Qt

    from desktop.gui.models import EventListModel, EventTableModel

    frame = seeds_corpus.events
    model = EventTableModel(frame)
    listed = EventListModel()
    listed.setSourceModel(model)
    shown = np.zeros(len(frame), dtype=bool)
    shown[::2] = True
    listed.set_shown(shown)
    assert listed.rowCount() == shown.sum()
    qtmodeltester.check(listed)
    title = [name for name, _ in EventTableModel.COLUMNS].index("title")
    listed.sort(title, Qt.SortOrder.DescendingOrder)
    titles = [listed.index(row, title).data() for row in range(listed.rowCount())]
    assert titles == sorted(titles, reverse=True)
    rows = listed.source_rows()
    assert set(rows.tolist()) == set(np.flatnonzero(shown).tolist())
    for view_row, frame_row in enumerate(rows.tolist()):
        assert listed.mapFromSource(model.index(frame_row, 0)).row() == view_row
        assert listed.mapToSource(listed.index(view_row, 0)).row() == frame_row
    assert not listed.mapFromSource(model.index(1, 0)).isValid()  # filtered out
    listed.sort(0)
    starts = [frame["start"].iat[r] for r in listed.source_rows()]
    assert starts == sorted(starts)
    qtmodeltester.check(listed)


def test_qt_own_strings_are_in_chinese(qapp):
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop.gui.translations import install_qt_translations

    assert install_qt_translations(qapp)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def test_every_list_column_sorts_as_its_values_do_ties_in_table_order(seeds_corpus):
    """The list's order by each column is Python's stable sort of the column's values (texts
    by code point, a missing text first, a category by its shown name, places joined)."""
    import pandas as pd

    from desktop.core.events.merge import cluster_events, collapse_clusters
    from desktop.gui.models import (
        EventTableModel,
        category_name,
        precision_name,
        rows_in_order,
        tense_name,
    )

    frame = collapse_clusters(cluster_events(seeds_corpus.events))
    titles = frame["title"].copy()
    titles.iloc[[3, 7]] = pd.NA  # missing titles sort as empty ones
    frame = frame.assign(title=titles)
    names = {"category": category_name, "precision": precision_name, "tense": tense_name}

    def value(column: str, row: int):  # noqa: ANN202
        cell = frame[column].iat[row]
        if column == "start":
            return (frame["start"].iat[row], frame["end"].iat[row])
        if column == "places":
            return "、".join(cell)
        if column in names:
            return names[column](str(cell))
        if column == "cluster_size":
            return int(cell)
        return "" if cell is pd.NA else str(cell)

    for number, (column, _) in enumerate(EventTableModel.COLUMNS):
        expected = sorted(range(len(frame)), key=lambda row, column=column: value(column, row))
        assert rows_in_order(frame, number, False).tolist() == expected, column
        assert rows_in_order(frame, number, True).tolist() == expected[::-1], column
