"""User corrections in the app: edit, hide, add, undo/redo, auto-save — and they survive a kill."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS
from PySide6.QtCore import Qt

from desktop.gui.main_window import MainWindow

SEED = "000_60126b80996df276.txt"


@pytest.fixture
def corpus_dir(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(SEEDS / SEED, folder / SEED)
    return folder


@pytest.fixture
def window(qtbot, corpus_dir):
    win = MainWindow([corpus_dir], restore=False)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.corpus_loaded, timeout=120_000):
        pass
    return win


def row_of(window, date_text: str) -> int:
    frame = window.model.frame
    return int(frame.index.get_loc(frame[frame["date_text"] == date_text].index[0]))


def test_edit_undo_redo_and_autosave(window, qtbot, corpus_dir):
    row = row_of(window, "2月28日")
    original = window.model.frame["title"].iat[row]
    window.select_rows([row])
    with qtbot.waitSignal(window.controller.saved, timeout=10_000) as saved:
        window.apply_edit(row, {"title": "推介会在京举行（已核对）", "start": "2025-02-27", "end": "2025-02-27",
                                "precision": "day", "edtf": "2025-02-27"})
    row = row_of(window, "2月28日")
    frame = window.model.frame
    assert frame["title"].iat[row] == "推介会在京举行（已核对）"
    assert frame["start"].iat[row].date() == date(2025, 2, 27)
    assert frame["origin"].iat[row] == "edited"
    assert window.selected_rows() == [row]  # the selection follows the event through the rebuild
    assert "推介会在京举行（已核对）" in window.detail.title.text()
    saved_path = Path(saved.args[0])
    assert saved_path.parent == corpus_dir
    assert "推介会在京举行（已核对）" in saved_path.read_text(encoding="utf-8")
    window.controller.undo_stack.undo()
    assert window.model.frame["title"].iat[row_of(window, "2月28日")] == original
    window.controller.undo_stack.redo()
    assert window.model.frame["title"].iat[row_of(window, "2月28日")] == "推介会在京举行（已核对）"


def test_hide_and_show_again(window):
    row = row_of(window, "2025年")
    event_id = window.model.frame["id"].iat[row]
    window.hide_event(row)
    frame = window.model.frame
    hidden_row = int(frame.index.get_loc(event_id))
    assert bool(frame["hidden"].iat[hidden_row])
    assert window.timeline.hidden_mask[hidden_row]
    assert hidden_row not in {window.proxy.mapToSource(window.proxy.index(i, 0)).row() for i in range(window.proxy.rowCount())}
    window.act_show_hidden.setChecked(True)
    assert not window.timeline.hidden_mask[hidden_row]
    assert window.timeline.dimmed_mask is not None and window.timeline.dimmed_mask[hidden_row]  # drawn dimmed
    assert window.timeline.match_mask is None  # and not painted like a search match
    window.unhide_event(hidden_row)
    assert not bool(window.model.frame["hidden"].iat[int(window.model.frame.index.get_loc(event_id))])
    window.controller.undo_stack.undo()  # undoing the restore hides it again
    assert bool(window.model.frame["hidden"].iat[int(window.model.frame.index.get_loc(event_id))])


def test_manual_event_from_selected_text(window, qtbot, tmp_path):
    text = window.texts[SEED]
    start = text.index("22条政策措施")
    end = start + len("22条政策措施")
    defaults = window.manual_defaults(SEED, start, end)
    assert defaults["title"] == "22条政策措施"
    window.add_manual_event(SEED, start, end, {"title": "发布支持科技城的22条政策措施", "start": "2024-06-01",
                                               "end": "2024-06-30", "precision": "month", "edtf": "2024-06",
                                               "category": "政策/协议"})
    frame = window.model.frame
    manual = frame[frame["origin"] == "manual"]
    assert len(manual) == 1
    assert manual["title"].iat[0] == "发布支持科技城的22条政策措施"
    assert (int(manual["date_start"].iat[0]), int(manual["date_end"].iat[0])) == (start, end)
    assert manual["category"].iat[0] == "政策/协议"
    row = int(frame.index.get_loc(manual.index[0]))
    window.select_rows([row])
    pypdf = pytest.importorskip("pypdf")
    with qtbot.waitSignal(window.pdf_exported, timeout=60_000):
        out = window.export_selection(tmp_path / "manual.pdf")
    text_out = "".join(p.extract_text() for p in pypdf.PdfReader(str(out)).pages).replace("\n", "")
    assert "发布支持科技城的22条政策措施" in text_out


def test_damaged_project_file_gives_a_warning_and_a_backup(qtbot, corpus_dir):
    project = corpus_dir / ".timeline-project.json"
    project.write_text("{ this is not json", encoding="utf-8")
    win = MainWindow([corpus_dir], restore=False)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.corpus_loaded, timeout=120_000):
        pass
    backups = list(corpus_dir.glob(".timeline-project.json.damaged-*"))
    assert len(backups) == 1 and backups[0].read_text(encoding="utf-8") == "{ this is not json"
    assert win.controller.project.corrections == []
    assert len(win.model.frame) > 0  # the app goes on with the extracted events


HARNESS = r"""
import os, sys
from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication
QCoreApplication.setOrganizationName("desktop-timeline-kill-test")
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
app = QApplication([])
from desktop.gui.main_window import MainWindow
from pathlib import Path
window = MainWindow([Path(sys.argv[1])], restore=False)
mode = sys.argv[3]

