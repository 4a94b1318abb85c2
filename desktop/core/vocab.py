"""The shared vocabulary of the engine, the table, the timeline and the app — defined once.

* :data:`PRECISIONS` — how precise a date is. ``day`` … ``century`` are whole calendar
  units; ``range`` an explicit span; ``open-range`` a span up to publication (2014年以来);
  ``vague`` an envelope of a fuzzy part of a unit (年初, 上旬); ``recent`` the weeks before
  publication named by 近日/日前/不久前 (drawn as a faded band); ``hour`` and ``minute`` a day
  with its clock time (下午3时许: EDTF ``2008-10-17T15``).
* :data:`TENSES` — whether the event has happened, is under way or is planned.
* :data:`ORIGINS` — where an event of the table comes from.
* :data:`LANE_MODES` — how the timeline groups events into lanes.
* :data:`EDITABLE_PRECISIONS` — the precisions a user picks from when correcting a date.
* Categories' colours and English names (``resources/palette/categories.tsv``); the table keeps
  the Chinese key, :func:`category_name` says it in the user's language.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from desktop.core.language import language
from desktop.core.resources import resource_path

PRECISIONS = (
    "day", "week", "month", "quarter", "season", "half-year", "year", "decade", "century",
    "range", "open-range", "vague", "recent", "hour", "minute",
)  # fmt: skip
TENSES = ("past", "ongoing", "planned")
ORIGINS = ("extracted", "edited", "manual")
LANE_MODES = ("auto", "article", "source", "category", "place", "single")
EDITABLE_PRECISIONS = ("minute", "hour", "day", "month", "quarter", "half-year", "year", "range", "open-range")

OTHER = "其他"  # the catch-all category (a key of the table, not a word shown to English readers)


def dated_by_publication(date_text: object) -> bool:
    """Whether an event stands on its article's publication day because its text names no
    date (the engine's ``reported`` event: ``date_text`` empty)."""
    return isinstance(date_text, str) and not date_text


def dated_by_publication_rows(date_texts: Any) -> Any:
    """:func:`dated_by_publication` of each value of a ``date_text`` column, as a bool array."""
    return (date_texts == "").to_numpy(dtype=bool, na_value=False)


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
