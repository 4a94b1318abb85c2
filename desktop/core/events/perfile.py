"""Extraction of one file: a pure function from a file to its articles' events and word counts.

Everything of a corpus that depends on one file only is done here — reading and decoding,
splitting into articles, segmenting, the candidate-word counts for the key terms, the
events (titled with key terms weighed within the file) — so files can be extracted in any
order, in worker processes (:mod:`desktop.core.events.parallel`), on a Dask cluster
(:mod:`desktop.core.events.cluster`) or taken from the cache (:mod:`desktop.core.store.cache`),
and :func:`desktop.core.events.corpus.assemble` still builds the same corpus from the results:
the corpus-level IDF and the one events table are the only steps that need every file.
"""

from __future__ import annotations

import contextlib
import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.reading.articles import Article, split_articles
from desktop.core.reading.reader import (
    DEFAULT_MAX_BYTES,
    Document,
    Problem,
    UnreadableFile,
    read_document,
)
from desktop.core.text.keyterms import (
    KeyTerm,
    base_idf_of,
    candidate_counts,
    corpus_key_terms,
    term_occurrences,
)
from desktop.core.text.segmenter import cut

if TYPE_CHECKING:
    from desktop.core.events.pipeline import Event

#: Long texts are segmented (jieba) piece by piece, cut at paragraph breaks.
CHUNK_CHARS = 200_000


@dataclass(slots=True)
class ArticleInfo:
    """An article with its key terms, ready for views and export."""

    article: Article
    title: str
    keyterms: list[KeyTerm] = field(default_factory=list)
    #: :attr:`term_spans` once worked out (None: not yet, or the key terms changed)
    spans: list[tuple[int, int, str]] | None = None
    #: the spans as an event store keeps them (JSON ``[[start, end, term], …]``), decoded when
    #: first asked for: decoding every article's when a million-event store opened took 0.5 s
    stored_spans: str | None = None

    @property
    def term_spans(self) -> list[tuple[int, int, str]]:
        """``(start, end, term)`` of the key terms in the article's text, worked out when first
        asked for: the source view asks for one article, while finding every term of every
        article when a corpus is assembled cost a quarter of a second of the shared corpus's."""
        if self.spans is None and self.stored_spans is not None:
            with contextlib.suppress(ValueError, TypeError):  # damaged: worked out again below
                self.spans = [(int(start), int(end), str(term)) for start, end, term in json.loads(self.stored_spans)]
            self.stored_spans = None
        if self.spans is None:
            self.spans = term_occurrences(self.article.doc.text, [t.term for t in self.keyterms], *self.article.span)
        return self.spans

    def weighed(self, terms: list[KeyTerm]) -> None:
        """Give the article its key terms (their places follow when asked for)."""
        self.keyterms = terms
        self.spans = self.stored_spans = None


@dataclass(slots=True)
class FileResult:
    """What one file gives: its document and, per article, the article (key terms weighed
    within the file), its candidate-word counts and its events; or the problem that kept
    the file out."""

    path: Path
    document: Document | None = None
    problem: Problem | None = None
    articles: list[ArticleInfo] = field(default_factory=list)
    counts: list[Counter[str]] = field(default_factory=list)
    events: list[list[Event]] = field(default_factory=list)
    #: jieba's IDF of every counted word (:func:`~desktop.core.text.keyterms.base_idf_of`):
    #: the assembly weighs the corpus's key terms without loading jieba
    idf: dict[str, float] = field(default_factory=dict)
    #: the words of the events' sentences and titles as the merging compares them
    #: (:func:`~desktop.core.events.wording.event_words`), made here — in the worker processes —
    #: instead of all in one process when the corpus is merged
    words: dict[tuple[str, int, tuple[int, int] | None], tuple[str, ...]] = field(default_factory=dict)


def text_chunks(text: str, start: int = 0, end: int | None = None, size: int = CHUNK_CHARS) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` as consecutive spans of at most ``size`` characters, cut after a
    line break where there is one (a paragraph of more than ``size`` characters is cut hard)."""
    end = len(text) if end is None else end
    position = start
    while position < end:
        stop = min(end, position + size)
        if stop < end:
            cut_at = text.rfind("\n", position, stop)
            if cut_at > position:
                stop = cut_at + 1
        yield position, stop
        position = stop


def _fallback_title(article: Article) -> str:
    text = article.text.strip()
    first = text.split("\n", 1)[0]
    return first[:30] + ("…" if len(first) > 30 else "")


def article_title(article: Article, found: list[Event]) -> str:
    """The article's headline, else one built from its first event (or its first line)."""
    if article.title:
        return article.title
    if found:
        return ("图片新闻：" if article.kind == "caption" else "") + found[0].title
    return _fallback_title(article)


def _candidate_counts(text: str, span: tuple[int, int], tick: Callable[[int], None]) -> Counter[str]:
    """Candidate words of ``text[span]`` for the key terms, segmented piece by piece."""
    counts: Counter[str] = Counter()
    for start, end in text_chunks(text, *span):
        candidate_counts(cut(text[start:end]), into=counts)
        tick(end)
    return counts


def _signature(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


def extract_file(
    path: Path,
    identity: str = "",
    max_bytes: int = DEFAULT_MAX_BYTES,
    tick: Callable[[float], None] | None = None,
) -> FileResult:
    """Read and extract one file (named ``identity`` in its corpus).

    ``tick(fraction)`` (if given) is told how far the file's work has got, 0..1; it may
    raise to stop. A file that cannot be used gives a result with ``problem`` set; a file
    whose size or modification time changed while it was read (being written or copied)
    is such a problem too, rather than events from a half-written text.
    """
    from desktop.core.events.pipeline import article_events

    path = Path(path)
    before = _signature(path)
    try:
        doc = read_document(path, max_bytes=max_bytes, identity=identity)
    except UnreadableFile as exc:
        return FileResult(path, problem=Problem(path, exc.code, exc.params))
    if _signature(path) != before:
        return FileResult(path, problem=Problem(path, "changed-while-read"))
    result = FileResult(path, document=doc)
    length = max(len(doc.text), 1)

    def report(position: int, share: float, offset: float) -> None:
        if tick is not None:
            tick(offset + share * position / length)

    articles = split_articles(doc)
    # segmentation is the first half of a file's work, events the second
    result.counts = [
        _candidate_counts(doc.text, article.span, lambda p: report(p, 0.5, 0.0)) for article in articles
    ]
    result.idf = base_idf_of({word for counts in result.counts for word in counts})
    local_terms = corpus_key_terms(result.counts, candidates=True, base_idf=result.idf)
    for article, terms in zip(articles, local_terms, strict=True):
        found = article_events(article, [t.term for t in terms])
        title = article_title(article, found)
        for event in found:
            event.article_title = title
        result.articles.append(ArticleInfo(article, title, terms))
        result.events.append(found)
        report(article.span[1], 0.5, 0.5)
    from desktop.core.events.wording import event_words

    result.words = event_words(event for found in result.events for event in found)
    return result


def extract_task(task: tuple[str, str, int]) -> FileResult:
    """:func:`extract_file` of ``(path, identity, max_bytes)``: the unit of work a worker
    process or a Dask worker is sent (plain values, so it pickles small)."""
    path, identity, max_bytes = task
    return extract_file(Path(path), identity, max_bytes)
