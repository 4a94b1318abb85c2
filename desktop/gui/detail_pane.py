"""Details of the selected event(s): every field, as plain text, and "show in source"."""

from __future__ import annotations

import html

import numpy as np
import pandas as pd
from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.events.categories import category_name
from desktop.core.export.brief import published_text
from desktop.core.export.formatting import (
    amount_text,
    outer_span,
    precision_name,
    readable_date,
    tense_name,
)
from desktop.core.export.notes import resolution_text
from desktop.core.language import enumerate_names
from desktop.core.reading.published import basis_detail
from desktop.core.text.search import Query, match_spans
from desktop.core.vocab import dated_by_publication
from desktop.gui.flow_layout import FlowLayout
from desktop.gui.fonts import chinese_font
from desktop.gui.guard import guard_overrides
from desktop.gui.models import EventTableModel, selected_rows


def _label(text: str = "", *, bold: bool = False, size: float | None = None, muted: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # article text is never interpreted as markup
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    font = chinese_font(size) if size else chinese_font()
    font.setBold(bold)
    label.setFont(font)
    if muted:
        label.setStyleSheet("color:#5F6368")
    return label


def _day(value: object) -> object:
    """A day, or None for a partial date (no interval)."""
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def published_detail(frame: pd.DataFrame, row: int) -> str:
    """What exactly the publication date was read from (the tooltip of the date)."""
    basis = frame["published_basis"].iat[row]
    return basis_detail(basis) if isinstance(basis, str) else ""


MATCH_CSS = "#FFE082"  # the search's words (the timeline's match colour)
#: Marked for lupdate; the pane translates them where it shows them.
ORIGIN_NOTES = {"edited": QT_TRANSLATE_NOOP("DetailPane", "（已修改）"),
                "manual": QT_TRANSLATE_NOOP("DetailPane", "（手动添加）")}
FIELD_NAMES = (
    ("edtf", "EDTF"), ("date_text", QT_TRANSLATE_NOOP("DetailPane", "原文表述")),
    ("tense", QT_TRANSLATE_NOOP("DetailPane", "时态")), ("category", QT_TRANSLATE_NOOP("DetailPane", "类别")),
    ("places", QT_TRANSLATE_NOOP("DetailPane", "地点")), ("orgs", QT_TRANSLATE_NOOP("DetailPane", "机构")),
    ("amounts", QT_TRANSLATE_NOOP("DetailPane", "金额/数量")), ("keyterms", QT_TRANSLATE_NOOP("DetailPane", "关键词")),
    ("resolved", QT_TRANSLATE_NOOP("DetailPane", "推算依据")), ("article", QT_TRANSLATE_NOOP("DetailPane", "来源文章")),
    ("outlet", QT_TRANSLATE_NOOP("DetailPane", "媒体")), ("published", QT_TRANSLATE_NOOP("DetailPane", "发布日期")),
)


@guard_overrides
class DetailPane(QWidget):
    show_in_source = Signal(int)  # event row
    edit_requested = Signal(int)
    hide_requested = Signal(int)
    unhide_requested = Signal(int)
    published_edit_requested = Signal(int)  # event row: set its article's publication date
    split_requested = Signal(int)  # item row: take a merged item apart into its sources
    source_requested = Signal(object)  # one source of a merged item (a dict): show it in the text
    source_split_requested = Signal(object)  # one source of a merged item: take it out of the item

    def __init__(self, model: EventTableModel, selection: QItemSelectionModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.selection = selection
        self.stack = QStackedWidget(self)
        self.empty = _label(self.tr("在时间线或列表中选择事件，查看详情。"), muted=True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.single = self._build_single()
        self.multi = self._build_multi()
        for page in (self.empty, self.single, self.multi):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.current_row: int | None = None
        self._query: Query | None = None
        selection.selectionChanged.connect(self.refresh)
        selection.currentChanged.connect(self.refresh)
        model.modelReset.connect(self.refresh)

    def _build_single(self) -> QWidget:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        # wrapped text follows the pane's width: never a sideways scroll bar
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        layout = QVBoxLayout(body)
        self.title = _label(bold=True, size=13)
        self.when = _label(size=11)
        layout.addWidget(self.title)
        layout.addWidget(self.when)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLabel] = {}
        for key, name in FIELD_NAMES:
            self.fields[key] = _label()
            form.addRow(_label(self.tr(name), muted=True), self.fields[key])
        layout.addLayout(form)
        layout.addWidget(_label(self.tr("原句"), muted=True))
        self.sentence = _label(size=10)
        self.sentence.setStyleSheet("background:#FFF8E1; padding:6px; border-radius:4px")
        layout.addWidget(self.sentence)
        # a merged item: every source with its own sentence and its own date
        self.sources_heading = _label(muted=True)
        self.spread = _label()
        self.sources_text = _label(size=9.5)
        self.sources_text.setStyleSheet("background:#F1F8E9; padding:6px; border-radius:4px")
        self.sources_list = QListWidget()  # activate a source: its article, its sentence
        self.sources_list.setToolTip(self.tr("双击（或按回车）一个来源，在原文中显示它的句子"))
        self.sources_list.setMaximumHeight(110)
        self.sources_list.itemActivated.connect(
            lambda item: self.source_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        # right-click a source: take that one out (the others stay one item)
        self.sources_list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.split_source_action = QAction(self.tr("将此来源拆出(&O)"), self.sources_list)
        self.split_source_action.setToolTip(self.tr("这个来源报道的是另一件事：把它从合并项中拆出"))
        self.split_source_action.triggered.connect(self._split_source)
        self.sources_list.addAction(self.split_source_action)
        for widget in (self.sources_heading, self.spread, self.sources_text, self.sources_list):
            layout.addWidget(widget)
        self.source_button = QPushButton(self.tr("在原文中显示"))
        self.edit_button = QPushButton(self.tr("修改…"))
        self.hide_button = QPushButton(self.tr("隐藏此事件"))
        self.published_button = QPushButton(self.tr("修改发布日期…"))
        self.published_button.setToolTip(self.tr("设定这篇文章的发布日期；文中的相对日期随之重新推算"))
        self.published_button.clicked.connect(lambda: self._emit(self.published_edit_requested))
        self.source_button.clicked.connect(lambda: self._emit(self.show_in_source))
        self.edit_button.clicked.connect(lambda: self._emit(self.edit_requested))
        self.hide_button.clicked.connect(self._hide_clicked)
        self.split_button = QPushButton(self.tr("拆分…"))
        self.split_button.setToolTip(self.tr("这些来源报道的不是同一件事：拆成各自的事件"))
        self.split_button.clicked.connect(lambda: self._emit(self.split_requested))
        # the buttons wrap: in a row they held the pane at their width, and a narrow window cut
        # the event's title and sentence at the pane's edge
        buttons = FlowLayout(spacing=6)
        for button in (self.source_button, self.edit_button, self.hide_button, self.published_button,
                       self.split_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        layout.addStretch(1)
        scroll.setWidget(body)
        return scroll

    def _split_source(self) -> None:
        item = self.sources_list.currentItem()
        if item is not None:
            self.source_split_requested.emit(item.data(Qt.ItemDataRole.UserRole))

    def _emit(self, signal: Signal) -> None:
        if self.current_row is not None:
            signal.emit(self.current_row)

    def _hide_clicked(self) -> None:
        if self.current_row is None:
            return
        hidden = bool(self.model.frame["hidden"].iat[self.current_row])
        (self.unhide_requested if hidden else self.hide_requested).emit(self.current_row)

    def _build_multi(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.multi_title = _label(bold=True, size=12)
        self.multi_span = _label()
        self.multi_list = QListWidget()
        self.multi_list.itemActivated.connect(self._on_list_activated)
        layout.addWidget(self.multi_title)
        layout.addWidget(self.multi_span)
        layout.addWidget(self.multi_list, 1)
        return page

    def _on_list_activated(self, item: QListWidgetItem) -> None:
        row = item.data(Qt.ItemDataRole.UserRole)
        self.selection.setCurrentIndex(self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
        self.show_in_source.emit(row)

    def selected_rows(self) -> list[int]:
        return selected_rows(self.selection)

    def refresh(self, *_: object) -> None:
        rows = self.selected_rows()
        frame = self.model.frame
        if not rows or frame.empty:
            self.current_row = None
            self.stack.setCurrentWidget(self.empty)
        elif len(rows) == 1:
            self.show_event(rows[0])
        else:
            self.current_row = None
            self.multi_title.setText(self.tr("已选 %Ln 个事件", "", len(rows)))
            self.multi_span.setText(self._span_of(frame, rows))
            self.multi_list.clear()
            gap = self.tr("　")
            listed = rows[:2000]
            # whole columns taken once: .iat per value and column is 20 µs, 0.6 s for the 2,000
            shown = frame[["start", "end", "precision", "edtf", "title"]].iloc[listed]  # not every column's rows
            starts, ends = shown["start"].dt.date.tolist(), shown["end"].dt.date.tolist()
            for row, start, end, precision, edtf, title in zip(
                    listed, starts, ends, shown["precision"].astype(str).tolist(),
                    shown["edtf"].astype(str).tolist(), shown["title"].astype(str).tolist(), strict=True):
                item = QListWidgetItem(readable_date(start, end, precision, edtf) + gap + title)
                item.setData(Qt.ItemDataRole.UserRole, row)
                self.multi_list.addItem(item)
            self.stack.setCurrentWidget(self.multi)


    def _span_of(self, frame: pd.DataFrame, rows: list[int]) -> str:
        """时间跨度 of the selected rows that have a place in time (a partial date, XXXX-05-16, has none)."""
        # whole columns, not a value per row: at a million selected rows .iat per row was 90 s
        chosen = np.asarray(rows, dtype=np.int64)
        starts = frame["start"].to_numpy(dtype="datetime64[s]")[chosen]
        ends = frame["end"].to_numpy(dtype="datetime64[s]")[chosen]
        placed = ~(np.isnat(starts) | np.isnat(ends))
        if not placed.any():
            return ""
        first = int(chosen[placed][starts[placed].argmin()])
        last = int(chosen[placed][ends[placed].argmax()])

        def interval(row: int) -> tuple:
            return frame["start"].iat[row].date(), frame["end"].iat[row].date(), str(frame["precision"].iat[row])

        return self.tr("时间跨度：") + outer_span(interval(first), interval(last))
    def set_query(self, query: Query | None) -> None:
        """Mark the search's words in the title and the sentence."""
        self._query = query if query is not None and query.clauses else None
        if self.current_row is not None and self.stack.currentWidget() is self.single:
            self.show_event(self.current_row)

    def _marked(self, label: QLabel, text: str) -> None:
        """``text`` in ``label``: plain, or escaped with the search's words marked (the
        article's own text is never read as markup either way)."""
        spans = match_spans(text, self._query) if self._query is not None else []
        if not spans:
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setText(text)
            return
        parts, last = [], 0
        for start, end in spans:
            parts.append(html.escape(text[last:start]))
            parts.append(f"<span style='background:{MATCH_CSS}'>{html.escape(text[start:end])}</span>")
            last = end
        parts.append(html.escape(text[last:]))
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setText("".join(parts).replace("\n", "<br>"))

    def show_event(self, row: int) -> None:
        frame = self.model.frame
        self.current_row = row
        get = lambda column: frame[column].iat[row]  # noqa: E731 - local shorthand
        start, end = get("start").date(), get("end").date()
        note = self.tr(ORIGIN_NOTES[str(get("origin"))]) if str(get("origin")) in ORIGIN_NOTES else ""
        if bool(get("hidden")):
            note += self.tr("（已隐藏）")
        self._marked(self.title, str(get("title")) + note)
        self.hide_button.setText(self.tr("恢复显示") if bool(get("hidden")) else self.tr("隐藏此事件"))
        self.when.setText(readable_date(start, end, str(get("precision")), str(get("edtf")))
                          + self.tr("　·　") + precision_name(str(get("precision"))))
        self.fields["edtf"].setText(str(get("edtf")))
        written = get("date_text")
        self.fields["date_text"].setText(self.tr("文中未写日期，取发布日期") if dated_by_publication(written)
                                         else f"“{written}”")
        self.fields["tense"].setText(tense_name(str(get("tense"))))
        self.fields["category"].setText(category_name(str(get("category"))))
        self.fields["places"].setText(enumerate_names(get("places")) or "—")
        self.fields["orgs"].setText(enumerate_names(get("orgs")) or "—")
        self.fields["amounts"].setText(self.tr("；").join(amount_text(a) for a in get("amounts")) or "—")
        self.fields["keyterms"].setText(enumerate_names(get("keyterms")) or "—")
        self.fields["resolved"].setText(resolution_text(str(get("resolved_against"))))
        self.fields["article"].setText(str(get("article_title")))
        self.fields["outlet"].setText(str(get("outlet")) if pd.notna(get("outlet")) else "—")
        self.fields["published"].setText(published_text(get("published"), get("published_edtf"),
                                                        get("published_basis"), with_basis=True))
        self.fields["published"].setToolTip(published_detail(frame, row))
        self._marked(self.sentence, str(get("sentence")))
        self._show_sources(frame, row)
        self.stack.setCurrentWidget(self.single)

    def _show_sources(self, frame: pd.DataFrame, row: int) -> None:
        """The sources of a merged item: outlet, article, publication date, the date as that
        source gives it and its sentence; and the spread of their dates."""
        sources = frame["sources"].iat[row] if "sources" in frame else None
        merged = isinstance(sources, list) and len(sources) > 1
        for widget in (self.sources_heading, self.sources_text, self.sources_list, self.split_button):
            widget.setVisible(merged)
        self.spread.setVisible(False)
        if not merged:
            return
        self.sources_heading.setText(self.tr("%Ln 个来源报道了此事", "", len(sources)))
        first, last = _day(frame["spread_start"].iat[row]), _day(frame["spread_end"].iat[row])
        if first is not None and last is not None and (first, last) != (
                _day(frame["start"].iat[row]), _day(frame["end"].iat[row])):
            self.spread.setText(self.tr("各来源所记日期：%s") % readable_date(first, last, "range"))
            self.spread.setVisible(True)
        blocks = []
        self.sources_list.clear()
        for number, source in enumerate(sources, start=1):
            when = readable_date(_day(source["start"]), _day(source["end"]), str(source["precision"]),
                                 str(source["edtf"]))
            published = published_text(source["published"], source["published_edtf"], source["published_basis"])
            head = self.tr("%1. %2 · 《%3》 · 发布 %4").replace("%1", str(number)).replace(
                "%2", str(source["outlet"] or "—")).replace("%3", str(source["article_title"])).replace("%4", published)
            if dated_by_publication(source["date_text"]):
                dated = self.tr("所记日期：%1（发布当日，文中未写日期）").replace("%1", when)
            else:
                dated = self.tr("所记日期：%1（“%2”）").replace("%1", when).replace("%2", str(source["date_text"]))
            hidden = self.tr("（已隐藏）") if source.get("hidden") else ""
            blocks.append(f"{head}{hidden}\n{dated}\n{source['sentence']}")
            item = QListWidgetItem(head)
            item.setData(Qt.ItemDataRole.UserRole, source)
            self.sources_list.addItem(item)
        self.sources_text.setText("\n\n".join(blocks))
