"""One happening across articles, as a user meets it in the app: one timeline item for two
outlets' reports, its sources in the detail pane, split and merge from the Edit menu, the
context menus and the shortcuts, undo, the project file, the PDF brief citing every source."""

from __future__ import annotations

import json
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu
from test_merge import _write

from desktop.core.project import PROJECT_FILE_NAME
from desktop.gui.main_window import MainWindow


def open_window(qtbot, paths) -> MainWindow:
    window = MainWindow(paths, restore=False)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.corpus is not None and not window.is_loading(), timeout=120_000)
    qtbot.waitUntil(lambda: "cluster_size" in window.model.frame, timeout=60_000)
    window.timeline.repaint()
    return window


@pytest.fixture
def window(qtbot, tmp_path):
    return open_window(qtbot, [_write(tmp_path / "news")])


def merged_rows(window) -> list[int]:
    frame = window.model.frame
    return [r for r in range(len(frame)) if int(frame["cluster_size"].iat[r]) > 1]


def test_the_status_bar_says_into_how_many_items_the_events_were_merged(window, qtbot):
    items, events = len(window.model.frame), len(window.corpus.events)
    assert merged_rows(window) and items < events
    qtbot.waitUntil(lambda: f"合并为 {items} 项" in window.statusBar().currentMessage())
    assert f"{events} 个事件" in window.statusBar().currentMessage()
    # a split by hand: as many items as events, and the summary says so
    click_item(qtbot, window, merged_rows(window)[0])
    with qtbot.waitSignal(window.corrections_applied, timeout=30_000):
        window.act_split.trigger()
    assert len(window.model.frame) == events
    qtbot.waitUntil(lambda: f"{events} 个事件" in window.statusBar().currentMessage())
    assert "合并为" not in window.statusBar().currentMessage()
    with qtbot.waitSignal(window.corrections_applied, timeout=30_000):
        window.act_undo.trigger()
    qtbot.waitUntil(lambda: f"合并为 {items} 项" in window.statusBar().currentMessage())


def row_of(window, file: str) -> int:
    frame = window.model.frame
    rows = [r for r in range(len(frame)) if str(frame["file"].iat[r]).endswith(file)]
    assert rows, file
    return rows[0]


def click_item(qtbot, window, row: int, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    view = window.timeline
    window.timeline.ensure_event_visible(row)
    view.repaint()
    rect, _ = view._item_by_event[row]
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, modifiers, rect.center().toPoint())


def test_two_reports_are_one_item_that_lists_its_sources(window, qtbot):
    extracted = len(window.extracted)
    assert len(window.model.frame) == extracted - 1  # one item for the two outlets' reports
    [row] = merged_rows(window)
    column = [name for name, _ in window.model.COLUMNS].index("cluster_size")
    assert window.model.index(row, column).data() == "2"
    assert "2" in window.timeline._titles[row]  # the item says how many sources report it
    click_item(qtbot, window, row)
    assert window.selected_rows() == [row]
    detail = window.detail
    assert detail.sources_text.isVisible() and detail.split_button.isVisible()
    text = detail.sources_text.text()
    for outlet in ("人民日报", "央视新闻"):
        assert outlet in text
    for source in window.model.frame["sources"].iat[row]:
        assert source["sentence"] in text and source["date_text"] in text
    assert "2" in detail.sources_heading.text()
    # an event with one source shows no source list
    click_item(qtbot, window, row_of(window, "c_hebei.txt"))
    assert not detail.sources_text.isVisible()


def test_split_from_the_edit_menu_then_undo(window, qtbot, tmp_path):
    [row] = merged_rows(window)
    click_item(qtbot, window, row)
    assert window.act_split.isEnabled()
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and window.act_split in a.menu().actions())
    assert window.act_merge in edit_menu.actions()
    with qtbot.waitSignal(window.corrections_applied, timeout=30_000):
        window.act_split.trigger()
    assert merged_rows(window) == []
    assert len(window.model.frame) == len(window.extracted)
    window.controller.save_now()
    project = json.loads((tmp_path / "news" / PROJECT_FILE_NAME).read_text(encoding="utf-8"))
    assert project["version"] == 4 and [c["kind"] for c in project["corrections"]] == ["split"]
    with qtbot.waitSignal(window.corrections_applied, timeout=30_000):
        window.act_undo.trigger()
    assert len(merged_rows(window)) == 1


