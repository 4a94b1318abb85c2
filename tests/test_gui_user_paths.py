"""The window driven as a user drives it: menus and shortcuts (the real QActions and key
presses), real mouse press/move/release and wheel events on the canvas, dialogs answered by
patching the QFileDialog static the app calls. Each test names the defect it guards."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS
from PySide6.QtCore import QPoint, QPointF, QRectF, QSettings, Qt
from PySide6.QtGui import QContextMenuEvent, QInputMethodEvent, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from desktop.gui.guard import is_guarded, qt_overrides
from desktop.gui.main_window import MainWindow
from desktop.gui.timeline_view import AXIS_HEIGHT, BAND_HEIGHT, GUTTER

SEED_FILES = sorted(SEEDS.glob("*.txt"))


pytestmark = pytest.mark.usefixtures("no_error_reports")


def open_window(qtbot, paths, size=(1600, 1000)) -> MainWindow:
    window = MainWindow(paths, restore=False)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.corpus is not None and not window.is_loading(), timeout=120_000)
    window.timeline.repaint()
    return window


@pytest.fixture
def window(qtbot):
    return open_window(qtbot, [SEEDS])


def click(qtbot, widget: QWidget, pos: QPointF | QPoint, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    point = pos.toPoint() if isinstance(pos, QPointF) else pos
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, modifiers, point)


def open_folder_of_one_file(window, qtbot, monkeypatch, folder: Path, text: str) -> None:
    """Write ``text`` as the one file of ``folder`` and open the folder as a user does (File ▸ Open Folder)."""
    folder.mkdir()
    (folder / "x.txt").write_text(text, encoding="utf-8")
    monkeypatch.setattr("desktop.gui.main_window.QFileDialog.getExistingDirectory", lambda *a, **k: str(folder))
    with qtbot.waitSignal(window.corpus_loaded, timeout=120_000):
        window.act_open_folder.trigger()


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` as a Chinese input method delivers it: a committed string."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def drawn_events(view) -> dict[int, tuple[QRectF, QRectF | None]]:
    return {item.event: (rect, label) for item, rect, label in view.drawn_items() if item.kind == "event"}


def labelled_event(view, predicate=lambda row: True) -> int:
    view.repaint()
    for row, (rect, label) in drawn_events(view).items():
        if label is not None and rect.left() > GUTTER + 5 and predicate(row):
            return row
    raise AssertionError("no labelled event in view")


def list_row_point(window, source_row: int) -> QPoint:
    proxy_index = window.proxy.mapFromSource(window.model.index(source_row, 1))
    window.list_view.scrollTo(proxy_index)
    return window.list_view.visualRect(proxy_index).center()


# ---------------------------------------------------------------- 1. PDF export from the window


@pytest.mark.parametrize("how", ["menu", "shortcut", "toolbar"])
def test_pdf_export_from_the_window_writes_the_chosen_file(window, qtbot, tmp_path, monkeypatch, how):
    pypdf = pytest.importorskip("pypdf")
    view = window.timeline
    first = labelled_event(view)
    click(qtbot, view, drawn_events(view)[first][0].center())
    second = labelled_event(view, lambda row: row != first)
    click(qtbot, view, drawn_events(view)[second][0].center(), Qt.KeyboardModifier.ControlModifier)
    assert set(window.selected_rows()) == {first, second}
    target = tmp_path / f"简报-{how}.pdf"
    asked = []

    def answer(parent, caption, directory, filters, *rest):  # noqa: ANN001
        asked.append(directory)
        return str(target), filters

    monkeypatch.setattr("desktop.gui.main_window.QFileDialog.getSaveFileName", answer)
    if how == "menu":
        window.act_export.trigger()
    elif how == "shortcut":
        qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    else:
        button = next(bar.widgetForAction(window.act_export) for bar in window.findChildren(type(window.addToolBar("x")))
                      if bar.widgetForAction(window.act_export) is not None)
        click(qtbot, button, button.rect().center())
    qtbot.waitUntil(target.exists, timeout=60_000)
    assert asked and asked[0].endswith(".pdf")
    text = "".join(page.extract_text() for page in pypdf.PdfReader(str(target)).pages).replace("\n", "")
    for row in (first, second):
        assert window.model.frame["title"].iat[row][:12] in text


# ---------------------------------------------------------------- 2. guarded overrides, rubber bands


def test_shift_and_ctrl_rubber_bands_select_what_they_cover(window, qtbot):
    view = window.timeline
    view.repaint()
    top_left, bottom_right = QPoint(int(GUTTER) + 5, int(AXIS_HEIGHT) + 5), QPoint(view.width() - 30, view.height() - 30)
    band = QRectF(QPointF(top_left), QPointF(bottom_right))
    covered = {row for row, (rect, _) in drawn_events(view).items() if rect.intersects(band)}
    badges = {int(e) for item, rect, _ in view.drawn_items() if item.kind == "cluster" and rect.intersects(band)
              for e in item.events}
    for modifier in (Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier):
        qtbot.keyClick(view, Qt.Key.Key_Escape)
        QTest.mousePress(view, Qt.MouseButton.LeftButton, modifier, top_left)
        QTest.mouseMove(view, QPoint(400, 200))
        QTest.mouseMove(view, bottom_right)
        QTest.mouseRelease(view, Qt.MouseButton.LeftButton, modifier, bottom_right)
        assert set(window.selected_rows()) == covered | badges
        assert covered and badges  # the band met both single events and badges


def test_every_qt_override_in_the_gui_is_guarded():
    import importlib
    import inspect
    import pkgutil

    import desktop.gui

    bare = []
    for module_info in pkgutil.iter_modules(desktop.gui.__path__):
        module = importlib.import_module(f"desktop.gui.{module_info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__:
                continue
            for name in qt_overrides(cls):
                if not is_guarded(vars(cls)[name]):
                    bare.append(f"{cls.__name__}.{name}")
    assert not bare, bare


def test_a_fault_in_any_kind_of_handler_is_reported_and_the_app_goes_on(tmp_path):
    dropped = tmp_path / "dropped.txt"
    dropped.write_text("某地新闻\n来源：某某日报  2024-05-06 10:00\n\n5月5日，某产业园揭牌运营。\n", encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, str(ROOT / "tests" / "drivers" / "faults.py"), str(SEEDS), str(dropped)],
                            capture_output=True, text=True, env=env, timeout=300, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    for kind in ("paint", "mouse", "key", "wheel", "resize", "drop", "model"):
        assert outcome["faults"][kind] >= 1, (kind, outcome)
    assert outcome["band_reports"] == 0 and outcome["shift_selected"] > 0
    assert outcome["after"] == 0  # and nothing broke afterwards
    log = next((tmp_path / "data").rglob("desktop-timeline.log"))
    assert "injected fault" in log.read_text(encoding="utf-8")


# ---------------------------------------------------------------- 3. the last corpus comes back


LAUNCH = """
import json, sys
from PySide6.QtCore import QEventLoop, QTimer
from desktop.gui.app import create_app
app, window = create_app([])
loop = QEventLoop()
window.corpus_loaded.connect(lambda *_: loop.quit())
QTimer.singleShot(120000, loop.quit)
loop.exec()
print(json.dumps({"paths": [str(p) for p in window.paths or []], "articles": len(window.corpus.articles),
                  "status": window.statusBar().currentMessage()}, ensure_ascii=False))
