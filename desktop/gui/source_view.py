"""The article's text, read-only plain text, with key terms, dates and the current sentence marked.

Text is set with ``setPlainText``: article content is never interpreted as HTML. Marks
are ``ExtraSelection``s over character offsets of the engine (Python string indices),
converted to Qt's UTF-16 positions (they differ after characters outside the BMP).
Clicking a date expression (or else a sentence with events) selects its event.
"""

from __future__ import annotations

import weakref
from bisect import bisect_right

import numpy as np
import pandas as pd
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QKeySequence,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.events.corpus import Corpus
from desktop.core.events.filters import EventFilter
from desktop.core.events.merge import other_sources_by_file
from desktop.core.text.search import Query, match_spans
from desktop.gui.flow_layout import FlowLayout
from desktop.gui.fonts import chinese_font
from desktop.gui.guard import guard_overrides
from desktop.gui.models import EventTableModel
from desktop.gui.plain import ElidedLabel

TERM_COLOUR = QColor("#E3F2FD")
SENTENCE_COLOUR = QColor("#FFF3C4")
DATE_COLOUR = QColor("#1A4FA0")
FIND_COLOUR = QColor("#FFCC80")
QUERY_COLOUR = QColor("#FFE082")  # the search's words (the timeline's match colour)


class OffsetMap:
    """Python string index → Qt (UTF-16) position for one text."""

    def __init__(self, text: str) -> None:
        self._wide = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def to_qt(self, index: int) -> int:
        return index + bisect_right(self._wide, index - 1) if self._wide else index

    def to_python(self, position: int) -> int:
        if not self._wide:
            return position
        index = position
        while index > 0 and self.to_qt(index) > position:
            index -= 1
        return index