def test_merge_two_items_with_the_shortcut_and_the_list_context_menu(window, qtbot):
    plan_a, plan_b = row_of(window, "f_plan_a.txt"), row_of(window, "g_plan_b.txt")
    click_item(qtbot, window, plan_a)
    click_item(qtbot, window, plan_b, Qt.KeyboardModifier.ControlModifier)
    assert sorted(window.selected_rows()) == sorted([plan_a, plan_b])
    assert window.act_merge.isEnabled()
    window.activateWindow()
    window.timeline.setFocus()
    with qtbot.waitSignal(window.corrections_applied, timeout=30_000):
        qtbot.keyClick(window.timeline, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert len(merged_rows(window)) == 2
    frame = window.model.frame
    plans = [r for r in merged_rows(window) if {"f_plan_a", "g_plan_b"} <= {
        str(s["article_id"]) for s in frame["sources"].iat[r]}]
    assert len(plans) == 1
    # the list's context menu offers the same actions
    assert window.act_merge in window.list_view.actions() and window.act_split in window.list_view.actions()
    assert window.list_view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    with qtbot.waitSignal(window.corrections_applied, timeout=30_000):
        window.act_undo.trigger()
    assert len(merged_rows(window)) == 1


def test_the_timeline_context_menu_splits_the_item_under_the_cursor(window, qtbot):
    [row] = merged_rows(window)
    view = window.timeline
    view.ensure_event_visible(row)
    view.repaint()
    rect, _ = view._item_by_event[row]
    point = rect.center().toPoint()
    QApplication.sendEvent(view, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, view.mapToGlobal(point)))
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert window.selected_rows() == [row]  # the item under the cursor was selected
    split = next(a for a in menu.actions() if a is window.act_split)
    with qtbot.waitSignal(window.corrections_applied, timeout=30_000):
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         menu.actionGeometry(split).center())
    assert merged_rows(window) == []


def test_the_detail_pane_split_button(window, qtbot):
    [row] = merged_rows(window)
    click_item(qtbot, window, row)
    button = window.detail.split_button
    with qtbot.waitSignal(window.corrections_applied, timeout=30_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, button.rect().center())
    assert merged_rows(window) == []


def test_merging_runs_in_the_background_for_a_big_table(window, qtbot, monkeypatch):
    from desktop.gui import ops

    monkeypatch.setattr(MainWindow, "BACKGROUND_MERGE_EVENTS", 0)
    [row] = merged_rows(window)
    click_item(qtbot, window, row)
    window.act_split.trigger()
    assert ops.busy("corrections") or merged_rows(window) == [row]  # not yet applied: the window goes on
    with qtbot.waitSignal(window.corrections_applied, timeout=30_000):
        pass
    assert merged_rows(window) == []


def test_the_pdf_brief_cites_every_source(window, qtbot, tmp_path, monkeypatch):
    pypdf = pytest.importorskip("pypdf")
    target = tmp_path / "brief.pdf"
    monkeypatch.setattr("desktop.gui.main_window.QFileDialog.getSaveFileName",
                        lambda *args, **kwargs: (str(target), "PDF (*.pdf)"))
    [row] = merged_rows(window)
    click_item(qtbot, window, row)
    with qtbot.waitSignal(window.pdf_exported, timeout=60_000):
        window.act_export.trigger()
    text = re.sub(r"\s+", "", "".join(page.extract_text() for page in pypdf.PdfReader(str(target)).pages))
    for outlet in ("人民日报", "央视新闻"):
        assert outlet in text
    assert "2个来源报道了此事" in text
    for source in window.model.frame["sources"].iat[row][1:]:  # the item's own sentence is its quote
        assert re.sub(r"\s+", "", source["sentence"]) in text


def test_a_source_of_the_item_is_shown_in_the_text_when_activated(window, qtbot):
    [row] = merged_rows(window)
    click_item(qtbot, window, row)
    sources = window.model.frame["sources"].iat[row]
    listing = window.detail.sources_list
    assert listing.count() == len(sources) == 2
    other = sources[1]
    window.detail.single.ensureWidgetVisible(listing)  # the pane scrolls: bring the list into view
    qtbot.waitUntil(lambda: not listing.visibleRegion().isEmpty())
    rect = listing.visualItemRect(listing.item(1))
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    assert listing.currentRow() == 1
    qtbot.keyClick(listing, Qt.Key.Key_Return)  # activate it (as a double-click does)
    text = window.source.text.toPlainText()
    assert other["sentence"] in text
    cursor = window.source.text.textCursor()
    assert cursor.position() == window.source.cursor_for(other["sentence_start"], other["sentence_start"]).position()
    assert str(other["outlet"]) in window.source.header.full_text()


