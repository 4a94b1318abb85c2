"""User corrections, kept in a project file and re-applied to every extraction.

A user can edit an event (dates, precision, title, category, places, tense), hide a false
event, add a manual event on a span of source text, or set an article's publication date
(``published``: every relative date of that article is resolved again against it, by
:func:`apply_project`, which needs the extracted corpus, not only its events). Each of these is a
:class:`Correction` anchored on the text it was made on (:class:`Anchor`: the file, the
hash of its decoded text, the span, the text there and some context around it). The
corrections of a corpus live in a :class:`Project`, saved as JSON next to the corpus (or
in the app's data folder) and re-applied by :func:`apply_corrections` to the events the
engine extracts — also when a newer engine gives the events other ids, and when the file
itself changed (the anchor is found again through its context).

A project file that cannot be used is never half-read: :meth:`Project.load` validates it
strictly and moves a damaged file aside (``<name>.damaged-<YYYYmmdd-HHMMSS>``) so that the
next save cannot overwrite what the user may still want to recover.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .atomic import write_text_atomic
from .categories import OTHER, categories
from .messages import os_error_text, problem_text
from .sentences import sentence_spans, span_containing
from .table import COLUMNS, ORIGINS, PRECISIONS, TENSES

SCHEMA = "desktop-timeline project"
#: 2 added the ``published`` kind. A version 1 file is read as it is (it is a subset) and
#: written back as version 2; an app that reads only version 1 leaves a version 2 file alone.
SCHEMA_VERSION = 2

KINDS = ("edit", "hide", "add", "published")
CHANGE_KEYS = ("start", "end", "precision", "edtf", "title", "category", "places", "tense")
#: The change a ``published`` correction holds: the day the user says the article appeared.
PUBLISHED_KEY = "published"
#: Characters of an article's text a ``published`` correction is anchored on (its start).
PUBLISHED_ANCHOR_CHARS = 20
#: Characters of context kept on each side of an anchor's span.
CONTEXT_CHARS = 40
#: Longest string accepted anywhere in a project file (a selected span, a title…).
MAX_TEXT = 10_000
MAX_PLACES = 200
MAX_PLACE_CHARS = 200
MAX_EDTF_CHARS = 100
MAX_FILE_CHARS = 1_000
#: A project file larger than this is refused as damaged (corrections are small).
MAX_PROJECT_BYTES = 64 * 1000 * 1000
RESOLVED_BY_USER = "用户添加，日期由用户给出"  # the resolution note of an event the user added
PROJECT_FILE_NAME = ".timeline-project.json"
SEEDS_PROJECT_NAME = "seeds.timeline.json"

_ID = re.compile(r"[0-9A-Za-z_-]{1,64}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_CORRECTION_KEYS = {"id", "kind", "anchor", "event_id", "changes", "created"}
_ANCHOR_KEYS = {"file", "text_sha", "span", "text", "context"}
_TOP_KEYS = {"schema", "version", "saved", "corpus", "corrections"}


class ProjectError(Exception):
    """A project file that cannot be used: a code and parameters, worded for a user by
    :func:`desktop.core.messages.problem_text` (``str()`` gives the English line)."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(problem_text(code, params, "en"))
        self.code = code
        self.params = params

    def text(self, lang: str = "en") -> str:
        return problem_text(self.code, self.params, lang)


class ProjectDamaged(ProjectError):
    """A damaged project file; it was moved to :attr:`backup`."""

    def __init__(self, code: str, backup: Path, **params: object) -> None:
        super().__init__(code, backup=str(backup), **params)
        self.backup = backup


