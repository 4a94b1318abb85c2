"""Applying a project's corrections to extracted events: publication dates first (their
articles extracted again), then edits, hides and added events."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from desktop.core.dates.intervals import edtf_of, interval_tense
from desktop.core.events.categories import OTHER, categories
from desktop.core.events.table import COLUMNS, ORIGINS, PRECISIONS, TENSES, values_in
from desktop.core.project.locate import follow_renamed_files, locate
from desktop.core.project.model import (
    CHANGE_KEYS,
    KINDS,
    LINK_KINDS,
    PUBLISHED_KEY,
    RESOLVED_BY_USER,
    Correction,
    _as_day,
    _change_problem,
    _parse_day,
    _sha,
)
from desktop.core.text.sentences import sentence_spans, span_containing


@dataclass
class Applied:
    """Events with the corrections applied."""

    frame: pd.DataFrame  # typed and sorted like events_frame; hidden rows kept (hidden=True)
    unplaced: list[Correction]  # corrections whose anchor (or event) could not be found
    placed: dict[str, str]  # correction id -> id of the event it applies to


def _created_key(correction: Correction) -> datetime:
    try:
        moment = datetime.fromisoformat(correction.created)
    except (TypeError, ValueError):
        return datetime.min.replace(tzinfo=UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _tense_for(start: date, end: date, published: Any) -> str:
    """An edited or added event's tense against its article's publication date (today when
    the article has none)."""
    return interval_tense(start, end, _as_day(published) or date.today())


def _timestamp(day: date) -> pd.Timestamp:
    return pd.Timestamp(day).as_unit("s")


def _typed(data: dict[str, list]) -> pd.DataFrame:
    """Rows given column by column, typed like :func:`desktop.core.events.table.events_frame`."""
    from desktop.core.events.table import _STRINGS

    frame = pd.DataFrame({name: pd.Series(data[name], dtype=object) for name in COLUMNS}, columns=COLUMNS)
    for name in _STRINGS:
        frame[name] = frame[name].astype("string")
    for name in ("published", "start", "end"):
        days = [np.datetime64("NaT") if pd.isna(v) else np.datetime64(pd.Timestamp(v).date(), "D") for v in data[name]]
        frame[name] = pd.Series(np.array(days, dtype="datetime64[D]").astype("datetime64[s]"))
    frame["published_confidence"] = frame["published_confidence"].astype("float64")
    for name in ("date_start", "date_end", "sentence_start", "sentence_end"):
        frame[name] = frame[name].astype("int64")
    frame["hidden"] = frame["hidden"].astype(bool)
    return _categories(frame)


def _categories(frame: pd.DataFrame) -> pd.DataFrame:
    for name, values in (("precision", PRECISIONS), ("tense", TENSES), ("category", categories()),
                         ("origin", ORIGINS)):
        frame[name] = pd.Categorical(frame[name].astype(object), categories=values)
    return frame


#: Columns beyond the table's that corrections keep on the rows they do not replace.
KEPT_EXTRA = ("cluster_id",)


class _Work:
    """The rows being corrected: a copy of the input frame, addressed by position, and the
    manual rows added so far (positions after the frame's)."""

    def __init__(self, frame: pd.DataFrame) -> None:
        missing = [name for name in COLUMNS if name not in frame.columns and name not in ("origin", "hidden")]
        if missing:
            raise ValueError(f"events frame without {', '.join(missing)}")
        # copy-on-write: an edit copies the column it changes; the caller's frame stays as it
        # was (a deep copy held the GIL ~100 ms for a million events, the window waiting)
        df = frame.copy(deep=False).reset_index(drop=True)
        if "origin" not in df.columns:
            df["origin"] = pd.Categorical(["extracted"] * len(df), categories=ORIGINS)
        if "hidden" not in df.columns:
            df["hidden"] = pd.Series([False] * len(df), dtype=bool)
        # a store's events come with the clusters they were merged into: kept with them
        self.df = df[COLUMNS + [name for name in KEPT_EXTRA if name in df.columns]]
        self.count = len(self.df)
        self.added: list[dict[str, Any]] = []
        self.changed = False
        self._positions = {name: index for index, name in enumerate(COLUMNS)}
        self._starts = self.df["date_start"].to_numpy(dtype="int64")
        self._ends = self.df["date_end"].to_numpy(dtype="int64")
        self.sentences: dict[str, list[tuple[int, int]]] = {}

    # made when a correction first needs them: of a million events with no corrections,
    # making them was most of the time the corrections took
    @cached_property
    def ids(self) -> list[str]:
        return [str(i) for i in self.df["id"].to_numpy(dtype=object)]

    @cached_property
    def _rows(self) -> dict[str, int]:
        rows: dict[str, int] = {}
        for row, event_id in enumerate(self.ids):
            rows.setdefault(event_id, row)
        return rows

    @cached_property
    def _files(self) -> np.ndarray:
        return self.df["file"].astype(object).to_numpy()

    def article_source(self, file: str, position: int) -> int | None:
        """The engine's event whose article fields a manual event at ``position`` takes: the
        one whose sentence holds it, else the nearest one before it, else the file's first."""
        rows = np.flatnonzero((self._files == file)
                              & (self.df["origin"].astype(object).to_numpy() != "manual"))
        if not len(rows):
            return None
        starts = self._starts[rows]
        s_starts = self.df["sentence_start"].to_numpy(dtype="int64")[rows]
        s_ends = self.df["sentence_end"].to_numpy(dtype="int64")[rows]
        holding = np.flatnonzero((s_starts <= position) & (position < s_ends))
        if len(holding):
            return int(rows[holding[0]])
        before = np.flatnonzero(starts <= position)
        if len(before):
            return int(rows[before[np.argmax(starts[before])]])
        return int(rows[np.argmin(starts)])

    def get(self, row: int, name: str) -> Any:
        if row >= self.count:
            return self.added[row - self.count][name]
        return self.df.iat[row, self._positions[name]]

    def set(self, row: int, name: str, value: Any) -> None:
        self.changed = True
        if row >= self.count:
            self.added[row - self.count][name] = value
        else:
            self.df.iat[row, self._positions[name]] = value

    def append(self, values: dict[str, Any]) -> None:
        self.changed = True
        self.added.append(dict(values))
        self.ids.append(str(values["id"]))
        self._rows.setdefault(str(values["id"]), len(self.ids) - 1)

    def find(self, event_id: str | None) -> int | None:
        return None if event_id is None else self._rows.get(event_id)

    def rows_of(self, file: str) -> list[int]:
        rows = np.flatnonzero(self._files == file).tolist()
        return rows + [self.count + i for i, values in enumerate(self.added) if values["file"] == file]

    def overlapping(self, file: str, span: tuple[int, int]) -> int | None:
        """The row of ``file`` whose expression overlaps ``span`` most (then the nearest)."""
        start, end = span
        rows = self.rows_of(file)
        if not rows:
            return None
        index = np.array(rows, dtype="int64")
        framed = index[index < self.count]
        added = [int(r) - self.count for r in index[index >= self.count]]
        starts = np.concatenate([self._starts[framed],
                                 np.array([self.added[i]["date_start"] for i in added], dtype="int64")])
        ends = np.concatenate([self._ends[framed],
                               np.array([self.added[i]["date_end"] for i in added], dtype="int64")])
        overlap = np.minimum(ends, end) - np.maximum(starts, start)
        inside = (starts <= start) & (start < ends) if start == end else np.zeros(len(rows), dtype=bool)
        ok = (overlap > 0) | inside
        if not ok.any():
            return None
        candidates = [(int(overlap[i]), -abs(int(starts[i]) - start), -abs(int(ends[i]) - end), -i)
                      for i in np.flatnonzero(ok)]
        return int(index[-max(candidates)[3]])

    def frame(self) -> pd.DataFrame:
        frame = self.df
        if self.added:
            added = _typed({name: [values[name] for values in self.added] for name in COLUMNS})
            frame = _categories(pd.concat([frame, added], ignore_index=True))
        if self.changed:  # an untouched table keeps the engine's order (sorting a million rows: 0.5 s)
            frame = frame.sort_values(["start", "end", "file", "date_start"], kind="stable").reset_index(drop=True)
        frame.index = pd.Index(frame["id"], name="event")
        return frame


def _apply_changes(work: _Work, row: int, changes: Mapping) -> None:
    """Apply the valid keys of ``changes`` to a row (invalid values are ignored)."""
    valid = {k: v for k, v in changes.items() if k in CHANGE_KEYS and not _change_problem(k, v)}
    start = _parse_day(valid["start"]) if "start" in valid else _as_day(work.get(row, "start"))
    end = _parse_day(valid["end"]) if "end" in valid else _as_day(work.get(row, "end"))
    dates_changed = "start" in valid or "end" in valid
    if dates_changed and (start is None or end is None or start > end):
        valid.pop("start", None)
        valid.pop("end", None)
        dates_changed = False
    if dates_changed:
        work.set(row, "start", _timestamp(start))
        work.set(row, "end", _timestamp(end))
    precision = valid.get("precision", work.get(row, "precision"))
    if "precision" in valid:
        work.set(row, "precision", valid["precision"])
    if "edtf" in valid:
        work.set(row, "edtf", valid["edtf"])
    elif (dates_changed or "precision" in valid) and start is not None and end is not None:
        work.set(row, "edtf", edtf_of(start, end, str(precision)))
    if "tense" in valid:
        work.set(row, "tense", valid["tense"])
    elif dates_changed:
        work.set(row, "tense", _tense_for(start, end, work.get(row, "published")))
    for key in ("title", "category"):
        if key in valid:
            work.set(row, key, valid[key])
    if "places" in valid:
        work.set(row, "places", list(valid["places"]))


def _manual_row(work: _Work, correction: Correction, text: str, span: tuple[int, int]) -> dict[str, Any] | None:
    changes = correction.changes
    start_text = changes.get("start")
    if not isinstance(start_text, str) or _change_problem("start", start_text):
        return None
    start = _parse_day(start_text)
    end_text = changes.get("end")
    end = _parse_day(end_text) if isinstance(end_text, str) and not _change_problem("end", end_text) else start
    if end < start:
        return None
    file = correction.anchor.file
    if file not in work.sentences:
        work.sentences[file] = sentence_spans(text)
    sentences = work.sentences[file]
    first = span_containing(sentences, span[0])
    last = span_containing(sentences, max(span[1] - 1, span[0]))
    sentence = ((first or span)[0], (last or span)[1])
    sentence = (min(sentence[0], span[0]), max(sentence[1], span[1]))
    source = work.article_source(file, span[0])
    article = {
        "article_id": Path(file).stem, "article_title": file, "outlet": None, "published": pd.NaT,
        "published_edtf": None, "published_basis": "", "published_confidence": 0.0,
    }
    if source is not None:
        article = {key: work.get(source, key) for key in article}

    def valid(key: str) -> Any:
        value = changes.get(key)
        return None if value is None or _change_problem(key, value) else value

    precision = valid("precision") or "day"
    span_text = text[span[0]:span[1]]
    return {
        "id": "m-" + hashlib.sha1(correction.id.encode("utf-8", "surrogatepass")).hexdigest()[:10],
        "file": file,
        **article,
        "start": _timestamp(start),
        "end": _timestamp(end),
        "precision": precision,
        "edtf": valid("edtf") or edtf_of(start, end, precision),
        "tense": valid("tense") or _tense_for(start, end, article["published"]),
        "resolved_against": RESOLVED_BY_USER,
        "date_text": span_text,
        "date_start": span[0],
        "date_end": span[1],
        "sentence": text[sentence[0]:sentence[1]],
        "sentence_start": sentence[0],
        "sentence_end": sentence[1],
        "title": valid("title") or " ".join(span_text.split())[:30],
        "category": valid("category") or OTHER,
        "places": list(valid("places") or []),
        "orgs": [],
        "amounts": [],
        "keyterms": [],
        "origin": "manual",
        "hidden": False,
    }


def _apply_one(work: _Work, correction: Correction, texts: Mapping[str, str], shas: dict[str, str]) -> str | None:
    """Apply one correction; the id of the event it applies to, or None if unplaced."""
    if correction.kind not in KINDS or correction.kind == "published" or correction.kind in LINK_KINDS:
        return None
    anchor = correction.anchor
    row = work.find(correction.event_id) if correction.kind != "add" else None
    if row is None:
        text = texts.get(anchor.file)
        if not isinstance(text, str):
            return None
        if anchor.file not in shas:
            shas[anchor.file] = _sha(text)
        span = locate(anchor, text, shas[anchor.file])
        if span is None:
            return None
        if correction.kind == "add":
            values = _manual_row(work, correction, text, span)
            if values is None or work.find(values["id"]) is not None:
                return None
            work.append(values)
            return values["id"]
        row = work.overlapping(anchor.file, span)
        if row is None:
            return None
    if correction.kind == "hide":
        work.set(row, "hidden", True)
    else:
        _apply_changes(work, row, correction.changes)
        if work.get(row, "origin") != "manual":
            work.set(row, "origin", "edited")
    return work.ids[row]


def apply_corrections(frame: pd.DataFrame, corrections: Sequence[Correction], texts: Mapping[str, str]) -> Applied:
    """The events of ``frame`` with the corrections applied, in created order.

    ``texts`` maps file names to the decoded text of the corpus now loaded. An edit or a
    hide finds its event by id, else (a newer engine, or the file changed) through its
    anchor: the event of that file whose expression overlaps the anchor's span, found again.
    A correction that cannot be placed is listed in ``unplaced``; nothing raises, and the
    input frame is not modified.
    """
    try:
        corrections = follow_renamed_files(corrections, texts)
    except Exception:  # noqa: BLE001 - never raise: nothing usable to apply
        corrections = []
    try:
        work = _Work(frame)
    except Exception:  # noqa: BLE001
        from desktop.core.events.table import events_frame

        try:
            base = frame.copy(deep=True) if isinstance(frame, pd.DataFrame) else events_frame([])
        except Exception:  # noqa: BLE001
            base = events_frame([])
        return Applied(base, corrections, {})
    try:
        texts = dict(texts)
    except Exception:  # noqa: BLE001
        texts = {}
    unplaced: list[Correction] = []
    placed: dict[str, str] = {}
    shas: dict[str, str] = {}
    for correction in sorted(corrections, key=_created_key):
        if correction.kind == "published" or correction.kind in LINK_KINDS:
            continue  # applied to the corpus by apply_project; merges and splits by the clustering
        try:
            target = _apply_one(work, correction, texts, shas)
        except Exception:  # noqa: BLE001 - a broken correction is reported, not raised
            target = None
        if target is None:
            unplaced.append(correction)
        else:
            placed[correction.id] = target
    try:
        result = work.frame()
    except Exception:  # noqa: BLE001
        return Applied(frame.copy(deep=True), corrections, {})
    return Applied(result, unplaced, placed)


def _article_of(corpus: Any, correction: Correction, shas: dict[str, str]) -> Any:
    """The corpus article (ArticleInfo) a ``published`` correction was made on, or None."""
    anchor = correction.anchor
    for document in corpus.documents:
        if document.name != anchor.file:
            continue
        if anchor.file not in shas:
            shas[anchor.file] = _sha(document.text)
        span = locate(anchor, document.text, shas[anchor.file])
        if span is None:
            return None
        return next((info for info in corpus.articles if info.article.doc is document
                     and info.article.span[0] <= span[0] < max(info.article.span[1], info.article.span[0] + 1)), None)
    return None


def apply_published(corpus: Any, corrections: Sequence[Correction]) -> tuple[pd.DataFrame, list[Correction], dict[str, str]]:
    """The corpus events with each article the user dated (``published`` corrections, the
    latest one per article) extracted again against that date: its relative dates resolved
    anew, its events' ``published`` fields the user's. Returns the events, the corrections
    that could not be placed (their article is gone) and, for the others, correction id ->
    article id. The corpus is not modified.
    """
    from desktop.core.events.corpus import article_events_for
    from desktop.core.events.table import events_frame
    from desktop.core.reading.articles import Published

    frame = corpus.events
    corrections = follow_renamed_files(corrections, {d.name: d.text for d in corpus.documents})
    unplaced: list[Correction] = []
    placed: dict[str, str] = {}
    chosen: dict[int, tuple[Any, date]] = {}
    shas: dict[str, str] = {}
    for correction in sorted((c for c in corrections if c.kind == "published"), key=_created_key):
        value = correction.changes.get(PUBLISHED_KEY)
        info = None
        if isinstance(value, str) and not _change_problem("start", value):
            try:
                info = _article_of(corpus, correction, shas)
            except Exception:  # noqa: BLE001 - a broken correction is reported, not raised
                info = None
        if info is None:
            unplaced.append(correction)
            continue
        chosen[id(info)] = (info, _parse_day(value))
        placed[correction.id] = info.article.id
    if not chosen:
        return frame, unplaced, placed
    redone = []
    for info, day in chosen.values():
        published = Published(day.year, day.month, day.day, "user", "由用户设定（项目文件）", 1.0)
        redone.extend(article_events_for(info, published))
    keep = ~values_in(frame["article_id"], [info.article.id for info, _ in chosen.values()])
    combined = pd.concat([frame[keep], events_frame(redone)])
    combined = combined.sort_values(["start", "end", "file", "date_start"], kind="stable")
    return combined, unplaced, placed


def apply_project(corpus: Any, corrections: Sequence[Correction]) -> Applied:
    """All the corrections applied to an extracted corpus (``desktop.core.events.corpus.Corpus``):
    the publication dates first (:func:`apply_published`), then edits, hides and added events
    (:func:`apply_corrections`, by the ids and anchors of the events as re-extracted)."""
    corrections = list(corrections)
    try:
        frame, unplaced, placed = apply_published(corpus, corrections)
    except Exception:  # noqa: BLE001 - never raise: the events as extracted
        frame, unplaced, placed = corpus.events, [c for c in corrections if c.kind == "published"], {}
    texts: dict[str, str] = {}
    for document in corpus.documents:
        texts.setdefault(document.name, document.text)
    applied = apply_corrections(frame, [c for c in corrections if c.kind != "published"], texts)
    return Applied(applied.frame, unplaced + applied.unplaced, {**placed, **applied.placed})


def describe(correction: Correction) -> str:
    """One line for a user: ``correction edit on FILE '2月28日' could not be placed``."""
    text = " ".join(correction.anchor.text.split())
    if len(text) > 40:
        text = text[:39] + "…"
    return f"correction {correction.kind} on {correction.anchor.file} '{text}' could not be placed"
