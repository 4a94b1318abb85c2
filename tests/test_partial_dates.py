"""An article whose year nothing tells keeps its events as partial dates (XXXX-05-16):
listed, shown, exported and corrected like the others, placed on the timeline once the user
gives the article its date. Driven from the window as a user drives it."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pandas as pd
import pytest
from conftest import SEEDS, open_main_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.core.events.corpus import extract
from desktop.gui.corrections import EditEventDialog, PublishedDialog

UNDATED = "某市与某集团签约\n\n5月16日，天津市与某某集团签署战略合作协议。5月20日至22日，双方举办对接会。次日，项目开工。\n"


pytestmark = pytest.mark.usefixtures("no_error_reports")


@pytest.fixture
def folder(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], corpus)
    (corpus / "undated.txt").write_text(UNDATED, encoding="utf-8")
    return corpus


@pytest.fixture
def window(qtbot, folder):
    return open_main_window(qtbot, [folder])


def test_month_and_day_without_a_year_are_kept_as_partial_dates(folder):
    frame = extract([folder]).events
    undated = frame[frame["file"] == "undated.txt"]
    assert sorted(undated["edtf"]) == ["XXXX-05-16", "XXXX-05-20/XXXX-05-22"]
    assert undated["start"].isna().all() and undated["end"].isna().all()
    assert set(undated["resolved_against"]) == {"no-year"}
    # 次日 counts from a day whose year is unknown: it is not given a made-up date
    assert "次日" not in set(undated["date_text"])


def _list_row(window, edtf: str):
    frame = window.model.frame
    row = int((frame["edtf"] == edtf).to_numpy().nonzero()[0][0])
    return row, window.proxy.mapFromSource(window.model.index(row, 1))


def _click_row(qtbot, window, proxy_index, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    window.list_view.scrollTo(proxy_index)
    qtbot.mouseClick(window.list_view.viewport(), Qt.MouseButton.LeftButton, modifiers,
                     window.list_view.visualRect(proxy_index).center())


def test_the_window_lists_shows_exports_and_redates_a_partial_date(window, qtbot, monkeypatch, tmp_path):
    row, proxy = _list_row(window, "XXXX-05-16")
    date_cell = window.proxy.index(proxy.row(), 0).data()
    assert date_cell == "5月16日（年份不详）"
    window.timeline.repaint()  # painted with the undated events in the table: not drawn, no error
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)  # fit all: the dated events
    assert 1900 * 365 < window.timeline.scale.start + 1970 * 365 < window.timeline.scale.end + 1970 * 365 < 2200 * 365
    assert all(item.event != row for item, _, _ in window.timeline.drawn_items() if item.kind == "event")

    _click_row(qtbot, window, proxy)
    assert window.selected_rows() == [row]
    assert "年份不详" in window.detail.when.text()
    frame = window.model.frame
    dated = int((frame["start"].notna() & (frame["precision"] == "day")).to_numpy().nonzero()[0][0])
    _click_row(qtbot, window, window.proxy.mapFromSource(window.model.index(dated, 1)),
               Qt.KeyboardModifier.ControlModifier)
    assert sorted(window.selected_rows()) == sorted([row, dated])
    span = window.detail.multi_span.text()  # the partial date has no place in time: the dated one's alone
    assert span.startswith("时间跨度：") and str(frame["start"].iat[dated].year) in span and "不详" not in span

    for fmt, name in (("csv", "e.csv"), ("json", "e.json"), ("xlsx", "e.xlsx"), ("timelinejs", "e.tl.json"),
                      ("ics", "e.ics"), ("png", "e.png"), ("svg", "e.svg")):
        target = tmp_path / name
        monkeypatch.setattr("desktop.gui.window_exports.QFileDialog.getSaveFileName",
                            lambda *a, target=target, **k: (str(target), ""))
        if fmt in ("png", "svg"):  # drawn at once; the event formats are written in the background
            window.exports.actions[fmt].trigger()
        else:
            with qtbot.waitSignal(window.exports.exported, timeout=10_000):
                window.exports.actions[fmt].trigger()
        assert target.exists()
    rows = list(csv.DictReader(io.StringIO((tmp_path / "e.csv").read_text("utf-8-sig"))))
    assert {r["edtf"] for r in rows} >= {"XXXX-05-16"}
    document = json.loads((tmp_path / "e.json").read_text("utf-8"))
    assert any(e["edtf"] == "XXXX-05-16" and e["start"] is None for e in document["events"])

    pdf = tmp_path / "brief.pdf"
    monkeypatch.setattr("desktop.gui.main_window.QFileDialog.getSaveFileName", lambda *a, **k: (str(pdf), ""))
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: pdf.exists() and pdf.stat().st_size > 0, timeout=60_000)

    for action in window.lane_actions.values():
        action.trigger()
        window.timeline.repaint()

    _click_row(qtbot, window, _list_row(window, "XXXX-05-16")[1])

    def answer(dialog: PublishedDialog) -> int:
        dialog.date.setDate(dialog.date.date().fromString("2023-06-01", "yyyy-MM-dd"))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(PublishedDialog, "exec", answer)
    with qtbot.waitSignal(window.controller.saved, timeout=10_000):
        qtbot.mouseClick(window.detail.published_button, Qt.MouseButton.LeftButton)
    frame = window.model.frame
    undated = frame[frame["file"] == "undated.txt"].set_index("date_text")
    assert undated.loc["5月16日", "start"] == pd.Timestamp("2023-05-16")
    assert undated.loc["次日", "start"].year == 2023  # 次日 now has a day to count from
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo: partial again
    assert window.model.frame.loc[window.model.frame["file"] == "undated.txt", "start"].isna().all()


def test_f2_gives_a_partial_date_its_year(window, qtbot, monkeypatch):
    row, proxy = _list_row(window, "XXXX-05-16")
    event_id = window.model.frame["id"].iat[row]
    _click_row(qtbot, window, proxy)

    def exec_(dialog: EditEventDialog) -> int:
        dialog.show()
        assert dialog.start.date().month() == 5 and dialog.start.date().day() == 16  # the month and day it has
        dialog.start.setDate(dialog.start.date().fromString("2021-05-16", "yyyy-MM-dd"))
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        return dialog.result()

    monkeypatch.setattr(EditEventDialog, "exec", exec_)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    edited = window.model.frame.set_index("id").loc[event_id]
    assert edited["start"] == pd.Timestamp("2021-05-16") and edited["edtf"] == "2021-05-16"
