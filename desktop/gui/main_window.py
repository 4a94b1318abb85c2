"""The main window: timeline beside the detail pane and the source text; event list and problems as docks.

One :class:`EventTableModel` holds the events DataFrame; one ``QItemSelectionModel`` on it
is shared by the timeline, the list (through its proxy), the detail pane, the source view
and the export. Filters compute masks over the frame; no view keeps its own copy.
"""

from __future__ import annotations

import re
import sys
import weakref
from datetime import date
from pathlib import Path

import numpy as np
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QDate,
    QItemSelectionModel,
    QProcess,
    QSettings,
    QSignalBlocker,
    QSize,
    QStandardPaths,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QToolBar,
    QToolButton,
    QWidget,
)

from desktop.core import collector
from desktop.core.events.categories import categories, category_name
from desktop.core.events.corpus import SEEDS_DIR, Corpus
from desktop.core.events.filters import EventFilter, filtered_rows, place_counts
from desktop.core.language import enumerate_names, language, parenthesized
from desktop.core.project import (
    default_project_path,
)
from desktop.core.text.search import parse_query
from desktop.gui.corrections import ProjectController, data_dir
from desktop.gui.date_fields import date_edit
from desktop.gui.detail_pane import DetailPane
from desktop.gui.event_list_view import EventListView
from desktop.gui.folder_watch import FolderWatcher
from desktop.gui.fonts import install_application_font
from desktop.gui.guard import guard_overrides
from desktop.gui.models import EventListModel, EventTableModel, row_selection, selected_rows
from desktop.gui.ops import run_op
from desktop.gui.source_view import SourceView
from desktop.gui.timeline_panel import TimelinePanel
from desktop.gui.timeline_view import TimelineView
from desktop.gui.translations import LANGUAGE_NAMES, save_language
from desktop.gui.window_corrections import CorrectionsMixin
from desktop.gui.window_exports import WindowExports, unhidden_ids
from desktop.gui.worker import ExtractionJob

MAX_RECENT = 8
DEFAULT_LANE_MODE = "auto"
_ACCESS_KEY = re.compile(r"\(&\w\)|&(?=\w)")  # "打开文件(&O)" / "&Open": the access-key mark
#: The names of the lane modes of :data:`desktop.core.vocab.LANE_MODES`, in menu order.
#: Marked for lupdate in the MainWindow context; the window translates them where it shows them.
LANE_MODE_NAMES = {
    "auto": QT_TRANSLATE_NOOP("MainWindow", "自动分泳道"),
    "article": QT_TRANSLATE_NOOP("MainWindow", "按文章分泳道"),
    "source": QT_TRANSLATE_NOOP("MainWindow", "按来源分泳道"),
    "category": QT_TRANSLATE_NOOP("MainWindow", "按类别分泳道"),
    "place": QT_TRANSLATE_NOOP("MainWindow", "按地点分泳道"),
    "single": QT_TRANSLATE_NOOP("MainWindow", "单一泳道"),
}


