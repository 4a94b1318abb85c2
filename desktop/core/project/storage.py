"""A project file on disk: saving it atomically, reading it back strictly (a damaged file
is moved aside, never half-read), and the checks that decide what is valid."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.core.atomic import write_text_atomic
from desktop.core.messages import os_error_text
from desktop.core.project.model import (
    _ANCHOR_KEYS,
    _CORRECTION_KEYS,
    _ID,
    _SHA256,
    _TOP_KEYS,
    CONTEXT_CHARS,
    KINDS,
    MAX_FILE_CHARS,
    MAX_PROJECT_BYTES,
    MAX_TEXT,
    MERGE_KEY,
    PUBLISHED_KEY,
    SCHEMA,
    SCHEMA_VERSION,
    Anchor,
    Correction,
    ProjectDamaged,
    ProjectError,
    _change_problem,
    _now,
)


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
    if kind in ("hide", "split") and changes:
        raise _Invalid(f"{where}.changes", f"must be empty for a {kind}")
    if kind in ("merge", "split"):
        if kind == "merge":
            _merge_changes(changes, f"{where}.changes")
        created = _timestamp_string(item["created"], f"{where}.created")
        return Correction(id=correction_id, kind=kind, anchor=anchor, event_id=event_id,
                          changes=_copy_json(changes), created=created)
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


def _merge_changes(changes: dict, where: str) -> None:
    """A merge holds only ``with``: the other event's ``event_id`` and ``anchor``."""
    if set(changes) != {MERGE_KEY}:
        raise _Invalid(where, f"a merge holds only {MERGE_KEY!r}")
    other = changes[MERGE_KEY]
    _expect(other, dict, f"{where}.{MERGE_KEY}", "an object")
    _exact_keys(other, {"event_id", "anchor"}, f"{where}.{MERGE_KEY}")
    event_id = _string(other["event_id"], f"{where}.{MERGE_KEY}.event_id", limit=64, empty=False)
    if not _ID.fullmatch(event_id):
        raise _Invalid(f"{where}.{MERGE_KEY}.event_id", "not an event id")
    _anchor_from(other["anchor"], f"{where}.{MERGE_KEY}.anchor")


def _copy_json(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy_json(v) for v in value]
    return value


def anchor_json(anchor: Anchor) -> dict[str, Any]:
    """An anchor as the project file writes it."""
    return {"file": anchor.file, "text_sha": anchor.text_sha, "span": [int(anchor.span[0]), int(anchor.span[1])],
            "text": anchor.text, "context": anchor.context}


def anchor_from_json(item: Any) -> Anchor:
    """An anchor read back (ValueError when it is not a valid one)."""
    try:
        return _anchor_from(item, "$")
    except _Invalid as problem:
        raise ValueError(str(problem)) from None


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
    return {
        "id": correction.id,
        "kind": correction.kind,
        "anchor": anchor_json(correction.anchor),
        "event_id": correction.event_id,
        "changes": _copy_json(correction.changes),
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
