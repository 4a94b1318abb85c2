"""Run in a subprocess by ``test_languages``: start the app as a user whose chosen language is
``zh`` or ``en``, open a corpus (with one unreadable file, so the Problems pane has a line),
select events, open every menu, the context menus, the dialogs and a tooltip, export a PDF
brief, and record every string the user can see: widget texts, tooltips, placeholders, items,
headers, window and dock titles, status messages and every string painted (the timeline, the
PDF). Prints a JSON object last: ``{"strings": [[where, text], ...], "data": [...]}`` where
``data`` holds the corpus's own strings (titles, sentences, places …), which are in the
articles' language whatever the interface's.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, QModelIndex, QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QHelpEvent, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QTabBar,
    QTableView,
    QToolTip,
    QWidget,
)

from desktop.gui.app import APPLICATION, ORGANIZATION

seen: list[tuple[str, str]] = []


def note(where: str, text: object) -> None:
    if isinstance(text, str) and text.strip():
        seen.append((where, text))


def record_painting() -> None:
    """Every string painted from Python (the timeline, the overview, the PDF) is recorded."""
    original = QPainter.drawText

    def draw_text(self, *args):  # noqa: ANN001, ANN002
        for value in args:
            note("painted", value)
        return original(self, *args)

    QPainter.drawText = draw_text
    show = QToolTip.showText

    def show_text(*args, **kwargs):  # noqa: ANN002, ANN003
        for value in args:
            note("tooltip shown", value)
        return show(*args, **kwargs)

    QToolTip.showText = show_text


def walk_menu(menu: QMenu, where: str) -> None:
    menu.aboutToShow.emit()  # menus filled when opened (最近打开)
    note(where, menu.title())
    for action in menu.actions():
        note(where, action.text())
        note(where + " tooltip", action.toolTip() if action.toolTip() != action.text().replace("&", "") else "")
        note(where + " status tip", action.statusTip())
        if action.menu() is not None:
            walk_menu(action.menu(), where + " > " + action.text())


def walk_widgets(root: QWidget, where: str) -> None:
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        name = f"{where} {type(widget).__name__}"
        note(name + " tooltip", widget.toolTip())
        note(name + " title", widget.windowTitle() if widget.isWindow() else "")
        if isinstance(widget, (QLabel, QAbstractButton)):
            note(name, widget.text())
        if isinstance(widget, QLineEdit):
            note(name + " placeholder", widget.placeholderText())
            note(name, widget.text())
        if isinstance(widget, QComboBox):
            for index in range(widget.count()):
                note(name + " item", widget.itemText(index))
        if isinstance(widget, QListWidget):
            for index in range(widget.count()):
                note(name + " item", widget.item(index).text())
        if isinstance(widget, QGroupBox):
            note(name, widget.title())
        if isinstance(widget, QDockWidget):
            note(name, widget.windowTitle())
        if isinstance(widget, QTabBar):
            for index in range(widget.count()):
                note(name + " tab", widget.tabText(index))
                note(name + " tab tooltip", widget.tabToolTip(index))
        if isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            columns = model.columnCount(QModelIndex())
            for column in range(columns):
                note(name + " header", model.headerData(column, Qt.Orientation.Horizontal))
            for row in range(min(model.rowCount(QModelIndex()), 50)):
                for column in range(columns):
                    note(name + " cell", model.data(model.index(row, column)))


def in_modal(action, where: str) -> None:  # noqa: ANN001
    """Run ``action``, which opens a modal dialog: record the dialog's strings and close it."""

    def inspect() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, inspect)
            return
        walk_widgets(dialog, where)
        dialog.close()

    QTimer.singleShot(0, inspect)
    action()


def close_popup(where: str) -> None:
    popup = QApplication.activePopupWidget()
    if isinstance(popup, QMenu):
        walk_menu(popup, where)
    if popup is not None:
        popup.close()


def wait_loaded(window) -> None:  # noqa: ANN001
    if window.corpus is not None and not window.is_loading():
        return
    loop = QEventLoop()
    window.corpus_loaded.connect(lambda *_: loop.quit())
    QTimer.singleShot(120_000, loop.quit)
    loop.exec()


