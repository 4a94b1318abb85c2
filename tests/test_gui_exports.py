"""File → 导出 ▸ driven as a user drives it: the real QAction triggered (or the menus walked
with the keyboard), the save dialog answered by patching the QFileDialog static the app
calls, and the file read back by the reader people use."""

from __future__ import annotations

import csv
import io
import json
import shutil
import xml.etree.ElementTree as ET

import pytest
from conftest import SEEDS, open_main_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from desktop.core.export.formats import day_events
from desktop.gui.timeline_view import GUTTER

SEED_FILES = sorted(SEEDS.glob("*.txt"))


pytestmark = pytest.mark.usefixtures("no_error_reports")


@pytest.fixture
def window(qtbot, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in SEED_FILES:
        shutil.copy(path, folder / path.name)
    return open_main_window(qtbot, [folder])


class Dialog:
    """Answers QFileDialog.getSaveFileName with ``target`` and remembers what it was asked."""

    def __init__(self, monkeypatch, target) -> None:  # noqa: ANN001
        self.target = target
        self.asked: list[tuple[str, str, str]] = []
        monkeypatch.setattr("desktop.gui.window_exports.QFileDialog.getSaveFileName", self)

    def __call__(self, parent, caption, directory, filters, *rest):  # noqa: ANN001
        self.asked.append((caption, directory, filters))
        return str(self.target), filters


def select_labelled_events(qtbot, window, count: int) -> list[int]:
    """Click, then Ctrl-click, the first ``count`` labelled events on the timeline."""
    view = window.timeline
    view.repaint()
    rows: list[int] = []
    for item, rect, label in view.drawn_items():
        if item.kind == "event" and label is not None and rect.left() > GUTTER + 4 and item.event not in rows:
            modifiers = Qt.KeyboardModifier.ControlModifier if rows else Qt.KeyboardModifier.NoModifier
            qtbot.mouseClick(view, Qt.MouseButton.LeftButton, modifiers, rect.center().toPoint())
            rows.append(item.event)
            if len(rows) == count:
                break
    assert sorted(window.selected_rows()) == sorted(rows)
    return rows


def ids_of(window, rows) -> set[str]:
    return {str(window.model.frame["id"].iat[r]) for r in rows}


def test_the_export_menu_lists_every_format(window):
    texts = [a.text() for a in window.export_menu.actions() if not a.isSeparator()]
    assert window.export_menu.menuAction() in window.file_menu.actions()
    assert [t.split("(")[0].split("（")[0] for t in texts] == [
        "CSV 表格", "Excel 工作簿", "JSON", "TimelineJS 网页时间线", "iCalendar 日历", "时间线图片 PNG",
        "时间线矢量图 SVG"]


def test_csv_of_the_selection_through_the_keyboard(window, qtbot, monkeypatch, tmp_path):
    rows = select_labelled_events(qtbot, window, 2)
    dialog = Dialog(monkeypatch, tmp_path / "所选")  # typed without a suffix
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)  # 文件(F)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.file_menu)
    qtbot.keyClick(window.file_menu, Qt.Key.Key_X)  # 导出(X)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.export_menu)
    with qtbot.waitSignal(window.exports.exported, timeout=10_000):  # written in the background
        qtbot.keyClick(window.export_menu, Qt.Key.Key_C)  # CSV 表格(C)
    target = tmp_path / "所选.csv"
    caption, directory, filters = dialog.asked[0]
    assert "所选的 2 个事件" in caption and directory.endswith(".csv") and "*.csv" in filters
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    read = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert {r["id"] for r in read} == ids_of(window, rows)
    assert {r["title"] for r in read} == {window.model.frame["title"].iat[r] for r in rows}
    assert "已导出 2 个事件" in window.statusBar().currentMessage()


def test_without_a_selection_the_shown_events_are_exported_and_the_title_says_so(window, qtbot, monkeypatch, tmp_path):
    category = window.model.frame["category"].value_counts().index[0]
    window.category_actions[category].setChecked(True)  # the 类别 filter
    frame = window.model.frame
    shown = set(frame["id"][frame["category"] == category])
    assert 0 < len(shown) < len(frame)
    dialog = Dialog(monkeypatch, tmp_path / "shown.json")
    with qtbot.waitSignal(window.exports.exported, timeout=10_000):
        window.exports.actions["json"].trigger()
    assert f"显示的全部 {len(shown)} 个事件" in dialog.asked[0][0]
    document = json.loads((tmp_path / "shown.json").read_text("utf-8"))
    assert {e["id"] for e in document["events"]} == shown
    assert all(e["category"] == category for e in document["events"])
    assert sum(s["events"] for s in document["sources"]) == len(shown)


