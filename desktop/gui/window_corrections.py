"""The main window's user corrections: edit, hide, add, undo, the project file.

A mixin of :class:`~desktop.gui.main_window.MainWindow` (it uses the window's model,
selection, controller and texts). Every change goes through the
:class:`~desktop.gui.corrections.ProjectController` as an undoable step.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QFileDialog, QListWidgetItem

from desktop.core.dates.intervals import interval_tense, stand_in_day
from desktop.core.events.categories import OTHER
from desktop.core.events.corpus import SEEDS_DIR
from desktop.core.events.filters import filtered_rows, place_counts
from desktop.core.events.merge import collapse_clusters, item_sources
from desktop.core.language import language
from desktop.core.project import (
    Applied,
    apply_corrections,
    apply_project,
    clustered,
    make_edit,
    make_hide,
    make_manual,
    make_merge,
    make_published,
    make_split,
)
from desktop.core.store.cache import ExtractionCache
from desktop.core.text.segmenter import loaded as segmenter_loaded
from desktop.core.timeline.index import build_index
from desktop.gui.corrections import EditEventDialog, PublishedDialog, data_dir
from desktop.gui.errors import write_log
from desktop.gui.models import rows_in_order
from desktop.gui.ops import run_op
from desktop.gui.plain import tooltip_text
from desktop.gui.timeline_view import LABEL_ROOM_EVENTS


class CorrectionsMixin:
    #: Above this many events, corrections are applied in the background (the window stays
    #: usable; a burst of edits shows the last state); below, at once.
    BACKGROUND_CORRECTIONS_EVENTS = 20_000
    #: Merging events across articles takes about a second for 15,000 events (more the first
    #: time, while their words are segmented): above this many, it never runs on the GUI thread.
    BACKGROUND_MERGE_EVENTS = 2_000
    #: False: every event its own item (only the user's own merges join events).
    merge_enabled = True
    #: The corrected events, one row per event (the model shows one row per merged item).
    members = None

    def reapply_corrections(self) -> None:
        """Rebuild the table from the engine's events and the project's corrections,
        keeping the selection (by event id)."""
        if self.extracted is None:
            return
        frame = self.model.frame
        selected_ids = frame["id"].to_numpy()[np.asarray(self.selected_rows(), dtype=np.int64)].astype(str).tolist()
        current = self.selection.currentIndex()
        current_id = str(frame["id"].iat[current.row()]) if current.isValid() and current.row() < len(frame) else None
        corrections = list(self.controller.project.corrections)
        corpus, extracted, texts = self.corpus, self.extracted, self.texts

        merge = self.merge_enabled
        # the timeline's index is built here too, for the filters and lanes of now: taken when
        # they are the same once the table is shown (else the view builds its own)
        event_filter, lane_mode, show_hidden = self.current_filter(), self.timeline.lane_mode, self.act_show_hidden.isChecked()
        sorted_by = self.proxy.sort_state()  # and the list's order, for the same reason
        loading = self._table_pending  # a load's first table: the place box is filled from it

        def work():  # noqa: ANN202 - runs in the background for a big table
            if corpus is not None:  # publication dates first: they re-resolve their articles
                applied = apply_project(corpus, corrections)
            else:
                applied = apply_corrections(extracted, corrections, texts)
            # then one item per happening: the clustering is a pure function of the table, its
            # automatic links kept in the extraction cache (a reopened corpus is not merged again)
            with ExtractionCache(data_dir() / "cache", log=write_log) as memo:
                members, links = clustered(applied.frame, corrections, texts, enabled=merge, memo=memo)
            applied = Applied(applied.frame, applied.unplaced + links.unplaced, {**applied.placed, **links.placed})
            items = collapse_clusters(members)
            shown, _ = filtered_rows(items, event_filter, show_hidden)
            left_out = ~shown
            index = build_index(items, lane_mode, left_out)
            index.fit_extent()  # answered here, not on the GUI thread when the view fits it
            index.latest_shown(LABEL_ROOM_EVENTS)
            order = rows_in_order(items, *sorted_by)
            places = place_counts(items["places"]) if loading else None
            return applied, members, items, (lane_mode, left_out, index, order, places)

        def show(result) -> None:  # noqa: ANN001 - (Applied, members, items, (lane mode, hidden, index, order, places))
            applied, members, items, (mode, hidden, index, order, places) = result
            self.applied = applied
            self.members = members
            self.timeline.offer_index(items, mode, hidden, index)
            self.proxy.offer_order(items, sorted_by, order)
            if places is not None:
                self.offer_place_counts(items, places)
            self._set_frame(items)
            if selected_ids or current_id is not None:  # the selection again, on the new rows
                new_frame = self.model.frame
                positions = {}
                for position, sources in enumerate(new_frame["sources"].tolist()):
                    for source in sources or ():
                        positions[str(source["id"])] = position  # a merged item answers for its sources
                positions.update({str(i): p for p, i in enumerate(new_frame["id"].tolist())})
                rows = [positions[i] for i in selected_ids if i in positions]
                if current_id in positions:
                    rows = [r for r in rows if r != positions[current_id]] + [positions[current_id]]
                self.select_rows(list(dict.fromkeys(rows)))
            self._show_problems()
            if self._table_pending:
                # the rest of a load (places, view, columns) in the event loop's next turn:
                # all at once, a big corpus's first table held the window 110 ms
                QTimer.singleShot(0, self, self._table_ready)
            self.corrections_applied.emit()

        def failed(error: BaseException) -> None:
            self._table_pending = False  # the load has ended, with the table it had
            raise error  # the error report; the table stays as it was

        # merging segments the sentences: off the GUI thread for a big table, or while jieba's
        # dictionary is still to be loaded (a corpus reopened from the cache)
        merging_is_slow = merge and (len(extracted) > self.BACKGROUND_MERGE_EVENTS or not segmenter_loaded())
        if len(extracted) > self.BACKGROUND_CORRECTIONS_EVENTS or merging_is_slow:
            self.statusBar().showMessage(self.tr("正在应用修改…"))
            run_op("corrections", work, show, failed, owner=self.model)
        else:
            show(work())

    def choose_project(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("打开项目文件"), "", self.tr("项目文件 (*.json)"))
        if name:
            self.open_project(Path(name))

    def open_project(self, path: Path) -> None:
        """Use the corrections in ``path`` for the loaded corpus (and save there from now on)."""
        corpus = [str(p) for p in (self.paths or [SEEDS_DIR])]
        self.controller.open(path, corpus, self)

    def save_project_as(self, path: Path | None = None) -> Path | None:
        """Keep the corrections in a file of the user's choosing (auto-saved there from now on)."""
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("项目另存为"), "timeline-project.json",
                                                  self.tr("项目文件 (*.json)"))
            if not name:
                return None
            path = Path(name)
        self.controller.project.path = path
        self.controller.save_now()
        self.statusBar().showMessage(self.tr("项目已保存到 %s") % path)
        return path

    def _show_problems(self) -> None:
        self.problems_list.clear()

        def add(text: str, tip: str) -> None:
            item = QListWidgetItem(text)
            item.setToolTip(tooltip_text(tip))
            self.problems_list.addItem(item)

        for problem in self.corpus.problems if self.corpus else []:
            if problem.skipped_copy:  # its reason says so: 与 … 内容相同：已跳过
                add(self.tr("%s：%s") % (problem.path.name, problem.text(language())), str(problem.path))
            else:
                add(self.tr("%s：未能读取（%s）") % (problem.path.name, problem.text(language())), str(problem.path))
        for warning in self.corpus.warnings if self.corpus else []:
            add(self.tr("%s：提示（%s）") % (warning.path.name, warning.text(language())), str(warning.path))
        kinds = {"edit": self.tr("修改"), "hide": self.tr("隐藏"), "add": self.tr("新建事件"),
                 "merge": self.tr("合并"), "split": self.tr("拆分")}
        for correction in self.applied.unplaced if self.applied else []:
            anchor = correction.anchor
            add(self.tr("%s未能对应到当前文本（%s：“%s”）：已保留在项目文件中")
                % (kinds.get(correction.kind, correction.kind), anchor.file, anchor.text[:30]), anchor.file)

    def _on_current(self, handler) -> None:  # noqa: ANN001 - a method taking a row
        current = self.selection.currentIndex()
        rows = self.selected_rows()
        row = current.row() if current.isValid() else (rows[0] if rows else None)
        if row is not None:
            handler(row)

    def _event_day(self, row: int, column: str) -> date:
        """The event's start or end day; for a partial date (XXXX-05-16) its month and day in
        this year, for the user to give the year."""
        frame = self.model.frame
        value = frame[column].iat[row]
        if pd.notna(value):
            return value.date()
        return stand_in_day(str(frame["edtf"].iat[row]), date.today().year) or date.today()

    def _event_values(self, row: int) -> dict:
        frame = self.model.frame
        return {
            "start": self._event_day(row, "start"), "end": self._event_day(row, "end"),
            "edtf": str(frame["edtf"].iat[row]),
            "precision": str(frame["precision"].iat[row]), "title": str(frame["title"].iat[row]),
            "category": str(frame["category"].iat[row]), "places": list(frame["places"].iat[row]),
            "tense": str(frame["tense"].iat[row]),
        }

    def edit_event(self, row: int) -> None:
        dialog = EditEventDialog(self._event_values(row), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply_edit(row, dialog.changes())

    def apply_edit(self, row: int, changes: dict) -> None:
        """Correct event ``row`` (an undoable step, saved shortly after)."""
        event = self.model.frame.iloc[row].to_dict()
        text = self.texts[str(event["file"])]
        title = self.tr("修改“%s”") % str(event["title"])[:20]
        if event.get("origin") == "manual":
            # a manual event is its own correction: replace it with the edited one
            previous = next((c for c in self.controller.project.corrections
                             if c.kind == "add" and self.applied.placed.get(c.id) == event["id"]), None)
            if previous is not None:
                # same correction id (so the event keeps its id), new changes
                replacement = replace(previous, changes={**previous.changes, **changes})
                with self.controller.batch(title):
                    self.controller.retract(previous, title)
                    self.controller.push(replacement, title)
                return
        self.controller.push(make_edit(event, text, changes), title)

    def _member_events(self, row: int) -> list[dict]:
        """The events (rows of the uncollapsed table) of item ``row``: its sources."""
        item = self.model.frame.iloc[row]
        ids = [str(s["id"]) for s in item_sources(item)]
        members = self.members
        if members is None or len(ids) < 2:
            return [item.to_dict()]
        by_id = members.set_index(members["id"].astype(str), drop=False)
        return [by_id.loc[i].to_dict() for i in ids if i in by_id.index]

    def hide_event(self, row: int) -> None:
        title = self.tr("隐藏“%s”") % str(self.model.frame["title"].iat[row])[:20]
        events = self._member_events(row)  # a merged item is hidden with all its sources
        with self.controller.batch(title):
            for event in events:
                if not bool(event.get("hidden")):
                    self.controller.push(make_hide(event, self.texts[str(event["file"])]), title)

    def unhide_event(self, row: int) -> None:
        event_ids = {str(e["id"]) for e in self._member_events(row)}
        hides = [c for c in self.controller.project.corrections
                 if c.kind == "hide" and self.applied is not None and self.applied.placed.get(c.id) in event_ids]
        if hides:
            title = self.tr("恢复显示")
            with self.controller.batch(title):
                for correction in hides:
                    self.controller.retract(correction, title)

    def _toggle_hidden(self, row: int) -> None:
        if bool(self.model.frame["hidden"].iat[row]):
            self.unhide_event(row)
        else:
            self.hide_event(row)

    def new_event_from_text(self, file: str, start: int, end: int) -> None:
        text = self.texts.get(file)
        if text is None or end <= start:
            return
        values = self.manual_defaults(file, start, end)
        dialog = EditEventDialog(values, self, heading=self.tr("新建事件"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_manual_event(file, start, end, dialog.changes())

    def manual_defaults(self, file: str, start: int, end: int) -> dict:
        """Prefill for a new event: the selected text read as a date when it is one."""
        from desktop.core.dates import parse_date

        selected = self.texts[file][start:end]
        frame = self.model.frame
        published = frame[frame["file"] == file]["published"].dropna()
        ref = published.iloc[0].date() if len(published) else date.today()
        found = parse_date(selected, ref)
        first, last, precision = (found.start, found.end, found.precision) if found else (ref, ref, "day")
        return {"start": first, "end": last, "precision": precision, "title": selected.strip()[:30],
                "category": OTHER, "places": [], "tense": interval_tense(first, last, ref)}

    def edit_published(self, row: int) -> None:
        """Ask for the publication date of event ``row``'s article and set it (undoable): every
        relative date of that article is resolved again against it."""
        frame = self.model.frame
        current = frame["published"].iat[row]
        start = current.date() if pd.notna(current) else self._event_day(row, "start")
        dialog = PublishedDialog(str(frame["article_title"].iat[row]), start, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_published(row, dialog.chosen())

    def set_published(self, row: int, day: date) -> None:
        frame = self.model.frame
        article_id = str(frame["article_id"].iat[row])
        info = self.corpus.article(article_id) if self.corpus is not None else None
        if info is None:
            return
        file = info.article.file
        correction = make_published(self.texts[file], file, info.article.span, day)
        self.controller.push(correction, self.tr("发布日期改为 %s") % day.isoformat())

    def add_manual_event(self, file: str, start: int, end: int, changes: dict) -> None:
        correction = make_manual(self.texts[file], file, (start, end), changes)
        self.controller.push(correction, self.tr("新建事件“%s”") % changes.get("title", "")[:20])


    # ------------------------------------------------------------------ one happening, several sources

    def merge_selected(self) -> None:
        """Edit → 合并所选事件: the selected items are one happening (an undoable step)."""
        rows = self.selected_rows()
        if len(rows) < 2:
            self.statusBar().showMessage(self.tr("请选择至少两个事件再合并"), 4000)
            return
        frame = self.model.frame
        first = frame.iloc[rows[0]].to_dict()
        title = self.tr("合并 %Ln 个事件", "", len(rows))
        with self.controller.batch(title):
            for row in rows[1:]:
                other = frame.iloc[row].to_dict()
                self.controller.push(make_merge(first, self.texts[str(first["file"])], other,
                                                self.texts[str(other["file"])]), title)

    def split_selected(self) -> None:
        """Edit → 拆分合并的事件: every selected merged item falls apart into its sources."""
        rows = [r for r in self.selected_rows() if self._sources_count(r) > 1]
        current = self.selection.currentIndex()
        if not rows and current.isValid() and self._sources_count(current.row()) > 1:
            rows = [current.row()]
        if not rows:
            self.statusBar().showMessage(self.tr("所选事件没有合并的来源"), 4000)
            return
        self.split_items(rows)

    def split_items(self, rows: list[int]) -> None:
        title = self.tr("拆分“%s”") % str(self.model.frame["title"].iat[rows[0]])[:20]
        # every item's sources first, read before the table is rebuilt
        events = [event for row in rows for event in self._member_events(row)[1:]]
        with self.controller.batch(title):
            for event in events:  # the item's own event stays; the others stand alone
                self.controller.push(make_split(event, self.texts[str(event["file"])]), title)

    def _sources_count(self, row: int) -> int:
        frame = self.model.frame
        return int(frame["cluster_size"].iat[row]) if "cluster_size" in frame and 0 <= row < len(frame) else 1

    def split_source(self, source: dict) -> None:
        """One source of a merged item taken out of it (the detail pane's source list)."""
        members = self.members
        if members is None or source is None:
            return
        chosen = members[members["id"].astype(str) == str(source.get("id"))]
        if chosen.empty:
            return
        event = chosen.iloc[0].to_dict()
        self.controller.push(make_split(event, self.texts[str(event["file"])]),
                             self.tr("拆出“%s”") % str(event["title"])[:20])
