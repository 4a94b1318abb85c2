"""The app as a user drives it: launch, zoom, scroll, click, source clicks, export, geometry."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import SEEDS
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from desktop.core.timeline.scale import day_number
from desktop.gui.main_window import MainWindow
from desktop.gui.timeline_view import GUTTER


@pytest.fixture
def window(qtbot):
    win = MainWindow([SEEDS], restore=False)
    qtbot.addWidget(win)
    win.resize(1500, 950)
    win.show()
    assert win.isVisible()
    assert win.corpus is None  # the window shows before extraction has finished
    with qtbot.waitSignal(win.corpus_loaded, timeout=120_000):
        pass
    qtbot.waitExposed(win)
    win.timeline.repaint()
    return win


def wheel(widget, pos: QPointF, dy: int = 0, dx: int = 0, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    event = QWheelEvent(
        pos, widget.mapToGlobal(pos), QPoint(0, 0), QPoint(dx, dy), Qt.MouseButton.NoButton, modifiers,
        Qt.ScrollPhase.NoScrollPhase, False,
    )
    QApplication.sendEvent(widget, event)


def test_launch_shows_events_in_lanes(window):
    assert len(window.model.frame) == len(window.corpus.events) > 30
    first, last = window.timeline.index.extent()
    # fitted to all events once they are in, not to the first file's
    assert window.timeline.scale.start <= first and window.timeline.scale.end >= last
    assert len(window.timeline.index.lanes) == window.corpus.events["article_id"].nunique()
    assert window.list_view.model().rowCount() == len(window.corpus.events)
    assert not window.progress.isVisible()


def test_wheel_zoom_keeps_the_date_under_the_cursor(window):
    view = window.timeline
    x = GUTTER + view.timeline_width() * 0.3
    before = view.scale.day_of(x - GUTTER)
    span = view.scale.span
    wheel(view, QPointF(x, 200), dy=120)
    assert view.scale.span < span
    assert view.scale.day_of(x - GUTTER) == pytest.approx(before, abs=1e-6)
    wheel(view, QPointF(x, 200), dy=-240)
    assert view.scale.span > span * 0.99
    assert view.scale.day_of(x - GUTTER) == pytest.approx(before, abs=1e-6)


def test_scrolling_moves_the_visible_range_by_the_expected_amount(window, qtbot):
    view = window.timeline
    view.set_range(float(day_number(date(2020, 1, 1))), float(day_number(date(2024, 1, 1))))
    start, span = view.scale.start, view.scale.span
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.scale.start == pytest.approx(start + 0.1 * span)
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert view.scale.start == pytest.approx(start + 0.1 * span - 0.9 * span)
    before = view.scale.start
    wheel(view, QPointF(GUTTER + 300, 200), dy=-120, modifiers=Qt.KeyboardModifier.ShiftModifier)
    assert view.scale.start == pytest.approx(before + 60 * view.scale.days_per_px)
    assert view.scale.span == pytest.approx(span)
    # the horizontal scroll bar follows and drives the view
    bar = window.timeline_panel.hbar
    assert bar.value() == int(view.scale.start)
    bar.setValue(bar.value() + 100)
    assert view.scale.start == pytest.approx(before + 60 * view.scale.days_per_px + 100, abs=1.0)


def _row_of(window, file_prefix: str, date_text: str) -> int:
    frame = window.model.frame
    matches = frame[(frame["file"].str.startswith(file_prefix)) & (frame["date_text"] == date_text)]
    return int(frame.index.get_loc(matches.index[0]))


def test_clicking_an_event_fills_detail_and_scrolls_source(window, qtbot):
    view = window.timeline
    row = _row_of(window, "003", "2023年11月29日")
    view.ensure_event_visible(row)
    view.zoom_to_rows([row])
    view.repaint()
    rect = view.item_rect(row)
    assert rect is not None
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert window.selected_rows() == [row]
    title = window.model.frame["title"].iat[row]
    assert window.detail.title.text() == title
    assert "2023年11月29日" in window.detail.when.text()
    # the publication date with the reader's phrase for its basis; what was read in the tooltip
    assert window.detail.fields["published"].text() == "2024年2月24日（据文首日期）"
    assert window.detail.fields["published"].toolTip().startswith("据文首日期：“")
    assert window.source.file == window.model.frame["file"].iat[row]
    assert window.source.sentence_rect_visible(row)


def test_clicking_a_date_in_the_source_selects_its_event(window, qtbot):
    row = _row_of(window, "003", "2014年以来")
    window.source.show_event(_row_of(window, "003", "2月1日"))
    frame = window.model.frame
    source = window.source
    cursor = source.cursor_for(int(frame["date_start"].iat[row]) + 1, int(frame["date_start"].iat[row]) + 1)
    source.text.setTextCursor(cursor)
    source.text.ensureCursorVisible()
    point = source.text.cursorRect(cursor).center()
    qtbot.mouseClick(source.text.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.selection.currentIndex().row() == row
    assert window.selected_rows() == [row]
    assert window.detail.title.text() == frame["title"].iat[row]


def test_a_year_precision_event_is_painted_across_its_year(window):
    view = window.timeline
    row = _row_of(window, "003", "2023年")
    assert window.model.frame["precision"].iat[row] == "year"
    view.set_range(float(day_number(date(2022, 7, 1))), float(day_number(date(2024, 7, 1))))
    view.ensure_lane_visible(int(view.index.lane[row]))
    view.repaint()
    rect = view.item_rect(row)
    assert rect is not None
    left = GUTTER + view.scale.x_of(day_number(date(2023, 1, 1)))
    right = GUTTER + view.scale.x_of(day_number(date(2024, 1, 1)))
    assert rect.left() == pytest.approx(left, abs=0.5)
    assert rect.right() == pytest.approx(right, abs=0.5)
    assert rect.width() > 100  # a bar across the year, not a point on 1 January


def test_selection_is_shared_by_timeline_list_and_detail(window, qtbot):
    rows = [_row_of(window, "000", "2月28日"), _row_of(window, "001", "9月24日"), _row_of(window, "002", "2020年6月")]
    window.select_rows(rows)
    assert set(window.selected_rows()) == set(rows)
    listed = {window.proxy.mapToSource(i).row() for i in window.list_view.selectionModel().selectedRows()}
    assert listed == set(rows)
    assert window.detail.stack.currentWidget() is window.detail.multi
    assert window.detail.multi_list.count() == 3
    qtbot.keyClick(window.timeline, Qt.Key.Key_Escape)
    assert window.selected_rows() == []


def test_alt_arrows_step_through_events_in_time_order(window, qtbot):
    view = window.timeline
    view.setFocus()
    alt = Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(view, Qt.Key.Key_Right, alt)
    first = window.selection.currentIndex().row()
    qtbot.keyClick(view, Qt.Key.Key_Right, alt)
    second = window.selection.currentIndex().row()
    frame = window.model.frame
    assert first >= 0 and second >= 0 and first != second
    assert window.selected_rows() == [second]
    assert frame["start"].iat[first] <= frame["start"].iat[second]
    qtbot.keyClick(view, Qt.Key.Key_Left, alt)
    assert window.selection.currentIndex().row() == first


def test_search_dims_and_filters_hide(window):
    window.search.setText("签约")
    window.apply_filters()
    frame = window.model.frame
    matches = window.timeline.match_mask
    assert matches is not None and 0 < matches.sum() < len(frame)
    assert window.proxy.rowCount() == matches.sum()
    window.clear_filters()
    window.category_actions["会议/推介会"].setChecked(True)
    hidden = window.timeline.hidden_mask
    assert (frame["category"][~hidden] == "会议/推介会").all()
    assert window.timeline.index.lanes and sum(lane.count for lane in window.timeline.index.lanes) == (~hidden).sum()


def test_lane_modes(window):
    window.set_lane_mode("category")
    assert {lane.key for lane in window.timeline.index.lanes} == set(window.model.frame["category"])
    window.set_lane_mode("single")
    assert len(window.timeline.index.lanes) == 1


def test_exporting_three_selected_events(window, qtbot, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    rows = [_row_of(window, "000", "2月28日"), _row_of(window, "003", "2023年11月29日"), _row_of(window, "004", "2025年7月")]
    window.select_rows(rows)
    with qtbot.waitSignal(window.pdf_exported, timeout=60_000):
        out = window.export_selection(tmp_path / "brief.pdf")
    assert out is not None and out.exists()
    reader = pypdf.PdfReader(str(out))
    text = "".join(page.extract_text() for page in reader.pages)
    for row in rows:
        assert window.model.frame["title"].iat[row] in text.replace("\n", "")
    fonts = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            if descriptor is not None:
                descriptor = descriptor.get_object()
                fonts.append(any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")))
    assert fonts and all(fonts)


def test_export_with_nothing_selected_says_so(window, monkeypatch):
    shown = []
    monkeypatch.setattr("desktop.gui.main_window.QMessageBox.information", lambda *a: shown.append(a[2]))
    window.selection.clearSelection()
    assert window.export_selection() is None
    assert shown and "没有选中" in shown[0]


def test_settings_come_back(qtbot, tmp_path):
    first = MainWindow([SEEDS], restore=True)
    qtbot.addWidget(first)
    first.show()
    with qtbot.waitSignal(first.corpus_loaded, timeout=120_000):
        pass
    first.set_lane_mode("category")
    first.timeline.set_range(float(day_number(date(2020, 1, 1))), float(day_number(date(2021, 1, 1))))
    first.close()
    second = MainWindow(None, restore=True)
    qtbot.addWidget(second)
    with qtbot.waitSignal(second.corpus_loaded, timeout=120_000):
        pass
    assert second.timeline.lane_mode == "category"
    assert second.paths == [SEEDS]
    assert second.timeline.scale.start == pytest.approx(day_number(date(2020, 1, 1)), abs=1)
    second.close()


def test_dropping_files_opens_them(window, qtbot, tmp_path):
    from PySide6.QtCore import QMimeData, QUrl
    from PySide6.QtGui import QDropEvent

    article = tmp_path / "dropped.txt"
    article.write_text("某地新闻\n来源：某某日报  2024-05-06 10:00\n\n5月5日，某产业园揭牌运营，首批企业入驻。\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(article))])
    event = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.corpus_loaded, timeout=120_000) as blocker:
        window.dropEvent(event)
    corpus = blocker.args[0]
    assert [doc.name for doc in corpus.documents] == ["dropped.txt"]
    assert list(window.model.frame["date_text"]) == ["5月5日"]


def test_cancel_keeps_the_window_usable(window, qtbot, tmp_path):
    for number in range(40):
        (tmp_path / f"a{number}.txt").write_text(f"来源：某某日报  2024-05-06 10:00\n\n5月{number % 28 + 1}日，某园区第{number}个项目开工。\n",
                                                  encoding="utf-8")
    window.open_paths([tmp_path])
    window.cancel_extraction()
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=60_000)
    assert not window.progress.isVisible()
    # a cancelled job's late signals must not disturb the next load
    window.open_paths([tmp_path])
    window.open_paths([SEEDS])
    with qtbot.waitSignal(window.corpus_loaded, timeout=120_000) as blocker:
        pass
    assert blocker.args[0].documents[0].path.parent == SEEDS
    assert len(window.model.frame) > 30 and window.paths == [SEEDS]


def test_in_a_narrow_window_the_detail_pane_wraps_rather_than_cuts(window, qtbot):
    from PySide6.QtWidgets import QScrollArea

    window.resize(900, 600)
    view = window.timeline
    row = _row_of(window, "003", "2023年11月29日")
    view.ensure_event_visible(row)
    view.zoom_to_rows([row])
    view.repaint()
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=view.item_rect(row).center().toPoint())
    scroll = window.detail.findChild(QScrollArea)
    # the buttons under the fields wrap: in one row they held the body wider than the pane, and
    # the title and sentence were cut at its edge (no sideways scroll bar)
    qtbot.waitUntil(lambda: scroll.widget().width() <= scroll.viewport().width())
    assert window.detail.title.width() <= scroll.viewport().width()
    buttons = [window.detail.source_button, window.detail.edit_button, window.detail.hide_button]
    assert all(button.geometry().right() <= scroll.viewport().width() for button in buttons)
