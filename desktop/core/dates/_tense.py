"""Tense of a mention: its interval against the reference date, overridden by planned cues."""

from __future__ import annotations

import re
from datetime import date

from desktop.core.dates._lexicon import HORIZONS
from desktop.core.dates.intervals import interval_tense
from desktop.core.resources import word_list

WINDOW = 12
_CLAUSE_END = re.compile(r"[，,。；;！？!?\n]")
_COMMA = "，,"
_CUE_RE = re.compile(
    "|".join(
        re.escape(word)
        for word in sorted(word_list("cues", "tense_planned.txt"), key=len, reverse=True)
    )
)
_NOT_RE = re.compile(
    "|".join(
        re.escape(word)
        for word in sorted(word_list("cues", "tense_planned_not.txt"), key=len, reverse=True)
    )
)


def _has_cue(text: str, lo: int, hi: int) -> bool:
    """A planned cue inside text[lo:hi] that is not part of a listed non-cue word (主要, 需要…)."""
    if lo >= hi:
        return False
    blocked = [
        (block.start(), block.end())
        for block in _NOT_RE.finditer(text, max(lo - 3, 0), min(hi + 3, len(text)))
    ]
    for cue in _CUE_RE.finditer(text, lo, hi):
        if not any(
            block_start < cue.end() and cue.start() < block_end
            for block_start, block_end in blocked
        ):
            return True
    return False


def _clause_bounds(text: str, span_start: int, span_end: int) -> tuple[int, int]:
    start = 0
    for match in _CLAUSE_END.finditer(text, 0, span_start):
        start = match.end()
    match = _CLAUSE_END.search(text, span_end)
    return start, (match.start() if match else len(text))


def planned_cue(text: str, span: tuple[int, int]) -> bool:
    """Whether a planned cue stands near ``span`` in its clause (see the package docstring)."""
    span_start, span_end = span
    if text[span_start:span_end].startswith(HORIZONS):
        return True
    c0, c1 = _clause_bounds(text, span_start, span_end)
    if _has_cue(text, max(c0, span_start - WINDOW), span_start) or _has_cue(
        text, span_end, min(c1, span_end + WINDOW)
    ):
        return True
    # a clause-initial mention followed directly by a comma: "2025年，我们将…"
    if (
        c1 == span_end
        and c1 < len(text)
        and text[c1] in _COMMA
        and not text[c0:span_start].strip(' “”‘’"「」')
    ):
        n0 = c1 + 1
        _, n1 = _clause_bounds(text, n0, n0)
        return _has_cue(text, n0, min(n1, n0 + WINDOW))
    return False


def tense_of(start: date, end: date, ref: date, text: str, span: tuple[int, int]) -> str:
    """``past`` / ``ongoing`` / ``planned`` from the interval against ``ref`` plus cue words.

    An interval entirely before ``ref`` is past whatever the cues; otherwise a planned cue in the
    mention's clause (within 12 characters) makes it planned.
    """
    tense = interval_tense(start, end, ref)
    if tense != "ongoing":
        return tense
    try:
        return "planned" if planned_cue(text, span) else "ongoing"
    except (IndexError, ValueError):
        return "ongoing"