def test_xlsx_from_the_menu_has_dated_events_and_sources(window, qtbot, monkeypatch, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    rows = select_labelled_events(qtbot, window, 3)
    Dialog(monkeypatch, tmp_path / "e.xlsx")
    with qtbot.waitSignal(window.exports.exported, timeout=10_000):
        window.exports.actions["xlsx"].trigger()
    book = openpyxl.load_workbook(tmp_path / "e.xlsx")
    header = [c.value for c in book["events"][1]]
    records = [dict(zip(header, (c.value for c in row), strict=True)) for row in book["events"].iter_rows(min_row=2)]
    assert {r["id"] for r in records} == ids_of(window, rows)
    frame = window.model.frame.set_index("id")
    for record in records:
        assert record["start"] == frame.loc[record["id"], "start"].to_pydatetime()  # a real date
    assert book["sources"].max_row >= 2


def test_timelinejs_groups_by_the_lanes_shown(window, qtbot, monkeypatch, tmp_path):
    window.lane_actions["category"].trigger()  # 视图 → 按类别分泳道
    Dialog(monkeypatch, tmp_path / "web.json")
    with qtbot.waitSignal(window.exports.exported, timeout=10_000):
        window.exports.actions["timelinejs"].trigger()
    document = json.loads((tmp_path / "web.json").read_text("utf-8"))
    frame = window.model.frame.set_index("id")
    assert len(document["events"]) == len(frame)
    for slide in document["events"]:
        assert isinstance(slide["start_date"]["year"], int)  # TimelineJS's required field
        assert slide["group"] == frame.loc[slide["unique_id"], "category"]
        if frame.loc[slide["unique_id"], "precision"] == "year":
            assert set(slide["start_date"]) == {"year"}


def test_ics_holds_the_day_events_and_says_what_it_left_out(window, qtbot, monkeypatch, tmp_path):
    icalendar = pytest.importorskip("icalendar")
    frame = window.model.frame
    held = day_events(frame)
    dialog = Dialog(monkeypatch, tmp_path / "cal.ics")
    with qtbot.waitSignal(window.exports.exported, timeout=10_000):
        window.exports.actions["ics"].trigger()
    assert f"精确到日的 {len(held)} 个" in dialog.asked[0][0]
    calendar = icalendar.Calendar.from_ical((tmp_path / "cal.ics").read_bytes())
    assert {str(v["UID"]).split("@")[0] for v in calendar.walk("VEVENT")} == set(held["id"])
    assert f"{len(frame) - len(held)} 个未精确到日" in window.statusBar().currentMessage()


def test_ics_of_events_without_a_day_says_so_without_a_dialog(window, monkeypatch):
    frame = window.model.frame
    rows = [i for i, p in enumerate(frame["precision"]) if p == "year"][:2]
    window.select_rows(rows)
    said = []
    monkeypatch.setattr("desktop.gui.window_exports.QMessageBox.information", lambda *a: said.append(a[2]))
    monkeypatch.setattr("desktop.gui.window_exports.QFileDialog.getSaveFileName",
                        lambda *a, **k: pytest.fail("no dialog when nothing can be written"))
    window.exports.actions["ics"].trigger()
    assert said and "未精确到日" in said[0]


def test_a_failed_write_says_why_and_leaves_the_earlier_file(window, qtbot, monkeypatch, tmp_path):
    target = tmp_path / "e.csv"
    target.write_text("earlier")
    Dialog(monkeypatch, target)
    monkeypatch.setattr("desktop.core.atomic.os.replace", lambda *a: (_ for _ in ()).throw(OSError(28, "磁盘已满")))
    shown = []
    monkeypatch.setattr("desktop.gui.window_exports.QMessageBox.exec", lambda box: shown.append(box.text()))
    with qtbot.waitSignal(window.exports.export_failed, timeout=10_000):
        window.exports.actions["csv"].trigger()
    assert shown and "磁盘已满" in shown[0] and str(target) in shown[0]
    assert target.read_text() == "earlier"


def test_png_is_the_timeline_as_shown_at_its_zoom(window, qtbot, monkeypatch, tmp_path):
    window.act_zoom_in.trigger()
    window.act_zoom_in.trigger()
    view = window.timeline
    shown_range = (view.scale.start, view.scale.end)
    grabbed = view.grab().toImage()  # what the window shows before the export
    dialog = Dialog(monkeypatch, tmp_path / "view.png")
    window.exports.actions["png"].trigger()
    assert (view.scale.start, view.scale.end) == shown_range  # exporting moves nothing
    assert "当前视野" in dialog.asked[0][0] and "*.png" in dialog.asked[0][2]
    image = QImage(str(tmp_path / "view.png"))
    assert not image.isNull()
    grabbed = grabbed.convertToFormat(image.format())
    assert image.size() == grabbed.size() == view.size() * view.devicePixelRatioF()
    assert image == grabbed  # the same pixels the window shows


def test_svg_is_vector_timeline_with_the_titles_shown(window, monkeypatch, tmp_path):
    view = window.timeline
    view.repaint()
    Dialog(monkeypatch, tmp_path / "view.svg")
    window.exports.actions["svg"].trigger()
    root = ET.parse(tmp_path / "view.svg").getroot()
    assert root.tag.endswith("svg")
    assert root.get("viewBox") == f"0 0 {view.width()} {view.height()}"
    text = "".join(root.itertext())
    labelled = [item.event for item, _rect, label in view.drawn_items() if item.kind == "event" and label is not None]
    assert labelled
    title = window.model.frame["title"].iat[labelled[0]]
    assert title[:6] in text


def test_an_event_export_is_written_in_the_background(window, qtbot, monkeypatch, tmp_path):
    Dialog(monkeypatch, tmp_path / "all.json")
    written = []
    window.exports.exported.connect(written.append)
    window.exports.actions["json"].trigger()
    # back in the event loop before the file is done: the window says so and waits for it
    assert written == [] and "正在导出" in window.statusBar().currentMessage()
    assert not window.exports.actions["csv"].isEnabled()
    qtbot.waitUntil(lambda: written == [str(tmp_path / "all.json")], timeout=10_000)
    assert window.exports.actions["csv"].isEnabled()
    assert len(json.loads((tmp_path / "all.json").read_text("utf-8"))["events"]) == len(window.model.frame)
