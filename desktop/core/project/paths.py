"""Where the project of a corpus is kept (next to a folder, or in the app's data folder)."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Sequence
from pathlib import Path

from desktop.core.project.model import (
    PROJECT_FILE_NAME,
    SCHEMA_VERSION,
    SEEDS_PROJECT_NAME,
)


def _package_dirs() -> list[Path]:
    """The bundled seeds and the installed package: never a place for a project file."""
    import desktop
    from desktop.core.resources import SEEDS_DIR

    return [SEEDS_DIR.resolve(), Path(desktop.__file__).resolve().parent]


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _hash8(paths: Sequence[Path]) -> str:
    return hashlib.sha256("\n".join(sorted(str(p) for p in paths)).encode("utf-8", "surrogatepass")).hexdigest()[:8]


def _safe_name(name: str) -> str:
    name = re.sub(r"[\\/:*?\"<>|\x00-\x1f]+", "_", name).strip(" ._") or "corpus"
    return name[:60]


def fallback_project_path(path: Path) -> Path:
    """Where corrections go when the project file at ``path`` cannot be used as it is (made
    by a newer version of the app, or unreadable): a sibling named by this version's format,
    which the next launch looks at too (:func:`desktop.gui.corrections` opens it), so the
    corrections made meanwhile are never lost and the newer file is never overwritten."""
    path = Path(path)
    return path.with_name(f"{path.stem}.v{SCHEMA_VERSION}{path.suffix}")


def default_project_path(corpus_paths: list[Path], data_dir: Path) -> Path:
    """Where the project of a corpus is kept.

    * the bundled seeds (or no paths): ``data_dir/seeds.timeline.json``;
    * one folder: ``<folder>/.timeline-project.json`` when the folder is writable (and not
      part of the installed package), else ``data_dir/<name>-<hash8>.timeline.json``;
    * files (or several folders): ``data_dir/<stem>-<hash8>.timeline.json``: the stem of the
      first of the sorted absolute paths, the hash over them all.
    """
    data_dir = Path(data_dir)
    paths = [Path(p).resolve() for p in corpus_paths]
    package = _package_dirs()
    if not paths or paths == [package[0]]:
        return data_dir / SEEDS_PROJECT_NAME
    if len(paths) == 1 and paths[0].is_dir():
        folder = paths[0]
        if not any(_inside(folder, p) for p in package) and os.access(folder, os.W_OK | os.X_OK):
            return folder / PROJECT_FILE_NAME
        return data_dir / f"{_safe_name(folder.name)}-{_hash8(paths)}.timeline.json"
    first = min(paths, key=str)  # the same files in any order give the same project
    return data_dir / f"{_safe_name(first.stem)}-{_hash8(paths)}.timeline.json"
