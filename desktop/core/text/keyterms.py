"""Key terms of each article: TF-IDF whose IDF reflects the loaded corpus.

jieba's bundled IDF table says how rare a word is in general Chinese text; the corpus
factor ``log((N + 1) / (df + 1)) + 1`` lowers words that every loaded article shares,
so each article's terms say what sets it apart *within the user's collection*. Words of
the domain dictionary (``resources/jieba/userdict.txt``) stay whole (京津中关村科技城,
新质生产力); the stop list (``resources/jieba/stopwords.txt``) drops function words and
page boilerplate (责任编辑, 分享到).
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from desktop.core.resources import resource_path
from desktop.core.text.segmenter import frequency, kept_path, read_pieces, tokenizer, write_pieces

TERMS_PER_ARTICLE = 20
_WORDLIKE = re.compile(r"^(?:[\u4e00-\u9fff]{2,}|[A-Za-z][A-Za-z0-9+-]{1,})$")
_DATEISH = re.compile(r"^[\d一二三四五六七八九十〇零两]+[年月日号]$")
_ROUND = re.compile(r"^[百千万亿]+$")  # 百年, 千年, 万人: words of their own, not counts
_NUMBER = re.compile(r"^[\d０-９.．]*[\d０-９一二三四五六七八九十百千万亿〇零两几]+$")


@dataclass(frozen=True, slots=True)
class KeyTerm:
    term: str
    weight: float  # relative: the article's top term has 1.0
    count: int  # occurrences in the article


@cache
def stopwords() -> frozenset[str]:
    path = resource_path("jieba", "stopwords.txt")
    if not path.exists():
        return frozenset()
    return frozenset(
        line.strip() for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )


@cache
def _base_idf() -> tuple[dict[str, float], float]:
    """jieba's IDF table and its median, from this module's kept copy when there is one:
    importing ``jieba.analyse`` parses the 270,000 lines of its table, half a second of
    every extraction (and of every worker process), where reading the copy back takes a
    tenth of that."""
    import jieba

    kept = kept_path("idf-", Path(jieba.__file__).parent / "analyse" / "idf.txt")
    found = read_pieces(kept, float)
    if found is not None:
        return found
    tokenizer()
    import jieba.analyse

    table = jieba.analyse.default_tfidf
    write_pieces(kept, table.idf_freq, table.median_idf)
    return table.idf_freq, table.median_idf


#: Below this many sightings in jieba's dictionary, a word after a number that starts with
#: the number's unit is the unit glued to what follows (日电, 年来), not a word of the text.
RARE_WORD = 100


@cache
def units_after_numbers() -> frozenset[str]:
    """``resources/jieba/units_after_numbers.txt``: the characters a number's unit starts with."""
    lines = resource_path("jieba", "units_after_numbers.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def candidate_words(words: list[str]) -> list[str]:
    """Content words of a segmented text: no stop words, punctuation, numbers, counts or
    dates, and no number's unit glued to the next word (126例有湖北 cut as ``126 / 例有 / 湖北``)."""
    if len(_candidacy) > _CANDIDACY_MAX:
        _candidacy.clear()  # bounded: numbers and names keep coming
    found = []
    after_number = False
    for w in words:
        kinds = _candidacy.get(w)
        if kinds is None:
            kinds = _candidacy[w] = _candidate_kinds(w)
        if kinds[1] if after_number else kinds[0]:
            found.append(w)
        after_number = kinds[2]
    return found


#: word -> :func:`_candidate_kinds`: words recur, and their checks are four regular expressions
_candidacy: dict[str, tuple[bool, bool, bool]] = {}
_CANDIDACY_MAX = 500_000


def _candidate_kinds(w: str) -> tuple[bool, bool, bool]:
    """Whether ``w`` is a candidate word, whether it is one right after a number, and whether
    it is a number (for the word after it)."""
    units = units_after_numbers()
    candidate = bool(_WORDLIKE.match(w)) and w not in stopwords() and not _DATEISH.match(w) \
        and not (w[-1] in units and _NUMBER.match(w[:-1]) and not _ROUND.match(w[:-1]))  # 六个, 两名: a count
    after_number = candidate and not (w[0] in units and frequency(w) < RARE_WORD)
    return candidate, after_number, bool(_NUMBER.match(w))


def candidate_counts(words: Iterable[str], into: Counter[str] | None = None) -> Counter[str]:
    """Occurrences of each candidate word (:func:`candidate_words`), added to ``into`` if given.

    What :func:`corpus_key_terms` needs of a text: a long text can be segmented piece by
    piece into one counter instead of keeping its whole word list.
    """
    counter: Counter[str] = Counter() if into is None else into
    counter.update(candidate_words(list(words)))
    return counter


def base_idf_of(words: Iterable[str]) -> dict[str, float]:
    """jieba's IDF of each word (the table's median for words it does not know): what the
    key terms need of the table, so a step given these (the corpus assembly, see
    :func:`corpus_key_terms`) never loads jieba (3 s of a reopen from the cache)."""
    idf, median = _base_idf()
    return {word: idf.get(word, median) for word in words}


def document_frequencies(counts: Iterable[Mapping[str, int]]) -> Counter[str]:
    """In how many of the texts each word occurs: what the corpus factor of the IDF needs.

    A sum, so it is a reduction: the document frequencies of parts of a corpus (files
    extracted on different machines) add up to the corpus's."""
    frequency: Counter[str] = Counter()
    for counter in counts:
        frequency.update(counter.keys())
    return frequency


def corpus_key_terms(
    segmented: Sequence[Sequence[str] | Mapping[str, int]], limit: int = TERMS_PER_ARTICLE,
    document_frequency: Mapping[str, int] | None = None, n_docs: int | None = None,
    candidates: bool = False, base_idf: Mapping[str, float] | None = None,
) -> list[list[KeyTerm]]:
    """Top terms of each text of a corpus, given each text's words — or, to save memory,
    each text's :func:`candidate_counts` (a mapping word → occurrences).

    ``document_frequency`` and ``n_docs`` (see :func:`document_frequencies`) may be given
    when they were computed elsewhere (a reduction over a cluster); by default they are
    those of ``segmented``. ``candidates``: the mappings are :func:`candidate_counts`
    already (nothing to filter again; the filter keeps such counts as they are).
    ``base_idf``: :func:`base_idf_of` every word of the texts, instead of jieba's table. Each word's factors are worked out once per corpus (a big
    corpus repeats its words in thousands of articles), in the same order of operations
    as for one text, so the weights do not depend on the corpus's size or split.
    """
    if base_idf is None:
        idf, median = _base_idf()
    else:
        idf, median = base_idf, 0.0  # every word is in it
    stop = stopwords()
    valid: dict[str, bool] = {}

    def candidate(word: str) -> bool:
        known = valid.get(word)
        if known is None:
            known = valid[word] = bool(word not in stop and _WORDLIKE.match(word) and not _DATEISH.match(word))
        return known

    def mappings() -> Iterator[Mapping[str, int]]:
        for words in segmented:
            if isinstance(words, Mapping):
                yield words if candidates else Counter({w: n for w, n in words.items() if candidate(w)})
            else:
                yield Counter(candidate_words(list(words)))

    if document_frequency is None:
        counts: Iterable[Mapping[str, int]] = list(mappings())
        document_frequency = document_frequencies(counts)
    else:
        counts = mappings()  # one text's counts at a time (a worker weighs 50,000 of them)
    n_docs = len(segmented) if n_docs is None else n_docs
    factors: dict[str, tuple[float, float]] = {}
    result = []
    for counter in counts:
        total = sum(counter.values()) or 1
        scored = []
        for word, count in counter.items():
            factor = factors.get(word)
            if factor is None:
                corpus_factor = math.log((n_docs + 1) / (document_frequency.get(word, 0) + 1)) + 1.0
                factor = factors[word] = (idf.get(word, median), corpus_factor)
            scored.append((-(count / total * factor[0] * factor[1]), word, count))
        # the best first, ties by word (words are unique: the count never decides)
        top = heapq.nsmallest(limit, scored)
        best = -top[0][0] if top else 1.0
        result.append([KeyTerm(word, round(-score / best, 4), count) for score, word, count in top])
    return result


def key_terms_task(task: tuple[Sequence[Mapping[str, int]], Mapping[str, int], int, Mapping[str, float]]
                   ) -> list[list[tuple[str, float, int]]]:
    """:func:`corpus_key_terms` of ``(counts, document_frequency, n_docs, base_idf)`` (counts:
    :func:`candidate_counts`) as plain ``(term, weight, count)`` tuples: the corpus-level
    weighing handed to a worker process, which sends back plain values (they pickle small)."""
    counts, document_frequency, n_docs, base_idf = task
    weighed = corpus_key_terms(counts, candidates=True, document_frequency=document_frequency,
                               n_docs=n_docs, base_idf=base_idf)
    return [[(t.term, t.weight, t.count) for t in terms] for terms in weighed]


def key_terms_of(plain: Iterable[tuple[str, float, int]]) -> list[KeyTerm]:
    """The key terms of :func:`key_terms_task`'s plain tuples."""
    return [KeyTerm(term, weight, count) for term, weight, count in plain]


def term_occurrences(text: str, terms: list[str], start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, term)`` of every occurrence of the terms in ``text[start:end]``, longest first, no overlaps.

    What a regular expression of the terms (longest first) finds scanning left to right —
    at the leftmost place any term starts, the longest one there — found with ``str.find``,
    since compiling a pattern per article costs more than the search (3 s of 4 on the
    shared corpus)."""
    if not terms:
        return []
    end = len(text) if end is None else end
    found: list[tuple[int, int, str]] = []
    for term in set(terms):
        if not term:
            continue
        position = text.find(term, start, end)
        while position >= 0:
            found.append((position, -len(term), term))
            position = text.find(term, position + 1, end)
    found.sort()
    spans: list[tuple[int, int, str]] = []
    reached = start
    for position, negative_length, term in found:
        if position >= reached:
            reached = position - negative_length
            spans.append((position, reached, term))
    return spans
