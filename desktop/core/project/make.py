"""Making corrections from what the user did: an edit, a hide, an added event, a
publication date — each anchored on the text it was made on."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import pandas as pd

from desktop.core.project.model import (
    _ID,
    CONTEXT_CHARS,
    MAX_TEXT,
    PUBLISHED_ANCHOR_CHARS,
    PUBLISHED_KEY,
    Anchor,
    Correction,
    _as_day,
    _change_problem,
    _now,
    _parse_day,
    _sha,
)


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


def make_merge(event: Mapping, document_text: str, other: Mapping, other_text: str) -> Correction:
    """The user's word that two events (of two articles, usually) report one happening: one
    timeline item from now on. Each event is anchored on its date expression."""
    from desktop.core.project.model import MERGE_KEY
    from desktop.core.project.storage import anchor_json

    first = _correction("merge", event, document_text, {})
    second = _correction("merge", other, other_text, {})
    if first.event_id == second.event_id:
        raise ValueError("an event cannot be merged with itself")
    changes = {MERGE_KEY: {"event_id": second.event_id, "anchor": anchor_json(second.anchor)}}
    return Correction(id=first.id, kind="merge", anchor=first.anchor, event_id=first.event_id,
                      changes=changes, created=first.created)


def make_split(event: Mapping, document_text: str) -> Correction:
    """Taking an event out of the item it was merged into: it stands alone (unless the user
    merges it again)."""
    return _correction("split", event, document_text, {})
