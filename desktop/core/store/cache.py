"""The extraction cache: each file's result kept by content, so reopening a corpus is instant.

One SQLite file, ``extraction-cache.sqlite`` in the folder it is given (the app: its data
folder; the CLI: ``--cache DIR``). A row is one file's :class:`~desktop.core.events.perfile.FileResult`
(:mod:`.codec`), keyed by the SHA-256 of the file's bytes and its name in the corpus (the
name is in its events); the whole file is stamped with the engine's version
(:func:`~desktop.core.store.version.engine_version`), so results are only reused by the
engine that made them. Files that could not be read are not kept: they are tried again. The articles' key
terms weighed within their file are not kept either (a result read back has none until the
corpus's are weighed).

The automatic links of the merging (:func:`~desktop.core.events.merge.cluster_events`) of the
last few tables are kept too, by a digest of what they were computed from, so a reopened
corpus is merged without segmenting its sentences again. The assembled corpus of the last
few corpora opened is kept too, keyed by every file's key
in order (and what the folders' walk found missing): reopening an unchanged corpus reads that
one entry instead of thousands and weighing their key terms again.

Never trusted: a cache of another engine version or another program, or one SQLite cannot
read, is deleted and started afresh; a row that does not decode, or decodes to another
file's content, is dropped and the file extracted again — each with one line to ``log``.
A cache that cannot be written (read-only folder, locked by another process) only makes
extraction slower; it never fails it.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.events.perfile import FileResult, extract_task
from desktop.core.reading.reader import Problem
from desktop.core.store import codec
from desktop.core.store.version import engine_version

if TYPE_CHECKING:
    import pandas as pd

    from desktop.core.events.corpus import Corpus

FILE_NAME = "extraction-cache.sqlite"
SCHEMA = "desktop-timeline extraction cache"
FORMAT = "5"  # 1 was JSON; 2 the restricted pickle of store.codec; 3 with the words' IDF; 4 corpora; 5 links
#: Whole corpora kept (the last ones opened).
KEEP_CORPORA = 4
#: Merging results kept (each correction makes another table: the last few are kept).
KEEP_LINKS = 8
#: Files' results kept at most: past it the ones put longest ago go first (without a limit
#: every version of every file ever opened stayed on disk).
KEEP_FILES = 50_000
#: Rows are committed in batches: one commit per file would be slow, one at the end loses
#: everything on a crash or cancel.
COMMIT_EVERY = 200


def _no_log(_line: str) -> None:
    pass


def _slim(result: FileResult) -> FileResult:
    """The result as the cache keeps it: the articles' key terms weighed within the file are
    left out (the corpus's replace them, and they are a third of the objects to read back)."""
    return replace(result, articles=[replace(info, keyterms=[]) for info in result.articles])


def packed_extraction(task: tuple[str, str, int]) -> FileResult | bytes:
    """:func:`~desktop.core.events.perfile.extract_task` in a worker process, its result
    packed as the cache keeps it (bytes; a file that could not be read stays a result): the
    main process then stores the bytes as they are and unpacks them once, instead of
    unpickling the result from the worker and packing it again, 0.9 s of the shared corpus's
    first open in the process that also runs the window."""
    result = extract_task(task)
    if result.document is None:
        return result
    try:
        return codec.dumps(_slim(result))
    except codec.CodecError:
        return result


def _events_bytes(frame: pd.DataFrame) -> bytes:
    """A corpus's events table as Arrow IPC bytes: read back typed and in order, in a tenth of
    the time its rows as objects took to unpickle and build into a table again."""
    import pyarrow as pa

    from desktop.core.store.parquet import events_to_arrow

    try:
        table = events_to_arrow(frame)
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, table.schema, options=pa.ipc.IpcWriteOptions(compression="lz4")) as writer:
            writer.write_table(table)
        return sink.getvalue().to_pybytes()
    except (pa.ArrowException, TypeError, ValueError) as exc:
        raise codec.CodecError(f"the events cannot be kept: {exc}") from None


def _events_of(data: bytes) -> pd.DataFrame:
    """What :func:`_events_bytes` wrote; :class:`~.codec.CodecError` for anything else."""
    import pyarrow as pa

    from desktop.core.store.parquet import StoreError, check_events, events_from_arrow

    try:
        table = pa.ipc.open_stream(pa.py_buffer(data)).read_all()
        check_events(table.schema, "the kept events")
        return events_from_arrow(table)
    except (pa.ArrowException, StoreError, KeyError, TypeError, ValueError) as exc:
        raise codec.CodecError(f"the kept events are unreadable: {exc}") from None