@dataclass(frozen=True)
class Anchor:
    """Where a correction was made: enough to find the place again after the file changed."""

    file: str  # file name as in the events table's ``file``
    text_sha: str  # sha256 hex of the decoded text (utf-8 encoded), as events.py hashes it
    span: tuple[int, int]  # [start, end) in that text
    text: str  # the text at span when the correction was made
    context: str  # up to 40 characters before + the span text + up to 40 after

    @property
    def before(self) -> str:
        """The context before the span (the span text sits at ``min(40, span[0])``)."""
        offset = self._offset()
        return self.context[:offset]

    @property
    def after(self) -> str:
        return self.context[self._offset() + len(self.text):]

    def _offset(self) -> int:
        offset = min(CONTEXT_CHARS, self.span[0])
        if self.context[offset: offset + len(self.text)] == self.text:
            return offset
        found = self.context.find(self.text)
        return max(found, 0)


@dataclass(frozen=True)
class Correction:
    """One user correction (``edit``, ``hide``, ``add`` or ``published``)."""

    id: str  # uuid4 hex
    kind: str  # "edit" | "hide" | "add" | "published"
    anchor: Anchor  # published: the start of the article's text
    event_id: str | None  # the engine's event it corrects (edit/hide); None for add and published
    changes: dict  # edit/add: any of CHANGE_KEYS (dates "YYYY-MM-DD"); hide: {}; published: {"published": day}
    created: str  # ISO 8601 timestamp


@dataclass
class Project:
    """The corrections of a corpus and where they are saved."""

    corrections: list[Correction] = field(default_factory=list)
    corpus: list[str] = field(default_factory=list)  # the corpus paths (as given)
    path: Path | None = None

    def add(self, correction: Correction) -> None:
        """Append a correction (ValueError if one with the same id is already there)."""
        if any(c.id == correction.id for c in self.corrections):
            raise ValueError(f"correction {correction.id} is already in the project")
        self.corrections.append(correction)

    def remove(self, correction_id: str) -> Correction | None:
        """Take the correction out (undo); None if there was none with that id."""
        for index, correction in enumerate(self.corrections):
            if correction.id == correction_id:
                return self.corrections.pop(index)
        return None

    def save(self, path: Path | None = None) -> Path:
        """Write the project (pretty JSON, keys sorted, UTF-8) atomically; returns the path.

        The file is written to a temporary file in the same folder and renamed over the old
        one, so a failure midway leaves the earlier file as it was.
        """
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ValueError("the project has no path to save to")
        document = {
            "schema": SCHEMA,
            "version": SCHEMA_VERSION,
            "saved": _now(),
            "corpus": [str(p) for p in self.corpus],
            "corrections": [_correction_json(c) for c in self.corrections],
        }
        text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        target.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(target, text)
        self.path = target
        return target

    @classmethod
    def load(cls, path: Path) -> Project:
        """Read and validate a project file.

        Raises FileNotFoundError when there is none (start a new project), ProjectError when
        it was made by a newer version or cannot be read, and ProjectDamaged (after moving
        the file aside) when it is not a valid project.
        """
        path = Path(path)
        try:
            size = path.stat().st_size
            data = b"" if size > MAX_PROJECT_BYTES else path.read_bytes()
        except FileNotFoundError:
            raise
        except OSError as exc:
            raise ProjectError("project-unreadable", path=str(path), error_en=os_error_text(exc, "en"),
                               error_zh=os_error_text(exc, "zh")) from None
        try:
            if size > MAX_PROJECT_BYTES:
                raise _Invalid("$", f"file larger than {MAX_PROJECT_BYTES // 1_000_000} MB")
            document = _parse(data)
            if isinstance(document, dict) and document.get("schema") == SCHEMA:
                version = document.get("version")
                if type(version) is int and version > SCHEMA_VERSION:
                    raise ProjectError("project-newer", path=str(path), version=version, supported=SCHEMA_VERSION)
            corpus, corrections = _validate(document)
        except _Invalid as problem:
            backup = _move_aside(path, problem)
            raise ProjectDamaged("project-damaged", backup, path=str(path), where=problem.where,
                                 what=problem.what) from None
        return cls(corrections=corrections, corpus=corpus, path=path)


