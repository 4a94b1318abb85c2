"""Locations of the data files under ``resources/`` (dictionaries, gazetteers, cue lists,
fonts, icons) and of the bundled ``seeds/`` corpus.

In the source tree both folders sit beside ``desktop/``; ``pyproject.toml`` maps them into
the package as ``desktop._resources`` and ``desktop._seeds`` (package data), so a wheel or a
plain ``pip install .`` carries them too. They are found through the import system, the
same way in every kind of install.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

_SOURCE_TREE = Path(__file__).resolve().parents[2]


def _package_folder(name: str, folder: str) -> Path:
    """The folder of package data ``name``: inside an installed package, else (a source
    checkout, an editable install) the top-level ``folder`` beside ``desktop/``."""
    spec = importlib.util.find_spec(name)
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations))).resolve()
    beside = _SOURCE_TREE / folder
    if beside.is_dir():
        return beside
    raise FileNotFoundError(f"the installed package has no {name} (its data files are missing)")


RESOURCES_DIR = _package_folder("desktop._resources", "resources")
SEEDS_DIR = _package_folder("desktop._seeds", "seeds")


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


@cache
def rows_of(*parts: str) -> tuple[tuple[str, ...], ...]:
    """Non-empty, non-comment lines of a list file under ``resources/``, split on white space."""
    rows = []
    for line in resource_path(*parts).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            rows.append(tuple(line.split()))
    return tuple(rows)