class ExtractionCache:
    """A cache folder opened for one extraction (use it from one thread)."""

    def __init__(self, folder: Path | str, log: Callable[[str], None] | None = None,
                 engine: str | None = None) -> None:
        self.folder = Path(folder)
        self.path = self.folder / FILE_NAME
        self.log = log or _no_log
        self.engine = engine or engine_version()
        self.hits = 0
        self.misses = 0
        self._pending = 0
        self._db: sqlite3.Connection | None = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._db = self._open()
        except (OSError, sqlite3.Error) as exc:
            self.log(f"extraction cache {self.path} not used: {exc}")
            self._db = None

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=5)
        db.execute("PRAGMA journal_mode=WAL")  # readers (another window) never block the writer
        db.execute("PRAGMA synchronous=NORMAL")
        return db

    def _open(self) -> sqlite3.Connection:
        problem = None
        if self.path.exists():
            try:
                db = self._connect()
                meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
                if meta.get("schema") != SCHEMA or meta.get("format") != FORMAT:
                    problem = "not an extraction cache of this program"
                elif meta.get("engine") != self.engine:
                    problem = f"made by another engine version ({meta.get('engine')}, this one {self.engine})"
                else:
                    db.execute("SELECT key, result FROM files LIMIT 1").fetchall()
                    db.execute("SELECT key, result, events FROM corpora LIMIT 1").fetchall()
                    db.execute("SELECT key, result FROM links LIMIT 1").fetchall()
                    return db
                db.close()
            except sqlite3.Error as exc:
                problem = f"unreadable ({exc})"
            self.log(f"extraction cache {self.path} discarded: {problem}")
            self._remove()
        db = self._connect()
        with db:
            db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            db.execute("CREATE TABLE files (key TEXT PRIMARY KEY, result BLOB NOT NULL)")
            db.execute("CREATE TABLE corpora (key TEXT PRIMARY KEY, result BLOB NOT NULL, events BLOB NOT NULL)")
            db.execute("CREATE TABLE links (key TEXT PRIMARY KEY, result BLOB NOT NULL)")
            db.executemany("INSERT INTO meta VALUES (?, ?)",
                           [("schema", SCHEMA), ("format", FORMAT), ("engine", self.engine)])
        return db

    def _remove(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    @property
    def usable(self) -> bool:
        return self._db is not None

    @staticmethod
    def key_of(path: Path, identity: str, max_bytes: int) -> str | None:
        """``sha256:identity`` of the file as it is now; None when it cannot be read or is
        outside the size limit (extraction reports why)."""
        try:
            size = path.stat().st_size
            if size == 0 or size > max_bytes:
                return None
            data = path.read_bytes()
        except OSError:
            return None
        return f"{hashlib.sha256(data).hexdigest()}:{identity}"

    def get(self, key: str, path: Path) -> FileResult | None:
        """The stored result of the file with this key (read from ``path``), or None."""
        if self._db is None:
            return None
        row = self._fetch("files", "result", key)
        if row is None:
            self.misses += 1
            return None
        try:
            result = codec.loads(row[0])
            doc = result.document
            if doc is None or f"{doc.sha256}:{doc.identity}" != key:
                raise codec.CodecError("the entry is of another file")
        except codec.CodecError as exc:
            self.log(f"extraction cache entry for {path} discarded: {exc}")
            self._delete(key)
            self.misses += 1
            return None
        self.hits += 1
        if doc.path != path:  # the same content was read from elsewhere before (a copied folder)
            document = replace(doc, path=path)
            for info in result.articles:
                info.article.doc = document
            result.document = document
        result.path = path
        return result

    def put(self, key: str, result: FileResult) -> None:
        """Keep a file's result (only results with a document: problems are tried again)."""
        if self._db is None or result.document is None:
            return
        try:
            data = codec.dumps(_slim(result))
        except codec.CodecError as exc:
            self.log(f"extraction cache: {result.path} not kept: {exc}")
            return
        self.put_packed(key, data)

    def put_packed(self, key: str, data: bytes) -> None:
        """Keep a file's result packed already (by :func:`packed_extraction`)."""
        if self._db is None:
            return
        try:
            self._db.execute("INSERT OR REPLACE INTO files VALUES (?, ?)", (key, data))
        except sqlite3.Error as exc:
            self._fail(exc)
            return
        self._pending += 1
        if self._pending >= COMMIT_EVERY:
            self.commit()

    def corpus_key(self, files: list[Path], keys: list[str], problems: list[Problem]) -> str:
        """The key of a whole corpus: its files (paths and content keys, in order), what was
        found missing, the engine."""
        digest = hashlib.sha256(self.engine.encode())
        for path, key in zip(files, keys, strict=True):
            digest.update(f"\n{path}\0{key}".encode())
        for problem in problems:
            digest.update(f"\n!{problem.path}\0{problem.code}".encode())
        return digest.hexdigest()

    def _fetch(self, table: str, columns: str, key: str) -> tuple | None:
        """The row of ``table`` kept under ``key`` (its ``columns``), or None."""
        if self._db is None:
            return None
        try:
            return self._db.execute(f"SELECT {columns} FROM {table} WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as exc:
            self._fail(exc)
            return None

    def _discard(self, table: str, key: str, what: str, exc: Exception) -> None:
        """Drop an entry that did not read back, with a line to the log."""
        self.log(f"extraction cache: {what} discarded: {exc}")
        try:
            self._db.execute(f"DELETE FROM {table} WHERE key = ?", (key,))
        except sqlite3.Error as error:
            self._fail(error)

    def _keep(self, table: str, values: tuple, newest: int) -> None:
        """Put a row in ``table``, keeping only its ``newest`` rows."""
        try:
            self._db.execute(f"INSERT OR REPLACE INTO {table} VALUES ({', '.join('?' * len(values))})", values)
            self._db.execute(f"DELETE FROM {table} WHERE rowid NOT IN "
                             f"(SELECT rowid FROM {table} ORDER BY rowid DESC LIMIT ?)", (newest,))
        except sqlite3.Error as exc:
            self._fail(exc)

    def get_corpus(self, key: str) -> Corpus | None:
        """The corpus kept under ``key`` (see :meth:`corpus_key`), or None."""
        from desktop.core.events.corpus import Corpus

        row = self._fetch("corpora", "result, events", key)
        if row is None:
            return None
        try:
            parts = codec.loads_value(row[0])
            if not (isinstance(parts, tuple) and len(parts) == 4 and all(isinstance(p, list) for p in parts)):
                raise codec.CodecError("not a corpus")
            documents, articles, problems, warnings = parts
            corpus = Corpus(documents, articles, _events_of(row[1]), problems, warnings)
        except (codec.CodecError, AttributeError, TypeError, ValueError) as exc:
            self._discard("corpora", key, "a kept corpus was", exc)
            return None
        self.hits += len(documents)
        return corpus

    def put_corpus(self, key: str, corpus: Corpus) -> None:
        """Keep an assembled corpus: its events as the table itself (Arrow), the rest as objects."""
        if self._db is None:
            return
        try:
            data = codec.dumps_value((corpus.documents, corpus.articles, corpus.problems, corpus.warnings))
            events = _events_bytes(corpus.events)
        except codec.CodecError as exc:
            self.log(f"extraction cache: the corpus was not kept: {exc}")
            return
        self._keep("corpora", (key, data, events), KEEP_CORPORA)

    def get_links(self, key: str) -> list[tuple[str, str]] | None:
        """The merging's automatic links kept under ``key`` (see
        :func:`~desktop.core.events.merge.link_inputs_key`), or None."""
        row = self._fetch("links", "result", key)
        if row is None:
            return None
        try:
            links = codec.loads_value(row[0])
            if not (isinstance(links, list) and all(
                    isinstance(p, tuple) and len(p) == 2 and all(isinstance(i, str) for i in p) for p in links)):
                raise codec.CodecError("not a list of links")
        except codec.CodecError as exc:
            self._discard("links", key, "kept links were", exc)
            return None
        return links

    def put_links(self, key: str, links: list[tuple[str, str]]) -> None:
        """Keep the merging's automatic links of a table (committed at once: the merging
        runs after the extraction's last commit)."""
        if self._db is None:
            return
        try:
            data = codec.dumps_value([(str(a), str(b)) for a, b in links])
        except codec.CodecError as exc:
            self.log(f"extraction cache: the links were not kept: {exc}")
            return
        self._keep("links", (key, data), KEEP_LINKS)
        self.commit()

    def _delete(self, key: str) -> None:
        try:
            self._db.execute("DELETE FROM files WHERE key = ?", (key,))
        except sqlite3.Error as exc:
            self._fail(exc)

    def commit(self) -> None:
        if self._db is None:
            return
        try:
            self._db.execute("DELETE FROM files WHERE rowid <= (SELECT MAX(rowid) FROM files) - ?", (KEEP_FILES,))
            self._db.commit()
        except sqlite3.Error as exc:
            self._fail(exc)
        self._pending = 0

    def _fail(self, exc: sqlite3.Error) -> None:
        """Stop using a cache that failed under us (disk full, locked, damaged meanwhile)."""
        self.log(f"extraction cache {self.path} not used any more: {exc}")
        self.close()

    def close(self) -> None:
        if self._db is not None:
            try:
                self._db.commit()
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = None

    def __enter__(self) -> ExtractionCache:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