# --- making corrections ------------------------------------------------------------


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def anchor_for(text: str, file: str, span: tuple[int, int]) -> Anchor:
    """The anchor of ``text[span[0]:span[1]]`` in the file ``file``."""
    start, end = int(span[0]), int(span[1])
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}-{end} is outside the text (length {len(text)})")
    if end - start > MAX_TEXT:
        raise ValueError(f"span longer than {MAX_TEXT} characters")
    context = text[max(start - CONTEXT_CHARS, 0): end + CONTEXT_CHARS]
    return Anchor(file=str(file), text_sha=_sha(text), span=(start, end), text=text[start:end], context=context)


def _field(event: Mapping, key: str) -> Any:
    try:
        return event[key]
    except (KeyError, IndexError, TypeError):
        return None


def _event_span(event: Mapping) -> tuple[int, int]:
    start, end = _field(event, "date_start"), _field(event, "date_end")
    if start is None or end is None:
        span = _field(event, "date_span")
        if span is None:
            raise ValueError("the event has no date_start/date_end")
        start, end = span
    return int(start), int(end)


def _as_day(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, str):
        return _parse_day(value)
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return pd.Timestamp(value).date()


def _parse_day(value: str) -> date:
    if not _DAY.fullmatch(value):
        raise ValueError(f"not a date (YYYY-MM-DD): {value!r}")
    return date.fromisoformat(value)


def _normalize_changes(changes: Mapping) -> dict:
    """Changes with dates as ``YYYY-MM-DD`` strings, checked (ValueError says what is wrong)."""
    normalized: dict[str, Any] = {}
    for key, value in dict(changes).items():
        if key in ("start", "end"):
            day = _as_day(value)
            if day is None:
                raise ValueError(f"{key}: a date is required")
            value = day.isoformat()
        elif key == "places":
            if isinstance(value, str) or not isinstance(value, Sequence):
                raise ValueError("places: a list of names is required")
            value = [str(v).strip() for v in value if str(v).strip()]
        elif isinstance(value, str):
            value = value.strip()
        problem = _change_problem(key, value)
        if problem:
            raise ValueError(problem)
        normalized[key] = value
    if "start" in normalized and "end" in normalized and normalized["start"] > normalized["end"]:
        raise ValueError(f"start {normalized['start']} is after end {normalized['end']}")
    return normalized


def make_edit(event: Mapping, document_text: str, changes: dict) -> Correction:
    """An edit of an event (a row of the events frame) of the file whose text is given.

    ValueError when nothing changes, a value is invalid, or the start would fall after
    the end; ``edtf`` and ``tense`` follow edited dates unless given too.
    """
    changes = _normalize_changes(changes)
    if not changes:
        raise ValueError("nothing to change")
    old_start, old_end = _as_day(_field(event, "start")), _as_day(_field(event, "end"))
    start = _parse_day(changes["start"]) if "start" in changes else old_start
    end = _parse_day(changes["end"]) if "end" in changes else old_end
    if start is not None and end is not None and start > end:
        raise ValueError(f"start {start.isoformat()} is after end {end.isoformat()}")
    return _correction("edit", event, document_text, changes)


def make_hide(event: Mapping, document_text: str) -> Correction:
    """Hiding a false event."""
    return _correction("hide", event, document_text, {})


def _correction(kind: str, event: Mapping, document_text: str, changes: dict) -> Correction:
    event_id = _field(event, "id")
    if event_id is None or pd.isna(event_id) or not _ID.fullmatch(str(event_id)):
        raise ValueError("the event has no valid id")
    span = _event_span(event)
    anchor = anchor_for(document_text, str(_field(event, "file")), span)
    date_text = _field(event, "date_text")
    if date_text is not None and not pd.isna(date_text) and str(date_text) != anchor.text:
        raise ValueError("the event's date_text is not at its span in this text (another file?)")
    return Correction(id=uuid.uuid4().hex, kind=kind, anchor=anchor, event_id=str(event_id),
                      changes=changes, created=_now())


