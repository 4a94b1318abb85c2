"""Which events pass the user's search and filters — one rule for GUI, CLI and export.

``query`` matches titles, sentences, key terms, places and organizations (all words of
the query must occur, case-insensitive); ``categories`` and ``places`` keep events with
any of the given values; ``date_from``/``date_to`` keep events whose interval overlaps.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd


@dataclass(frozen=True, slots=True)
class EventFilter:
    query: str = ""
    categories: frozenset[str] = field(default_factory=frozenset)
    places: frozenset[str] = field(default_factory=frozenset)
    date_from: date | None = None
    date_to: date | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.query.strip() or self.categories or self.places or self.date_from or self.date_to)

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
            wanted = self.places
            mask &= np.fromiter((bool(wanted & set(p)) for p in frame["places"]), dtype=bool, count=len(frame))
        if self.date_from:
            mask &= (frame["end"] >= pd.Timestamp(self.date_from)).to_numpy(dtype=bool)
        if self.date_to:
            mask &= (frame["start"] <= pd.Timestamp(self.date_to)).to_numpy(dtype=bool)
        return mask

    def mask(self, frame: pd.DataFrame) -> np.ndarray:
        return self.query_mask(frame) & self.filter_mask(frame)


def searchable_text(frame: pd.DataFrame) -> pd.Series:
    """Lower-cased text each event is searched by (cached on the frame's attrs)."""
    cached = frame.attrs.get("_searchable")
    if cached is not None and len(cached) == len(frame):
        return cached
    joined = (
        frame["title"].fillna("") + "\n" + frame["sentence"].fillna("") + "\n"
        + frame["keyterms"].map(" ".join) + "\n" + frame["places"].map(" ".join) + "\n"
        + frame["orgs"].map(" ".join) + "\n" + frame["article_title"].fillna("")
    ).str.lower()
    frame.attrs["_searchable"] = joined
    return joined