@guard_overrides
class SourceView(QWidget):
    """Source text of the current event's file, with a key-term legend and a find bar."""

    term_clicked = Signal(str)
    new_event_requested = Signal(str, int, int)  # file, [start, end) of the selected text

    def __init__(self, model: EventTableModel, selection: QItemSelectionModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.selection = selection
        self.corpus: Corpus | None = None
        self.file: str | None = None
        self._offsets = OffsetMap("")
        # what the shown file holds: (item row, date_start, date_end, sentence_start, sentence_end)
        # of the items whose representative is here, then of the other sources of merged items
        self._marks_here: list[tuple[int, int, int, int, int]] = []
        self._other_sources: dict[str, list[tuple[int, int, int, int, int]]] = {}
        self._other_sources_of: weakref.ref | None = None  # the table they were read from (not kept alive)
        self.show_terms = True
        self._term_selections: list[QTextEdit.ExtraSelection] = []
        self._date_selections: list[QTextEdit.ExtraSelection] = []
        self._sentence_selection: list[QTextEdit.ExtraSelection] = []
        self._find_selection: list[QTextEdit.ExtraSelection] = []
        self._query_selection: list[QTextEdit.ExtraSelection] = []
        self._query: Query | None = None

        self.header = ElidedLabel()
        self.header.setStyleSheet("color:#5F6368; padding:2px 4px")
        self.legend_box = QWidget()
        self.legend = FlowLayout(self.legend_box, spacing=4)
        self.legend_box.setMaximumHeight(58)  # two rows of chips at most: the text keeps the room
        self.terms_toggle = QToolButton()
        self.terms_toggle.setText(self.tr("高亮关键词"))
        self.terms_toggle.setCheckable(True)
        self.terms_toggle.setChecked(True)
        self.terms_toggle.toggled.connect(self.set_show_terms)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setTabChangesFocus(True)  # Tab moves on to the next pane, as elsewhere
        self.text.setFont(chinese_font(11))
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text.viewport().installEventFilter(self)
        self.text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.text.customContextMenuRequested.connect(self._context_menu)
        self.text.setPlaceholderText(self.tr("选择事件后，这里显示它的原文。"))

        self.find_bar = QWidget()
        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText(self.tr("在原文中查找"))
        self.find_edit.returnPressed.connect(lambda: self.find(forward=True))
        self.find_edit.textChanged.connect(self._mark_find)
        self.find_status = QLabel()
        previous = QPushButton(self.tr("上一个"))
        following = QPushButton(self.tr("下一个"))
        close = QToolButton()
        close.setText("✕")
        previous.clicked.connect(lambda: self.find(forward=False))
        following.clicked.connect(lambda: self.find(forward=True))
        close.clicked.connect(self.hide_find)
        find_layout = QHBoxLayout(self.find_bar)
        find_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.find_edit, self.find_status, previous, following, close):
            find_layout.addWidget(widget)
        self.find_bar.hide()

        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.terms_toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.legend_box)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.find_bar)
        # Ctrl+F belongs to the window's 搜索 action, which opens this find bar when the
        # focus is in the source text (one shortcut, no ambiguity)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.find_bar)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.hide_find)
        selection.currentChanged.connect(self._on_current_changed)
        model.modelReset.connect(self._on_model_reset)

    # ------------------------------------------------------------------ content

    def set_corpus(self, corpus: Corpus | None) -> None:
        self.corpus = corpus
        self.file = None
        self._clear_legend()
        self._on_current_changed()

    def _on_model_reset(self) -> None:
        self.file = None
        self.text.clear()
        self.header.set_full_text("")
        self._clear_legend()

    def _on_current_changed(self, *_: object) -> None:
        current = self.selection.currentIndex()
        if current.isValid():
            self.show_event(current.row())

    def load_file(self, file: str) -> bool:
        if self.corpus is None:
            return False
        document = self.corpus.document(file)
        if document is None:
            return False
        if file != self.file:
            self.file = file
            self._offsets = OffsetMap(document.text)
            self.text.setPlainText(document.text)  # plain text: markup in articles shows literally
            self._marks_here = self._marks_of(file)
            self._build_marks()
            self._fill_legend()
            self._mark_query()
        return True

    def _marks_of(self, file: str) -> list[tuple[int, int, int, int, int]]:
        frame = self.model.frame
        rows = np.flatnonzero((frame["file"] == file).to_numpy(dtype=bool))
        columns = [frame[name].to_numpy()[rows].tolist()
                   for name in ("date_start", "date_end", "sentence_start", "sentence_end")]
        marks = [(int(row), *map(int, spans)) for row, *spans in zip(rows.tolist(), *columns, strict=True)]
        if self._other_sources_of is None or self._other_sources_of() is not frame:
            self._other_sources = other_sources_by_file(frame)  # a new table: its merged items read once
            self._other_sources_of = weakref.ref(frame)
        return marks + self._other_sources.get(file, [])

    def cursor_for(self, start: int, end: int) -> QTextCursor:
        """A cursor over ``[start, end)``, given as string offsets of the shown text."""
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self._offsets.to_qt(start))
        cursor.setPosition(self._offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = self.cursor_for(start, end)
        selection.format = fmt
        return selection

    def _build_marks(self) -> None:
        date_format = QTextCharFormat()
        date_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        date_format.setUnderlineColor(DATE_COLOUR)
        date_format.setForeground(DATE_COLOUR)
        self._date_selections = [self._selection(start, end, date_format) for _, start, end, _, _ in self._marks_here]
        term_format = QTextCharFormat()
        term_format.setBackground(TERM_COLOUR)
        self._term_selections = []
        if self.corpus is not None:
            for info in self.corpus.articles:
                if info.article.file == self.file:
                    self._term_selections += [self._selection(s, e, term_format) for s, e, _ in info.term_spans]
        self._apply()

    def _clear_legend(self) -> None:
        while self.legend.count():
            item = self.legend.takeAt(0)
            if item.widget():
                item.widget().deleteLater()

    def _fill_legend(self) -> None:
        """Chips of the article's key terms, each with the number of events a click on it
        finds (the search's own rule), so a chip never leads to an empty timeline."""
        self._clear_legend()
        if self.corpus is None:
            return
        weights: dict[str, int] = {}
        for info in self.corpus.articles:
            if info.article.file == self.file:
                for term in info.keyterms[:12]:
                    weights[term.term] = weights.get(term.term, 0) + term.count
        frame = self.model.frame
        shown = 0
        for term, _ in sorted(weights.items(), key=lambda kv: -kv[1]):
            found = int(EventFilter(term).query_mask(frame).sum())
            if not found:
                continue  # the term is in the text but in no event: nothing to show for it
            button = QToolButton()
            button.setText(f"{term} {found}")
            button.setToolTip(self.tr("在时间线上只看含“%s”的 %Ln 个事件", "", found) % term)
            button.setStyleSheet("QToolButton{background:#E3F2FD;border-radius:8px;padding:1px 6px}")
            button.clicked.connect(lambda _=False, t=term: self.term_clicked.emit(t))
            self.legend.addWidget(button)
            shown += 1
            if shown == 12:
                break

    def set_query(self, query: Query | None) -> None:
        """Mark what the search looks for wherever it occurs in the shown text."""
        self._query = query if query is not None and query.clauses else None
        self._mark_query()

    def _mark_query(self) -> None:
        self._query_selection = []
        if self._query is not None and self.file is not None:
            fmt = QTextCharFormat()
            fmt.setBackground(QUERY_COLOUR)
            document = self.corpus.document(self.file) if self.corpus is not None else None
            if document is not None:
                self._query_selection = [self._selection(a, b, fmt)
                                         for a, b in match_spans(document.text, self._query)[:2000]]
        self._apply()

    def query_spans(self) -> list[tuple[int, int]]:
        """Where the search's words are marked in the text (string offsets)."""
        return [(self._offsets.to_python(sel.cursor.selectionStart()), self._offsets.to_python(sel.cursor.selectionEnd()))
                for sel in self._query_selection]

    def _apply(self) -> None:
        selections = list(self._sentence_selection)
        if self.show_terms:
            selections += self._term_selections
        selections += self._query_selection + self._date_selections + self._find_selection
        self.text.setExtraSelections(selections)

    def set_show_terms(self, show: bool) -> None:
        self.show_terms = show
        self.legend_box.setVisible(show)
        self._apply()

    def show_event(self, row: int) -> None:
        """Load the event's file, highlight its sentence and scroll it into view."""
        frame = self.model.frame
        if row >= len(frame):
            return
        self.show_source({name: frame[name].iat[row] for name in
                          ("file", "sentence_start", "sentence_end", "published", "outlet", "article_title")})

    def show_source(self, source: dict) -> None:
        """Load a source's file (an event, or one source of a merged item: ``file``,
        ``sentence_start``/``sentence_end``, ``published``, ``outlet``, ``article_title``), highlight
        its sentence and scroll it into view."""
        if not self.load_file(str(source["file"])):
            return
        start, end = int(source["sentence_start"]), int(source["sentence_end"])
        sentence_format = QTextCharFormat()
        sentence_format.setBackground(SENTENCE_COLOUR)
        self._sentence_selection = [self._selection(start, end, sentence_format)]
        self._apply()
        cursor = self.cursor_for(start, start)
        self.text.setTextCursor(cursor)
        self.text.centerCursor()
        # a text set just now is laid out lazily: centre again once Qt has laid it out
        QTimer.singleShot(0, lambda position=start: self._centre_on(position))
        published = source.get("published")
        known = published is not None and str(published) not in ("NaT", "None")
        when = f"{pd.Timestamp(published):%Y-%m-%d}" if known else self.tr("日期不详")
        outlet = source.get("outlet")
        gap = self.tr("　·　")
        self.header.set_full_text(f"{source['article_title']}{gap}{outlet if isinstance(outlet, str) else ''}{gap}{when}")

    def _centre_on(self, position: int) -> None:
        if self.text.textCursor().position() == self._offsets.to_qt(position):
            self.text.centerCursor()

    def sentence_rect_visible(self, row: int) -> bool:
        """Whether the event's sentence is inside the visible part of the text."""
        frame = self.model.frame
        cursor = self.cursor_for(int(frame["sentence_start"].iat[row]), int(frame["sentence_start"].iat[row]))
        rect = self.text.cursorRect(cursor)
        return self.text.viewport().rect().contains(rect.center())

    # ------------------------------------------------------------------ clicks

    def event_at(self, position: int) -> int | None:
        """The event whose date expression (else sentence) holds the text position."""
        index = self._offsets.to_python(position)
        for first in (1, 3):  # the date expression, then the sentence
            for mark in self._marks_here:
                if mark[first] <= index < mark[first + 1]:
                    return mark[0]
        return None

    def eventFilter(self, watched, event) -> bool:  # noqa: ANN001 - Qt override
        is_click = watched is self.text.viewport() and event.type() == event.Type.MouseButtonRelease
        if is_click and not self.text.textCursor().hasSelection():
            position = self.text.cursorForPosition(event.position().toPoint()).position()
            row = self.event_at(position)
            if row is not None:
                flags = QItemSelectionModel.SelectionFlag
                self.selection.setCurrentIndex(self.model.index(row, 0), flags.ClearAndSelect | flags.Rows)
        return super().eventFilter(watched, event)

    def selected_span(self) -> tuple[int, int] | None:
        """The selected text as ``[start, end)`` in the document's string offsets."""
        cursor = self.text.textCursor()
        if not cursor.hasSelection() or self.file is None:
            return None
        return self._offsets.to_python(cursor.selectionStart()), self._offsets.to_python(cursor.selectionEnd())

    def request_new_event(self) -> None:
        span = self.selected_span()
        if span is not None and self.file is not None:
            self.new_event_requested.emit(self.file, *span)

    def _context_menu(self, point) -> None:  # noqa: ANN001 - QPoint
        menu = self.text.createStandardContextMenu()
        action = menu.addAction(self.tr("以所选文字新建事件…"))
        action.setEnabled(self.selected_span() is not None)
        action.triggered.connect(self.request_new_event)
        menu.exec(self.text.viewport().mapToGlobal(point))
        menu.deleteLater()

    # ------------------------------------------------------------------ find

    def show_find(self) -> None:
        self.find_bar.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def hide_find(self) -> None:
        self.find_bar.hide()
        self._find_selection = []
        self._apply()
        self.text.setFocus()

    def _mark_find(self, needle: str) -> None:
        self._find_selection = []
        if needle:
            fmt = QTextCharFormat()
            fmt.setBackground(FIND_COLOUR)
            document = self.text.document()
            cursor = document.find(needle)
            while not cursor.isNull() and len(self._find_selection) < 2000:
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = fmt
                self._find_selection.append(selection)
                cursor = document.find(needle, cursor)
        self.find_status.setText(self.tr("%Ln 处", "", len(self._find_selection)) if needle else "")
        self._apply()

    def find(self, forward: bool = True) -> bool:
        needle = self.find_edit.text()
        if not needle:
            return False
        flags = QTextDocument.FindFlag(0) if forward else QTextDocument.FindFlag.FindBackward
        found = self.text.find(needle, flags)
        if not found:  # wrap around
            cursor = self.text.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.Start if forward else QTextCursor.MoveOperation.End)
            self.text.setTextCursor(cursor)
            found = self.text.find(needle, flags)
        return found