def make_manual(document_text: str, file: str, span: tuple[int, int], changes: dict) -> Correction:
    """A manual event on the selected span (``changes`` must give at least ``start``)."""
    changes = _normalize_changes(changes)
    if "start" not in changes:
        raise ValueError("a manual event needs a start date")
    if span[1] <= span[0]:
        raise ValueError("select some text to anchor the event on")
    anchor = anchor_for(document_text, file, span)
    if not anchor.text.strip():
        raise ValueError("select some text to anchor the event on")
    return Correction(id=uuid.uuid4().hex, kind="add", anchor=anchor, event_id=None,
                      changes=changes, created=_now())


def make_published(document_text: str, file: str, article_span: tuple[int, int], published: date | str) -> Correction:
    """The user's publication date for the article at ``article_span`` of the file (a
    newspaper page holds several): anchored on the start of the article's text, so it is
    found again after the file changed."""
    day = _as_day(published)
    if day is None:
        raise ValueError("published: a date is required")
    start, end = int(article_span[0]), int(article_span[1])
    while start < end and document_text[start].isspace():
        start += 1
    if start >= end:
        raise ValueError("the article has no text to anchor the date on")
    anchor = anchor_for(document_text, file, (start, min(end, start + PUBLISHED_ANCHOR_CHARS)))
    return Correction(id=uuid.uuid4().hex, kind="published", anchor=anchor, event_id=None,
                      changes={PUBLISHED_KEY: day.isoformat()}, created=_now())


# --- where a project is kept --------------------------------------------------------


def _package_dirs() -> list[Path]:
    from .corpus import SEEDS_DIR

    return [SEEDS_DIR.resolve(), Path(__file__).resolve().parents[1]]


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _hash8(paths: Sequence[Path]) -> str:
    return hashlib.sha256("\n".join(sorted(str(p) for p in paths)).encode("utf-8", "surrogatepass")).hexdigest()[:8]


def _safe_name(name: str) -> str:
    name = re.sub(r"[\\/:*?\"<>|\x00-\x1f]+", "_", name).strip(" ._") or "corpus"
    return name[:60]


def fallback_project_path(path: Path) -> Path:
    """Where corrections go when the project file at ``path`` cannot be used as it is (made
    by a newer version of the app, or unreadable): a sibling named by this version's format,
    which the next launch looks at too (:func:`desktop.gui.corrections` opens it), so the
    corrections made meanwhile are never lost and the newer file is never overwritten."""
    path = Path(path)
    return path.with_name(f"{path.stem}.v{SCHEMA_VERSION}{path.suffix}")


def default_project_path(corpus_paths: list[Path], data_dir: Path) -> Path:
    """Where the project of a corpus is kept.

    * the bundled seeds (or no paths): ``data_dir/seeds.timeline.json``;
    * one folder: ``<folder>/.timeline-project.json`` when the folder is writable (and not
      part of the installed package), else ``data_dir/<name>-<hash8>.timeline.json``;
    * files (or several folders): ``data_dir/<stem>-<hash8>.timeline.json``: the stem of the
      first of the sorted absolute paths, the hash over them all.
    """
    data_dir = Path(data_dir)
    paths = [Path(p).resolve() for p in corpus_paths]
    package = _package_dirs()
    if not paths or paths == [package[0]]:
        return data_dir / SEEDS_PROJECT_NAME
    if len(paths) == 1 and paths[0].is_dir():
        folder = paths[0]
        if not any(_inside(folder, p) for p in package) and os.access(folder, os.W_OK | os.X_OK):
            return folder / PROJECT_FILE_NAME
        return data_dir / f"{_safe_name(folder.name)}-{_hash8(paths)}.timeline.json"
    first = min(paths, key=str)  # the same files in any order give the same project
    return data_dir / f"{_safe_name(first.stem)}-{_hash8(paths)}.timeline.json"


# --- applying corrections -----------------------------------------------------------


