"""Watching the opened folders: files added, changed or removed later are read again.

A :class:`QFileSystemWatcher` watches every folder of the corpus (its subfolders too; the
files themselves are not watched — thousands of them would exhaust the system's watches).
Folder events come in bursts (a copy of a hundred files), so they are gathered for
:data:`SETTLE_MS` and then the article files are compared with what was read: only a real
change — an article file added, removed or rewritten, not the project file the app itself
saves in the folder (hidden files are not articles) — emits :attr:`FolderWatcher.changed`.
The window then extracts again; with the extraction cache only the new or changed files
are read. A watched folder that is deleted is a change too: the reading that follows lists
it under 问题.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from desktop.core.reading.reader import iter_article_files
from desktop.gui.guard import guard_overrides

SETTLE_MS = 600

Snapshot = frozenset[tuple[str, int, int]]


def snapshot(paths: list[Path]) -> Snapshot:
    """The article files under ``paths`` with their sizes and modification times."""
    found = []
    for item in iter_article_files(paths):
        if isinstance(item, Path):
            try:
                stat = item.stat()
            except OSError:
                continue
            found.append((str(item), stat.st_size, stat.st_mtime_ns))
        else:
            found.append((str(item.path), -1, hash(item.code)))
    return frozenset(found)


def _folders(paths: list[Path]) -> list[str]:
    folders = []
    for path in paths:
        if path.is_dir():
            for root, dirs, _files in os.walk(path, followlinks=False):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                folders.append(root)
        elif path.parent.is_dir():
            folders.append(str(path.parent))  # a file given on its own: its folder tells when it changes
    return folders


@guard_overrides
class FolderWatcher(QObject):
    """Emits :attr:`changed` when the article files under the watched paths change."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._touched)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self._settled)
        self._paths: list[Path] = []
        self._seen: Snapshot = frozenset()

    def watch(self, paths: list[Path] | None) -> None:
        """Watch ``paths`` (None: nothing — the bundled seeds do not change) from now on."""
        self._timer.stop()
        watched = self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)
        self._paths = list(paths or [])
        self._seen = snapshot(self._paths) if self._paths else frozenset()
        self._add_folders()

    def watched(self) -> list[str]:
        return self._watcher.directories()

    def _add_folders(self) -> None:
        current = set(self._watcher.directories())
        new = [f for f in _folders(self._paths) if f not in current]
        if new:
            self._watcher.addPaths(new)  # a folder that vanished meanwhile is refused, not an error

    def _touched(self, _folder: str) -> None:
        self._timer.start()

    def _settled(self) -> None:
        self._add_folders()  # folders created since
        now = snapshot(self._paths)
        if now != self._seen:
            self._seen = now
            self.changed.emit()
