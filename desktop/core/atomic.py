"""Writing files atomically: a temp file in the same folder, then a rename — the one writer
every file the app and the CLI write goes through (``-o`` outputs, the project file, PDFs).

Readers see the old file or the whole new one, never a half-written file. The new file
keeps the permission bits of the file it replaces (or, for a new file, the ones the user's
umask gives an ordinary file): ``mkstemp`` alone would make every output private (0600).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path


def current_umask() -> int:
    """The process's umask, read without changing it (``os.umask`` would, for every thread)."""
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    return 0o022


def _mode_for(path: Path) -> int:
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        return 0o666 & ~current_umask()


@contextlib.contextmanager
def atomic_path(path: Path | str, suffix: str = ".tmp") -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; when the block ends without an
    exception the file is synced, given ``path``'s mode and renamed over it; otherwise it
    is removed and ``path`` is left as it was."""
    path = Path(path)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent or ".")
    os.close(handle)
    temp = Path(temp_name)
    try:
        yield temp
        with open(temp, "rb+") as stream:
            os.fsync(stream.fileno())
        os.chmod(temp, _mode_for(path))
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_bytes_atomic(path: Path | str, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the whole new one."""
    with atomic_path(path) as temp, open(temp, "wb") as stream:
        stream.write(data)


def write_text_atomic(path: Path | str, text: str, encoding: str = "utf-8") -> None:
    write_bytes_atomic(path, text.encode(encoding))


def write_pieces_atomic(path: Path | str, pieces: Iterable[str], encoding: str = "utf-8") -> None:
    """Write the text ``pieces`` one after the other to ``path``, atomically: a long output
    (an archive's events) is never held whole in memory, and readers still see the old file
    or the whole new one. Newlines are written as they are, as by :func:`write_text_atomic`."""
    with atomic_path(path) as temp, open(temp, "w", encoding=encoding, newline="") as stream:
        for piece in pieces:
            stream.write(piece)