@dataclass
class Applied:
    """Events with the corrections applied."""

    frame: pd.DataFrame  # typed and sorted like events_frame; hidden rows kept (hidden=True)
    unplaced: list[Correction]  # corrections whose anchor (or event) could not be found
    placed: dict[str, str]  # correction id -> id of the event it applies to


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def locate(anchor: Anchor, text: str, text_sha: str | None = None) -> tuple[int, int] | None:
    """The anchor's span in the current ``text`` of its file (whose sha256 ``text_sha`` may be
    given), or None if it is gone."""
    start, end = anchor.span
    if (text_sha or _sha(text)) == anchor.text_sha and text[start:end] == anchor.text and len(anchor.text) == end - start:
        return start, end
    if not anchor.text:
        return None
    length = len(anchor.text)
    before, after = anchor.before, anchor.after
    old = start - len(before)
    hits = _occurrences(text, anchor.context)
    if hits:
        best = min(hits, key=lambda p: abs(p - old))
        return best + len(before), best + len(before) + length
    candidates = _occurrences(text, anchor.text)
    if not candidates:
        return None

    def score(position: int) -> tuple[int, int]:
        matched = (_common_suffix(before, text[max(position - len(before), 0): position])
                   + _common_prefix(after, text[position + length: position + length + len(after)]))
        return matched, -abs(position - start)

    best = max(candidates, key=score)
    return best, best + length


def _occurrences(text: str, needle: str) -> list[int]:
    if not needle:
        return []
    found, position = [], text.find(needle)
    while position >= 0:
        found.append(position)
        position = text.find(needle, position + 1)
    return found


def _created_key(correction: Correction) -> datetime:
    try:
        moment = datetime.fromisoformat(correction.created)
    except (TypeError, ValueError):
        return datetime.min.replace(tzinfo=UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _edtf_for(start: date, end: date, precision: str) -> str:
    if start == end:
        return start.isoformat()
    last_of_month = (pd.Timestamp(start) + pd.offsets.MonthEnd(0)).date()
    if precision == "month" and start.day == 1 and end == last_of_month:
        return f"{start.year:04d}-{start.month:02d}"
    if precision == "year" and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) \
            and start.year == end.year:
        return f"{start.year:04d}"
    return f"{start.isoformat()}/{end.isoformat()}"


def _tense_for(start: date, end: date, published: Any) -> str:
    ref = _as_day(published) or date.today()
    if end < ref:
        return "past"
    if start > ref:
        return "planned"
    return "ongoing"


def _timestamp(day: date) -> pd.Timestamp:
    return pd.Timestamp(day).as_unit("s")


def _typed(data: dict[str, list]) -> pd.DataFrame:
    """Rows given column by column, typed like :func:`desktop.core.table.events_frame`."""
    from .table import _STRINGS

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


