"""jieba, loaded once, lazily, with the domain dictionary.

Importing this module does not load jieba's dictionary (it takes ~0.5 s); the first call
to :func:`tokenizer` does, once per process. Everything that segments text goes through
here so the user dictionary is always in force.
"""

from __future__ import annotations

import logging
import threading
from functools import cache
from typing import TYPE_CHECKING

from desktop.core.resources import resource_path

if TYPE_CHECKING:
    import jieba

_lock = threading.Lock()


@cache
def _load() -> jieba.Tokenizer:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.dt  # the default tokenizer: jieba.analyse and jieba.posseg use it
    tok.initialize()
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


def cut(text: str) -> list[str]:
    """Words of ``text`` (precise mode, HMM on), in order; their lengths add up to ``len(text)``."""
    return tokenizer().lcut(text)


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
    return [(word, tags.get(word) or _guess_tag(word)) for word in tokenizer().lcut(text)]
