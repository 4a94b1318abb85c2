"""jieba, loaded once, lazily, with the domain dictionary.

Importing this module does not load jieba's dictionary (it takes ~0.5 s); the first call
to :func:`tokenizer` does, once per process. Everything that segments text goes through
here so the user dictionary is always in force.

jieba reads its prefix dictionary back with one ``marshal.load``: a single call that held
the interpreter's lock for 150–450 ms, so the window stood still whenever a background
thread loaded it. The dictionary is therefore kept a second time, by this module, as a run
of small pickled pieces (:data:`PIECE_WORDS` words each, only strings and numbers, read by
an unpickler that resolves no class at all), each read in a few milliseconds; jieba's own
loading is the fallback, and builds that copy for the next time.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import logging
import os
import pickle
import tempfile
import threading
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.resources import resource_path

if TYPE_CHECKING:
    import jieba

_lock = threading.Lock()


#: Words per piece of the kept prefix dictionary.
PIECE_WORDS = 20_000


class _PlainUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> type:
        raise pickle.UnpicklingError(f"a dictionary piece may not hold {module}.{name}")


def kept_path(name: str, source: Path | None) -> Path:
    """Where this user's copy of one of jieba's tables (``name``, read from ``source``) is
    kept: named by jieba's version and the source's size, so another jieba is not misread."""
    import jieba

    try:
        stamp = f"{jieba.__version__}-{os.path.getsize(source)}" if source is not None else jieba.__version__
    except OSError:
        stamp = jieba.__version__
    user = os.getuid() if hasattr(os, "getuid") else os.getlogin()
    return Path(tempfile.gettempdir()) / f"desktop-timeline-{user}-jieba-{name}{stamp}.pieces"


def _pieces_path(tok: jieba.Tokenizer) -> Path | None:
    """Where this user's copy of jieba's default prefix dictionary is kept (None: the
    tokenizer reads another dictionary, which jieba alone knows how to cache)."""
    import jieba

    if tok.dictionary != jieba.DEFAULT_DICT:
        return None
    try:
        source = Path(jieba.get_module_res("dict.txt").name)
    except (OSError, AttributeError):
        source = None
    return kept_path("", source)


def read_pieces(path: Path, head_type: type = int) -> tuple[dict, int | float] | None:
    """A kept table (words → numbers) and the number written before it (a ``head_type``:
    the dictionary's total, the IDF table's median); None when there is none or it is not
    what :func:`write_pieces` wrote."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    stream = io.BytesIO(data)
    try:
        total = _PlainUnpickler(stream).load()
        freq: dict[str, int] = {}
        while stream.tell() < len(data):
            piece = _PlainUnpickler(stream).load()
            if not isinstance(piece, dict):
                return None
            freq.update(piece)
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, IndexError, KeyError):
        return None
    if type(total) is not head_type or not freq or not all(isinstance(k, str) for k in itertools.islice(freq, 100)):
        return None
    return freq, total


def write_pieces(path: Path, freq: dict, total: int | float) -> None:
    """Keep a table in pieces, ``total`` first (a temporary file renamed: never half written)."""
    words = list(freq.items())
    try:
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    except OSError:
        return  # a temporary folder that cannot be written: jieba's own loading next time too
    try:
        with os.fdopen(fd, "wb") as out:
            pickle.dump(total, out, protocol=pickle.HIGHEST_PROTOCOL)
            for at in range(0, len(words), PIECE_WORDS):
                pickle.dump(dict(words[at:at + PIECE_WORDS]), out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)


def _initialize(tok: jieba.Tokenizer) -> None:
    """``tok.initialize()``, from the kept pieces when there are some."""
    path = _pieces_path(tok)
    kept = read_pieces(path, int) if path is not None else None
    if kept is not None:
        with tok.lock:
            tok.FREQ, tok.total = kept
            tok.initialized = True
        return
    tok.initialize()
    if path is not None:
        write_pieces(path, tok.FREQ, tok.total)


@cache
def _load() -> jieba.Tokenizer:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.dt  # the default tokenizer: jieba.analyse and jieba.posseg use it
    _initialize(tok)
    userdict = resource_path("jieba", "userdict.txt")
    if userdict.exists():
        tok.load_userdict(str(userdict))
    return tok


def tokenizer() -> jieba.Tokenizer:
    """The shared jieba tokenizer, dictionary loaded (thread-safe, once)."""
    with _lock:
        return _load()


def loaded() -> bool:
    """Whether jieba's dictionary is loaded in this process (a corpus reopened from the
    cache has not needed it): loading it takes a second or two, never on the GUI thread."""
    return _load.cache_info().currsize > 0


#: Blocks remembered by :func:`words` (per HMM mode) before the memory starts again.
MEMO_BLOCKS = 50_000
_memo: dict[bool, dict[str, list[str]]] = {True: {}, False: {}}


def words(text: str, hmm: bool = True) -> list[str]:
    """``jieba.lcut(text, HMM=hmm)``, its blocks remembered.

    jieba cuts a text block by block (runs of Chinese characters, letters and digits, and the
    runs between them), each on its own: the same block always gives the same words. An
    event's sentence, its title's clauses and its merging words are cut again after the whole
    article was; remembering the blocks makes those cuts lookups (it was a third of a file's
    work) with words identical to jieba's.
    """
    import jieba

    tok = tokenizer()
    memo = _memo[hmm]
    found: list[str] = []
    for block in jieba.re_han_default.split(text):
        if not block:
            continue
        block_words = memo.get(block)
        if block_words is None:
            block_words = tok.lcut(block, HMM=hmm)
            if len(memo) >= MEMO_BLOCKS:
                memo.clear()  # bounded: the blocks of the texts cut lately are what repeat
            memo[block] = block_words
        found.extend(block_words)
    return found


def frequency(word: str) -> int:
    """How often jieba's dictionary has seen ``word`` (0 for a word it only guessed)."""
    return tokenizer().FREQ.get(word) or 0


def cut(text: str) -> list[str]:
    """Words of ``text`` (precise mode, HMM on), in order; their lengths add up to ``len(text)``."""
    return words(text)


@cache
def _tags() -> dict[str, str]:
    tokenizer()
    import jieba.posseg

    tagger = jieba.posseg.dt
    tagger.makesure_userdict_loaded()
    return tagger.word_tag_tab


def _guess_tag(word: str) -> str:
    if word.isdigit() or word.replace(".", "", 1).isdigit():
        return "m"
    if word.isascii() and word.isalpha():
        return "eng"
    if not any(ch.isalnum() for ch in word):
        return "x"
    return "n"  # a word found by the HMM, not in the dictionary: mostly names


def pos_cut(text: str) -> list[tuple[str, str]]:
    """(word, part-of-speech) pairs of ``text``.

    Tags come from the dictionary (jieba's and ours) for the words :func:`cut` finds,
    not from jieba.posseg's HMM tagger: four times faster, and the words that matter
    for titles (verbs, place and organization names) are in the dictionary.
    """
    tags = _tags()
    return [(word, tags.get(word) or _guess_tag(word)) for word in words(text)]