class _Work:
    """The rows being corrected: a copy of the input frame, addressed by position, and the
    manual rows added so far (positions after the frame's)."""

    def __init__(self, frame: pd.DataFrame) -> None:
        missing = [name for name in COLUMNS if name not in frame.columns and name not in ("origin", "hidden")]
        if missing:
            raise ValueError(f"events frame without {', '.join(missing)}")
        df = frame.copy(deep=True).reset_index(drop=True)
        if "origin" not in df.columns:
            df["origin"] = pd.Categorical(["extracted"] * len(df), categories=ORIGINS)
        if "hidden" not in df.columns:
            df["hidden"] = pd.Series([False] * len(df), dtype=bool)
        self.df = df[COLUMNS]
        self.count = len(self.df)
        self.added: list[dict[str, Any]] = []
        self.ids = [str(i) for i in self.df["id"].to_numpy(dtype=object)]
        self._rows: dict[str, int] = {}
        for row, event_id in enumerate(self.ids):
            self._rows.setdefault(event_id, row)
        self._positions = {name: index for index, name in enumerate(COLUMNS)}
        self._files = self.df["file"].astype(object).to_numpy()
        self._starts = self.df["date_start"].to_numpy(dtype="int64")
        self._ends = self.df["date_end"].to_numpy(dtype="int64")
        self.sentences: dict[str, list[tuple[int, int]]] = {}

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
        if row >= self.count:
            self.added[row - self.count][name] = value
        else:
            self.df.iat[row, self._positions[name]] = value

    def append(self, values: dict[str, Any]) -> None:
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
        work.set(row, "edtf", _edtf_for(start, end, str(precision)))
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
        "edtf": valid("edtf") or _edtf_for(start, end, precision),
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
    if correction.kind not in KINDS or correction.kind == "published":
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
        corrections = list(corrections)
    except Exception:  # noqa: BLE001 - never raise: nothing usable to apply
        corrections = []
    try:
        work = _Work(frame)
    except Exception:  # noqa: BLE001
        from .table import events_frame

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
        if correction.kind == "published":
            continue  # applied to the corpus by apply_project
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
    from .articles import Published
    from .corpus import article_events_for
    from .table import events_frame

    frame = corpus.events
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
    keep = ~frame["article_id"].isin([info.article.id for info, _ in chosen.values()])
    combined = pd.concat([frame[keep], events_frame(redone)])
    combined = combined.sort_values(["start", "end", "file", "date_start"], kind="stable")
    return combined, unplaced, placed


