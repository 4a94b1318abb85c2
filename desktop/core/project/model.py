"""What a correction is: the anchor it is made on, the correction, the project file's
vocabulary, what makes a change valid, and the errors of a project file that cannot be used."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from desktop.core.events.categories import categories
from desktop.core.events.table import PRECISIONS, TENSES
from desktop.core.messages import problem_text

SCHEMA = "desktop-timeline project"


#: 2 added the ``published`` kind. A version 1 file is read as it is (it is a subset) and
#: written back as version 2; an app that reads only version 1 leaves a version 2 file alone.
#: 3 names a file by its path relative to the corpus root (``a/index.txt``), no longer by its
#: bare name; older anchors are followed to their file by the hash of its text.
#: 4 added ``merge`` (two events are one happening: one timeline item) and ``split`` (an event
#: taken out of the item it was merged into); version 1 to 3 files are read as they are.
SCHEMA_VERSION = 4


KINDS = ("edit", "hide", "add", "published", "merge", "split")


#: The kinds that join or part events across articles (applied by the clustering, not to rows).
LINK_KINDS = ("merge", "split")


#: The change a ``merge`` correction holds: the other event, by id and by anchor.
MERGE_KEY = "with"


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


RESOLVED_BY_USER = "user"  # the resolution record of an event the user added (export.notes words it)


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


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


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