def settings_list(value: object) -> list[str]:
    """A list stored in QSettings as it comes back: an INI file returns a one-item list as a
    plain string, an empty one as None."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value if v]


@guard_overrides
class MainWindow(CorrectionsMixin, QMainWindow):
    corpus_loaded = Signal(object)  # the Corpus, once its first (corrected, merged) table is shown
    partial_loaded = Signal(int)
    pdf_exported = Signal(str)  # the path of a PDF brief just written
    corrections_applied = Signal()  # the table shows the project's corrections

    def __init__(self, paths: list[Path] | None = None, restore: bool = True) -> None:
        super().__init__()
        install_application_font(QApplication.instance())
        collector.install()  # a big corpus must not make every full collection a stall
        self.setWindowTitle(self.tr("新闻时间线"))
        self.setAcceptDrops(True)
        self.corpus: Corpus | None = None
        self.paths: list[Path] | None = None
        self._job: ExtractionJob | None = None
        self._pending_range: tuple[float, float] | None = None
        self._filter = EventFilter()
        self._summary = ""  # what the status bar says of the loaded corpus
        self._summary_prefix = ""  # a note for the next summary (a saved folder that is gone)
        self._lane_filter: tuple[str, str, str] | None = None  # "only this lane": mode, key, label
        self.watcher = FolderWatcher(self)  # files added to an open folder are read and appear
        self.watcher.changed.connect(self.refresh)

        self.model = EventTableModel(parent=self)
        self.selection = QItemSelectionModel(self.model, self)
        self.timeline = TimelineView(self.model, self.selection)
        self.timeline_panel = TimelinePanel(self.timeline)
        self.detail = DetailPane(self.model, self.selection)
        self.source = SourceView(self.model, self.selection)
        self.detail.show_in_source.connect(self._show_in_source)
        self.source.term_clicked.connect(self._filter_by_term)
        self.timeline.lane_filter_requested.connect(lambda mode, key, label: self.set_lane_filter((mode, key, label)))
        self.extracted = None  # the engine's events; the model shows them with corrections applied
        self.texts: dict[str, str] = {}
        self.applied = None
        self.controller = ProjectController(self)
        self.controller.corrections_changed.connect(self.reapply_corrections)
        self.controller.saved.connect(lambda _: self.statusBar().showMessage(self.tr("修改已保存"), 3000))
        self.controller.save_failed.connect(
            lambda message: self.statusBar().showMessage(self.tr("未能保存修改：%s") % message))
        self.detail.edit_requested.connect(self.edit_event)
        self.detail.hide_requested.connect(self.hide_event)
        self.detail.unhide_requested.connect(self.unhide_event)
        self.detail.published_edit_requested.connect(self.edit_published)
        self.detail.split_requested.connect(lambda row: self.split_items([row]))
        self.detail.source_requested.connect(self.source.show_source)
        self.detail.source_split_requested.connect(self.split_source)
        self.source.new_event_requested.connect(self.new_event_from_text)

        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(self.detail)
        self.right.addWidget(self.source)
        self.right.setSizes([300, 500])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.timeline_panel)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1000, 420])
        self.setCentralWidget(self.splitter)

        self._build_list_dock()
        self._build_problems_dock()
        self._build_actions()
        self._build_toolbar()
        self._build_menus()
        self._build_status_bar()
        self._set_tab_order()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(120)
        self._search_timer.timeout.connect(self.apply_filters)
        self.timeline.range_changed.connect(lambda *_: self._update_zoom_label())
        self._user_navigated = False
        self.timeline.user_navigated.connect(self._mark_navigated)
        self.timeline_panel.overview.moved.connect(self._mark_navigated)
        self.timeline_panel.hbar.actionTriggered.connect(self._mark_navigated)
        for action in (self.act_zoom_in, self.act_zoom_out, self.act_fit, self.act_zoom_selection):
            action.triggered.connect(self._mark_navigated)

        if not (restore and self._restore_settings()):
            self._first_size()
        missing: list[Path] = []
        if paths is None and restore:
            saved = [Path(p) for p in settings_list(QSettings().value("corpus/paths"))]
            paths = [p for p in saved if p.exists()] or None
            missing = [p for p in saved if not p.exists()]
        self.open_paths(paths)
        if missing:
            self._summary_prefix = self.tr("上次打开的 %s 已不存在；") % enumerate_names(p.name for p in missing)

    # ------------------------------------------------------------------ building

    def _build_list_dock(self) -> None:
        self.proxy = EventListModel(self)
        self.proxy.setSourceModel(self.model)
        self.list_view = EventListView()
        self.list_view.setModel(self.proxy)
        self.list_view.setSortingEnabled(True)
        self.list_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list_view.verticalHeader().setVisible(False)
        self.list_view.setAlternatingRowColors(True)
        header = self.list_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)  # the room left goes to the event's title (_table_ready)
        # The header paints a section "selected" when every row of its column is, which Qt finds
        # out by asking each row's flags, for each section, on each paint: 2 s a section once
        # 100,000 events are selected. A whole-row list has no selected columns to show, so the
        # header is given a selection of its own that stays empty.
        header.setSelectionModel(QItemSelectionModel(self.proxy, header))
        self.list_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)  # merge, split (below)
        self.list_view.selectionModel().selectionChanged.connect(self._list_selection_changed)
        self.list_view.selectionModel().currentChanged.connect(self._list_current_changed)
        self.selection.selectionChanged.connect(self._shared_selection_changed)
        self.selection.currentChanged.connect(self._shared_current_changed)
        self.list_dock = QDockWidget(self.tr("事件列表"), self)
        self.list_dock.setObjectName("events-dock")
        self.list_dock.setWidget(self.list_view)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.list_dock)
        self._syncing = False

    def _build_problems_dock(self) -> None:
        self.problems_list = QListWidget()
        self.problems_dock = QDockWidget(self.tr("问题"), self)
        self.problems_dock.setObjectName("problems-dock")
        self.problems_dock.setWidget(self.problems_list)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        self.tabifyDockWidget(self.list_dock, self.problems_dock)
        self.list_dock.raise_()

    def _action(self, text: str, slot, shortcut: QKeySequence | str | None = None, tip: str = "") -> QAction:  # noqa: ANN001
        """An action (``text`` and ``tip`` already translated) whose menu text carries its access key (``打开文件(&O)…``); toolbar
        buttons show the text without it. ``slot`` is called with no argument: Qt's
        ``triggered(checked)`` flag is never mistaken for a parameter of the slot."""
        action = QAction(text, self)
        action.setIconText(_ACCESS_KEY.sub("", action.text()).replace("…", ""))
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
        return action

    def _build_actions(self) -> None:
        self.act_open_files = self._action(self.tr("打开文件(&O)…"), self.choose_files, QKeySequence.StandardKey.Open)
        self.act_open_folder = self._action(self.tr("打开文件夹(&D)…"), self.choose_folder, "Ctrl+Shift+O")
        self.act_export = self._action(self.tr("导出所选事件为 PDF(&E)…"), self.export_selection, "Ctrl+E", self.tr("导出所选事件为 PDF 简报"))
        self.act_open_project = self._action(self.tr("打开项目文件(&P)…"), self.choose_project)
        self.act_save_project_as = self._action(self.tr("项目另存为(&A)…"), self.save_project_as, QKeySequence.StandardKey.SaveAs)
        self.act_quit = self._action(self.tr("退出(&Q)"), self.close, "Ctrl+Q")  # StandardKey.Quit is unbound on some desktops
        self.act_find = self._action(self.tr("搜索(&F)"), self.focus_search, QKeySequence.StandardKey.Find,
                                     self.tr("在事件中搜索；焦点在原文中时，在原文中查找"))
        self.act_zoom_in = self._action(self.tr("放大(&I)"), self.timeline.zoom_in, QKeySequence.StandardKey.ZoomIn)
        self.act_zoom_out = self._action(self.tr("缩小(&O)"), self.timeline.zoom_out, QKeySequence.StandardKey.ZoomOut)
        self.act_fit = self._action(self.tr("显示全部(&A)"), self.timeline.zoom_fit, "Ctrl+0")
        self.act_zoom_selection = self._action(self.tr("缩放到所选(&S)"), self.timeline.zoom_to_selection, "Ctrl+Shift+F")
        self.act_undo = self.controller.undo_stack.createUndoAction(self, self.tr("撤销(&U)"))
        self.act_undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.act_redo = self.controller.undo_stack.createRedoAction(self, self.tr("重做(&R)"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence.StandardKey.Redo])
        self.act_edit = self._action(self.tr("修改所选事件(&M)…"), lambda: self._on_current(self.edit_event), "F2")
        self.act_hide = self._action(self.tr("隐藏/恢复所选事件(&H)"), lambda: self._on_current(self._toggle_hidden), "Delete")
        self.act_new = self._action(self.tr("以所选文字新建事件(&N)…"), self.source.request_new_event, "Ctrl+N")
        # one happening across articles (window_corrections.py)
        self.act_merge = self._action(self.tr("合并所选事件(&G)"), self.merge_selected, "Ctrl+G",
                                      self.tr("所选事件报道的是同一件事：合为一项，列出各个来源"))
        self.act_split = self._action(self.tr("拆分合并的事件(&T)"), self.split_selected, "Ctrl+Shift+G",
                                      self.tr("合并有误：拆成各个来源各自的事件"))
        self.act_auto_merge = QAction(self.tr("自动合并各家报道的同一事件(&A)"), self, checkable=True, checked=True)
        self.act_auto_merge.setToolTip(self.tr("关闭时每篇文章的事件各为一项，只有手动合并的事件合为一项"))
        self.act_auto_merge.toggled.connect(self.set_merging)
        self.selection.selectionChanged.connect(lambda *_: self._update_merge_actions())
        self.selection.currentChanged.connect(lambda *_: self._update_merge_actions())
        self.model.modelReset.connect(self._update_merge_actions)
        self.act_show_hidden = QAction(self.tr("显示已隐藏的事件(&D)"), self, checkable=True, checked=False)
        self.act_show_hidden.toggled.connect(lambda _: self.apply_filters())
        self.act_terms = QAction(self.tr("高亮关键词(&K)"), self, checkable=True, checked=True)
        self.act_terms.toggled.connect(self.source.terms_toggle.setChecked)
        self.source.terms_toggle.toggled.connect(self.act_terms.setChecked)
        self.lane_group = QActionGroup(self)
        self.lane_actions: dict[str, QAction] = {}
        for number, (mode, name) in enumerate(LANE_MODE_NAMES.items(), start=1):
            action = QAction(self.tr(name) + f"(&{number})", self, checkable=True)
            action.triggered.connect(lambda _=False, m=mode: self.set_lane_mode(m))
            self.lane_group.addAction(action)
            self.lane_actions[mode] = action
        self.lane_actions[DEFAULT_LANE_MODE].setChecked(True)

        for action in (self.act_merge, self.act_split):  # the list's and the timeline's context menus
            self.list_view.addAction(action)
            self.timeline.event_actions.append(action)
        self._update_merge_actions()

    def _update_merge_actions(self) -> None:
        rows = self.selected_rows()
        self.act_merge.setEnabled(len(rows) >= 2)
        current = self.selection.currentIndex()
        candidates = rows or ([current.row()] if current.isValid() else [])
        frame = self.model.frame
        sizes = frame["cluster_size"].to_numpy(dtype=np.int64) if "cluster_size" in frame else None
        # one array lookup, not a cell per selected row (3.4 s with 100,000 selected)
        self.act_split.setEnabled(sizes is not None and bool(
            (sizes[np.asarray([r for r in candidates if 0 <= r < len(sizes)], dtype=np.int64)] > 1).any()))

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("工具栏"), self)
        bar.setObjectName("main-toolbar")
        bar.setMovable(False)
        self.addToolBar(bar)
        bar.addAction(self.act_open_files)
        bar.addAction(self.act_open_folder)
        bar.addSeparator()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索：词 词、A OR B、-词、\"短语\"、地点:天津、2023年"))
        self.search.setToolTip(self.tr(
            "在标题、原句、关键词、地点、机构和文章标题中搜索（繁简、全角半角、大小写都算同一字）。\n"
            "天津 签约　两个词都要有\n天津 OR 河北　有其一即可\n-招商　不含这个词\n"
            "\"产业园 揭牌\"　整个短语\n地点:天津（place:）　事件地点，含其下辖区县\n"
            "类别:签约（category:）　来源:人民日报（source:）\n"
            "2023年、2020-2022、2024年3月　与这段时间重叠的事件"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(180)
        self.search.setMaximumWidth(320)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        bar.addWidget(self.search)
        self.search_error = QLabel()
        self.search_error.setStyleSheet("color:#C62828; padding:0 4px")
        self.search_error.setTextFormat(Qt.TextFormat.PlainText)
        self.search_error_action = bar.addWidget(self.search_error)
        self.search_error_action.setVisible(False)
        self.category_button = QToolButton()
        self.category_button.setText(self.tr("类别"))
        self.category_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # room for the menu's arrow: the style draws it over the label's last letter otherwise
        room = self.category_button.fontMetrics().height()
        self.category_button.setStyleSheet(f"QToolButton {{ padding-right: {room}px; }}")
        self.category_menu = QMenu(self)
        self.category_actions: dict[str, QAction] = {}
        for name in categories():
            action = self.category_menu.addAction(category_name(name))
            action.setCheckable(True)
            action.toggled.connect(lambda _=False: self.apply_filters())
            self.category_actions[name] = action
        self.category_button.setMenu(self.category_menu)
        bar.addWidget(self.category_button)
        self.place_box = QComboBox()
        self.place_box.setMinimumWidth(120)
        self.place_box.addItem(self.tr("全部地点"), "")
        self.place_box.currentIndexChanged.connect(lambda _: self.apply_filters())
        bar.addWidget(self.place_box)
        self.date_check = QCheckBox(self.tr("日期"))
        self.date_check.setToolTip(self.tr("只看与这段时间重叠的事件（修改日期即开启）"))
        self.date_from = date_edit()
        self.date_to = date_edit()
        for edit in (self.date_from, self.date_to):
            edit.setKeyboardTracking(False)  # typed digits count once the field is finished
            edit.dateChanged.connect(self._on_date_edited)
        self._reset_date_range()
        self.date_check.toggled.connect(lambda _: self.apply_filters())
        bar.addWidget(self.date_check)
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel("—"))
        bar.addWidget(self.date_to)
        clear = QPushButton(self.tr("清除筛选"))
        clear.clicked.connect(self.clear_filters)
        bar.addWidget(clear)
        bar.addSeparator()
        bar.addAction(self.act_zoom_in)
        bar.addAction(self.act_zoom_out)
        bar.addAction(self.act_fit)
        self.lane_box = QComboBox()
        for mode, name in LANE_MODE_NAMES.items():
            self.lane_box.addItem(self.tr(name), mode)
        self.lane_box.currentIndexChanged.connect(lambda i: self.set_lane_mode(self.lane_box.itemData(i)))
        bar.addWidget(self.lane_box)
        self.zoom_label = QLabel()
        self.zoom_label.setStyleSheet("color:#5F6368; padding:0 6px")
        bar.addWidget(self.zoom_label)
        spacer = QWidget()
        spacer.setSizePolicy(spacer.sizePolicy().horizontalPolicy().Expanding, spacer.sizePolicy().verticalPolicy())
        bar.addWidget(spacer)
        bar.addAction(self.act_export)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        file_menu.addAction(self.act_open_files)
        file_menu.addAction(self.act_open_folder)
        self.recent_menu = file_menu.addMenu(self.tr("最近打开(&R)"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.act_open_project)
        file_menu.addAction(self.act_save_project_as)
        file_menu.addSeparator()
        file_menu.addAction(self.act_export)
        self._build_export_menu(file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit = self.edit_menu = self.menuBar().addMenu(self.tr("编辑(&E)"))
        for action in (self.act_undo, self.act_redo):
            edit.addAction(action)
        edit.addSeparator()
        for action in (self.act_edit, self.act_hide, self.act_new):
            edit.addAction(action)
        edit.addSeparator()
        edit.addAction(self.act_merge)
        edit.addAction(self.act_split)
        edit.addAction(self.act_auto_merge)
        edit.addSeparator()
        edit.addAction(self.act_find)
        view = self.menuBar().addMenu(self.tr("视图(&V)"))
        for action in (self.act_zoom_in, self.act_zoom_out, self.act_fit, self.act_zoom_selection):
            view.addAction(action)
        view.addSeparator()
        for mode in LANE_MODE_NAMES:
            view.addAction(self.lane_actions[mode])
        view.addSeparator()
        view.addAction(self.act_terms)
        view.addAction(self.act_show_hidden)
        view.addAction(self.list_dock.toggleViewAction())
        view.addAction(self.problems_dock.toggleViewAction())
        view.addSeparator()
        self.language_menu = view.addMenu(self.tr("界面语言(&L)"))
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for lang, name in LANGUAGE_NAMES.items():
            action = self.language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(lang == language())
            action.triggered.connect(lambda _=False, chosen=lang: self.choose_language(chosen))
            self.language_group.addAction(action)
            self.language_actions[lang] = action
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self._action(self.tr("快捷键(&K)"), self._show_keys, QKeySequence.StandardKey.HelpContents))
        self.file_menu = file_menu
        # F10 opens the menu bar (Alt+letter opens one menu through its access key)
        menu_key = QShortcut(QKeySequence(Qt.Key.Key_F10), self)
        menu_key.activated.connect(lambda: self.menuBar().setActiveAction(file_menu.menuAction()))

    def _build_export_menu(self, file_menu: QMenu) -> None:
        """File → 导出 ▸ CSV, Excel, JSON, TimelineJS, iCalendar, PNG and SVG (window_exports.py)."""
        self.exports = WindowExports(self)
        self.export_menu = self.exports.build_menu(file_menu)

    def _set_tab_order(self) -> None:
        """Tab walks the panes in reading order: timeline, list, detail, source, search."""
        self.list_view.setTabKeyNavigation(False)  # Tab leaves the list instead of walking its cells
        order = [self.timeline, self.list_view, self.detail.source_button, self.detail.edit_button,
                 self.detail.hide_button, self.detail.published_button, self.detail.multi_list, self.source.terms_toggle, self.source.text,
                 self.search]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _build_status_bar(self) -> None:
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.cancel_button = QPushButton(self.tr("取消"), self)
        self.cancel_button.clicked.connect(self.cancel_extraction)
        # the "only this lane" filter, where it is always in sight; a click removes it
        self.lane_chip = QToolButton(self)
        self.lane_chip.setToolTip(self.tr("只显示这一泳道的事件；点击取消"))
        self.lane_chip.setStyleSheet("QToolButton{background:#E3F2FD;border-radius:8px;padding:1px 8px}")
        self.lane_chip.clicked.connect(lambda: self.set_lane_filter(None))
        self.lane_chip.hide()
        self.statusBar().addPermanentWidget(self.lane_chip)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self.progress.hide()
        self.cancel_button.hide()

    # ------------------------------------------------------------------ settings

    def _first_size(self) -> None:
        """A first launch: a window that fits the screen, panes in proportion to it."""
        screen = QGuiApplication.primaryScreen()
        available = screen.availableGeometry().size() if screen is not None else QSize(1440, 900)
        self.resize(min(1440, int(available.width() * 0.92)), min(900, int(available.height() * 0.9)))
        self._proportion_panes()

    def _proportion_panes(self) -> None:
        """The timeline gets most of the room: the list a quarter of the height, the detail
        and source panes a third of the width."""
        self.resizeDocks([self.list_dock], [max(int(self.height() * 0.26), 110)], Qt.Orientation.Vertical)
        self.splitter.setSizes([int(self.width() * 0.68), int(self.width() * 0.32)])
        self.right.setSizes([int(self.height() * 0.26), int(self.height() * 0.44)])

    def resizeEvent(self, event) -> None:  # noqa: ANN001 - Qt override
        super().resizeEvent(event)
        # shrinking a window takes the height from the central widget alone: keep the list
        # dock from squeezing the timeline out
        shrunk = event.oldSize().height() > event.size().height() > 0
        if shrunk and self.list_dock.isVisible() and not self.list_dock.isFloating() \
                and self.list_dock.height() > self.height() * 0.34:
            self.resizeDocks([self.list_dock], [int(self.height() * 0.26)], Qt.Orientation.Vertical)

    def _restore_settings(self) -> bool:
        """The window as the user left it; False when there is nothing saved."""
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is None:
            return False
        self.restoreGeometry(geometry)
        state = settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        for key, splitter in (("window/splitter", self.splitter), ("window/right", self.right)):
            value = settings.value(key)
            if value is not None:
                splitter.restoreState(value)
        merging = str(settings.value("corpus/merge", True)).lower() not in ("false", "0")
        with QSignalBlocker(self.act_auto_merge):  # no corpus is shown yet: nothing to merge again
            self.act_auto_merge.setChecked(merging)
        self.merge_enabled = merging
        mode = settings.value("timeline/lanes", DEFAULT_LANE_MODE)
        if mode in LANE_MODE_NAMES:
            self.set_lane_mode(mode)
        start, end = settings.value("timeline/start"), settings.value("timeline/end")
        if start is not None and end is not None:
            self._pending_range = (float(start), float(end))
        return True

    def save_settings(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/splitter", self.splitter.saveState())
        settings.setValue("window/right", self.right.saveState())
        settings.setValue("timeline/lanes", self.timeline.lane_mode)
        settings.setValue("timeline/start", self.timeline.scale.start)
        settings.setValue("timeline/end", self.timeline.scale.end)
        settings.setValue("corpus/paths", [str(p) for p in self.paths] if self.paths else [])
        settings.setValue("corpus/merge", self.merge_enabled)

    def closeEvent(self, event) -> None:  # noqa: ANN001 - Qt override
        if self.controller.pending():
            self.controller.save_now()
        self.save_settings()
        self.cancel_extraction()
        super().closeEvent(event)

    def _remember_recent(self, paths: list[Path]) -> None:
        settings = QSettings()
        recent = settings_list(settings.value("corpus/recent"))
        entry = "\n".join(str(p) for p in paths)
        recent = [entry] + [r for r in recent if r != entry]
        settings.setValue("corpus/recent", recent[:MAX_RECENT])

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = settings_list(QSettings().value("corpus/recent"))
        if not recent:
            self.recent_menu.addAction(self.tr("（无）")).setEnabled(False)
        for entry in recent:
            paths = [Path(p) for p in entry.split("\n")]
            label = enumerate_names(p.name for p in paths)
            self.recent_menu.addAction(label, lambda ps=paths: self.open_paths(ps))

    # ------------------------------------------------------------------ loading

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("打开文章"), "", self.tr("文章 (*.txt *.md *.html *.htm);;所有文件 (*)")
        )
        if names:
            self.open_paths([Path(n) for n in names])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("打开文件夹"))
        if folder:
            self.open_paths([Path(folder)])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_paths(paths)

    def open_paths(self, paths: list[Path] | None, refresh: bool = False) -> None:
        """Extract ``paths`` (None: the bundled seeds) in a worker; the window stays responsive.
        ``refresh``: the same corpus again (its folder changed), the view as the user left it."""
        self.cancel_extraction()
        self.paths = paths
        self.setWindowTitle(self.tr("新闻时间线 — %s") % self.corpus_name())
        if paths and not refresh:
            self._remember_recent(paths)
        self.watcher.watch(paths)
        job = ExtractionJob(paths, cache_dir=data_dir() / "cache")
        job.signals.progress.connect(self._on_progress)
        if not refresh:  # a refresh keeps the corrected, merged table until the new one is ready
            job.signals.partial.connect(self._on_partial)
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        job.signals.cancelled.connect(self._on_cancelled)
        self._job = job
        self._user_navigated = self._user_navigated and refresh
        self._columns_fitted = refresh  # a refresh keeps the columns the user sees
        self._refreshing = refresh
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.statusBar().showMessage(self.tr("正在读取文章…"))
        QThreadPool.globalInstance().start(job)

    def refresh(self) -> None:
        """Read the open corpus again (its folder changed): only new or changed files are extracted."""
        self.open_paths(self.paths, refresh=True)

    def corpus_name(self) -> str:
        """What the open corpus is called (the window title, the brief's and the exports' header)."""
        return enumerate_names(p.name for p in self.paths) if self.paths else SEEDS_DIR.name

    def cancel_extraction(self) -> None:
        if self._job is not None:
            self._job.cancel()

    def is_loading(self) -> bool:
        """Whether a corpus is still being loaded: its files read, or its first corrected,
        merged table still to be shown (merging a big corpus ends after the extraction)."""
        return self._job is not None or self._table_pending

    def _on_progress(self, done: int, total: int, label: str) -> None:
        if not self._is_current():
            return
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        if label:
            percent = 100 * done // max(total, 1)
            self.statusBar().showMessage(self.tr("正在处理 %s（%d%%）") % (label, percent))

    def _on_partial(self, frame) -> None:  # noqa: ANN001 - DataFrame
        if not self._is_current():
            return
        self._set_frame(frame)
        if not self._columns_fitted:  # the first events of a load: columns fitted to them
            self._columns_fitted = True
            self._size_columns()
        self._fit_or_restore()
        self.partial_loaded.emit(len(frame))

    def _finish_job(self) -> None:
        self._job = None
        self.progress.hide()
        self.cancel_button.hide()

    def _on_finished(self, corpus: Corpus) -> None:
        if not self._is_current():
            return
        self._finish_job()
        self.corpus = corpus
        self.source.set_corpus(corpus)
        self.extracted = corpus.events
        self.texts = {doc.name: doc.text for doc in corpus.documents}
        corpus_paths = self.paths or [SEEDS_DIR]
        project_path = default_project_path(corpus_paths, data_dir())
        # the table arrives when the corrections (and merging) are applied — at once for a
        # small corpus, from the background for a big one: _table_ready finishes the load then
        self._table_pending, self._unannounced = True, False
        if self._refreshing and self.controller.project.path == project_path:
            self.reapply_corrections()  # the same project: its undo history stays
        else:
            self.controller.open(project_path, [str(p) for p in corpus_paths], self)  # applies the corrections
        message = self.tr("%s，%s") % (self.tr("%Ln 篇文章", "", len(corpus.articles)),
                                        self.tr("%Ln 个事件", "", len(corpus.events)))
        self._summary_events = len(corpus.events)
        copies = sum(problem.skipped_copy for problem in corpus.problems)
        problems = ""
        if len(corpus.problems) > copies:
            problems += self.tr("；%Ln 个文件未能读取（见“问题”）", "", len(corpus.problems) - copies)
        if copies:
            problems += self.tr("；%Ln 个重复文件已跳过（见“问题”）", "", copies)
        self._summary_parts = (self._summary_prefix + message, problems)
        self._summary = self._summary_prefix + message + problems
        self._summary_prefix = ""
        self.statusBar().showMessage(self._summary)
        self._unannounced = True
        self._announce()

    _table_pending = False
    _refreshing = False
    _columns_fitted = False

    def _table_ready(self) -> None:
        """The first table of a loaded corpus is shown: places, the view, the date range and
        the list's columns follow it (not the empty table of before the merging)."""
        if not self._table_pending:
            return
        self._summarize_items()
        self._fill_places()
        self._fit_or_restore()
        if not self.date_check.isChecked():
            self._reset_date_range()
        # the columns in the event loop's next turn, after the timeline is painted: in one
        # turn with the places and the view, a real archive's last step held the window 230 ms
        self._table_turns += 1
        turn = self._table_turns
        QTimer.singleShot(0, self, lambda: self._table_columns(turn))

    _table_turns = 0
    _summary_parts = ("", "")
    _summary_events = 0

    def _summarize_items(self) -> None:
        """The summary says into how many items the events were merged: the list, its filter
        count and the timeline count items (15,170 events, 14,679 items); again after a merge
        or a split by hand."""
        if not self._summary_parts[0]:
            return
        items = len(self.model.frame)
        head, problems = self._summary_parts
        merged = self.tr("，合并为 %Ln 项", "", items) if items != self._summary_events else ""
        self._summary = head + merged + problems
        if self._filter.is_empty:
            self.statusBar().showMessage(self._summary)

    def _table_columns(self, turn: int) -> None:
        if not self._table_pending or turn != self._table_turns:
            return  # another table's load began meanwhile: its own turn comes
        self._table_pending = False
        self._size_columns()
        self._announce()

    def _size_columns(self) -> None:
        """The list's columns fitted to its first rows, the title taking the width left over."""
        # sized on the first screenful of rows: Qt's default of 1,000 rows asked 7,000 cells
        # of a big corpus and froze the window for 2-3 s at the end of every load (100: 0.15 s;
        # 0, the rows in sight, is none while the list is hidden or not laid out yet)
        self.list_view.horizontalHeader().setResizeContentsPrecision(30)
        self.list_view.resizeColumnsToContents()
        self.list_view.setColumnWidth(1, min(self.list_view.columnWidth(1), 360))
        header = self.list_view.horizontalHeader()
        room = self.list_view.viewport().width() - header.length()
        if room > 0:  # the title, not the last column, takes the width left over
            self.list_view.setColumnWidth(1, self.list_view.columnWidth(1) + room)

    _unannounced = False

    def _announce(self) -> None:
        """corpus_loaded, once the load has ended and its first table is shown (whichever
        comes last: merging a big corpus ends after the extraction)."""
        if self._unannounced and not self._table_pending and self.corpus is not None:
            self._unannounced = False
            self.corpus_loaded.emit(self.corpus)

    def _is_current(self) -> bool:
        """Whether the signal being handled comes from the job now running (not a cancelled one)."""
        return self._job is not None and self.sender() is self._job.signals

    def _on_failed(self, reason: str) -> None:
        if not self._is_current():
            return
        self._finish_job()
        self.statusBar().showMessage(self.tr("提取失败：%s") % reason)

    def _on_cancelled(self) -> None:
        if not self._is_current():
            return
        self._finish_job()
        self.statusBar().showMessage(self.tr("已取消；已显示的事件保留"))

    def _set_frame(self, frame) -> None:  # noqa: ANN001 - DataFrame
        self.model.set_frame(frame)
        if not self._table_pending and not self.is_loading():
            self._summarize_items()  # a merge or split by hand: the items changed
        self.apply_filters()

    def _fit_or_restore(self) -> None:
        """The saved view if there is one, else fit all events — refitting as more
        events arrive, until the user moves the view themselves."""
        if self._user_navigated:
            return
        if self._pending_range is not None:
            self.timeline.set_range(*self._pending_range)
            self._pending_range = None
            self._user_navigated = True  # a restored view counts as the user's
        else:
            self.timeline.zoom_fit()

    def _mark_navigated(self, *_: object) -> None:
        self._user_navigated = True

    _offered_places: tuple[weakref.ref, dict[str, int]] | None = None

    def offer_place_counts(self, frame, counts: dict[str, int]) -> None:  # noqa: ANN001 - DataFrame
        """:func:`place_counts` of ``frame``, worked out in the background with its table: the
        place box takes them when it is filled from that very frame (a million events held
        the window ~100 ms counting them)."""
        self._offered_places = (weakref.ref(frame), counts)

    def _fill_places(self) -> None:
        frame = self.model.frame
        offered, self._offered_places = self._offered_places, None
        counts = offered[1] if offered is not None and offered[0]() is frame else place_counts(frame["places"])
        with QSignalBlocker(self.place_box):
            current = self.place_box.currentData()
            self.place_box.clear()
            self.place_box.addItem(self.tr("全部地点"), "")
            for place, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:200]:
                self.place_box.addItem(place + parenthesized(count), place)
            index = self.place_box.findData(current)
            self.place_box.setCurrentIndex(max(index, 0))

    # ------------------------------------------------------------------ filters

    def set_lane_filter(self, lane: tuple[str, str, str] | None) -> None:
        """Only the events of one lane (mode, key, label), in the timeline and the list; None: all."""
        self._lane_filter = lane
        self.lane_chip.setText(self.tr("只看泳道：%s ✕") % lane[2] if lane else "")
        self.lane_chip.setVisible(lane is not None)
        self.apply_filters()

    def current_filter(self) -> EventFilter:
        chosen = frozenset(name for name, action in self.category_actions.items() if action.isChecked())
        place = self.place_box.currentData()
        date_from = date_to = None
        if self.date_check.isChecked():
            date_from = self.date_from.date().toPython()
            date_to = self.date_to.date().toPython()
        lane = (self._lane_filter[0], self._lane_filter[1]) if self._lane_filter else None
        return EventFilter(self.search.text(), chosen, frozenset({place}) if place else frozenset(), date_from, date_to,
                           lane)

    def apply_filters(self) -> None:
        frame = self.model.frame
        event_filter = self.current_filter()
        self._filter = event_filter
        shown, hidden = filtered_rows(frame, event_filter, self.act_show_hidden.isChecked())
        query = parse_query(event_filter.query)
        error = query.error(language())
        self.search_error.setText(error)
        self.search_error_action.setVisible(bool(error))
        matches = event_filter.query_mask(frame) if event_filter.query.strip() else None
        self.source.set_query(query)
        self.detail.set_query(query)
        dimmed = None
        if hidden is not None and hidden.any() and self.act_show_hidden.isChecked():
            dimmed = hidden  # shown faint, and not marked as search matches
            if matches is not None:
                matches = matches & ~hidden
        self.timeline.set_filter_masks(~shown, matches, dimmed)
        self.proxy.set_shown(shown & matches if matches is not None else shown)
        chosen = [n for n, a in self.category_actions.items() if a.isChecked()]
        self.category_button.setText(self.tr("类别") + (parenthesized(len(chosen)) if chosen else ""))
        hint = ""
        if not event_filter.is_empty and len(frame):
            count = int((shown & matches).sum() if matches is not None else shown.sum())
            self.statusBar().showMessage(self.tr("筛选后 %d / %Ln 项", "", len(frame)) % count)
            if count == 0:
                hint = self.tr("没有事件符合搜索和筛选条件。\n点“清除筛选”可再看全部 %Ln 项。", "", len(frame))
        elif self._summary:
            self.statusBar().showMessage(self._summary)
        self.list_view.set_empty_hint(hint)

    def focus_search(self) -> None:
        """Ctrl+F: find in the source text when the focus is there, else search the events."""
        focus = QApplication.focusWidget()
        if focus is not None and (focus is self.source or self.source.isAncestorOf(focus)):
            self.source.show_find()
        else:
            self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.search.selectAll()

    def clear_filters(self) -> None:
        with QSignalBlocker(self.search):
            self.search.clear()
        for action in self.category_actions.values():
            with QSignalBlocker(action):
                action.setChecked(False)
        with QSignalBlocker(self.place_box):
            self.place_box.setCurrentIndex(0)
        with QSignalBlocker(self.date_check):
            self.date_check.setChecked(False)
        self._reset_date_range()
        self._lane_filter = None
        self.lane_chip.setVisible(False)
        self.apply_filters()

    def _reset_date_range(self) -> None:
        """The date fields show the corpus's own span (today's year when there is none)."""
        frame = self.model.frame
        if len(frame):
            first, last = frame["start"].min().date(), frame["end"].max().date()
        else:
            first = last = date.today()
            first = first.replace(month=1, day=1)
        for edit, value in ((self.date_from, first), (self.date_to, last)):
            with QSignalBlocker(edit):
                edit.setDate(QDate(value.year, value.month, value.day))

    def _on_date_edited(self, _value: QDate) -> None:
        if self.date_check.isChecked():
            self.apply_filters()
        else:
            self.date_check.setChecked(True)  # editing a date means filtering by it

    def _filter_by_term(self, term: str) -> None:
        self.search.setText(term)
        self.apply_filters()

    # ------------------------------------------------------------------ selection sync

    def _list_selection_changed(self, *_: object) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            source = self.proxy.mapSelectionToSource(self.list_view.selectionModel().selection())
            self.selection.select(source, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        finally:
            self._syncing = False

    def _list_current_changed(self, current, _previous) -> None:  # noqa: ANN001
        if self._syncing or not current.isValid():
            return
        source = self.proxy.mapToSource(current)
        self._syncing = True
        try:
            self.selection.setCurrentIndex(source, QItemSelectionModel.SelectionFlag.NoUpdate)
        finally:
            self._syncing = False
        self.timeline.ensure_event_visible(source.row())

    def _shared_selection_changed(self, *_: object) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            mapped = self.proxy.mapSelectionFromSource(self.selection.selection())
            self.list_view.selectionModel().select(
                mapped, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
        finally:
            self._syncing = False

    def _shared_current_changed(self, current, _previous) -> None:  # noqa: ANN001
        if self._syncing or not current.isValid():
            return
        self._syncing = True
        try:
            proxy_index = self.proxy.mapFromSource(current)
            if proxy_index.isValid():
                self.list_view.selectionModel().setCurrentIndex(proxy_index, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.list_view.scrollTo(proxy_index)
        finally:
            self._syncing = False

    def selected_rows(self) -> list[int]:
        return selected_rows(self.selection)

    def select_rows(self, rows: list[int]) -> None:
        self.selection.select(row_selection(self.model, rows), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if rows:
            self.selection.setCurrentIndex(self.model.index(rows[-1], 0), QItemSelectionModel.SelectionFlag.NoUpdate)

    # ------------------------------------------------------------------ other actions

    def set_merging(self, on: bool) -> None:
        """Edit → 自动合并: reports of one happening joined into one item, or every event its
        own item (the user's own merges and splits stand either way)."""
        if on == self.merge_enabled:
            return
        self.merge_enabled = on
        self.act_auto_merge.setChecked(on)
        self.reapply_corrections()

    def set_lane_mode(self, mode: str) -> None:
        self.timeline.set_lane_mode(mode)
        self.lane_actions[mode].setChecked(True)
        with QSignalBlocker(self.lane_box):
            self.lane_box.setCurrentIndex(self.lane_box.findData(mode))

    def _update_zoom_label(self) -> None:
        span = self.timeline.scale.span
        if span >= 730:
            text = self.tr("视野约 %.0f 年") % (span / 365.25)
        elif span >= 60:
            text = self.tr("视野约 %.0f 个月") % (span / 30.44)
        elif span >= 2:
            text = self.tr("视野约 %.0f 天") % span
        else:
            text = self.tr("视野约 %.0f 小时") % (span * 24)
        self.zoom_label.setText(text)

    def _show_in_source(self, row: int) -> None:
        self.source.show_event(row)
        self.source.text.setFocus()

    def choose_language(self, lang: str) -> None:
        """The interface's language from the next start (now, if the user restarts at once)."""
        save_language(lang)
        if lang == language():
            return
        answer = QMessageBox.question(
            self, self.tr("界面语言"),
            self.tr("界面将在程序重新启动后改用 %s。现在重新启动吗？") % LANGUAGE_NAMES[lang],
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.restart()

    def restart(self) -> None:
        """Start the app again as it was started (the same corpus comes back) and close this one."""
        command = list(getattr(sys, "orig_argv", [sys.executable, *sys.argv]))
        if self.close():
            QProcess.startDetached(sys.executable, command[1:])

    def _show_keys(self) -> None:
        QMessageBox.information(self, self.tr("快捷键"), self.tr(
            "时间线：滚轮缩放（以光标处为中心），Shift+滚轮或横向滚动平移，拖动平移，"
            "Shift/Ctrl+拖动框选；+ / − 缩放，0 显示全部，Z 缩放到所选；←/→、PageUp/PageDown、"
            "Home/End 移动，↑/↓ 换泳道；Alt+←/→（或 Ctrl+←/→）上一个/下一个事件；Ctrl+A 全选，"
            "Esc 取消选择；双击放大；点击计数徽标列出其中的事件（双击：放大到它们）。\n"
            "窗口：Tab / Shift+Tab 在时间线、事件列表、详情、原文和搜索框之间移动；Alt+字母或 F10 打开菜单；"
            "Ctrl+F 搜索事件（焦点在原文时在原文中查找）；Ctrl+E 导出所选事件为 PDF；"
            "Ctrl+Z / Ctrl+Shift+Z 撤销/重做；F2 修改所选事件；Delete 隐藏/恢复。"))

    def default_export_name(self) -> str:
        """Where the save dialog starts: the folder of the last export (else Documents)."""
        folder = QSettings().value("export/folder") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        stem = self.tr("事件简报")
        return str(Path(folder) / f"{stem}-{date.today():%Y%m%d}.pdf")

    def export_selection(self, path: Path | None = None) -> Path | None:
        """Export the selected events to a PDF brief (asks for the file unless ``path`` is
        given) in the background; :attr:`pdf_exported` says when the file is written. Returns
        the path being written (None when nothing is)."""
        rows = self.selected_rows()
        if not rows:
            QMessageBox.information(self, self.tr("导出 PDF"), self.tr("没有选中的事件。请先在时间线或列表中选择要导出的事件。"))
            return None
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("导出 PDF"), self.default_export_name(), "PDF (*.pdf)")
            if not name:
                return None
            path = Path(name)
        from desktop.gui.pdf_export import export_pdf

        frame = self.model.frame
        ids = unhidden_ids(frame, rows)
        if not ids:
            QMessageBox.information(self, self.tr("导出 PDF"), self.tr("所选事件都已隐藏，没有可导出的事件。"))
            return None
        corpus_name = self.corpus_name()
        # painted in the background (a long brief takes seconds); the window stays usable
        self.statusBar().showMessage(self.tr("正在导出 %Ln 个事件…", "", len(ids)))
        self.act_export.setEnabled(False)
        run_op("pdf", lambda: export_pdf(frame, ids, path, corpus_name=corpus_name),
               lambda written: self._exported(written, len(ids)), self._export_failed, owner=self)
        return path

    def _exported(self, written: Path, count: int) -> None:
        self.act_export.setEnabled(True)
        QSettings().setValue("export/folder", str(Path(written).parent))
        self.statusBar().showMessage(self.tr("已导出 %Ln 个事件到 %s", "", count) % written)
        self.pdf_exported.emit(str(written))

    def _export_failed(self, error: BaseException) -> None:
        self.act_export.setEnabled(True)
        from desktop.gui.pdf_export import PdfExportError

        if not isinstance(error, PdfExportError):
            raise error  # an unexpected fault: the error report (the app goes on)
        self.statusBar().showMessage(self.tr("导出失败"))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("导出 PDF"), str(error), parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # a file name may contain anything
        box.setModal(False)
        box.show()
        self._export_box = box

    def shown_rows(self) -> np.ndarray:
        """Rows that pass the filters (the query aside)."""
        return np.flatnonzero(self._filter.filter_mask(self.model.frame))

