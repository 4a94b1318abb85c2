"""The engine's version: what the extraction of a file depends on besides the file itself.

A cached result is only reused by the very engine that made it. The version is a digest of
the engine's code (``desktop/core`` but for the timeline's, the exports' and the project's,
which only show, write or correct results), the resources it reads (cue lists, gazetteer, jieba
dictionary; not the fonts, icons or translations, which change no event) and the versions
of the libraries whose output it keeps (jieba, trafilatura, lxml), so any change to them —
a new release, a patch, an edited cue list — makes every cached result stale.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import metadata
from pathlib import Path

from desktop.core.resources import RESOURCES_DIR

_CORE = Path(__file__).resolve().parents[1]
#: Resource folders that never change an extraction result.
_NOT_ENGINE = {"fonts", "icons", "i18n", "palette"}
#: Parts of the core that only show, export or correct results: the cache outlives their changes.
_NOT_ENGINE_CODE = {"timeline", "export", "project"}
_LIBRARIES = ("jieba", "trafilatura", "lxml", "charset-normalizer", "lunar-python")


def _files() -> list[tuple[str, Path]]:
    """(name, path) of every file the engine's results depend on, in a stable order."""
    resources = Path(RESOURCES_DIR)
    code = sorted((f"core/{p.relative_to(_CORE).as_posix()}", p) for p in _CORE.rglob("*.py")
                  if "__pycache__" not in p.parts and p.relative_to(_CORE).parts[0] not in _NOT_ENGINE_CODE)
    data = sorted((f"resources/{p.relative_to(resources).as_posix()}", p) for p in resources.rglob("*")
                  if p.is_file() and p.relative_to(resources).parts[0] not in _NOT_ENGINE)
    return code + data


@cache
def engine_version() -> str:
    """A hex digest naming this engine (computed once per process, a few milliseconds)."""
    digest = hashlib.sha256()
    for name, path in _files():
        digest.update(name.encode() + b"\0")
        digest.update(path.read_bytes())
    for name in _LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=none".encode())
    return digest.hexdigest()[:32]