def data_strings(window) -> list[str]:  # noqa: ANN001
    frame = window.model.frame
    found: set[str] = set()
    for column in ("title", "sentence", "article_title", "outlet", "date_text", "file", "folder"):
        if column in frame:
            found.update(str(v) for v in frame[column].dropna())
    for column in ("places", "orgs", "keyterms"):
        for values in frame[column]:
            found.update(str(v) for v in values)
    for amounts in frame["amounts"]:
        found.update(str(a.get("text", "")) for a in amounts if isinstance(a, dict))
    box = window.place_box  # places and the places holding them (the gazetteer's names)
    found.update(str(box.itemData(i)) for i in range(box.count()) if box.itemData(i))
    for document in window.corpus.documents:
        found.add(document.name)
    found.update(str(v) for v in frame["id"])
    for path in window.paths or []:  # the corpus's files, the unreadable ones too
        found.update(p.name for p in Path(path).rglob("*"))
    found.update(str(p) for p in window.paths or [])
    found.update(p.name for p in window.paths or [])
    return sorted(found - {""}, key=len, reverse=True)


def main(lang: str, corpus: str, pdf: str) -> int:
    app = QApplication([sys.argv[0]])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    QSettings().setValue("ui/language", lang)  # as the View menu leaves it
    record_painting()
    from desktop.gui.app import create_app

    _, window = create_app([corpus])
    window.resize(1400, 900)
    wait_loaded(window)
    QTest.qWaitForWindowExposed(window)
    app.processEvents()
    view = window.timeline
    window.select_rows([0])
    app.processEvents()
    view.repaint()
    note("window title", window.windowTitle())
    note("status bar", window.statusBar().currentMessage())
    walk_widgets(window, "window")
    for action in window.menuBar().actions():
        walk_menu(action.menu(), action.text())
    # the detail pane of several events, the only-this-lane chip, the lane modes' labels
    window.select_rows(list(range(min(4, window.model.rowCount()))))
    app.processEvents()
    walk_widgets(window.detail, "detail (several)")
    for mode in ("category", "place", "source", "single", "article"):
        window.set_lane_mode(mode)
        view.repaint()
    # a tooltip over the first drawn event, the context menu of a lane, a badge's list
    items = [(item, rect) for item, rect, _ in view.drawn_items()]
    for _item, rect in items[:1]:
        centre = rect.center().toPoint()
        QApplication.sendEvent(view, QHelpEvent(QEvent.Type.ToolTip, centre, view.mapToGlobal(centre)))
    where = QPoint(20, 60)
    QApplication.sendEvent(view, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where, view.mapToGlobal(where)))
    close_popup("lane menu")
    badges = [(item, rect) for item, rect in items if item.kind != "event"]
    if badges:
        view.open_badge(badges[0][0], view.mapToGlobal(badges[0][1].center().toPoint()))
        close_popup("badge menu")
    window.set_lane_filter(("category", str(window.model.frame["category"].iat[0]), "x"))
    walk_widgets(window.statusBar(), "status bar")
    window.clear_filters()
    # the search box saying what is wrong with a query
    window.search.setText('"unclosed')
    window.apply_filters()
    note("search error", window.search_error.text())
    window.search.clear()
    # dialogs
    window.select_rows([0])
    in_modal(window.act_edit.trigger, "edit dialog")
    in_modal(window.detail.published_button.click, "publication date dialog")
    in_modal(window._show_keys, "keys dialog")
    in_modal(window.act_open_files.trigger, "file dialog")
    in_modal(window.act_open_folder.trigger, "folder dialog")
    in_modal(lambda: window.choose_language("zh" if lang == "en" else "en"), "language question")
    QSettings().setValue("ui/language", lang)
    # the PDF brief of the first events, painted as the window paints it
    from desktop.gui.pdf_export import export_pdf

    frame = window.model.frame
    export_pdf(frame, [str(i) for i in frame["id"].iloc[:6]], Path(pdf), corpus_name=window.corpus_name())
    result = {"strings": seen, "data": data_strings(window)}
    window.close()
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
