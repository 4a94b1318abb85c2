"""Watching the opened folders: files added, changed or removed later are read again.

A :class:`QFileSystemWatcher` watches every folder of the corpus (its subfolders too; the
files themselves are not watched — thousands of them would exhaust the system's watches).
Folder events come in bursts (a copy of a hundred files), so they are gathered for
:data:`SETTLE_MS` and then the article files are compared with what was read: only a real
change — an article file added, removed or rewritten, not the project file the app itself
saves in the folder (hidden files are not articles) — emits :attr:`FolderWatcher.changed`.
The window then extracts again; with the extraction cache only the new or changed files
are read. A watched folder that is deleted is a change too: the reading that follows lists
it under 问题. The folders are walked and the files listed in the background (4,197 files:
0.15 s the window would stand still).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from desktop.core.reading.reader import iter_article_files
from desktop.gui.guard import guard_overrides
from desktop.gui.ops import busy, run_op

SETTLE_MS = 600

Snapshot = frozenset[tuple[str, int, int, int, int]]


def snapshot(paths: list[Path]) -> Snapshot:
    """The article files under ``paths`` with their sizes, modification and status-change
    times and inodes. The modification time alone missed a file replaced by one of the same
    size whose time was kept (``cp -p``, ``rsync -t``, an archive unpacked again); the
    status-change time cannot be set back, and a file renamed over another has a new inode."""
    found = []
    for item in iter_article_files(paths):
        if isinstance(item, Path):
            try:
                stat = item.stat()
            except OSError:
                continue
            found.append((str(item), stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino))
        else:
            found.append((str(item.path), -1, hash(item.code), 0, 0))
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
        self._seen: Snapshot | None = frozenset()  # None: the first look is still being taken
        self._generation = 0
        self._kind = f"folder-snapshot-{id(self)}"

    def watch(self, paths: list[Path] | None) -> None:
        """Watch ``paths`` (None: nothing — the bundled seeds do not change) from now on."""
        self._timer.stop()
        watched = self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)
        self._paths = list(paths or [])
        self._generation += 1
        self._seen = None if self._paths else frozenset()
        if self._paths:
            self._look()

    def watched(self) -> list[str]:
        return self._watcher.directories()

    def is_looking(self) -> bool:
        """Whether the folders are being walked (the first look after :meth:`watch`, or one
        after a change)."""
        return busy(self._kind)

    def _look(self) -> None:
        paths, generation = list(self._paths), self._generation
        run_op(self._kind, lambda: (snapshot(paths), _folders(paths)),
               lambda found: self._looked(generation, *found), self._failed, owner=self)

    def _failed(self, error: BaseException) -> None:
        raise error  # the error report; the folders stay watched as they were

    def _looked(self, generation: int, now: Snapshot, folders: list[str]) -> None:
        if generation != self._generation:
            return  # another corpus is watched since
        current = set(self._watcher.directories())
        new = [f for f in folders if f not in current]
        if new:
            self._watcher.addPaths(new)  # a folder that vanished meanwhile is refused, not an error
        if self._seen is None:
            self._seen = now  # the first look: what was read
        elif now != self._seen:
            self._seen = now
            self.changed.emit()

    def _touched(self, _folder: str) -> None:
        self._timer.start()

    def _settled(self) -> None:
        self._look()  # folders created since are watched too
