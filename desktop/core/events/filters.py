"""Which events pass the user's search and filters — one rule for GUI, CLI and export.

``query`` is a search in the query language of :mod:`desktop.core.text.search` (words, OR,
-word, "phrases", fields, dates; traditional/simplified and full-width folded); ``categories`` keeps events with any of the given
values, ``places`` events placed in any of the given places *or inside them* (天津市 keeps
events in 宝坻区: the gazetteer knows the hierarchy); ``date_from``/``date_to`` keep events
whose interval overlaps.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from desktop.core.distinct import object_counts
from desktop.core.text.places import hierarchy
from desktop.core.text.search import parse_query, query_mask
from desktop.core.timeline.index import lane_mask


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
        """Events that match the search query (:mod:`desktop.core.text.search`; all when there is
        none, none when it cannot be read)."""
        if not self.query.strip():
            return np.ones(len(frame), dtype=bool)
        return query_mask(frame, parse_query(self.query))

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
    for event_places, rows in object_counts(places.tolist()):  # rows sharing one list counted at once
        seen: set[str] = set()
        for place in event_places:
            chain = chains.get(place)
            if chain is None:
                chain = chains[place] = hierarchy(place) or [place]
            seen.update(chain)
        for place in seen:
            counts[place] = counts.get(place, 0) + rows
    return counts


def filtered_rows(frame: pd.DataFrame, event_filter: EventFilter,
                  show_hidden: bool) -> tuple[np.ndarray, np.ndarray | None]:
    """The rows the filters show (events the user hid left out unless ``show_hidden``) and the
    rows the user hid (None when the table has no such column). One owner for the window's
    filtering and for a table prepared in the background with its timeline."""
    shown = event_filter.filter_mask(frame)
    hidden = frame["hidden"].to_numpy(dtype=bool) if len(frame) and "hidden" in frame else None
    if hidden is not None and hidden.any() and not show_hidden:
        shown &= ~hidden
    return shown, hidden
