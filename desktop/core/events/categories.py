"""Event categories from the words of the dated clause (cue lists in ``resources/cues/categories.tsv``)."""

from __future__ import annotations

from functools import cache

from desktop.core.language import language
from desktop.core.resources import resource_path

OTHER = "其他"


@cache
def category_cues() -> dict[str, tuple[str, ...]]:
    """Category → cue words, in file order (which breaks ties)."""
    cues: dict[str, tuple[str, ...]] = {}
    for line in resource_path("cues", "categories.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, words = line.split("\t", 1)
            cues[name.strip()] = tuple(words.split())
    return cues


@cache
def _palette() -> dict[str, tuple[str, str]]:
    """Category → (colour ``#RRGGBB``, English name), from ``resources/palette/categories.tsv``."""
    found: dict[str, tuple[str, str]] = {}
    for line in resource_path("palette", "categories.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, colour, english = (line.split("\t") + [""])[:3]
            found[name.strip()] = (colour.strip(), english.strip() or name.strip())
    return found


def category_colours() -> dict[str, str]:
    """Category → its colour (``#RRGGBB``)."""
    return {name: colour for name, (colour, _) in _palette().items()}


def colour_of(category: str) -> str:
    """The category's colour; 其他's for one without its own."""
    palette = _palette()
    return palette.get(category, palette[OTHER])[0]


def category_name(category: str, lang: str | None = None) -> str:
    """The category as the user's language names it (the table keeps the Chinese key)."""
    if (lang or language()) != "en":
        return category
    return _palette().get(category, ("", category))[1]


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