def apply_project(corpus: Any, corrections: Sequence[Correction]) -> Applied:
    """All the corrections applied to an extracted corpus (``desktop.core.corpus.Corpus``):
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


# --- reading and checking a project file --------------------------------------------


class _Invalid(Exception):
    def __init__(self, where: str, what: str) -> None:
        super().__init__(f"{where}: {what}")
        self.where = where
        self.what = what


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _Invalid("$", f"key {key!r} appears twice")
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise _Invalid("$", f"{name} is not allowed")


def _parse(data: bytes) -> Any:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _Invalid("$", f"not UTF-8 (byte {exc.start})") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise _Invalid("$", f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except RecursionError:
        raise _Invalid("$", "nested too deeply") from None


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "a boolean", int: "a number", float: "a number", str: "a string",
            list: "a list", dict: "an object"}.get(type(value), type(value).__name__)


def _expect(value: Any, kind: type, where: str, what: str) -> None:
    if type(value) is not kind:
        raise _Invalid(where, f"{what} expected, found {_type_name(value)}")


def _string(value: Any, where: str, limit: int = MAX_TEXT, empty: bool = True) -> str:
    _expect(value, str, where, "a string")
    if len(value) > limit:
        raise _Invalid(where, f"string longer than {limit} characters")
    if not empty and not value:
        raise _Invalid(where, "empty string")
    return value


def _change_problem(key: str, value: Any) -> str | None:
    """What is wrong with one change (None when it is valid)."""
    if key in ("start", "end"):
        if type(value) is not str or not _DAY.fullmatch(value):
            return f"{key}: not a date YYYY-MM-DD"
        try:
            date.fromisoformat(value)
        except ValueError:
            return f"{key}: no such day {value}"
        return None
    if key == "precision":
        return None if type(value) is str and value in PRECISIONS else f"precision: unknown {value!r}"
    if key == "category":
        return None if type(value) is str and value in categories() else f"category: unknown {value!r}"
    if key == "tense":
        return None if type(value) is str and value in TENSES else f"tense: unknown {value!r}"
    if key == "edtf":
        if type(value) is not str or not value or len(value) > MAX_EDTF_CHARS:
            return f"edtf: a string of 1 to {MAX_EDTF_CHARS} characters is required"
        return None
    if key == "title":
        if type(value) is not str or not value.strip() or len(value) > MAX_TEXT:
            return f"title: a string of 1 to {MAX_TEXT} characters is required"
        return None
    if key == "places":
        if type(value) is not list or len(value) > MAX_PLACES:
            return f"places: a list of at most {MAX_PLACES} names is required"
        for item in value:
            if type(item) is not str or not item or len(item) > MAX_PLACE_CHARS:
                return f"places: names must be strings of 1 to {MAX_PLACE_CHARS} characters"
        return None
    return f"unknown field {key!r}"


def _validate(document: Any) -> tuple[list[str], list[Correction]]:
    _expect(document, dict, "$", "an object")
    if "schema" not in document:
        raise _Invalid("$.schema", "missing (not a timeline project file)")
    if document["schema"] != SCHEMA:
        raise _Invalid("$.schema", f"{str(document['schema'])[:60]!r} is not {SCHEMA!r}")
    extra = sorted(set(document) - _TOP_KEYS)
    if extra:
        raise _Invalid(f"$.{extra[0]}", "unknown field")
    for key in ("version", "corpus", "corrections"):
        if key not in document:
            raise _Invalid(f"$.{key}", "missing")
    version = document["version"]
    _expect(version, int, "$.version", "an integer")
    if version < 1:
        raise _Invalid("$.version", f"{version} is not a format version")
    if "saved" in document:
        _timestamp_string(document["saved"], "$.saved")
    _expect(document["corpus"], list, "$.corpus", "a list")
    corpus = [_string(p, f"$.corpus[{i}]", limit=MAX_TEXT) for i, p in enumerate(document["corpus"])]
    _expect(document["corrections"], list, "$.corrections", "a list")
    corrections = []
    seen: set[str] = set()
    for index, item in enumerate(document["corrections"]):
        correction = _correction_from(item, f"$.corrections[{index}]")
        if correction.id in seen:
            raise _Invalid(f"$.corrections[{index}].id", f"duplicate id {correction.id}")
        seen.add(correction.id)
        corrections.append(correction)
    return corpus, corrections


def _timestamp_string(value: Any, where: str) -> str:
    _string(value, where, limit=64, empty=False)
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise _Invalid(where, f"not an ISO 8601 timestamp: {value!r}") from None
    return value


def _exact_keys(item: dict, keys: set[str], where: str) -> None:
    missing = sorted(keys - set(item))
    if missing:
        raise _Invalid(f"{where}.{missing[0]}", "missing")
    extra = sorted(set(item) - keys)
    if extra:
        raise _Invalid(f"{where}.{extra[0]}", "unknown field")


def _correction_from(item: Any, where: str) -> Correction:
    _expect(item, dict, where, "an object")
    _exact_keys(item, _CORRECTION_KEYS, where)
    correction_id = _string(item["id"], f"{where}.id", limit=64, empty=False)
    if not _ID.fullmatch(correction_id):
        raise _Invalid(f"{where}.id", "not an id (letters, digits, - and _)")
    kind = _string(item["kind"], f"{where}.kind", limit=16)
    if kind not in KINDS:
        raise _Invalid(f"{where}.kind", f"{kind!r} is not one of {', '.join(KINDS)}")
    anchor = _anchor_from(item["anchor"], f"{where}.anchor")
    event_id = item["event_id"]
    if kind in ("add", "published"):
        if event_id is not None:
            raise _Invalid(f"{where}.event_id", f"must be null for {'an added event' if kind == 'add' else 'a publication date'}")
    else:
        _string(event_id, f"{where}.event_id", limit=64, empty=False)
        if not _ID.fullmatch(event_id):
            raise _Invalid(f"{where}.event_id", "not an event id")
    changes = item["changes"]
    _expect(changes, dict, f"{where}.changes", "an object")
    if kind == "hide" and changes:
        raise _Invalid(f"{where}.changes", "must be empty for a hide")
    if kind == "published":
        if set(changes) != {PUBLISHED_KEY}:
            raise _Invalid(f"{where}.changes", f"a publication date holds only {PUBLISHED_KEY!r}")
        problem = _change_problem("start", changes[PUBLISHED_KEY])
        if problem:
            raise _Invalid(f"{where}.changes.{PUBLISHED_KEY}", problem.split(": ", 1)[-1])
        if anchor.span[0] == anchor.span[1]:
            raise _Invalid(f"{where}.anchor.span", "empty span for a publication date")
        created = _timestamp_string(item["created"], f"{where}.created")
        return Correction(id=correction_id, kind=kind, anchor=anchor, event_id=None,
                          changes=dict(changes), created=created)
    for key in sorted(changes):
        problem = _change_problem(key, changes[key])
        if problem:
            raise _Invalid(f"{where}.changes.{key}", problem.split(": ", 1)[-1])
    if "start" in changes and "end" in changes and changes["start"] > changes["end"]:
        raise _Invalid(f"{where}.changes.end", "before start")
    if kind == "edit" and not changes:
        raise _Invalid(f"{where}.changes", "an edit changes nothing")
    if kind == "add":
        if "start" not in changes:
            raise _Invalid(f"{where}.changes.start", "missing (an added event needs a date)")
        if anchor.span[0] == anchor.span[1]:
            raise _Invalid(f"{where}.anchor.span", "empty span for an added event")
    created = _timestamp_string(item["created"], f"{where}.created")
    return Correction(id=correction_id, kind=kind, anchor=anchor, event_id=event_id,
                      changes=dict(changes), created=created)


def _anchor_from(item: Any, where: str) -> Anchor:
    _expect(item, dict, where, "an object")
    _exact_keys(item, _ANCHOR_KEYS, where)
    file = _string(item["file"], f"{where}.file", limit=MAX_FILE_CHARS, empty=False)
    text_sha = _string(item["text_sha"], f"{where}.text_sha", limit=64)
    if not _SHA256.fullmatch(text_sha):
        raise _Invalid(f"{where}.text_sha", "not a sha256 hex digest")
    span = item["span"]
    _expect(span, list, f"{where}.span", "a list")
    if len(span) != 2 or any(type(v) is not int for v in span):
        raise _Invalid(f"{where}.span", "two integers expected")
    start, end = span
    if start < 0 or end < start:
        raise _Invalid(f"{where}.span", f"[{start}, {end}] is not 0 ≤ start ≤ end")
    text = _string(item["text"], f"{where}.text")
    if len(text) != end - start:
        raise _Invalid(f"{where}.text", f"length {len(text)} does not match the span ({end - start})")
    context = _string(item["context"], f"{where}.context", limit=MAX_TEXT + 2 * CONTEXT_CHARS)
    if text not in context or len(context) > len(text) + 2 * CONTEXT_CHARS:
        raise _Invalid(f"{where}.context", "does not hold the anchored text")
    return Anchor(file=file, text_sha=text_sha, span=(start, end), text=text, context=context)


def _correction_json(correction: Correction) -> dict[str, Any]:
    anchor = correction.anchor
    return {
        "id": correction.id,
        "kind": correction.kind,
        "anchor": {"file": anchor.file, "text_sha": anchor.text_sha, "span": [int(anchor.span[0]), int(anchor.span[1])],
                   "text": anchor.text, "context": anchor.context},
        "event_id": correction.event_id,
        "changes": dict(correction.changes),
        "created": correction.created,
    }


def _move_aside(path: Path, problem: _Invalid) -> Path:
    """Rename the damaged file to ``<name>.damaged-<YYYYmmdd-HHMMSS>`` (same folder)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 2
    while backup.exists():
        backup = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
        counter += 1
    try:
        os.rename(path, backup)
    except OSError as exc:
        raise ProjectError("project-damaged-stuck", path=str(path), where=problem.where, what=problem.what,
                           error_en=os_error_text(exc, "en"), error_zh=os_error_text(exc, "zh")) from None
    return backup


__all__ = [
    "SCHEMA", "SCHEMA_VERSION", "fallback_project_path", "Anchor", "Applied", "Correction", "Project",
    "ProjectDamaged", "ProjectError", "anchor_for", "apply_corrections", "apply_project", "apply_published",
    "default_project_path", "describe", "locate", "make_edit", "make_hide", "make_manual", "make_published",
]