def loaded(corpus):
    frame = window.model.frame
    row = int(frame.index.get_loc(frame[frame["date_text"] == "2月28日"].index[0]))
    if mode == "edit":
        window.controller.saved.connect(lambda path: print("SAVED", path, flush=True))
        window.apply_edit(row, {"title": "被杀死之前的修改", "category": "签约"})
    else:
        print("TITLE", frame["title"].iat[row], frame["category"].iat[row], flush=True)
        app.quit()

window.corpus_loaded.connect(loaded)
app.exec()
"""


def test_corrections_survive_sigkill(tmp_path, corpus_dir):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path / "data")}
    settings = str(tmp_path / "settings")
    editor = subprocess.Popen([sys.executable, "-c", HARNESS, str(corpus_dir), settings, "edit"], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, text=True)
    try:
        line = editor.stdout.readline()  # blocks until the auto-save has happened
        assert line.startswith("SAVED"), line
    finally:
        os.kill(editor.pid, signal.SIGKILL)
        editor.wait()
    assert editor.returncode == -signal.SIGKILL
    saved = json.loads((corpus_dir / ".timeline-project.json").read_text(encoding="utf-8"))
    assert len(saved["corrections"]) == 1
    reader = subprocess.run([sys.executable, "-c", HARNESS, str(corpus_dir), settings, "read"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    assert "TITLE 被杀死之前的修改 签约" in reader.stdout, reader.stderr[-2000:]


def test_problems_panel_lists_bad_files_and_warnings(qtbot, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    good = ("来源：某某日报  2024-05-06 10:00\n\n" + "5月5日，某产业园揭牌运营，首批企业入驻园区。" * 20 + "\n").encode()
    (folder / "broken.txt").write_bytes(good[:200] + b"\xff\xfe" + good[200:])
    win = MainWindow([folder], restore=False)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.corpus_loaded, timeout=120_000):
        pass
    lines = [win.problems_list.item(i).text() for i in range(win.problems_list.count())]
    assert any(line.startswith("empty.txt") and "空文件" in line for line in lines)
    assert any(line.startswith("image.txt") and "PNG 图片" in line for line in lines)
    assert any(line.startswith("broken.txt") and "已替换" in line for line in lines)
    # a Chinese window says why in Chinese: no English words besides file names and codes
    for line in lines:
        reason = line.split("：", 1)[1]
        assert not re.search(r"[a-z]{3,}", reason.replace("U+FFFD", "")), line
    assert "5月5日" in set(win.model.frame["date_text"])


def test_project_saved_where_the_user_chooses_and_reopened(window, tmp_path):
    row = row_of(window, "2月28日")
    window.apply_edit(row, {"title": "用户选择的位置"})
    chosen = tmp_path / "elsewhere" / "my-project.json"
    assert window.save_project_as(chosen) == chosen
    assert "用户选择的位置" in chosen.read_text(encoding="utf-8")
    window.controller.undo_stack.undo()  # back to the engine's title, saved to the chosen file too
    window.controller.save_now()
    assert json.loads(chosen.read_text(encoding="utf-8"))["corrections"] == []
    window.controller.undo_stack.redo()
    window.controller.save_now()
    window.open_project(chosen)
    assert window.model.frame["title"].iat[row_of(window, "2月28日")] == "用户选择的位置"


def test_keyboard_shortcuts_are_unambiguous(window):
    from PySide6.QtGui import QAction

    seen: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for shortcut in action.shortcuts():
            key = shortcut.toString()
            if key:
                assert key not in seen, f"{key}: {seen[key]} and {action.text()}"
                seen[key] = action.text()
    assert "Ctrl+Z" in seen and "Ctrl+Shift+Z" in seen


def test_ctrl_z_undoes_from_the_keyboard(window, qtbot):
    row = row_of(window, "2月28日")
    original = window.model.frame["title"].iat[row]
    window.apply_edit(row, {"title": "键盘撤销测试"})
    window.activateWindow()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.model.frame["title"].iat[row_of(window, "2月28日")] == original


def _hide_current_with_delete(window, qtbot, date_text: str) -> str:
    row = row_of(window, date_text)
    proxy = window.proxy.mapFromSource(window.model.index(row, 1))
    qtbot.mouseClick(window.list_view.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.list_view.visualRect(proxy).center())
    window.list_view.setFocus()
    qtbot.keyClick(window.list_view, Qt.Key.Key_Delete)
    return str(window.model.frame["id"].iat[row])


def test_a_newer_project_file_is_left_alone_and_corrections_survive_the_next_launch(qtbot, corpus_dir):
    from desktop.core.project import PROJECT_FILE_NAME, SCHEMA, fallback_project_path

    newer = corpus_dir / PROJECT_FILE_NAME
    newer.write_text(json.dumps({"schema": SCHEMA, "version": 99, "corrections": [], "future": True}),
                     encoding="utf-8")
    before = newer.read_bytes()
    first = MainWindow([corpus_dir], restore=False)
    qtbot.addWidget(first)
    first.show()
    with qtbot.waitSignal(first.corpus_loaded, timeout=120_000):
        pass
    # the user reads the warning (in Chinese, naming where the corrections will go) and closes it
    from PySide6.QtWidgets import QApplication, QMessageBox

    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert len(boxes) == 1
    assert "较新版本" in boxes[0].text() and str(fallback_project_path(newer)) in boxes[0].text()
    qtbot.mouseClick(boxes[0].buttons()[0], Qt.MouseButton.LeftButton)
    with qtbot.waitActive(first):
        first.activateWindow()  # as the window manager does when the box closes
    with qtbot.waitSignal(first.controller.saved, timeout=10_000) as saved:
        hidden_id = _hide_current_with_delete(first, qtbot, "2月28日")
    assert Path(saved.args[0]) == fallback_project_path(newer)
    assert newer.read_bytes() == before  # the newer file is never overwritten
    first.close()
    second = MainWindow([corpus_dir], restore=False)
    qtbot.addWidget(second)
    with qtbot.waitSignal(second.corpus_loaded, timeout=120_000):
        pass
    frame = second.model.frame.set_index("id")
    assert bool(frame.loc[hidden_id, "hidden"])  # the correction made meanwhile came back
    second.close()


def test_opening_another_project_saves_the_pending_edit_first(window, qtbot, corpus_dir, tmp_path, monkeypatch):
    current = window.controller.project.path
    _hide_current_with_delete(window, qtbot, "2月28日")
    assert window.controller.pending()  # auto-save not yet due
    other = tmp_path / "other.json"
    monkeypatch.setattr("desktop.gui.window_corrections.QFileDialog.getOpenFileName", lambda *a, **k: (str(other), ""))
    window.act_open_project.trigger()
    assert window.controller.project.path == other
    saved = json.loads(current.read_text(encoding="utf-8"))
    assert [c["kind"] for c in saved["corrections"]] == ["hide"]


def test_the_user_sets_an_articles_publication_date_and_its_relative_dates_follow(window, qtbot, monkeypatch):
    from desktop.gui.corrections import PublishedDialog

    frame = window.model.frame
    relative = frame[frame["resolved_against"].str.startswith("publication")]
    assert len(relative)  # the seed has relative dates, resolved against its stamp
    row = int(frame.index.get_loc(relative.index[0]))
    article = frame["article_id"].iat[row]
    before = frame.loc[frame["article_id"] == article, ["id", "start"]].set_index("id")["start"]
    proxy = window.proxy.mapFromSource(window.model.index(row, 1))
    qtbot.mouseClick(window.list_view.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.list_view.visualRect(proxy).center())

    def answer(dialog):
        dialog.date.setDate(dialog.date.date().addYears(-3))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(PublishedDialog, "exec", answer)
    with qtbot.waitSignal(window.controller.saved, timeout=10_000):
        qtbot.mouseClick(window.detail.published_button, Qt.MouseButton.LeftButton)
    after_frame = window.model.frame
    after = after_frame.loc[after_frame["article_id"] == article, ["id", "start"]].set_index("id")["start"]
    moved = [i for i in before.index if i in after.index and after[i] != before[i]]
    assert moved  # relative dates resolved again, three years earlier
    assert all((before[i] - after[i]).days > 360 for i in moved)
    assert "由用户设定" in window.detail.fields["published"].text()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo
    restored = window.model.frame.set_index("id")["start"]
    assert all(restored[i] == before[i] for i in moved)


def test_a_big_table_takes_its_corrections_in_the_background(window, qtbot, monkeypatch):
    monkeypatch.setattr(type(window), "BACKGROUND_CORRECTIONS_EVENTS", 0)  # the seeds count as big
    row = row_of(window, "2月28日")
    event_id = window.model.frame["id"].iat[row]
    with qtbot.waitSignal(window.corrections_applied, timeout=30_000):
        window.hide_event(row)
        assert not bool(window.model.frame.set_index("id").loc[event_id, "hidden"])  # not yet: off the GUI thread
    assert bool(window.model.frame.set_index("id").loc[event_id, "hidden"])
