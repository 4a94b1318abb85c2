"""Locations of the data files under ``resources/`` (dictionaries, gazetteers, cue lists)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a file under ``resources/``."""
    return RESOURCES_DIR.joinpath(*parts)


@cache
def word_list(*parts: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a UTF-8 list file under ``resources/``.

    Lines starting with ``#`` are comments; the first whitespace-separated field is the word.
    """
    words: list[str] = []
    for line in resource_path(*parts).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        words.append(line.split()[0])
    return tuple(words)
