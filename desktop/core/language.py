"""The language the user reads: Chinese (``zh``, the default) or English (``en``).

The window sets it once at start (from its setting, else the system locale); the CLI leaves
the default. The core's wording functions (dates, precisions, tenses, categories, problems,
the PDF brief) take the current language unless they are given one, so one wording rule
serves both languages.
"""

from __future__ import annotations

from collections.abc import Iterable

LANGUAGES = ("zh", "en")
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_current = ["zh"]


def set_language(lang: str) -> None:
    _current[0] = lang if lang in LANGUAGES else "zh"


def language() -> str:
    return _current[0]


def pick(zh: str, en: str, lang: str | None = None) -> str:
    """The Chinese or the English wording, for ``lang`` (default: the current language)."""
    return en if (lang or _current[0]) == "en" else zh


def ordinal_en(number: int) -> str:
    """1st, 2nd, 3rd, 4th … 11th, 21st."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def enumerate_names(items: Iterable[str], lang: str | None = None) -> str:
    """Names in a row as the language lists them: 天津、河北 / Tianjin, Hebei."""
    return pick("、", ", ", lang).join(items)


def parenthesized(text: object, lang: str | None = None) -> str:
    """An aside in the language's brackets: 天津（3） / Tianjin (3)."""
    return pick(f"（{text}）", f" ({text})", lang)
