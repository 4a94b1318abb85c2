"""A file's extraction result as bytes and back, for the cache — with nothing but known types.

The cache lives on disk where anything may have happened to it, so its contents must never
be able to run code. Results are pickled (zlib-compressed, which also checksums them) and
read back by an unpickler that resolves only the engine's own result types and a few
standard value types (:func:`allowed`) — Python's documented way of "restricting globals"
— so a damaged or planted entry can name no function to call; anything else, or bytes that
do not decompress or unpickle, raises :class:`CodecError`. (A JSON form was tried first:
decoding its 360,000 objects took 2 s for the shared corpus, pickle a fraction of that.)
"""

from __future__ import annotations

import io
import pickle
import zlib
from functools import cache

from desktop.core.collector import collector_paused
from desktop.core.events.perfile import FileResult


class CodecError(ValueError):
    """The bytes are not a result this codec wrote."""


@cache
def allowed() -> dict[tuple[str, str], type]:
    """The classes a stored result may hold, by (module, name)."""
    import collections
    import datetime
    import pathlib

    from desktop.core.events.perfile import ArticleInfo
    from desktop.core.events.pipeline import Event
    from desktop.core.reading.articles import Article
    from desktop.core.reading.published import Published
    from desktop.core.reading.reader import Document, Problem
    from desktop.core.reading.webpage import DateClue, PageInfo
    from desktop.core.text.keyterms import KeyTerm

    found = (FileResult, ArticleInfo, Event, Article, Published, Document, Problem, DateClue, PageInfo, KeyTerm,
             datetime.date, pathlib.PosixPath, pathlib.WindowsPath, pathlib.Path, collections.Counter)
    return {(cls.__module__, cls.__qualname__): cls for cls in found}


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> type:
        try:
            return allowed()[(module, name)]
        except KeyError:
            raise CodecError(f"a stored result may not hold {module}.{name}") from None


#: Compressed bytes inflated per step: one call for a whole corpus's entry held the
#: interpreter's lock (and so the window) for 100 ms; compressing it, 200 ms.
INFLATE_STEP = 1 << 20


def _deflated(data: bytes) -> bytes:
    deflater = zlib.compressobj(1)
    step = 4 * INFLATE_STEP  # about as long as inflating one step
    pieces = [deflater.compress(data[at:at + step]) for at in range(0, len(data), step)]
    pieces.append(deflater.flush())
    return b"".join(pieces)


def _inflated(data: bytes) -> bytes:
    inflater = zlib.decompressobj()
    pieces = [inflater.decompress(data[at:at + INFLATE_STEP]) for at in range(0, len(data), INFLATE_STEP)]
    pieces.append(inflater.flush())
    if not inflater.eof:
        raise zlib.error("the compressed data ends early")
    return b"".join(pieces)


def dumps(result: FileResult) -> bytes:
    """The result as compressed pickle bytes; :class:`CodecError` when it cannot be kept."""
    return dumps_value(result)


def dumps_value(value: object) -> bytes:
    """Any value made of the allowed types (a whole corpus's parts), compressed;
    :class:`CodecError` when it cannot be pickled (a cache never fails an extraction)."""
    try:
        return _deflated(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError) as exc:
        raise CodecError(f"cannot be kept: {type(exc).__name__}: {exc}") from None


def loads_value(data: bytes) -> object:
    """What :func:`dumps_value` wrote; :class:`CodecError` for anything else."""
    try:
        with collector_paused():
            return _Unpickler(io.BytesIO(_inflated(data))).load()
    except CodecError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged entry can fail in any way unpickling does
        raise CodecError(f"unreadable: {type(exc).__name__}: {exc}") from None


def loads(data: bytes) -> FileResult:
    """The result :func:`dumps` wrote; :class:`CodecError` for anything else."""
    try:
        with collector_paused():
            result = _Unpickler(io.BytesIO(_inflated(data))).load()
    except CodecError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged entry can fail in any way unpickling does
        raise CodecError(f"unreadable: {type(exc).__name__}: {exc}") from None
    if not isinstance(result, FileResult) or (result.articles and result.document is None):
        raise CodecError("not a file's result")
    return result
