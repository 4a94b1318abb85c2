"""A corpus: files in, articles and one typed events DataFrame out.

This is the single entry point the CLI and the GUI share. :func:`extract` reads files
and folders, splits them into articles, computes key terms with an IDF over the whole
loaded corpus, builds the events and returns them as one pandas DataFrame — the table
every view and export reads. Progress is reported through a callback that may ask to
stop (the GUI's Cancel).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.reading.articles import Article, Published, split_articles
from desktop.core.reading.reader import (
    DEFAULT_MAX_BYTES,
    Document,
    Problem,
    UnreadableFile,
    corpus_root,
    identity_of,
    iter_article_files,
    read_document,
    replacement_warning,
)
from desktop.core.resources import SEEDS_DIR
from desktop.core.text.keyterms import KeyTerm, candidate_counts, corpus_key_terms, term_occurrences
from desktop.core.text.segmenter import cut

if TYPE_CHECKING:
    import pandas as pd

    from desktop.core.events.pipeline import Event

#: ``progress(done, total, label) -> bool``; returning False cancels.
#:
#: Work is counted in bytes of the files (``total`` = their sizes added up, scaled down to
#: stay below 2**31 for Qt's int signals), ``label`` is the name of the file being
#: processed. ``done`` never decreases; it advances within a big file too (after each
#: piece of about :data:`CHUNK_CHARS` characters is segmented, after each article's
#: events), so a big file reports progress and can be cancelled while it is processed.
#: The last call is ``progress(total, total, "")``.
Progress = Callable[[int, int, str], bool]

#: Long texts are segmented (jieba) piece by piece, cut at paragraph breaks.
CHUNK_CHARS = 200_000
#: Progress within a file is reported at most this often (seconds).
PROGRESS_INTERVAL = 0.05
_MAX_QT_INT = 2**31 - 1



class Cancelled(Exception):
    """Raised by :func:`extract` when the progress callback asked to stop."""


@dataclass(slots=True)
class ArticleInfo:
    """An article with its key terms, ready for views and export."""

    article: Article
    title: str
    keyterms: list[KeyTerm] = field(default_factory=list)
    term_spans: list[tuple[int, int, str]] = field(default_factory=list)


@dataclass(slots=True)
class Corpus:
    documents: list[Document]
    articles: list[ArticleInfo]
    events: pd.DataFrame
    problems: list[Problem]
    #: Files that were read but not perfectly (e.g. ``3 invalid bytes replaced (U+FFFD)``).
    warnings: list[Problem] = field(default_factory=list)

    def article(self, article_id: str) -> ArticleInfo | None:
        return next((a for a in self.articles if a.article.id == article_id), None)

    def document(self, file: str) -> Document | None:
        return next((d for d in self.documents if d.name == file), None)


def _fallback_title(article: Article) -> str:
    text = article.text.strip()
    first = text.split("\n", 1)[0]
    return first[:30] + ("…" if len(first) > 30 else "")


def _article_title(article: Article, found: list[Event]) -> str:
    if article.title:
        return article.title
    if found:
        return ("图片新闻：" if article.kind == "caption" else "") + found[0].title
    return _fallback_title(article)


def article_events_for(info: ArticleInfo, published: Published | None = None) -> list[Event]:
    """The events of one extracted article again, with its key terms, resolved against
    ``published`` when given (a publication date the user set) instead of its own."""
    from desktop.core.events.pipeline import article_events

    words = [t.term for t in info.keyterms]
    found = article_events(info.article, words, info.title, published=published)
    for event in found:
        event.article_title = info.title
        event.keyterms = [t for t in words if t in event.sentence][:8]
    return found


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


def _file_size(path: Path) -> int:
    try:
        return max(path.stat().st_size, 1)
    except OSError:
        return 1


class _Progress:
    """Turns (file, fraction of it) into the ``progress(done, total, label)`` calls."""

    def __init__(self, callback: Progress | None, sizes: list[int]) -> None:
        self.callback = callback
        total = sum(sizes)
        self.scale = max(1, -(-total // _MAX_QT_INT))
        self.total = total // self.scale
        self.sizes = sizes
        self.before = 0  # bytes of the files already done
        self.done = 0
        self.last = 0.0

    def start(self, index: int, label: str) -> None:
        self.before = sum(self.sizes[:index]) if index else 0
        self._report(self.before, label, force=True)

    def within(self, index: int, fraction: float, label: str) -> None:
        self._report(self.before + int(self.sizes[index] * min(max(fraction, 0.0), 1.0)), label)

    def finish(self) -> None:
        if self.callback:
            self.callback(self.total, self.total, "")

    def _report(self, done_bytes: int, label: str, force: bool = False) -> None:
        if self.callback is None:
            return
        now = time.monotonic()
        if not force and now - self.last < PROGRESS_INTERVAL:
            return
        self.last = now
        self.done = max(self.done, min(done_bytes // self.scale, self.total))
        if not self.callback(self.done, self.total, label):
            raise Cancelled


def _candidate_counts(text: str, span: tuple[int, int], tick: Callable[[int], None]) -> Counter[str]:
    """Candidate words of ``text[span]`` for the key terms, segmented piece by piece."""
    counts: Counter[str] = Counter()
    for start, end in text_chunks(text, *span):
        candidate_counts(cut(text[start:end]), into=counts)
        tick(end)
    return counts


def extract(
    paths: Iterable[Path | str] | None = None,
    progress: Progress | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    partial: Callable[[list[Event], list[ArticleInfo]], None] | None = None,
) -> Corpus:
    """Read the paths (default: the bundled seeds) and extract every dated event.

    Documents are processed one by one; ``partial(events, articles)`` (if given) gets
    the events so far after each, with key terms weighed within their own document.
    At the end key terms are weighed again over the whole corpus (IDF of the loaded
    articles) and every event's ``keyterms`` follows.

    Memory stays bounded for big files: of each article only the counts of its candidate
    words are kept for the corpus IDF (not its word list), and long texts are segmented in
    pieces of about :data:`CHUNK_CHARS` characters. See :data:`Progress` for the callback;
    returning False from it raises :class:`Cancelled`.
    """
    from desktop.core.events.pipeline import article_events
    from desktop.core.events.table import events_frame

    paths = [Path(p) for p in (paths or [SEEDS_DIR])]
    files = list(iter_article_files(paths))
    problems: list[Problem] = [f for f in files if isinstance(f, Problem)]
    files = [f for f in files if not isinstance(f, Problem)]
    root = corpus_root([p for p in paths if p.exists()])
    warnings: list[Problem] = []
    meter = _Progress(progress, [_file_size(f) for f in files])
    documents: list[Document] = []
    seen: dict[str, Path] = {}
    infos: list[ArticleInfo] = []
    counted: list[Counter[str]] = []
    per_article: list[list[Event]] = []
    for index, path in enumerate(files):
        meter.start(index, path.name)
        try:
            doc = read_document(path, max_bytes=max_bytes, identity=identity_of(path, root))
        except UnreadableFile as exc:
            problems.append(Problem(path, exc.code, exc.params))
            continue
        if doc.sha256 in seen:
            problems.append(Problem(path, "duplicate", {"original": str(seen[doc.sha256])}))
            continue
        seen[doc.sha256] = path
        documents.append(doc)
        if doc.replaced_bytes:
            warnings.append(replacement_warning(path, doc.replaced_bytes))
        length = max(len(doc.text), 1)

        def tick(position: int, share: float, offset: float, name: str = path.name, i: int = index,
                 n: int = length) -> None:
            meter.within(i, offset + share * position / n, name)

        articles = split_articles(doc)
        # segmentation is the first half of a file's work, events the second
        counts = [
            _candidate_counts(doc.text, article.span, lambda p: tick(p, 0.5, 0.0)) for article in articles
        ]
        local_terms = corpus_key_terms(counts)
        for article, article_counts, terms in zip(articles, counts, local_terms, strict=True):
            found = article_events(article, [t.term for t in terms])
            title = _article_title(article, found)
            for event in found:
                event.article_title = title
            infos.append(ArticleInfo(article, title, terms))
            counted.append(article_counts)
            per_article.append(found)
            tick(article.span[1], 0.5, 0.5)
        if partial:
            partial([e for found in per_article for e in found], list(infos))
    meter.finish()

    for info, terms, found in zip(infos, corpus_key_terms(counted), per_article, strict=True):
        words = [t.term for t in terms]
        info.keyterms = terms
        info.term_spans = term_occurrences(info.article.doc.text, words, *info.article.span)
        for event in found:
            event.keyterms = [t for t in words if t in event.sentence][:8]
    events = [e for found in per_article for e in found]
    return Corpus(documents, infos, events_frame(events), problems, warnings)
