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
        re.escape(w) for w in sorted(word_list("cues", "tense_planned.txt"), key=len, reverse=True)
    )
)
_NOT_RE = re.compile(
    "|".join(
        re.escape(w)
        for w in sorted(word_list("cues", "tense_planned_not.txt"), key=len, reverse=True)
    )
)


def _has_cue(text: str, lo: int, hi: int) -> bool:
    """A planned cue inside text[lo:hi] that is not part of a listed non-cue word (主要, 需要…)."""
    if lo >= hi:
        return False
    blocked = [
        (m.start(), m.end()) for m in _NOT_RE.finditer(text, max(lo - 3, 0), min(hi + 3, len(text)))
    ]
    for m in _CUE_RE.finditer(text, lo, hi):
        if not any(a < m.end() and m.start() < b for a, b in blocked):
            return True
    return False


def _clause_bounds(text: str, s0: int, e: int) -> tuple[int, int]:
    start = 0
    for m in _CLAUSE_END.finditer(text, 0, s0):
        start = m.end()
    m = _CLAUSE_END.search(text, e)
    return start, (m.start() if m else len(text))


def planned_cue(text: str, span: tuple[int, int]) -> bool:
    """Whether a planned cue stands near ``span`` in its clause (see the package docstring)."""
    s0, e = span
    if text[s0:e].startswith(HORIZONS):
        return True
    c0, c1 = _clause_bounds(text, s0, e)
    if _has_cue(text, max(c0, s0 - WINDOW), s0) or _has_cue(text, e, min(c1, e + WINDOW)):
        return True
    # a clause-initial mention followed directly by a comma: "2025年，我们将…"
    if c1 == e and c1 < len(text) and text[c1] in _COMMA and not text[c0:s0].strip(' “”‘’"「」'):
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
