"""The content of an event brief (the PDF export), as plain data — no Qt.

:func:`build_brief` turns a selection of the events table into a :class:`Brief`: the
events sorted by start, each with its readable date, its source sentence and where its
key terms sit in that sentence (the PDF prints them bold), and a summary (how many
events, the span they cover, the articles they come from, counts per category).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from desktop.core.export.formatting import (
    amount_text,
    outer_span,
    precision_name,
    readable_date,
    tense_name,
)
from desktop.core.language import parenthesized, pick
from desktop.core.reading.published import basis_in
from desktop.core.vocab import dated_by_publication


class EmptySelection(ValueError):
    """A brief of no event."""


def inferred_mark(lang: str | None = None) -> str:
    return pick("（推断）", " (inferred)", lang)


def unknown_date(lang: str | None = None) -> str:
    return pick("日期不详", "date unknown", lang)


@dataclass(frozen=True, slots=True)
class BriefSource:
    """An article the selected events come from."""

    title: str
    outlet: str
    published: str  # readable, or the EDTF with （推断）
    events: int  # selected events from it


@dataclass(frozen=True, slots=True)
class BriefCitation:
    """One source of a merged item: where it was read and how that source dates it."""

    article_id: str
    article_title: str
    outlet: str
    published: str
    date: str  # the date as this source gives it, readable
    date_text: str  # as written
    sentence: str


@dataclass(frozen=True, slots=True)
class BriefItem:
    """One event as the brief prints it."""

    number: int  # 1-based, in brief order; the timeline refers to it
    id: str
    start: date | None  # None for a partial date (XXXX-05-16): listed, not on the timeline
    end: date | None
    precision: str
    tense: str
    date: str  # readable date
    precision_name: str
    title: str
    category: str
    tense_name: str
    places: tuple[str, ...]
    amounts: tuple[str, ...]
    sentence: str
    term_spans: tuple[tuple[int, int], ...]  # [start, end) offsets of key terms in the sentence
    article_title: str
    outlet: str
    published: str
    #: Every source of a merged item (the item's own first); empty for an event with one source.
    citations: tuple[BriefCitation, ...] = ()
    spread: str = ""  # the spread of the dates its sources give, when they differ
    #: Its text names no date: it stands on the day its article was published.
    dated_by_publication: bool = False


@dataclass(frozen=True, slots=True)
class Brief:
    corpus_name: str
    generated: date
    items: tuple[BriefItem, ...]
    span_text: str  # the time the items cover (:func:`outer_span`)
    sources: tuple[BriefSource, ...]
    category_counts: tuple[tuple[str, int], ...]  # most frequent first

    @property
    def count(self) -> int:
        return len(self.items)


def _text(value: Any) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    return str(value)


def _day(value: Any) -> date | None:
    if value is None or pd.isna(value):
        return None
    return pd.Timestamp(value).date()


def _edtf_readable(edtf: str) -> str:
    """A publication EDTF (``2025``, ``2025-03``, ``2022-XX-15``) in words."""
    parts = edtf.split("-")
    try:
        if len(parts) == 1:
            year = int(parts[0])
            return readable_date(date(year, 1, 1), date(year, 12, 31), "year")
        if len(parts) == 2 and parts[1] != "XX":
            first = date(int(parts[0]), int(parts[1]), 1)
            return readable_date(first, first, "month")
        if len(parts) == 3 and parts[1] == "XX":
            return readable_date(date(int(parts[0]), 1, 1), date(int(parts[0]), 12, 31), "day", edtf)
    except ValueError:
        pass
    return edtf


def published_text(published: Any, edtf: Any, basis: Any, with_basis: bool = False) -> str:
    """The publication date for readers — the one wording of the brief, the detail pane and
    the exports. An inferred date shows its EDTF and （推断）; ``with_basis`` adds how the
    date was obtained as a reader says it (``2024年2月24日（据页首日期）``)."""
    edtf_text, basis_text = _text(edtf), _text(basis)
    day = _day(published)
    if "inferred" in basis_text.lower() or "推断" in basis_text:
        shown = edtf_text or (day.isoformat() if day else "")
        return f"{shown}{inferred_mark()}" if shown else unknown_date()
    if day is not None:
        when = readable_date(day, day, "day")
    else:
        when = _edtf_readable(edtf_text) if edtf_text else unknown_date()
    label = basis_in(basis_text) if with_basis and basis_text else ""
    return when + parenthesized(label) if label and when != unknown_date() else when


def term_spans(sentence: str, terms: Sequence[str]) -> tuple[tuple[int, int], ...]:
    """Non-overlapping ``[start, end)`` spans of every occurrence of the terms, in order
    (a longer term wins where two overlap)."""
    taken = [False] * len(sentence)
    spans: list[tuple[int, int]] = []
    for term in sorted({t for t in terms if t}, key=len, reverse=True):
        at = sentence.find(term)
        while at >= 0:
            end = at + len(term)
            if not any(taken[at:end]):
                spans.append((at, end))
                taken[at:end] = [True] * len(term)
            at = sentence.find(term, at + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def _list(value: Any) -> list:
    return list(value) if isinstance(value, list | tuple) else []


def _citation(source: dict) -> BriefCitation:
    start, end = _day(source.get("start")), _day(source.get("end"))
    edtf = _text(source.get("edtf"))
    # a partial date (XXXX-05-16) is worded from its EDTF, without an interval
    when = readable_date(start, end, _text(source.get("precision")), edtf) \
        if (start is not None and end is not None) or edtf.startswith("XXXX") else unknown_date()
    return BriefCitation(
        article_id=_text(source.get("article_id")), article_title=_text(source.get("article_title")),
        outlet=_text(source.get("outlet")),
        published=published_text(source.get("published"), source.get("published_edtf"), source.get("published_basis")),
        date=when, date_text=_text(source.get("date_text")), sentence=_text(source.get("sentence")),
    )


def _citations(row: Any) -> tuple[tuple[BriefCitation, ...], str]:
    sources = getattr(row, "sources", None)
    if not isinstance(sources, list) or len(sources) < 2:
        return (), ""
    citations = tuple(_citation(s) for s in sources if not s.get("hidden"))
    first, last = _day(getattr(row, "spread_start", None)), _day(getattr(row, "spread_end", None))
    spread = ""
    if first is not None and last is not None and (first, last) != (_day(row.start), _day(row.end)):
        spread = readable_date(first, last, "range")
    return citations, spread


def _item(number: int, row: Any) -> BriefItem:
    start, end = _day(row.start), _day(row.end)  # None for a partial date (XXXX-05-16)
    precision, tense, edtf = _text(row.precision), _text(row.tense), _text(row.edtf)
    sentence = _text(row.sentence)
    citations, spread = _citations(row)
    return BriefItem(
        number=number,
        id=_text(row.id),
        start=start,
        end=end,
        precision=precision,
        tense=tense,
        date=readable_date(start, end, precision, edtf),
        precision_name=precision_name(precision),
        dated_by_publication=dated_by_publication(row.date_text),
        title=_text(row.title),
        category=_text(row.category),
        tense_name=tense_name(tense),
        places=tuple(str(p) for p in _list(row.places)),
        amounts=tuple(amount_text(a) for a in _list(row.amounts) if isinstance(a, dict)),
        sentence=sentence,
        term_spans=term_spans(sentence, [str(t) for t in _list(row.keyterms)]),
        article_title=_text(row.article_title),
        outlet=_text(row.outlet),
        published=published_text(row.published, row.published_edtf, row.published_basis),
        citations=citations, spread=spread,
    )


def _span_of(items: Sequence[BriefItem]) -> str:
    """One item: its own date; more: from the first one's beginning to the last one's end."""
    placed = [i for i in items if i.start is not None and i.end is not None]
    if len(placed) < 2 or len({(i.start, i.end, i.precision) for i in placed}) == 1:
        return (placed or items)[0].date
    first = placed[0]  # items are in time order
    last = max(placed, key=lambda i: (i.end, i.start))
    return outer_span((first.start, first.end, first.precision), (last.start, last.end, last.precision))


def select_events(events: pd.DataFrame, ids: Sequence[str] | None) -> pd.DataFrame:
    """The rows of ``ids`` (all rows when None), sorted by start, end and table order."""
    if ids is None:
        chosen = events
    else:
        from desktop.core.events.table import values_in

        wanted = values_in(events["id"], ids)
        chosen = events if wanted.all() else events[wanted]  # a copy of a million rows is a second
    order = pd.DataFrame({"start": chosen["start"].to_numpy(), "end": chosen["end"].to_numpy(),
                          "row": range(len(chosen))})
    rows = order.sort_values(["start", "end", "row"], kind="stable")["row"].to_numpy()
    in_order = bool(len(rows) == 0 or (np.diff(rows) == 1).all())  # a table is kept in time order
    return chosen if in_order else chosen.iloc[rows]


def build_brief(
    events: pd.DataFrame, ids: Sequence[str] | None, corpus_name: str, generated: date
) -> Brief:
    """The brief of the selected events (all when ``ids`` is None).

    Raises :class:`EmptySelection` when nothing is selected.
    """
    chosen = select_events(events, ids)
    if chosen.empty:
        raise EmptySelection(pick("没有选中的事件", "no event is selected"))
    items = tuple(_item(n, row) for n, row in enumerate(chosen.itertuples(index=False), start=1))
    sources: dict[tuple[str, str, str], list] = {}
    for item, article_id in zip(items, chosen["article_id"].astype(str), strict=True):
        # a merged item cites every article that reports it
        cited = [(c.article_id, c.article_title, c.outlet, c.published) for c in item.citations] \
            or [(article_id, item.article_title, item.outlet, item.published)]
        for cited_id, title, outlet, published in dict.fromkeys(cited):
            key = (cited_id, title, outlet)
            if key in sources:
                sources[key][3] += 1
            else:
                sources[key] = [title, outlet, published, 1]
    counts = Counter(item.category for item in items)
    first_seen = {}
    for item in items:
        first_seen.setdefault(item.category, item.number)
    return Brief(
        corpus_name=corpus_name,
        generated=generated,
        items=items,
        span_text=_span_of(items),
        sources=tuple(BriefSource(*values) for values in sources.values()),
        category_counts=tuple(sorted(counts.items(), key=lambda kv: (-kv[1], first_seen[kv[0]]))),
    )
