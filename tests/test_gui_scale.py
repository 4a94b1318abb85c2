"""Issue 10 in the window: reopening reads from the extraction cache, an opened folder is
watched (files added later appear; a folder deleted is listed under 问题), an event store
opens directly, a broken one is reported and the app goes on. Driven through File → 打开文件夹
with the QFileDialog static patched, as a user would."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import SEEDS
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from desktop.core.events import corpus as corpus_module
from desktop.gui.main_window import MainWindow
from desktop.gui.models import selected_rows

NEW_ARTICLE = "某县新闻\n来源：某某日报  2024-05-06 10:00\n\n5月5日，某县茶叶交易中心开业。\n"


pytestmark = pytest.mark.usefixtures("no_error_reports")


@pytest.fixture
def window(qtbot):
    window = MainWindow([SEEDS], restore=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.corpus is not None and not window.is_loading(), timeout=120_000)
    return window


def open_folder(window, qtbot, monkeypatch, folder: Path) -> None:
    monkeypatch.setattr("desktop.gui.main_window.QFileDialog.getExistingDirectory", lambda *a, **k: str(folder))
    with qtbot.waitSignal(window.corpus_loaded, timeout=120_000):
        window.act_open_folder.trigger()


def files_shown(window) -> set[str]:
    return set(window.model.frame["file"].astype(str))


def test_reopening_a_folder_extracts_nothing_again(window, qtbot, monkeypatch, tmp_path):
    folder = tmp_path / "news"
    shutil.copytree(SEEDS, folder)
    for path in folder.glob("*.txt"):  # content the cache has not seen (the seeds it has)
        path.write_text(path.read_text(encoding="utf-8") + f"\n{tmp_path.name}\n", encoding="utf-8")
    extracted: list[Path] = []
    real = corpus_module.extract_file
    monkeypatch.setattr(corpus_module, "extract_file", lambda path, *a, **k: extracted.append(path) or real(path, *a, **k))
    open_folder(window, qtbot, monkeypatch, folder)
    assert len(extracted) == len(list(folder.glob("*.txt")))
    events = window.extracted.copy()
    extracted.clear()
    open_folder(window, qtbot, monkeypatch, folder)
    assert extracted == []  # every file came from the cache
    assert list(window.extracted.index) == list(events.index)
    assert window.texts and all(window.texts.values())


def test_a_file_added_to_the_open_folder_is_extracted_and_appears(window, qtbot, monkeypatch, tmp_path):
    folder = tmp_path / "news"
    shutil.copytree(SEEDS, folder)
    open_folder(window, qtbot, monkeypatch, folder)
    qtbot.waitUntil(lambda: not window.watcher.is_looking())  # the folders are walked in the background
    assert str(folder) in window.watcher.watched()
    assert "added.txt" not in files_shown(window)
    with qtbot.waitSignal(window.corpus_loaded, timeout=60_000):
        (folder / "added.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    assert "added.txt" in files_shown(window)
    assert window.corpus.document("added.txt") is not None


def test_a_file_rewritten_with_its_size_and_time_kept_is_read_again(window, qtbot, monkeypatch, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    article = folder / "county.txt"
    article.write_text(NEW_ARTICLE, encoding="utf-8")
    open_folder(window, qtbot, monkeypatch, folder)
    qtbot.waitUntil(lambda: not window.watcher.is_looking())
    assert "茶叶" in window.corpus.document("county.txt").text
    before = article.stat()
    with qtbot.waitSignal(window.corpus_loaded, timeout=60_000):
        article.write_text(NEW_ARTICLE.replace("茶叶", "丝绸"), encoding="utf-8")  # as many bytes
        os.utime(article, ns=(before.st_atime_ns, before.st_mtime_ns))  # as cp -p leaves it
    assert (article.stat().st_size, article.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert "丝绸" in window.corpus.document("county.txt").text
    assert window.model.frame["title"].astype(str).str.contains("丝绸").any()


def test_a_watched_folder_that_is_deleted_is_listed_under_problems(window, qtbot, monkeypatch, tmp_path):
    folder = tmp_path / "news"
    shutil.copytree(SEEDS, folder)
    open_folder(window, qtbot, monkeypatch, folder)
    with qtbot.waitSignal(window.corpus_loaded, timeout=60_000):
        shutil.rmtree(folder)
    items = [window.problems_list.item(i).text() for i in range(window.problems_list.count())]
    assert any("news" in item and "不存在" in item for item in items), items
    assert window.model.rowCount() == 0
    QApplication.processEvents()
    assert window.isVisible()


def test_the_app_opens_an_event_store_directly(window, qtbot, monkeypatch, tmp_path, seeds_corpus):
    from desktop.core.store.parquet import write_store

    write_store(seeds_corpus, tmp_path / "store")
    open_folder(window, qtbot, monkeypatch, tmp_path / "store")
    assert list(window.extracted.index) == list(seeds_corpus.events.index)
    assert set(window.texts) == {d.name for d in seeds_corpus.documents}
    assert len(window.corpus.articles) == len(seeds_corpus.articles)


def test_a_broken_store_is_reported_and_the_app_goes_on(window, qtbot, monkeypatch, tmp_path, seeds_corpus):
    import pyarrow.parquet as pq

    from desktop.core.store.parquet import write_store

    write_store(seeds_corpus, tmp_path / "store")
    for part in (tmp_path / "store" / "events").rglob("*.parquet"):
        pq.write_table(pq.read_table(part).drop_columns(["start"]), part)
    before = window.model.rowCount()
    monkeypatch.setattr("desktop.gui.main_window.QFileDialog.getExistingDirectory",
                        lambda *a, **k: str(tmp_path / "store"))
    window.act_open_folder.trigger()
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=60_000)
    message = window.statusBar().currentMessage()
    assert "提取失败" in message and "column 'start' is missing" in message
    assert window.model.rowCount() == before  # the events shown before stay


def test_a_refresh_keeps_the_users_corrections_and_their_undo_history(window, qtbot, monkeypatch, tmp_path):
    folder = tmp_path / "news"
    shutil.copytree(SEEDS, folder)
    open_folder(window, qtbot, monkeypatch, folder)
    proxy = window.proxy.index(0, 1)
    qtbot.mouseClick(window.list_view.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.list_view.visualRect(proxy).center())
    event_id = str(window.model.frame["id"].iat[window.selected_rows()[0]])
    qtbot.keyClick(window, Qt.Key.Key_Delete)  # hide it: one correction on the undo stack
    assert window.controller.undo_stack.count() == 1
    with qtbot.waitSignal(window.corpus_loaded, timeout=60_000):
        (folder / "added.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    qtbot.waitUntil(lambda: "added.txt" in files_shown(window), timeout=60_000)
    assert window.controller.undo_stack.count() == 1  # Ctrl+Z still undoes the hide
    frame = window.model.frame.set_index(window.model.frame["id"].astype(str))
    assert bool(frame.loc[event_id, "hidden"])
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    frame = window.model.frame.set_index(window.model.frame["id"].astype(str))
    assert not bool(frame.loc[event_id, "hidden"])


def test_the_list_is_fitted_to_the_first_events_that_stream_in(qtbot, tmp_path, monkeypatch):
    folder = tmp_path / "fresh"
    shutil.copytree(SEEDS, folder)
    for path in folder.glob("*.txt"):  # content no cache has seen: the events stream in
        path.write_text(path.read_text(encoding="utf-8") + f"\n（{tmp_path.name}）\n", encoding="utf-8")
    window = MainWindow([SEEDS], restore=False)
    qtbot.addWidget(window)
    window.resize(1500, 950)
    window.show()
    qtbot.waitUntil(lambda: window.corpus is not None and not window.is_loading(), timeout=120_000)
    window.list_view.setColumnWidth(1, 40)  # as narrow as an empty list's
    monkeypatch.setattr("desktop.gui.main_window.QFileDialog.getExistingDirectory", lambda *a, **k: str(folder))
    with qtbot.waitSignal(window.partial_loaded, timeout=120_000):
        window.act_open_folder.trigger()
    assert window.list_view.columnWidth(1) > 120  # the title column, fitted while the load goes on


def _replicated_store(seeds_corpus, folder: Path, events: int) -> int:
    """The seeds' merged events copied with their dates moved a week a copy (ids and clusters
    made unique), written as an event store: a big corpus without extracting one."""
    import pandas as pd

    from desktop.core.events.corpus import Corpus
    from desktop.core.project import clustered
    from desktop.core.store.parquet import write_store

    frame, _ = clustered(seeds_corpus.events, [], {})
    frame = frame.drop(columns=["cluster_size"])
    copies = []
    for k in range(-(-events // len(frame))):
        copy = frame.copy()
        for column in ("start", "end", "published"):
            copy[column] = copy[column] + pd.Timedelta(weeks=k)
        for column in ("id", "cluster_id"):
            copy[column] = (copy[column].astype(str) + f"~{k}").astype("string")
        copies.append(copy)
    big = pd.concat(copies, ignore_index=True).iloc[:events]
    big.index = pd.Index(big["id"], name="event")
    corpus = Corpus(seeds_corpus.documents, seeds_corpus.articles, big, seeds_corpus.problems)
    return write_store(corpus, folder)


def test_select_all_in_a_big_store_asks_the_list_about_the_rows_it_shows_only(qtbot, monkeypatch, tmp_path,
                                                                              seeds_corpus):
    """Ctrl+A over 20,000 events, then the list repaints: Qt's header asked every row's flags
    per section to know whether a whole column was selected, 2 s a section at 100,000 events.
    Now the cost of a paint follows the rows on screen."""
    from desktop.gui.models import EventListModel

    written = _replicated_store(seeds_corpus, tmp_path / "store", 20_000)
    calls: list[int] = []
    for name in ("flags", "data", "mapToSource"):
        real = getattr(EventListModel, name)
        monkeypatch.setattr(EventListModel, name,
                            lambda self, *args, real=real: calls.append(1) or real(self, *args))
    window = MainWindow([tmp_path / "store"], restore=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.corpus is not None and not window.is_loading(), timeout=120_000)
    shown = window.proxy.rowCount()
    assert shown > 10_000  # items after the seeds' own merges, of the `written` events
    assert written == 20_000
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(window.selected_rows()) == shown
    assert len(selected_rows(window.list_view.selectionModel())) == shown  # the list shows it too
    calls.clear()
    window.list_view.horizontalHeader().repaint()
    window.list_view.viewport().repaint()
    assert 0 < len(calls) < 5_000
    window.close()


def test_selections_map_between_the_table_and_a_sorted_filtered_list(qtbot, seeds_corpus):
    import numpy as np

    from desktop.gui.models import EventListModel, EventTableModel, row_selection

    table = EventTableModel(seeds_corpus.events)
    listed = EventListModel()
    listed.setSourceModel(table)
    n = table.rowCount()
    shown = np.arange(n) % 3 != 0
    listed.set_shown(shown)
    listed.sort(1, Qt.SortOrder.DescendingOrder)
    chosen = [n - 1, 0, 2, 2, 5, n + 7, -1]  # any order, repeats, rows the table lacks
    selection = row_selection(table, chosen)
    assert sorted({r for rng in selection for r in range(rng.top(), rng.bottom() + 1)}) == sorted(
        r for r in set(chosen) if 0 <= r < n)
    assert all(rng.left() == 0 and rng.right() == table.columnCount() - 1 for rng in selection)
    mapped = listed.mapSelectionFromSource(selection)
    rows_in_list = {r for rng in mapped for r in range(rng.top(), rng.bottom() + 1)}
    order = listed.source_rows()
    assert {int(order[r]) for r in rows_in_list} == {r for r in set(chosen) if 0 <= r < n and shown[r]}
    back = listed.mapSelectionToSource(mapped)
    assert {r for rng in back for r in range(rng.top(), rng.bottom() + 1)} == {int(order[r]) for r in rows_in_list}


def test_a_big_tables_timeline_is_indexed_off_the_gui_thread_and_rebuilt_when_the_filters_moved_on(
        qtbot, monkeypatch, tmp_path, seeds_corpus):
    """Indexing a million events took half a second on the GUI thread when the table was
    shown, sorting the list a tenth; the background step that prepares the table does both for
    the lanes, filters and sort of the time. A filter chosen meanwhile gets an index of its own
    (the view builds it), a column clicked its own order."""
    import threading

    from desktop.gui import models, timeline_view, window_corrections

    _replicated_store(seeds_corpus, tmp_path / "store", 20_000)
    built: list[tuple[bool, int, object]] = []  # (on the GUI thread, events, index)
    for module in (timeline_view, window_corrections):
        real = module.build_index
        monkeypatch.setattr(module, "build_index", lambda frame, *a, real=real, **k: built.append(
            (threading.current_thread() is threading.main_thread(), len(frame), index := real(frame, *a, **k)))
            or index)
    ordered: list[tuple[bool, int]] = []  # (on the GUI thread, rows)
    for module in (models, window_corrections):
        real = module.rows_in_order
        monkeypatch.setattr(module, "rows_in_order", lambda frame, *a, real=real: ordered.append(
            (threading.current_thread() is threading.main_thread(), len(frame))) or real(frame, *a))
    counted: list[tuple[bool, int]] = []  # (on the GUI thread, rows) of the place box's counts
    from desktop.gui import main_window
    for module in (main_window, window_corrections):
        real = module.place_counts
        monkeypatch.setattr(module, "place_counts", lambda places, real=real: counted.append(
            (threading.current_thread() is threading.main_thread(), len(places))) or real(places))
    window = MainWindow([tmp_path / "store"], restore=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.corpus is not None and not window.is_loading(), timeout=120_000)
    items = len(window.model.frame)
    assert items > 10_000
    assert counted == [(False, items)]  # the place box's counts: in the background, once
    from desktop.core.events.filters import place_counts
    counts = place_counts(window.model.frame["places"])
    top = min(counts, key=lambda place: (-counts[place], place))
    assert window.place_box.count() > 1 and top in window.place_box.itemText(1)
    on_gui = [events for gui, events, _ in built if gui and events == items]
    assert on_gui == []  # the shown table was never indexed on the GUI thread
    assert any(index is window.timeline.index for gui, _, index in built if not gui)
    assert window.timeline.index.lanes and window.timeline.index.size == items
    assert (False, items) in ordered and (True, items) not in ordered  # sorted in the background only
    first_rows = window.proxy.source_rows()[:50].tolist()
    assert first_rows == models.rows_in_order(window.model.frame, *window.proxy.sort_state())[:50].tolist()
    header = window.list_view.horizontalHeader()
    title_column = [name for name, _ in window.model.COLUMNS].index("title")
    point = QPoint(header.sectionViewportPosition(title_column) + 5, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert (True, items) in ordered and window.proxy.sort_state()[0] == title_column
    # a filter the background step did not know: the view indexes the table itself
    built.clear()
    categories = window.model.frame["category"].astype(str)
    chosen = categories.value_counts().index[-1]  # the rarest: every other event leaves the view
    window.category_actions[chosen].trigger()
    qtbot.waitUntil(lambda: any(gui and events == items for gui, events, _ in built))
    assert window.timeline.index.hidden.sum() > 0
    window.close()


def test_counts_in_the_window_are_written_with_the_locales_digit_grouping(window, qtbot, monkeypatch, tmp_path,
                                                                          seeds_corpus):
    import dataclasses

    import pandas as pd

    from desktop.core.store.parquet import write_store
    from desktop.gui.translations import install_qt_translations

    install_qt_translations(QApplication.instance())  # as the app starts: its language's locale
    copies = []
    for copy in range(30):  # 1,200 events: the seeds' 40, thirty times over
        part = seeds_corpus.events.copy()
        part["id"] = part["id"].astype(str) + f"-{copy}"
        copies.append(part)
    events = pd.concat(copies)
    events.index = pd.Index(events["id"], name=seeds_corpus.events.index.name)
    write_store(dataclasses.replace(seeds_corpus, events=events), tmp_path / "store")
    open_folder(window, qtbot, monkeypatch, tmp_path / "store")
    assert "1,200" in window.statusBar().currentMessage()  # not 1200


def test_a_copy_of_a_file_is_reported_as_skipped_not_as_unreadable(window, qtbot, monkeypatch, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    text = "某地新闻\n来源：某某日报  2024-05-06 10:00\n\n5月5日，某县茶叶交易中心开业。\n"
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "a_copy.txt").write_text(text, encoding="utf-8")
    (folder / "broken.txt").write_bytes(bytes(range(32)) * 64)  # control characters: not a text
    open_folder(window, qtbot, monkeypatch, folder)
    status = window.statusBar().currentMessage()
    assert "1 个文件未能读取" in status and "1 个重复文件已跳过" in status, status
    items = [window.problems_list.item(i).text() for i in range(window.problems_list.count())]
    copy = next(item for item in items if item.startswith("a_copy.txt"))
    assert "未能读取" not in copy and "已跳过" in copy
    assert any(item.startswith("broken.txt") and "未能读取" in item for item in items), items
