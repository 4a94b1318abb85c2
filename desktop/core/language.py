"""The language the user reads: Chinese (``zh``, the default) or English (``en``).

The window sets it once at start (from its setting, else the system locale); the CLI leaves
the default. The core's wording functions (dates, precisions, tenses, categories, problems,
the PDF brief) take the current language unless they are given one, so one wording rule
serves both languages.
"""

from __future__ import annotations

LANGUAGES = ("zh", "en")
_current = ["zh"]


def set_language(lang: str) -> None:
    _current[0] = lang if lang in LANGUAGES else "zh"


def language() -> str:
    return _current[0]


def pick(zh: str, en: str, lang: str | None = None) -> str:
    """The Chinese or the English wording, for ``lang`` (default: the current language)."""
    return en if (lang or _current[0]) == "en" else zh
