"""Every menu command and shortcut of the window, driven as a user drives it: the real QAction
is triggered or its key sequence pressed; file dialogs are answered by patching the
QFileDialog static the app calls, the edit dialog by filling it and clicking its OK button."""

from __future__ import annotations

import shutil

import pytest
from conftest import SEEDS, open_main_window
from PySide6.QtCore import QPoint, Qt, QTime
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop.gui.corrections import EditEventDialog
from desktop.gui.timeline_view import GUTTER

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
SEED_FILES = sorted(SEEDS.glob("*.txt"))


pytestmark = pytest.mark.usefixtures("no_error_reports")


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in SEED_FILES[:3]:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture
def window(qtbot, corpus):
    return open_main_window(qtbot, [corpus])


def key(qtbot, window, sequence: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(window, sequence, modifiers)


def select_first_event(qtbot, window) -> int:
    """Click the first labelled event on the timeline."""
    view = window.timeline
    view.repaint()
    for item, rect, label in view.drawn_items():
        if item.kind == "event" and label is not None and rect.left() > GUTTER + 4:
            qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
            assert window.selected_rows() == [item.event]
            return item.event
    raise AssertionError("no event to click")


def loaded(qtbot, window, action) -> None:
    with qtbot.waitSignal(window.corpus_loaded, timeout=120_000):
        action()


def test_open_files_ctrl_o(window, qtbot, monkeypatch):
    chosen = [str(p) for p in SEED_FILES[3:5]]
    monkeypatch.setattr("desktop.gui.main_window.QFileDialog.getOpenFileNames", lambda *a, **k: (chosen, ""))
    loaded(qtbot, window, lambda: key(qtbot, window, Qt.Key.Key_O, CTRL))
    assert [str(p) for p in window.paths] == chosen
    assert set(window.model.frame["file"]) == {p.split("/")[-1] for p in chosen}


def test_open_folder_ctrl_shift_o_and_the_recent_menu(window, qtbot, monkeypatch, corpus):
    monkeypatch.setattr("desktop.gui.main_window.QFileDialog.getExistingDirectory", lambda *a, **k: str(SEEDS))
    loaded(qtbot, window, lambda: key(qtbot, window, Qt.Key.Key_O, CTRL | SHIFT))
    assert window.paths == [SEEDS]
    # File → 最近打开 → the corpus before, through the keyboard
    key(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.file_menu)
    qtbot.keyClick(window.file_menu, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.recent_menu)
    labels = [a.text() for a in window.recent_menu.actions()]
    assert labels[:2] == [SEEDS.name, corpus.name]
    qtbot.keyClick(window.recent_menu, Qt.Key.Key_Down)
    loaded(qtbot, window, lambda: qtbot.keyClick(window.recent_menu, Qt.Key.Key_Return))
    assert window.paths == [corpus]


def test_export_without_a_selection_says_so(window, qtbot, monkeypatch):
    said = []
    monkeypatch.setattr("desktop.gui.main_window.QMessageBox.information", lambda *a: said.append(a[2]))
    monkeypatch.setattr("desktop.gui.main_window.QFileDialog.getSaveFileName",
                        lambda *a, **k: pytest.fail("no dialog without a selection"))
    key(qtbot, window, Qt.Key.Key_E, CTRL)
    assert said and "没有选中" in said[0]


def test_project_save_as_and_open(window, qtbot, monkeypatch, tmp_path):
    target = tmp_path / "elsewhere" / "mine.json"
    monkeypatch.setattr("desktop.gui.window_corrections.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(target), ""))
    key(qtbot, window, Qt.Key.Key_S, CTRL | SHIFT)
    assert target.exists() and window.controller.project.path == target
    monkeypatch.setattr("desktop.gui.window_corrections.QFileDialog.getOpenFileName",
                        lambda *a, **k: (str(target), ""))
    window.act_open_project.trigger()
    assert window.controller.project.path == target


def _fill_and_accept(title: str):
    def exec_(dialog: EditEventDialog) -> int:
        dialog.show()
        dialog.title.setText(title)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        ok.click()
        return dialog.result()

    return exec_


def test_f2_edits_and_ctrl_z_ctrl_shift_z_undo_and_redo(window, qtbot, monkeypatch):
    row = select_first_event(qtbot, window)
    event_id = window.model.frame["id"].iat[row]
    original = window.model.frame["title"].iat[row]
    monkeypatch.setattr(EditEventDialog, "exec", _fill_and_accept("核对后的标题"))
    key(qtbot, window, Qt.Key.Key_F2)
    title = lambda: window.model.frame.set_index("id").loc[event_id, "title"]  # noqa: E731
    assert title() == "核对后的标题"
    key(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert title() == original
    key(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert title() == "核对后的标题"


def test_f2_on_an_event_before_1752_keeps_its_date(window, qtbot, monkeypatch, tmp_path):
    # Qt's date fields start at 1752-09-14: an event of 1424 must not come back from the dialog as 1752
    folder = tmp_path / "history"
    folder.mkdir()
    (folder / "x.txt").write_text("某地新闻\n来源：某某日报  2024-05-06 10:00\n\n1424年，郑和船队第六次下西洋归来。\n",
                                  encoding="utf-8")
    monkeypatch.setattr("desktop.gui.main_window.QFileDialog.getExistingDirectory", lambda *a, **k: str(folder))
    loaded(qtbot, window, window.act_open_folder.trigger)
    row = select_first_event(qtbot, window)
    event_id = window.model.frame["id"].iat[row]
    monkeypatch.setattr(EditEventDialog, "exec", _fill_and_accept("郑和船队归来"))
    key(qtbot, window, Qt.Key.Key_F2)
    edited = window.model.frame.set_index("id").loc[event_id]
    assert edited["title"] == "郑和船队归来"
    assert (edited["start"].year, edited["end"].year, edited["precision"]) == (1424, 1424, "year")

def test_f2_sets_a_time_of_day_with_minute_precision(window, qtbot, monkeypatch):
    view = window.timeline
    view.repaint()
    precision = window.model.frame["precision"]
    day_item = next(
        (item, rect) for item, rect, label in view.drawn_items()
        if item.kind == "event" and label is not None and rect.left() > GUTTER + 4 and precision.iat[item.event] == "day"
    )
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=day_item[1].center().toPoint())
    assert window.selected_rows() == [day_item[0].event]
    row = day_item[0].event
    event_id = window.model.frame["id"].iat[row]

    def exec_(dialog: EditEventDialog) -> int:
        dialog.show()
        assert not dialog.clock.isEnabled()  # a day has no clock time
        dialog.precision.setCurrentIndex(dialog.precision.findData("minute"))
        assert dialog.clock.isEnabled()
        dialog.clock.setTime(QTime(15, 30))
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        return dialog.result()

    monkeypatch.setattr(EditEventDialog, "exec", exec_)
    key(qtbot, window, Qt.Key.Key_F2)
    edited = window.model.frame.set_index("id").loc[event_id]
    assert edited["precision"] == "minute" and str(edited["edtf"]).endswith("T15:30")
    assert edited["start"] == edited["end"]
    assert "15:30" in window.detail.when.text()


def test_delete_hides_and_show_hidden_shows_dimmed(window, qtbot):
    row = select_first_event(qtbot, window)
    event_id = window.model.frame["id"].iat[row]
    window.timeline.setFocus()
    key(qtbot, window.timeline, Qt.Key.Key_Delete)
    frame = window.model.frame
    hidden_row = int(frame.index.get_loc(event_id))
    assert bool(frame["hidden"].iat[hidden_row]) and window.timeline.hidden_mask[hidden_row]
    window.act_show_hidden.trigger()  # 视图 → 显示已隐藏的事件
    assert not window.timeline.hidden_mask[hidden_row] and window.timeline.dimmed_mask[hidden_row]
    window.act_show_hidden.trigger()
    assert window.timeline.hidden_mask[hidden_row]


def test_ctrl_n_adds_an_event_from_the_selected_source_text(window, qtbot, monkeypatch):
    select_first_event(qtbot, window)
    text = window.source.text
    cursor = text.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(8, cursor.MoveMode.KeepAnchor)
    text.setTextCursor(cursor)
    text.setFocus()
    before = len(window.model.frame)
    monkeypatch.setattr(EditEventDialog, "exec", _fill_and_accept("手动添加的事件"))
    key(qtbot, window, Qt.Key.Key_N, CTRL)
    assert len(window.model.frame) == before + 1
    assert "手动添加的事件" in set(window.model.frame["title"])


def test_zoom_commands(window, qtbot):
    view = window.timeline
    key(qtbot, window, Qt.Key.Key_0, CTRL)
    fitted = view.scale.span
    key(qtbot, window, Qt.Key.Key_Plus, CTRL)
    assert view.scale.span < fitted
    key(qtbot, window, Qt.Key.Key_Minus, CTRL)
    key(qtbot, window, Qt.Key.Key_Minus, CTRL)
    assert view.scale.span > fitted * 0.99
    row = select_first_event(qtbot, window)
    key(qtbot, window, Qt.Key.Key_F, CTRL | SHIFT)  # 缩放到所选
    assert view.scale.span < fitted
    assert view.scale.start <= view.index.start[row] and view.index.end[row] <= view.scale.end
    window.act_fit.trigger()
    assert view.scale.span == pytest.approx(fitted)


@pytest.mark.parametrize("mode", ["article", "category", "single"])
def test_lane_mode_commands(window, mode):
    window.lane_actions[mode].trigger()
    assert window.timeline.lane_mode == mode
    assert window.lane_box.currentData() == mode
    frame = window.model.frame
    expected = {"article": frame["article_id"].nunique(), "category": frame["category"].nunique(), "single": 1}
    assert len(window.timeline.index.lanes) == expected[mode]


def test_key_term_toggle_and_docks(window, qtbot):
    select_first_event(qtbot, window)
    window.act_terms.trigger()
    assert not window.source.show_terms and not window.source.legend_box.isVisible()
    window.act_terms.trigger()
    assert window.source.show_terms
    for dock in (window.list_dock, window.problems_dock):
        toggle = dock.toggleViewAction()
        visible = dock.isVisible()
        toggle.trigger()
        assert dock.isVisible() != visible
        toggle.trigger()


def test_f1_lists_the_shortcuts(window, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr("desktop.gui.main_window.QMessageBox.information", lambda *a: shown.append(a[2]))
    key(qtbot, window, Qt.Key.Key_F1)
    assert shown and "Ctrl+E" in shown[0] and "F10" in shown[0]


def test_ctrl_a_and_escape_on_the_timeline(window, qtbot):
    view = window.timeline
    view.setFocus()
    key(qtbot, view, Qt.Key.Key_A, CTRL)
    assert len(window.selected_rows()) == len(window.model.frame)
    key(qtbot, view, Qt.Key.Key_Escape)
    assert window.selected_rows() == []


def test_drag_pans_and_double_click_zooms(window, qtbot):
    view = window.timeline
    key(qtbot, window, Qt.Key.Key_0, CTRL)
    start, span = view.scale.start, view.scale.span
    empty = QPoint(int(GUTTER) + 300, view.height() - 12)
    assert view.hit_test(empty.toPointF()) is None
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=empty)
    qtbot.mouseMove(view, empty + QPoint(-60, 0))
    qtbot.mouseMove(view, empty + QPoint(-120, 0))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=empty + QPoint(-120, 0))
    assert view.scale.start == pytest.approx(start + 120 * view.scale.days_per_px, rel=1e-6)
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=empty)
    assert view.scale.span == pytest.approx(span / 2)


def test_ctrl_q_quits_and_saves_the_window_state(window, qtbot):
    window.lane_actions["single"].trigger()
    key(qtbot, window, Qt.Key.Key_Q, CTRL)
    qtbot.waitUntil(lambda: not window.isVisible())
    from PySide6.QtCore import QSettings

    assert QSettings().value("timeline/lanes") == "single"


def test_axis_labels_of_units_cut_at_the_left_edge_never_overprint_the_next(window, monkeypatch):
    from datetime import date

    from PySide6.QtGui import QFontMetricsF, QPainter

    from desktop.core.timeline.scale import day_number

    view = window.timeline
    drawn: list[tuple[float, float, str]] = []
    original = QPainter.drawText

    def record(painter, *args):  # noqa: ANN001
        if len(args) == 2 and hasattr(args[0], "x") and isinstance(args[1], str) and args[0].y() == 17:
            drawn.append((args[0].x(), QFontMetricsF(painter.font()).horizontalAdvance(args[1]), args[1]))
        return original(painter, *args)

    monkeypatch.setattr(QPainter, "drawText", record)
    decade = float(day_number(date(2010, 1, 1)))
    # a 23-year view whose left edge is 50 px before 2010: 2000年代 is cut at the edge
    span = 23 * 365.25
    before = 50 * span / view.timeline_width()
    view.set_range(decade - before, decade - before + span)
    view.repaint()
    drawn.sort()
    assert drawn, "no unit label on the axis"
    for (x, width, text), (next_x, _, _) in zip(drawn, drawn[1:], strict=False):
        assert x + width <= next_x, (text, x, width, next_x)