def test_another_sources_article_underlines_its_date_and_a_click_on_it_selects_the_item(window, qtbot):
    """The item's row stands at its representative's file: the other outlet's article, shown
    from the source list, still marks that source's date, and clicking the date selects the item."""
    [row] = merged_rows(window)
    click_item(qtbot, window, row)
    other = window.model.frame["sources"].iat[row][1]
    listing = window.detail.sources_list
    window.detail.single.ensureWidgetVisible(listing)
    qtbot.waitUntil(lambda: not listing.visibleRegion().isEmpty())
    rect = listing.visualItemRect(listing.item(1))
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    qtbot.keyClick(listing, Qt.Key.Key_Return)  # activate it (as a double-click does)
    source = window.source
    qtbot.waitUntil(lambda: source.file == str(other["file"]))
    date_span = (source.cursor_for(other["date_start"], other["date_start"]).position(),
                 source.cursor_for(other["date_end"], other["date_end"]).position())
    underlined = [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in source.text.extraSelections()
                  if s.format.fontUnderline() or s.format.underlineStyle() != s.format.underlineStyle().NoUnderline]
    assert date_span in underlined
    window.selection.clearSelection()  # arrange: nothing selected, the other article still shown
    assert window.selected_rows() == []
    cursor = source.cursor_for(other["date_start"] + 1, other["date_start"] + 1)
    point = source.text.cursorRect(cursor).center()
    qtbot.mouseClick(source.text.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert window.selected_rows() == [row]


def test_hiding_a_merged_item_hides_every_source_and_delete_shows_it_again(window, qtbot):
    [row] = merged_rows(window)
    click_item(qtbot, window, row)
    event_id = str(window.model.frame["id"].iat[row])
    rebuilt: list[int] = []
    window.corrections_applied.connect(lambda: rebuilt.append(1))
    with qtbot.waitSignal(window.corrections_applied, timeout=30_000):
        window.act_hide.trigger()
    assert len(rebuilt) == 1  # both sources hidden in one step, the table rebuilt once
    assert window.controller.undo_stack.count() == 1
    frame = window.model.frame
    item = int(frame.index.get_loc(event_id))
    assert bool(frame["hidden"].iat[item])
    assert all(bool(h) for h in window.members[window.members["cluster_id"] == frame["cluster_id"].iat[item]]["hidden"])
    window.select_rows([item])
    with qtbot.waitSignal(window.corrections_applied, timeout=30_000):
        window.act_hide.trigger()  # Delete again: shown again, with every source
    assert not window.members["hidden"].any()


def test_one_source_is_taken_out_from_the_source_lists_context_menu(window, qtbot):
    [row] = merged_rows(window)
    click_item(qtbot, window, row)
    listing = window.detail.sources_list
    assert window.detail.split_source_action in listing.actions()
    assert listing.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    listing.setCurrentRow(1)
    taken = listing.item(1).data(Qt.ItemDataRole.UserRole)["id"]
    with qtbot.waitSignal(window.corrections_applied, timeout=30_000):
        window.detail.split_source_action.trigger()
    assert merged_rows(window) == []
    [split] = [c for c in window.controller.project.corrections if c.kind == "split"]
    assert split.event_id == taken


def test_csv_and_json_of_a_merged_item_list_every_source_with_its_cluster(window, qtbot, monkeypatch, tmp_path):
    import csv
    import io

    [row] = merged_rows(window)
    click_item(qtbot, window, row)
    sources = {str(s["id"]) for s in window.model.frame["sources"].iat[row]}
    assert len(sources) == 2
    for fmt, name in (("csv", "item.csv"), ("json", "item.json")):
        target = tmp_path / name
        monkeypatch.setattr("desktop.gui.window_exports.QFileDialog.getSaveFileName",
                            lambda *a, target=target, **k: (str(target), ""))
        with qtbot.waitSignal(window.exports.exported, timeout=10_000):
            window.exports.actions[fmt].trigger()
    rows = list(csv.DictReader(io.StringIO((tmp_path / "item.csv").read_text("utf-8-sig"))))
    assert {r["id"] for r in rows} == sources
    assert len({r["cluster_id"] for r in rows}) == 1 and {r["cluster_size"] for r in rows} == {"2"}
    document = json.loads((tmp_path / "item.json").read_text("utf-8"))
    assert {e["id"] for e in document["events"]} == sources
    assert "已导出 2 个事件" in window.statusBar().currentMessage()


def test_a_table_merged_in_the_background_gets_its_columns_dates_and_view(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(MainWindow, "BACKGROUND_MERGE_EVENTS", 0)  # merged off the GUI thread, as a big corpus is
    # and nothing streamed before: a corpus reopened from the cache arrives whole
    monkeypatch.setattr(MainWindow, "_on_partial", lambda self, frame: None)
    window = open_window(qtbot, [_write(tmp_path / "news")])
    frame = window.model.frame
    assert window.list_view.columnWidth(1) > 120  # sized on the rows, not on an empty table
    last = window.proxy.columnCount() - 1
    assert window.list_view.columnWidth(last) < window.list_view.columnWidth(1)  # the title takes the room left
    first = frame["start"].min().date()
    assert window.date_from.date().toPython() == first  # the date filter starts at the corpus's span
    assert window.place_box.count() > 1  # the places of the merged table
    shown = window.timeline.scale
    assert shown.start <= window.timeline.index.fit_extent()[0] + 1


def test_merging_waits_for_jiebas_dictionary_off_the_gui_thread(qtbot, tmp_path, monkeypatch):
    from desktop.gui import window_corrections

    background: list[str] = []
    real_run_op = window_corrections.run_op
    monkeypatch.setattr(window_corrections, "segmenter_loaded", lambda: False)  # as after a reopen from the cache
    monkeypatch.setattr(window_corrections, "run_op",
                        lambda name, *a, **k: background.append(name) or real_run_op(name, *a, **k))
    window = open_window(qtbot, [_write(tmp_path / "news")])
    assert "corrections" in background and merged_rows(window)


def test_a_reopened_corpus_is_merged_from_the_cache_without_comparing_its_events_again(qtbot, tmp_path,
                                                                                        monkeypatch):
    from desktop.core.events import merge

    folder = _write(tmp_path / "news")
    first = open_window(qtbot, [folder])
    items = sorted(first.model.frame["cluster_id"].astype(str))
    first.close()

    def no_merging(*_args, **_kwargs):
        raise AssertionError("the reopened corpus was merged again")

    monkeypatch.setattr(merge, "_link_automatically", no_merging)
    again = open_window(qtbot, [folder])
    assert sorted(again.model.frame["cluster_id"].astype(str)) == items
    assert merged_rows(again)


def test_a_background_result_for_a_closed_window_is_dropped(qtbot):
    import threading

    from PySide6.QtCore import QObject

    from desktop.gui.ops import busy, run_op

    owner = QObject()
    release = threading.Event()
    results = []
    run_op("test-owner", lambda: release.wait(10), results.append, results.append, owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(owner))
    release.set()
    qtbot.waitUntil(lambda: not busy("test-owner"))
    assert results == []
    live = QObject()
    run_op("test-owner", lambda: "done", results.append, results.append, owner=live)
    qtbot.waitUntil(lambda: results == ["done"])


def _choose_in_edit_menu(qtbot, window, key: Qt.Key) -> None:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)  # 编辑(E)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.edit_menu)
    with qtbot.waitSignal(window.corrections_applied, timeout=30_000):
        qtbot.keyClick(window.edit_menu, key)


def test_automatic_merging_is_turned_off_and_on_in_the_edit_menu_and_the_users_merges_stand(window, qtbot):
    extracted = len(window.extracted)
    assert len(merged_rows(window)) == 1 and window.act_auto_merge.isChecked()
    _choose_in_edit_menu(qtbot, window, Qt.Key.Key_A)  # 自动合并各家报道的同一事件(A)
    assert not window.act_auto_merge.isChecked()
    assert len(window.model.frame) == extracted and merged_rows(window) == []  # every report its own item
    # the user's own merge still joins two events while the automatic one is off
    plan_a, plan_b = row_of(window, "f_plan_a.txt"), row_of(window, "g_plan_b.txt")
    click_item(qtbot, window, plan_a)
    click_item(qtbot, window, plan_b, Qt.KeyboardModifier.ControlModifier)
    window.timeline.setFocus()
    with qtbot.waitSignal(window.corrections_applied, timeout=30_000):
        qtbot.keyClick(window.timeline, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert len(merged_rows(window)) == 1 and len(window.model.frame) == extracted - 1
    _choose_in_edit_menu(qtbot, window, Qt.Key.Key_A)
    assert window.act_auto_merge.isChecked() and len(merged_rows(window)) == 2
    window.save_settings()  # the choice is kept with the window's state
    window.act_auto_merge.trigger()
    window.save_settings()
    again = MainWindow([], restore=True)
    qtbot.addWidget(again)
    assert not again.act_auto_merge.isChecked() and not again.merge_enabled
    window.act_auto_merge.trigger()
    window.save_settings()
