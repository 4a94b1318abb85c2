"""Event categories from the words of the dated clause (cue lists in ``resources/cues/categories.tsv``)."""

from __future__ import annotations

from functools import cache

from desktop.core.resources import resource_path
from desktop.core.vocab import OTHER, category_colours, category_name, colour_of

__all__ = ["OTHER", "categories", "categorize", "category_colours", "category_cues", "category_name", "colour_of"]


@cache
def category_cues() -> dict[str, tuple[str, ...]]:
    """Category → cue words, in file order (which breaks ties)."""
    cues: dict[str, tuple[str, ...]] = {}
    for line in resource_path("cues", "categories.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, words = line.split("\t", 1)
            cues[name.strip()] = tuple(words.split())
    return cues


def categories() -> list[str]:
    """All categories, the catch-all last."""
    return [*category_cues(), OTHER]


def categorize(clause: str, sentence: str = "", tense: str | None = None, title: str = "") -> str:
    """The category whose cues score highest: three points in the title, two in the dated
    clause, one elsewhere in the sentence.

    A planned event leans to 规划/目标 only when nothing more specific is named
    (a planned signing is still a signing).
    """
    best, best_score = OTHER, 0
    for name, cues in category_cues().items():
        score = (
            sum(3 for cue in cues if cue in title)
            + sum(2 for cue in cues if cue in clause)
            + sum(1 for cue in cues if cue in sentence)
        )
        if score > best_score:
            best, best_score = name, score
    if best == OTHER and tense == "planned":
        return "规划/目标"
    return best
