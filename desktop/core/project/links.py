"""The user's merges and splits, turned into what the clustering takes: pairs of event ids
that are one happening (``must_link``) and events that take no automatic link (``apart``).

A ``merge`` names two events, a ``split`` one; each event is found by its id, failing that
(a newer engine, a changed file) by the event of its file whose date expression overlaps the
anchor, found again like any correction's. Applied in the order they were made: a split
undoes the earlier merges of its event, a later merge joins it again.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from desktop.core.project.locate import follow_renamed_files, locate
from desktop.core.project.model import LINK_KINDS, MERGE_KEY, Anchor, Correction, _sha
from desktop.core.project.storage import anchor_from_json

if TYPE_CHECKING:
    from desktop.core.events.merge import LinkMemo


@dataclass
class Links:
    must_link: list[tuple[str, str]] = field(default_factory=list)
    apart: set[str] = field(default_factory=set)
    unplaced: list[Correction] = field(default_factory=list)
    placed: dict[str, str] = field(default_factory=dict)  # correction id -> the (first) event's id


class _Finder:
    def __init__(self, frame: pd.DataFrame, texts: Mapping[str, str]) -> None:
        self.ids = set(frame["id"].astype(str))
        self.files = frame["file"].astype(object).to_numpy()
        self.starts = frame["date_start"].to_numpy(dtype=np.int64)
        self.ends = frame["date_end"].to_numpy(dtype=np.int64)
        self.frame_ids = frame["id"].astype(str).to_numpy(dtype=object)
        self.texts = texts
        self.shas: dict[str, str] = {}

    def find(self, event_id: str | None, anchor: Anchor) -> str | None:
        if event_id in self.ids:
            return event_id
        text = self.texts.get(anchor.file)
        if not isinstance(text, str):
            return None
        if anchor.file not in self.shas:
            self.shas[anchor.file] = _sha(text)
        span = locate(anchor, text, self.shas[anchor.file])
        if span is None:
            return None
        rows = np.flatnonzero(self.files == anchor.file)
        if not len(rows):
            return None
        overlap = np.minimum(self.ends[rows], span[1]) - np.maximum(self.starts[rows], span[0])
        if overlap.max() <= 0:
            return None
        return str(self.frame_ids[rows[int(np.argmax(overlap))]])


def cluster_links(frame: pd.DataFrame, corrections: Sequence[Correction], texts: Mapping[str, str]) -> Links:
    """The merges and splits of ``corrections`` placed on the events of ``frame`` (see the
    module's docstring); the others are ignored. Never raises for a broken correction: it is
    listed in ``unplaced``."""
    links = Links()
    chosen = [c for c in corrections if c.kind in LINK_KINDS]
    if not chosen or frame.empty:
        links.unplaced.extend(chosen)
        return links
    with contextlib.suppress(Exception):  # nothing usable to follow: the names as they are
        chosen = follow_renamed_files(chosen, texts)
    finder = _Finder(frame, texts)
    pairs: list[tuple[str, str]] = []
    for correction in sorted(chosen, key=lambda c: c.created):
        try:
            first = finder.find(correction.event_id, correction.anchor)
            second = None
            if correction.kind == "merge":
                other = correction.changes.get(MERGE_KEY) or {}
                second = finder.find(str(other.get("event_id")), anchor_from_json(other.get("anchor")))
        except Exception:  # noqa: BLE001 - a broken correction is reported, not raised
            first = second = None
        if first is None or (correction.kind == "merge" and second is None):
            links.unplaced.append(correction)
            continue
        links.placed[correction.id] = first
        if correction.kind == "split":
            pairs = [p for p in pairs if first not in p]
            links.apart.add(first)
        else:
            pairs.append((first, second))
    links.must_link = pairs
    return links


def clustered(frame: pd.DataFrame, corrections: Sequence[Correction], texts: Mapping[str, str],
              enabled: bool = True, memo: LinkMemo | None = None) -> tuple[pd.DataFrame, Links]:
    """The events of ``frame`` (corrections already applied) with ``cluster_id`` and
    ``cluster_size``, the user's merges and splits respected; ``enabled=False``: only the
    user's merges join events (``--no-merge``); ``memo``: where the automatic links are kept
    between runs (the extraction cache)."""
    from desktop.core.events.merge import cluster_events

    links = cluster_links(frame, corrections, texts)
    return cluster_events(frame, must_link=links.must_link, apart=links.apart, enabled=enabled, memo=memo), links
