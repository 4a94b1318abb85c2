"""Which events pass the user's search and filters — one rule for GUI, CLI and export.

``query`` matches titles, sentences, key terms, places and organizations (all words of
the query must occur, case-insensitive); ``categories`` keeps events with any of the given
values, ``places`` events placed in any of the given places *or inside them* (天津市 keeps
events in 宝坻区: the gazetteer knows the hierarchy); ``date_from``/``date_to`` keep events
whose interval overlaps.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from .places import hierarchy
from .timeline_index import lane_mask


@dataclass(frozen=True, slots=True)
class EventFilter:
    query: str = ""
    categories: frozenset[str] = field(default_factory=frozenset)
    places: frozenset[str] = field(default_factory=frozenset)
    date_from: date | None = None
    date_to: date | None = None
    lane: tuple[str, str] | None = None  # (lane mode, lane key): only the events of that lane

    @property
    def is_empty(self) -> bool:
        return not (self.query.strip() or self.categories or self.places or self.date_from or self.date_to
                    or self.lane)

    def query_mask(self, frame: pd.DataFrame) -> np.ndarray:
        """Events that match the text query (all True when there is none)."""
        words = self.query.lower().split()
        if not words or frame.empty:
            return np.ones(len(frame), dtype=bool)
        haystack = searchable_text(frame)
        mask = np.ones(len(frame), dtype=bool)
        for word in words:
            mask &= haystack.str.contains(word, regex=False).to_numpy(dtype=bool)
        return mask

    def filter_mask(self, frame: pd.DataFrame) -> np.ndarray:
        """Events that pass category, place and date filters (the query aside)."""
        mask = np.ones(len(frame), dtype=bool)
        if frame.empty:
            return mask
        if self.categories:
            mask &= frame["category"].isin(self.categories).to_numpy(dtype=bool)
        if self.places:
            mask &= places_mask(frame["places"], self.places)
        if self.date_from:
            mask &= (frame["end"] >= pd.Timestamp(self.date_from)).to_numpy(dtype=bool)
        if self.date_to:
            mask &= (frame["start"] <= pd.Timestamp(self.date_to)).to_numpy(dtype=bool)
        if self.lane:
            mask &= lane_mask(frame, *self.lane)
        return mask

    def mask(self, frame: pd.DataFrame) -> np.ndarray:
        return self.query_mask(frame) & self.filter_mask(frame)


def searchable_text(frame: pd.DataFrame) -> pd.Series:
    """Lower-cased text each event is searched by.

    Kept per frame *object* (not in ``frame.attrs``, which pandas copies into every derived
    frame — a copy with an edited title would then be searched by the old text) and
    dropped when the frame is. Frames are replaced, not edited in place, when events change.
    """
    key = id(frame)
    cached = _SEARCHABLE.get(key)
    if cached is not None and cached[0]() is frame:
        return cached[1]
    joined = (
        frame["title"].fillna("") + "\n" + frame["sentence"].fillna("") + "\n"
        + frame["keyterms"].map(" ".join) + "\n" + frame["places"].map(" ".join) + "\n"
        + frame["orgs"].map(" ".join) + "\n" + frame["article_title"].fillna("")
    ).str.lower()
    _SEARCHABLE[key] = (weakref.ref(frame, lambda _ref, key=key: _SEARCHABLE.pop(key, None)), joined)
    return joined


_SEARCHABLE: dict[int, tuple[weakref.ref, pd.Series]] = {}


def places_mask(places: pd.Series, wanted: frozenset[str]) -> np.ndarray:
    """Events with a place in ``wanted`` or inside one of them (by the gazetteer)."""
    ancestors: dict[str, bool] = {}

    def inside(place: str) -> bool:
        found = ancestors.get(place)
        if found is None:
            found = ancestors[place] = place in wanted or bool(wanted.intersection(hierarchy(place)))
        return found

    return np.fromiter((any(inside(p) for p in event_places) for event_places in places), dtype=bool,
                       count=len(places))


def place_counts(places: pd.Series) -> dict[str, int]:
    """How many events the place filter keeps for each place: the places named and every
    place that holds them (so 天津市 is offered, with its districts' events, even when only
    宝坻区 is named)."""
    chains: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    for event_places in places:
        seen: set[str] = set()
        for place in event_places:
            chain = chains.get(place)
            if chain is None:
                chain = chains[place] = hierarchy(place) or [place]
            seen.update(chain)
        for place in seen:
            counts[place] = counts.get(place, 0) + 1
    return counts
