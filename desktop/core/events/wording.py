"""The words the merging compares: jieba's words of each event's sentence and title, and the
merging's settings they depend on.

Apart from :mod:`desktop.core.events.merge` so that the worker processes, which make these
words as they extract each file (:func:`event_words`, kept in
:attr:`~desktop.core.events.perfile.FileResult.words`), need neither pandas nor rapidfuzz:
a third of a second more of every fork server's start, before any worker began.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from desktop.core.resources import rows_of, word_list

_TOKEN_CACHE_MAX = 200_000


@dataclass(frozen=True)
class Settings:
    """The thresholds of ``resources/cues/merge.tsv`` (see the comments there)."""

    date_tolerance_days: int = 1
    max_interval_days: int = 31
    excluded_precisions: frozenset[str] = frozenset({"open-range"})
    block_days: int = 7
    large_block: int = 60
    rare_share: float = 0.05
    rare_floor: int = 4
    max_holders: int = 48
    min_shared_tokens: int = 3
    min_shared_rare: int = 1
    min_token_chars: int = 2
    weight_sentence: float = 0.55
    weight_title: float = 0.25
    weight_entities: float = 0.20
    number_conflict_penalty: float = 20.0
    distinctive_number: float = 100.0
    shared_number_bonus: float = 0.0
    number_units_ignored: str = "年月日时分秒号"
    explicit_day_marks: str = "日号"
    clock_marks: str = "时点"
    min_score: float = 72.0
    same_article: bool = False
    same_article_min_score: float = 95.0


@cache
def settings() -> Settings:
    """The settings as the resource file gives them (defaults for keys it leaves out)."""
    values: dict[str, Any] = {}
    fields = Settings.__dataclass_fields__
    for row in rows_of("cues", "merge.tsv"):
        if len(row) < 2 or row[0] not in fields:
            continue
        key, raw = row[0], row[1]
        default = getattr(Settings(), key)
        if isinstance(default, bool):
            values[key] = raw not in ("0", "false", "no")
        elif isinstance(default, int):
            values[key] = int(raw)
        elif isinstance(default, float):
            values[key] = float(raw)
        elif isinstance(default, str):
            values[key] = raw
        else:
            values[key] = frozenset(p for p in raw.split(",") if p)
    return Settings(**values)


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(word_list("cues", "merge_stopwords.txt"))


_tokens: dict[str, tuple[tuple[str, int], ...]] = {}
_words_cache: dict[tuple[str, int, tuple[int, int] | None], tuple[str, ...]] = {}


def segmentation(text: str) -> tuple[tuple[str, int], ...]:
    """jieba's words of ``text`` with their offsets, as the merging compares them: the words
    the article was cut into (:func:`~desktop.core.text.segmenter.words` remembers them), so
    an unknown name found by jieba's HMM compares as one word."""
    from desktop.core.text.segmenter import cut

    words, position = [], 0
    for word in cut(text):
        words.append((word, position))
        position += len(word)
    return tuple(words)


#: A key of :func:`words_of`'s cache: (text, min_chars, leave_out).
WordsKey = tuple[str, int, "tuple[int, int] | None"]


def event_words(events: Iterable[Any]) -> dict[WordsKey, tuple[str, ...]]:
    """:func:`words_of` every event's sentence (its date left out) and title, as the merging
    will ask for them (:meth:`_Features.words`, :meth:`_Features.title_words`): made by the
    worker processes that extracted the events, see
    :attr:`~desktop.core.events.perfile.FileResult.words`."""
    min_chars = settings().min_token_chars
    found: dict[WordsKey, tuple[str, ...]] = {}
    for event in events:
        if event.sentence:
            start = event.sentence_span[0]
            span = (event.date_span[0] - start, event.date_span[1] - start)
            found[(event.sentence, min_chars, span)] = words_of(event.sentence, min_chars, span)
        if event.title:
            found[(event.title, min_chars, None)] = words_of(event.title, min_chars)
    return found


def remember_words(found: dict[WordsKey, tuple[str, ...]]) -> None:
    """Words made elsewhere (:func:`event_words`): not segmented again here."""
    if len(_words_cache) + len(found) > _TOKEN_CACHE_MAX:
        _words_cache.clear()  # a bounded cache: a new corpus starts it again
    _words_cache.update(found)


def _segmented(text: str) -> tuple[tuple[str, int], ...]:
    """:func:`segmentation`, cached per text."""
    found = _tokens.get(text)
    if found is None:
        found = segmentation(text)
        if len(_tokens) >= _TOKEN_CACHE_MAX:
            _tokens.clear()  # a bounded cache: a new corpus starts it again
        _tokens[text] = found
    return found


#: min_chars -> word -> whether it is compared (:func:`_keeps`): words recur, the checks are per character
_kept_words: dict[int, dict[str, bool]] = {}


def _keeps(word: str, min_chars: int) -> bool:
    word = word.strip()
    return bool(word) and word not in _stopwords() and any(ch.isalnum() for ch in word) \
        and (len(word) >= min_chars or any(ch.isdigit() for ch in word))


def words_of(text: str, min_chars: int = 2, leave_out: tuple[int, int] | None = None) -> tuple[str, ...]:
    """The words of ``text`` that say what happened: jieba's words, stop words, punctuation and
    short words (unless they hold a digit) left out, and those overlapping ``leave_out`` (the
    date expression: dates are compared as intervals); sorted, unique."""
    key = (text, min_chars, leave_out)
    cached = _words_cache.get(key)
    if cached is not None:
        return cached
    start, end = leave_out or (0, 0)
    words = set()
    kept = _kept_words.setdefault(min_chars, {})
    for word, position in _segmented(text):
        if start < end and position < end and position + len(word) > start:
            continue
        keep = kept.get(word)
        if keep is None:
            if len(kept) >= _TOKEN_CACHE_MAX:
                kept.clear()  # bounded: numbers and names keep coming
            keep = kept[word] = _keeps(word, min_chars)
        if keep:
            words.add(word.strip())
    if len(_words_cache) >= _TOKEN_CACHE_MAX:
        _words_cache.clear()
    found = _words_cache[key] = tuple(sorted(words))
    return found
