"""Key terms of each article: TF-IDF whose IDF reflects the loaded corpus.

jieba's bundled IDF table says how rare a word is in general Chinese text; the corpus
factor ``log((N + 1) / (df + 1)) + 1`` lowers words that every loaded article shares,
so each article's terms say what sets it apart *within the user's collection*. Words of
the domain dictionary (``resources/jieba/userdict.txt``) stay whole (京津中关村科技城,
新质生产力); the stop list (``resources/jieba/stopwords.txt``) drops function words and
page boilerplate (责任编辑, 分享到).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from desktop.core.resources import resource_path
from desktop.core.text.segmenter import tokenizer

TERMS_PER_ARTICLE = 20
_WORDLIKE = re.compile(r"^(?:[\u4e00-\u9fff]{2,}|[A-Za-z][A-Za-z0-9+-]{1,})$")
_DATEISH = re.compile(r"^[\d一二三四五六七八九十〇零两]+[年月日号]$")


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
    tokenizer()
    import jieba.analyse

    table = jieba.analyse.default_tfidf
    return table.idf_freq, table.median_idf


def candidate_words(words: list[str]) -> list[str]:
    """Content words of a segmented text: no stop words, punctuation, numbers or dates."""
    stop = stopwords()
    return [w for w in words if _WORDLIKE.match(w) and w not in stop and not _DATEISH.match(w)]


def candidate_counts(words: Iterable[str], into: Counter[str] | None = None) -> Counter[str]:
    """Occurrences of each candidate word (:func:`candidate_words`), added to ``into`` if given.

    What :func:`corpus_key_terms` needs of a text: a long text can be segmented piece by
    piece into one counter instead of keeping its whole word list.
    """
    counter: Counter[str] = Counter() if into is None else into
    counter.update(candidate_words(list(words)))
    return counter


def corpus_key_terms(
    segmented: Sequence[Sequence[str] | Mapping[str, int]], limit: int = TERMS_PER_ARTICLE
) -> list[list[KeyTerm]]:
    """Top terms of each text of a corpus, given each text's words — or, to save memory,
    each text's :func:`candidate_counts` (a mapping word → occurrences)."""
    idf, median = _base_idf()
    stop = stopwords()
    counts = [
        Counter({w: n for w, n in words.items() if w not in stop and _WORDLIKE.match(w) and not _DATEISH.match(w)})
        if isinstance(words, Mapping)
        else Counter(candidate_words(list(words)))
        for words in segmented
    ]
    document_frequency: Counter[str] = Counter()
    for counter in counts:
        document_frequency.update(counter.keys())
    n_docs = len(counts)
    result = []
    for counter in counts:
        total = sum(counter.values()) or 1
        scored = []
        for word, count in counter.items():
            corpus_factor = math.log((n_docs + 1) / (document_frequency[word] + 1)) + 1.0
            scored.append((count / total * idf.get(word, median) * corpus_factor, word, count))
        scored.sort(key=lambda row: (-row[0], row[1]))
        top = scored[:limit]
        best = top[0][0] if top else 1.0
        result.append([KeyTerm(word, round(score / best, 4), count) for score, word, count in top])
    return result


def term_occurrences(text: str, terms: list[str], start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, term)`` of every occurrence of the terms in ``text[start:end]``, longest first, no overlaps."""
    if not terms:
        return []
    pattern = re.compile("|".join(re.escape(t) for t in sorted(set(terms), key=len, reverse=True)))
    end = len(text) if end is None else end
    return [(m.start(), m.end(), m[0]) for m in pattern.finditer(text, start, end)]