"""


def _launch_with_saved(tmp_path, saved: list[str]) -> dict:
    config = tmp_path / "config"
    settings = QSettings(str(config / "desktop-timeline" / "新闻时间线.conf"), QSettings.Format.IniFormat)
    settings.setValue("corpus/paths", saved)  # as the app saves it; one item comes back as a plain string
    settings.setValue("ui/language", "zh")  # whatever the machine's locale
    settings.sync()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(config),
               XDG_DATA_HOME=str(tmp_path / "data"), PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", LAUNCH], capture_output=True, text=True, env=env, timeout=300,
                            cwd=ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_launch_reopens_one_saved_folder(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    for path in SEED_FILES[:2]:
        (folder / path.name).write_bytes(path.read_bytes())
    outcome = _launch_with_saved(tmp_path, [str(folder)])
    assert outcome["paths"] == [str(folder)]
    assert outcome["articles"] >= 2


def test_launch_reopens_several_saved_files(tmp_path):
    files = [str(p) for p in SEED_FILES[:3]]
    outcome = _launch_with_saved(tmp_path, files)
    assert outcome["paths"] == files


def test_launch_with_a_removed_folder_opens_the_rest_and_says_so(tmp_path):
    gone = tmp_path / "removed-folder"
    outcome = _launch_with_saved(tmp_path, [str(gone), str(SEED_FILES[0])])
    assert outcome["paths"] == [str(SEED_FILES[0])]
    assert "removed-folder" in outcome["status"] and "不存在" in outcome["status"]


# ---------------------------------------------------------------- 4. the timeline fills the panel


@pytest.mark.parametrize("lanes", ["article", "category"])
def test_the_timeline_fills_its_panel_when_all_lanes_fit(qtbot, lanes):
    window = open_window(qtbot, SEED_FILES[:3], size=(1600, 1000))
    mode_action = window.lane_actions[lanes]
    mode_action.trigger()
    if lanes == "category":  # fewer lanes: keep to the categories of the first article
        category = window.model.frame["category"].iat[0]
        window.category_actions[category].trigger()
    qtbot.keyClick(window.timeline, Qt.Key.Key_0)
    view, panel = window.timeline, window.timeline_panel
    qtbot.waitUntil(lambda: not panel.vbar.isVisible())
    assert view.content_height() <= view.height() - AXIS_HEIGHT  # every lane fits: nothing to scroll
    assert view.width() == panel.width()  # the canvas takes the scroll bar's column too
    first, last = view.index.extent()
    assert view.scale.x_of(first) >= 0
    assert view.scale.x_of(last) > 0.7 * view.timeline_width()  # the events spread over the width
    # a fitted view stays fitted when the window grows
    window.resize(1900, 1000)
    qtbot.waitUntil(lambda: view.width() == panel.width() and view.scale.x_of(last) > 0.7 * view.timeline_width())


# ---------------------------------------------------------------- 5. badges, labels


def _same_year_corpus(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text(
        "某市产业项目年度回顾\n来源：某某日报  2024-01-10 09:00\n\n"
        + "".join(f"2023年，{name}项目{verb}。\n" for name, verb in
                  [("甲公司电池", "签约落户"), ("乙集团装备", "开工建设"), ("丙科技研发中心", "揭牌成立"),
                   ("丁企业总部", "投产运营"), ("戊医药产业园", "竣工验收")]), encoding="utf-8")
    for number in range(1, 7):
        (folder / f"b{number}.txt").write_text(
            f"某区重点工作第{number}期\n来源：某某日报  2024-0{number}-12 09:00\n\n"
            f"2024年{number}月10日，某区召开第{number}次项目调度会。\n"
            f"2024年{number}月11日，某区第{number}批项目集中签约。\n", encoding="utf-8")
    return folder


def _badge(view):
    view.repaint()
    return next((item, rect) for item, rect, _ in view.drawn_items() if item.kind == "cluster")


def test_a_badge_of_one_interval_opens_into_a_list_and_picks_an_event(qtbot, tmp_path):
    window = open_window(qtbot, [_same_year_corpus(tmp_path / "same")])
    view = window.timeline
    item, rect = _badge(view)
    starts = {view.index.start[e] for e in item.events}
    assert len(starts) == 1  # one interval: zooming cannot part them
    click(qtbot, view, rect.center())
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    events = [a for a in menu.actions() if a.data() is not None]
    assert sorted(a.data() for a in events) == sorted(int(e) for e in item.events)
    chosen = events[1]
    click(qtbot, menu, menu.actionGeometry(chosen).center())
    assert window.selected_rows() == [chosen.data()]
    assert window.detail.title.text().startswith(window.model.frame["title"].iat[chosen.data()])
    # the badge stays where it was (a selection moves nothing) and shows it holds the selection
    assert _badge(view)[1] == rect


def test_double_clicking_a_badge_of_one_interval_lists_it_instead_of_zooming(qtbot, tmp_path):
    window = open_window(qtbot, [_same_year_corpus(tmp_path / "same")])
    view = window.timeline
    _, rect = _badge(view)
    span = view.scale.span
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    assert view.scale.span == pytest.approx(span)
    QApplication.activePopupWidget().close()


def _assert_labels_clear(view) -> None:
    drawn = view.drawn_items()
    labels = [label for _, _, label in drawn if label is not None]
    bands = [QRectF(rect.left(), rect.bottom() - BAND_HEIGHT, rect.width(), BAND_HEIGHT)
             for item, rect, _ in drawn if item.kind == "event" and item.is_bar]
    for number, label in enumerate(labels):
        for other in labels[number + 1:]:
            assert not label.adjusted(0.5, 0.5, -0.5, -0.5).intersects(other), (label, other)
        for band in bands:
            assert not label.adjusted(0.5, 0.5, -0.5, -0.5).intersects(band), (label, band)
        assert label.top() >= AXIS_HEIGHT - 0.5 or label.bottom() <= AXIS_HEIGHT  # the 今天 tag lives in the axis


def test_labels_never_overprint_selected_or_not_nor_cover_bars(window, qtbot):
    view = window.timeline
    qtbot.keyClick(view, Qt.Key.Key_0)
    _assert_labels_clear(view)
    rows = list(drawn_events(view))[:6]
    click(qtbot, view, drawn_events(view)[rows[0]][0].center())
    for row in rows[1:]:
        if row in drawn_events(view):
            click(qtbot, view, drawn_events(view)[row][0].center(), Qt.KeyboardModifier.ControlModifier)
    assert len(window.selected_rows()) >= 3
    view.repaint()
    _assert_labels_clear(view)
    tag = view.today_tag_rect(GUTTER + view.scale.x_of(view.scale.start + view.scale.span / 2))
    assert tag.bottom() <= AXIS_HEIGHT


def test_after_fit_all_the_last_labels_are_not_cut_at_the_right_edge(window, qtbot):
    view = window.timeline
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)  # 显示全部
    view.repaint()
    labels = [label for _, _, label in view.drawn_items() if label is not None]
    assert labels
    assert max(label.right() for label in labels) <= view.width() + 0.5
    latest = max(range(len(window.model.frame)), key=lambda r: view.index.start[r])
    assert drawn_events(view)[latest][1] is not None  # the latest event (2035) is labelled


# ---------------------------------------------------------------- 6. keyboard


def test_access_keys_and_f10_open_the_menus(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.file_menu)
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    qtbot.keyClick(window, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.file_menu)
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_Escape)
    for menu in window.menuBar().actions():
        assert "(&" in menu.text(), menu.text()


def test_tab_walks_from_the_timeline_through_every_pane(window, qtbot):
    view = window.timeline
    click(qtbot, view, drawn_events(view)[labelled_event(view)][0].center())  # a selection fills the detail pane
    view.setFocus()
    reached = []
    for _ in range(30):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert window.list_view in reached
    assert any(window.detail.isAncestorOf(widget) for widget in reached)
    assert window.source.text in reached
    assert view in reached  # and around again


def test_ctrl_f_focuses_the_search_box_or_finds_in_the_source(window, qtbot):
    window.timeline.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search
    type_text(window.search, "签约")
    qtbot.waitUntil(lambda: window.proxy.rowCount() < len(window.model.frame))
    click(qtbot, window.list_view.viewport(), window.list_view.visualRect(window.proxy.index(0, 1)).center())
    window.source.text.setFocus()
    qtbot.keyClick(window.source.text, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.source.find_bar.isVisible() and QApplication.focusWidget() is window.source.find_edit


# ---------------------------------------------------------------- 7. first selection, stable rows


def test_the_first_selection_after_launch_scrolls_the_source_to_its_sentence(window, qtbot):
    frame = window.model.frame
    row = int(frame["sentence_start"].to_numpy().argmax())  # the sentence furthest down its article
    click(qtbot, window.list_view.viewport(), list_row_point(window, row))
    assert window.selected_rows() == [row]
    qtbot.waitUntil(lambda: window.source.sentence_rect_visible(row))


def test_a_selection_moves_no_other_event(window, qtbot):
    view = window.timeline
    qtbot.keyClick(view, Qt.Key.Key_0)
    view.repaint()
    before = {row: rect for row, (rect, _) in drawn_events(view).items()}
    badges_before = [(rect, sorted(item.events.tolist())) for item, rect, _ in view.drawn_items() if item.kind == "cluster"]
    for row in list(before)[:4]:
        click(qtbot, view, before[row].center())
        view.repaint()
        assert {r: rect for r, (rect, _) in drawn_events(view).items()} == before
        assert [(rect, sorted(item.events.tolist())) for item, rect, _ in view.drawn_items()
                if item.kind == "cluster"] == badges_before


# ---------------------------------------------------------------- 8. a small window


def test_a_small_window_keeps_its_size_and_usable_panes(qtbot):
    window = open_window(qtbot, [SEEDS], size=(900, 600))
    assert window.size().toTuple() == (900, 600)
    view = window.timeline
    click(qtbot, view, drawn_events(view)[labelled_event(view)][0].center())
    qtbot.waitUntil(lambda: window.detail.stack.currentWidget() is window.detail.single)
    QApplication.processEvents()
    assert window.size().toTuple() == (900, 600)
    hint = window.minimumSizeHint()
    assert hint.width() <= 900 and hint.height() <= 600
    assert view.height() >= 200 and view.width() >= 420
    assert window.detail.width() >= 200 and window.source.text.height() >= 80


# ---------------------------------------------------------------- 9. one language


def test_the_file_dialog_speaks_chinese(qtbot):
    from PySide6.QtWidgets import QFileDialog, QLabel

    from desktop.gui.translations import install_qt_translations

    install_qt_translations(QApplication.instance())
    dialog = QFileDialog(None, "打开")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    texts = [re.sub(r"\(&\w\)", "", label.text()) for label in dialog.findChildren(QLabel) if label.text()]
    assert texts and not [t for t in texts if re.search("[A-Za-z]", t)], texts  # access keys aside


# ---------------------------------------------------------------- 10. stale or surprising state


def test_opening_another_corpus_replaces_the_key_term_chips(window, qtbot, tmp_path, monkeypatch):
    view = window.timeline
    click(qtbot, view, drawn_events(view)[labelled_event(view)][0].center())
    old_chips = {button.text() for button in window.source.legend_box.findChildren(QWidget) if hasattr(button, "text")}
    assert old_chips
    open_folder_of_one_file(window, qtbot, monkeypatch, tmp_path / "other",
                            "某县新闻\n来源：某某日报  2024-05-06 10:00\n\n5月5日，某县茶叶交易中心开业。\n")
    QApplication.processEvents()
    visible = [b for b in window.source.legend_box.findChildren(QWidget) if b.isVisibleTo(window.source)]
    assert not visible


def test_clear_filters_restores_the_status_and_chips_always_find_events(window, qtbot):
    summary = window.statusBar().currentMessage()
    type_text(window.search, "签约")
    qtbot.waitUntil(lambda: "筛选后" in window.statusBar().currentMessage())
    clear = next(b for b in window.findChildren(type(window.cancel_button)) if b.text() == "清除筛选")
    click(qtbot, clear, clear.rect().center())
    assert window.statusBar().currentMessage() == summary
    view = window.timeline
    click(qtbot, view, drawn_events(view)[labelled_event(view)][0].center())
    chips = [b for b in window.source.legend_box.findChildren(QWidget) if hasattr(b, "click")]
    assert chips
    for chip in chips:
        count = int(chip.text().rsplit(" ", 1)[1])
        click(qtbot, chip, chip.rect().center())
        assert window.proxy.rowCount() == count > 0, chip.text()


def test_a_search_that_keeps_nothing_says_so_in_the_list_until_the_filters_are_cleared(window, qtbot):
    view = window.list_view
    window.list_dock.show()
    type_text(window.search, "没有这样的词语组合")
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 0)
    assert "清除筛选" in view.shown_hint() and str(len(window.model.frame)) in view.shown_hint()
    # with no rows the viewport is bare background but for the hint's letters
    image = view.viewport().grab().toImage()
    background = view.palette().color(QPalette.ColorRole.Base).rgb()
    inked = sum(image.pixel(x, y) != background for x in range(0, image.width(), 2)
                for y in range(0, image.height(), 2))
    assert inked > 50
    clear = next(b for b in window.findChildren(type(window.cancel_button)) if b.text() == "清除筛选")
    click(qtbot, clear, clear.rect().center())
    assert window.proxy.rowCount() == len(window.model.frame) and view.shown_hint() == ""


def test_a_place_filter_includes_the_places_inside_it(window):
    frame = window.model.frame
    inside = [r for r, places in enumerate(frame["places"]) if "武清区" in places or "宝坻区" in places]
    assert inside
    index = window.place_box.findData("天津市")
    if index < 0:  # not named itself in these events: the filter still knows it
        window.place_box.addItem("天津市", "天津市")
        index = window.place_box.findData("天津市")
    window.place_box.setCurrentIndex(index)
    shown = {window.proxy.mapToSource(window.proxy.index(i, 0)).row() for i in range(window.proxy.rowCount())}
    assert set(inside) <= shown


def test_the_date_filter_starts_at_the_corpus_span_and_takes_typed_digits(window, qtbot):
    frame = window.model.frame
    assert window.date_from.date().toPython() == frame["start"].min().date()
    assert window.date_to.date().toPython() == frame["end"].max().date()
    edit = window.date_from
    edit.setFocus()
    edit.setSelectedSection(edit.Section.YearSection)
    qtbot.keyClicks(edit, "2024")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.date().year() == 2024
    assert window.date_check.isChecked()
    shown = [window.proxy.mapToSource(window.proxy.index(i, 0)).row() for i in range(window.proxy.rowCount())]
    assert shown and all(frame["end"].iat[r].year >= 2024 for r in shown)


def test_the_date_filter_reaches_back_to_an_archive_s_oldest_event(window, qtbot, tmp_path, monkeypatch):
    open_folder_of_one_file(window, qtbot, monkeypatch, tmp_path / "history",
                            "某地新闻\n来源：某某日报  2024-05-06 10:00\n\n1424年，郑和船队第六次下西洋归来。\n"
                            "5月5日，某县茶叶交易中心开业。\n")
    assert window.model.frame["start"].min().year == 1424
    assert window.date_from.date().toPython() == date(1424, 1, 1)  # not Qt's 1752-09-14


def test_the_span_of_a_selection_is_written_as_finely_as_its_ends_are_known(window, qtbot, tmp_path, monkeypatch):
    open_folder_of_one_file(window, qtbot, monkeypatch, tmp_path / "visit",
                            "某地新闻\n来源：某某日报  2020-10-15 10:00\n\n“40多年前我来过这里。”他说。\n"
                            "该市将在2021年至2025年建成新港区。\n")
    assert len(window.model.frame) == 2
    window.list_view.setFocus()
    qtbot.keyClick(window.list_view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(window.selected_rows()) == 2
    # the envelope of 40多年前 begins on a day of 1970 the text never names
    assert window.detail.multi_span.text() == "时间跨度：1970年—2025年"

def test_lanes_without_events_after_filtering_take_no_space(window):
    frame = window.model.frame
    category = frame["category"].value_counts().index[-1]
    window.category_actions[category].trigger()
    lanes = window.timeline.index.lanes
    articles = frame.loc[frame["category"] == category, "article_id"].nunique()
    assert len(lanes) == articles and all(lane.count > 0 for lane in lanes)


# ---------------------------------------------------------------- lanes that scale (issue 10)


def _many_articles(folder: Path, count: int, outlets=("甲日报", "乙晚报")) -> Path:
    folder.mkdir()
    for number in range(count):
        outlet = outlets[number % len(outlets)]
        (folder / f"n{number:03d}.txt").write_text(
            f"某区新闻第{number}期\n来源：{outlet}  2024-05-{number % 27 + 1:02d} 10:00\n\n"
            f"5月{number % 27 + 1}日，某区第{number}个项目开工建设。\n", encoding="utf-8")
    return folder


def test_many_articles_get_lanes_by_source_and_few_get_one_per_article(qtbot, tmp_path):
    from desktop.core.vocab import LANE_MODES
    from desktop.gui.main_window import LANE_MODE_NAMES

    assert tuple(LANE_MODE_NAMES) == LANE_MODES  # one list of modes, named once
    window = open_window(qtbot, [_many_articles(tmp_path / "many", 40)])
    assert window.timeline.lane_mode == "auto" and window.timeline.index.mode == "source"
    assert [lane.label for lane in window.timeline.index.lanes] == ["乙晚报", "甲日报"]
    assert [lane.count for lane in window.timeline.index.lanes] == [20, 20]
    window.lane_actions["article"].trigger()  # one lane per article on request
    assert len(window.timeline.index.lanes) == 40
    few = open_window(qtbot, [SEEDS])
    assert few.timeline.index.mode == "article"


def test_lanes_by_place_group_districts_under_their_province(window):
    window.lane_actions["place"].trigger()
    labels = [lane.label for lane in window.timeline.index.lanes]
    assert "天津市" in labels and "宝坻区" not in labels and "武清区" not in labels


def test_a_lane_folds_to_a_density_strip_and_the_list_can_show_only_that_lane(qtbot, tmp_path):
    window = open_window(qtbot, [_many_articles(tmp_path / "many", 40)])
    view = window.timeline
    view.repaint()
    title_point = QPoint(40, int(AXIS_HEIGHT) + 12)
    lane = view.lane_at(title_point.y())
    open_height = view.lane_height()
    click(qtbot, view, title_point)  # a click on the title folds the lane
    assert view.is_collapsed(lane)
    view.repaint()
    kinds = {item.kind for item, rect, _ in view.drawn_items() if rect.top() < AXIS_HEIGHT + 30}
    assert kinds == {"density"}
    assert view.lane_top(lane + 1) - view.lane_top(lane) < open_height
    click(qtbot, view, title_point)
    assert not view.is_collapsed(lane)
    # right-click → 只看此泳道
    key, label = view.index.lanes[lane].key, view.index.lanes[lane].label
    QApplication.sendEvent(view, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, title_point,
                                                   view.mapToGlobal(title_point)))
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    only = next(a for a in menu.actions() if label in a.text())
    click(qtbot, menu, menu.actionGeometry(only).center())
    frame = window.model.frame
    shown = {window.proxy.mapToSource(window.proxy.index(i, 0)).row() for i in range(window.proxy.rowCount())}
    assert shown == set(frame.index[frame["outlet"] == key].map(frame.index.get_loc))
    assert window.lane_chip.isVisible() and label in window.lane_chip.text()
    assert [lane.label for lane in view.index.lanes] == [label]
    click(qtbot, window.lane_chip, window.lane_chip.rect().center())
    assert window.proxy.rowCount() == len(frame) and not window.lane_chip.isVisible()


def _dense_folder(tmp_path, what=lambda number, month: "签约"):
    """Eight logs of a project a day through 2023: ``what(number, month)`` each project does."""
    folder = tmp_path / "dense"
    folder.mkdir()
    for number in range(8):  # every project its own (copies of one line would be merged: one happening)
        lines = "".join(f"2023年{m}月{d}日，某园区第{number * 1000 + m * 31 + d}个项目{what(number, m)}。\n"
                        for m in range(1, 13) for d in range(1, 29))
        (folder / f"d{number}.txt").write_text(f"某园区项目日志{number}\n来源：某某日报  2024-01-0{number + 1} 09:00\n\n"
                                               + lines, encoding="utf-8")
    return folder


def test_a_dense_lane_is_drawn_as_density_and_a_bin_opens_into_its_events(qtbot, tmp_path):
    window = open_window(qtbot, [_dense_folder(tmp_path)])
    window.lane_actions["single"].trigger()
    view = window.timeline
    qtbot.keyClick(view, Qt.Key.Key_0)
    view.repaint()
    drawn = view.drawn_items()
    assert [item.kind for item, _, _ in drawn] == ["density"]
    density = drawn[0][0]
    assert density.count == len(window.model.frame)
    busiest = int(density.counts.argmax())
    point = QPoint(int(GUTTER + (busiest + 0.5) * density.bin_px), int(AXIS_HEIGHT) + 40)
    click(qtbot, view, point)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert len([a for a in menu.actions() if a.data() is not None]) == min(int(density.counts[busiest]), 40)
    menu.close()


def test_a_search_shows_where_its_matches_are_in_a_density_strip(qtbot, tmp_path):
    from desktop.core.timeline.scale import day_number
    from desktop.gui import palette

    folder = _dense_folder(tmp_path, lambda number, month: "茶叶交易中心开业" if number == 0 and month == 3 else "签约")
    window = open_window(qtbot, [folder])
    window.lane_actions["single"].trigger()
    view = window.timeline
    qtbot.keyClick(view, Qt.Key.Key_0)
    window.search.setFocus()
    type_text(window.search, "茶叶")
    qtbot.waitUntil(lambda: view.match_mask is not None and 0 < view.match_mask.sum() < len(window.model.frame))
    view.repaint()
    [(density, _, _)] = view.drawn_items()
    assert density.kind == "density"
    image = view.grab().toImage()
    ratio = image.devicePixelRatio()
    match_colour = palette.DENSITY_MATCH.rgb()

    def match_columns() -> set[int]:
        found = set()
        for x in range(int(GUTTER), view.width() - 1):
            for y in range(int(AXIS_HEIGHT), view.height() - 1):
                if image.pixel(int(x * ratio), int(y * ratio)) == match_colour:
                    found.add(x)
                    break
        return found

    columns = match_columns()
    march = [view.scale.x_of(float(day_number(date(2023, 3, d)))) + GUTTER for d in (1, 28)]
    assert columns and all(march[0] - density.bin_px - 1 <= x <= march[1] + density.bin_px + 1 for x in columns)
    window.search.clear()
    qtbot.waitUntil(lambda: view.match_mask is None)
    view.repaint()
    image = view.grab().toImage()
    assert not match_columns()  # no search: the strip is one colour again


# ---------------------------------------------------------------- search (issue 11)


def test_searching_from_the_box_filters_highlights_and_reports_a_bad_query(window, qtbot):
    window.search.setFocus()
    type_text(window.search, "签约 -宝坻")
    qtbot.waitUntil(lambda: "筛选后" in window.statusBar().currentMessage())
    frame = window.model.frame
    shown = [window.proxy.mapToSource(window.proxy.index(i, 0)).row() for i in range(window.proxy.rowCount())]
    assert shown
    for row in shown:
        text = " ".join([frame["title"].iat[row], frame["sentence"].iat[row], *frame["keyterms"].iat[row],
                         *frame["places"].iat[row], *frame["orgs"].iat[row], frame["article_title"].iat[row]])
        assert "签约" in text and "宝坻" not in text
    # the chosen event's sentence shows the word marked, in the detail pane and the source
    chosen = next(row for row in shown if "签约" in frame["sentence"].iat[row])
    click(qtbot, window.list_view.viewport(), list_row_point(window, chosen))
    assert "background" in window.detail.sentence.text() and "签约" in window.detail.sentence.text()
    spans = window.source.query_spans()
    text = window.source.corpus.document(window.source.file).text
    assert spans and all(text[a:b] == "签约" for a, b in spans)
    # a malformed query says so beside the box and shows nothing, never raises
    window.search.clear()
    type_text(window.search, '"签约')
    qtbot.waitUntil(lambda: window.search_error.isVisible())
    assert "引号" in window.search_error.text() and window.proxy.rowCount() == 0
    window.search.clear()
    qtbot.waitUntil(lambda: not window.search_error.isVisible() and window.proxy.rowCount() == len(frame))


def test_a_pdf_that_cannot_be_written_says_why_and_leaves_the_old_file(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    view = window.timeline
    click(qtbot, view, drawn_events(view)[labelled_event(view)][0].center())
    target = tmp_path / "old.pdf"
    target.write_bytes(b"earlier brief")
    monkeypatch.setattr("desktop.gui.main_window.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))

    def full(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("desktop.core.atomic.os.replace", full)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets()),
                    timeout=60_000)
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    assert "无法写入" in box.text() and target.read_bytes() == b"earlier brief"
    assert window.act_export.isEnabled()
    box.close()


def test_while_searching_a_badge_says_how_many_of_its_events_match(qtbot, tmp_path):
    window = open_window(qtbot, [_same_year_corpus(tmp_path / "same")])
    view = window.timeline
    wanted = next(r for r, title in enumerate(window.model.frame["title"]) if "丙科技" in title)

    def badge_holding_it():
        view.repaint()
        return next((item, rect) for item, rect, _ in view.drawn_items()
                    if item.kind == "cluster" and wanted in item.events.tolist())

    item, rect = badge_holding_it()
    assert view.badge_label(item, rect.width()) == str(item.count)
    type_text(window.search, "丙科技")
    qtbot.waitUntil(lambda: "筛选后" in window.statusBar().currentMessage())
    item, rect = badge_holding_it()
    assert int(view.match_mask[item.events].sum()) == 1
    assert view.badge_label(item, rect.width()) == f"1/{item.count}"
    assert view.badge_label(item, 12) == "1"  # too narrow for both: the matches
    message = window.statusBar().currentMessage()
    assert message.startswith("筛选后 1 / ") and message.endswith("项"), message


def test_an_article_that_names_no_date_shows_on_its_publication_day_and_says_so(window, qtbot, tmp_path, monkeypatch):
    open_folder_of_one_file(window, qtbot, monkeypatch, tmp_path / "flash",
                            "某区开通24小时热线接收捐赠\n2024-09-25 10:00:00\n某某日报\nhttps://example.com/1\n\n"
                            "为做好捐赠物资接收工作，某区开通24小时电话。目前已接到电话300多个。\n")
    frame = window.model.frame
    assert len(frame) == 1 and frame["start"].iat[0] == frame["end"].iat[0]
    click(qtbot, window.list_view.viewport(), list_row_point(window, 0))
    assert window.selected_rows() == [0]
    assert window.detail.fields["date_text"].text() == "文中未写日期，取发布日期"
    assert window.detail.fields["resolved"].text().startswith("文中未写日期：发布日期 2024-09-25")
    assert window.detail.when.text().startswith("2024年9月25日")
    qtbot.waitUntil(lambda: window.source.sentence_rect_visible(0))


def test_the_timeline_draws_an_event_dated_by_its_publication_as_a_ring_with_a_core(window, qtbot, tmp_path, monkeypatch):
    folder = tmp_path / "two"
    folder.mkdir()
    (folder / "a.txt").write_text("某区开通热线\n2020-01-24 10:00:00\n某某日报\n\n为做好接收工作，某区开通24小时电话。\n", encoding="utf-8")
    (folder / "b.txt").write_text("某区签约项目\n2020-06-24 10:00:00\n某某日报\n\n6月20日，某区与企业签约。\n", encoding="utf-8")
    monkeypatch.setattr("desktop.gui.main_window.QFileDialog.getExistingDirectory", lambda *a, **k: str(folder))
    with qtbot.waitSignal(window.corpus_loaded, timeout=120_000):
        window.act_open_folder.trigger()
    view = window.timeline
    view.repaint()
    frame = window.model.frame
    image = view.grab().toImage()
    ratio = image.devicePixelRatio()
    rings = {}
    for row, (rect, _label) in drawn_events(view).items():
        assert rect.width() < 20  # a day among months: a dot
        centre = rect.center()
        between = image.pixelColor(int((centre.x() + 3.2) * ratio), int(centre.y() * ratio))
        core = image.pixelColor(int(centre.x() * ratio), int(centre.y() * ratio))
        rings[frame["date_text"].iat[row]] = (between.lightness() > 230, core.lightness() < 200)
    assert rings == {"": (True, True), "6月20日": (False, True)}
