"""User corrections in the GUI: the edit dialog, undoable commands, the project controller.

Every change is a :class:`~desktop.core.project.Correction` pushed on a ``QUndoStack``
(Ctrl+Z / Ctrl+Shift+Z). After each change the corrected table is rebuilt from the
engine's events plus the project's corrections, and the project is saved shortly after
(atomically) — so a crash or a kill loses at most the last fraction of a second.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QObject, QStandardPaths, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTimeEdit,
    QWidget,
)

from desktop.core.dates import clock_of_edtf
from desktop.core.dates.intervals import interval_for
from desktop.core.events.categories import OTHER, categories, category_name
from desktop.core.events.table import TENSES
from desktop.core.export.formatting import precision_name, tense_name
from desktop.core.language import enumerate_names, language
from desktop.core.project import Correction, Project
from desktop.core.vocab import EDITABLE_PRECISIONS
from desktop.gui.date_fields import date_edit
from desktop.gui.guard import guard_overrides

AUTOSAVE_MS = 600


@guard_overrides
class EditEventDialog(QDialog):
    """Date (with precision), title, category, places and tense of one event."""

    def __init__(self, values: dict, parent: QWidget | None = None, heading: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(heading or self.tr("修改事件"))
        self.start = date_edit(values["start"])
        self.end = date_edit(values["end"])
        self.precision = QComboBox()
        for name in EDITABLE_PRECISIONS:
            self.precision.addItem(precision_name(name), name)
        current = values.get("precision", "day")
        index = self.precision.findData(current)
        if index < 0:
            self.precision.addItem(precision_name(current), current)
            index = self.precision.count() - 1
        self.precision.setCurrentIndex(index)
        # 下午3时许: an hour or a minute is the day plus its clock time, kept in the EDTF
        hour, minute = clock_of_edtf(str(values.get("edtf") or "")) or (0, 0)
        self.clock = QTimeEdit(QTime(hour, minute or 0))
        self.clock.setDisplayFormat("HH:mm")
        self.title = QLineEdit(values.get("title", ""))
        self.title.setMaxLength(60)
        self.category = QComboBox()
        for name in categories():
            self.category.addItem(category_name(name), name)
        self.category.setCurrentIndex(max(self.category.findData(values.get("category", OTHER)), 0))
        self.places = QLineEdit(enumerate_names(values.get("places", [])))
        self.places.setPlaceholderText(self.tr("用顿号分隔，如：天津市、宝坻区"))
        self.tense = QComboBox()
        for name in TENSES:
            self.tense.addItem(tense_name(name), name)
        self.tense.setCurrentIndex(max(self.tense.findData(values.get("tense", "past")), 0))
        self.message = QLabel()
        self.message.setStyleSheet("color:#C62828")
        form = QFormLayout(self)
        form.addRow(self.tr("开始"), self.start)
        form.addRow(self.tr("结束"), self.end)
        form.addRow(self.tr("精度"), self.precision)
        form.addRow(self.tr("时刻"), self.clock)
        form.addRow(self.tr("标题"), self.title)
        form.addRow(self.tr("类别"), self.category)
        form.addRow(self.tr("地点"), self.places)
        form.addRow(self.tr("时态"), self.tense)
        form.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(460)
        self.precision.currentIndexChanged.connect(self._snap)
        self.start.dateChanged.connect(self._snap)
        self.clock.setEnabled(self.precision.currentData() in ("hour", "minute"))

    def _snap(self, *_: object) -> None:
        """Keep the end consistent with the precision (a year ends on 31 December)."""
        precision = self.precision.currentData()
        self.clock.setEnabled(precision in ("hour", "minute"))
        if precision in ("range", "open-range"):
            return
        start, end, _ = interval_for(self.start.date().toPython(), self.end.date().toPython(), precision)
        self.end.blockSignals(True)
        self.end.setDate(QDate(end))
        self.end.blockSignals(False)

    def changes(self) -> dict:
        precision = self.precision.currentData()
        start, end, edtf = interval_for(self.start.date().toPython(), self.end.date().toPython(), precision,
                                        self.clock.time().toPython())
        places = [p.strip() for p in self.places.text().replace(",", "、").replace("，", "、").split("、") if p.strip()]
        return {
            "start": start.isoformat(), "end": end.isoformat(), "precision": precision, "edtf": edtf,
            "title": self.title.text().strip(), "category": self.category.currentData(), "places": places,
            "tense": self.tense.currentData(),
        }

    def _accept(self) -> None:
        if self.end.date() < self.start.date() and self.precision.currentData() in ("range", "open-range"):
            self.message.setText(self.tr("结束日期早于开始日期"))
            return
        if not self.title.text().strip():
            self.message.setText(self.tr("标题不能为空"))
            return
        self.accept()


@guard_overrides
class PublishedDialog(QDialog):
    """The publication date of one article, as the user knows it."""

    def __init__(self, article_title: str, current: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("修改发布日期"))
        heading = QLabel(self.tr("文章：%s") % article_title)
        heading.setTextFormat(Qt.TextFormat.PlainText)  # article text is never markup
        heading.setWordWrap(True)
        note = QLabel(self.tr("这篇文章中的相对日期（今天、昨日、上周五……）将按这个日期重新推算。"))
        note.setWordWrap(True)
        note.setStyleSheet("color:#5F6368")
        self.date = date_edit(current)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(heading)
        form.addRow(self.tr("发布日期"), self.date)
        form.addRow(note)
        form.addRow(buttons)
        self.setMinimumWidth(380)

    def chosen(self) -> date:
        return self.date.date().toPython()


@guard_overrides
class AddCorrection(QUndoCommand):
    def __init__(self, controller: ProjectController, correction: Correction, text: str) -> None:
        super().__init__(text)
        self.controller, self.correction = controller, correction

    def redo(self) -> None:
        self.controller.project.add(self.correction)
        self.controller.changed()

    def undo(self) -> None:
        self.controller.project.remove(self.correction.id)
        self.controller.changed()


@guard_overrides
class RemoveCorrection(QUndoCommand):
    def __init__(self, controller: ProjectController, correction: Correction, text: str) -> None:
        super().__init__(text)
        self.controller, self.correction = controller, correction

    def redo(self) -> None:
        self.controller.project.remove(self.correction.id)
        self.controller.changed()

    def undo(self) -> None:
        self.controller.project.add(self.correction)
        self.controller.changed()


def data_dir() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location or Path.home() / ".local" / "share" / "desktop-timeline")


@guard_overrides
class ProjectController(QObject):
    """The open project: undo stack, re-application after each change, auto-save."""

    corrections_changed = Signal()
    saved = Signal(str)
    save_failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = Project(corrections=[], corpus=[])
        self.undo_stack = QUndoStack(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_now)

    def open(self, path: Path, corpus: list[str], parent: QWidget | None = None) -> None:
        """Load the project at ``path`` (a new one if missing; a damaged one is set aside; one
        this version cannot use is left untouched and the corrections go to its fallback)."""
        from desktop.core.project import (
            ProjectDamaged,
            ProjectError,
            fallback_project_path,
        )

        if self.pending():
            self.save_now()  # the last edit of the project being left is not lost
        self._timer.stop()
        self.undo_stack.clear()
        try:
            self.project = Project.load(path)
        except FileNotFoundError:
            self.project = Project(corrections=[], corpus=corpus, path=path)
        except ProjectDamaged as exc:
            self.project = Project(corrections=[], corpus=corpus, path=path)
            _warn(parent, self.tr("项目文件已损坏"), exc.text(language()))
        except ProjectError as exc:
            fallback = fallback_project_path(path)
            try:
                self.project = Project.load(fallback)  # corrections made by this version before
            except (FileNotFoundError, ProjectError):
                self.project = Project(corrections=[], corpus=corpus, path=fallback)
            _warn(parent, self.tr("无法打开项目文件"),
                  self.tr("%s。\n\n本程序的修改将保存在 %s，下次打开时仍会读取。") % (exc.text(language()), fallback))
        self.project.path = self.project.path or path
        self.project.corpus = corpus
        self.corrections_changed.emit()

    _holding = False
    _held = 0

    @contextmanager
    def batch(self, title: str) -> Iterator[None]:
        """One undoable step of several corrections (a merged item hidden with all its
        sources), applied to the table once at its end instead of once per correction."""
        self._holding, self._held = True, 0
        self.undo_stack.beginMacro(title)
        try:
            yield
        finally:
            self.undo_stack.endMacro()
            self._holding = False
            if self._held:
                self._held = 0
                self.changed()

    def push(self, correction: Correction, text: str) -> None:
        self.undo_stack.push(AddCorrection(self, correction, text))

    def retract(self, correction: Correction, text: str) -> None:
        self.undo_stack.push(RemoveCorrection(self, correction, text))

    def changed(self) -> None:
        if self._holding:
            self._held += 1
            return
        self.corrections_changed.emit()
        self._timer.start()

    def save_now(self) -> None:
        self._timer.stop()
        if self.project.path is None:
            return
        try:
            path = self.project.save()
        except OSError as exc:
            self.save_failed.emit(f"{self.project.path}: {exc.strerror or exc}")
        else:
            self.saved.emit(str(path))

    def pending(self) -> bool:
        return self._timer.isActive()


_open_boxes: list[QMessageBox] = []


def _warn(parent: QWidget | None, title: str, text: str) -> None:
    """A non-blocking warning (the text may quote file names: plain text only)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setModal(False)
    box.finished.connect(lambda _: _open_boxes.remove(box) if box in _open_boxes else None)
    _open_boxes.append(box)
    box.show()
