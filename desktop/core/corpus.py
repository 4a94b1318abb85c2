"""A corpus: files in, articles and one typed events DataFrame out.

This is the single entry point the CLI and the GUI share. :func:`extract` reads files
and folders, splits them into articles, computes key terms with an IDF over the whole
loaded corpus, builds the events and returns them as one pandas DataFrame — the table
every view and export reads. Progress is reported through a callback that may ask to
stop (the GUI's Cancel).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .articles import Article, split_articles
from .keyterms import KeyTerm, corpus_key_terms, term_occurrences
from .reader import (
    DEFAULT_MAX_BYTES,
    Document,
    Problem,
    UnreadableFile,
    iter_article_files,
    read_document,
)
from .segmenter import cut

if TYPE_CHECKING:
    import pandas as pd

    from .events import Event

#: ``progress(done, total, label) -> bool``; returning False cancels.
Progress = Callable[[int, int, str], bool]

SEEDS_DIR = Path(__file__).resolve().parents[2] / "seeds"


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
    """
    from .events import article_events
    from .table import events_frame

    paths = [Path(p) for p in (paths or [SEEDS_DIR])]
    files = list(iter_article_files(paths))
    problems: list[Problem] = [f for f in files if isinstance(f, Problem)]
    files = [f for f in files if not isinstance(f, Problem)]
    documents: list[Document] = []
    seen: dict[str, Path] = {}
    infos: list[ArticleInfo] = []
    segmented: list[list[str]] = []
    per_article: list[list[Event]] = []
    for done, path in enumerate(files):
        if progress and not progress(done, len(files), path.name):
            raise Cancelled
        try:
            doc = read_document(path, max_bytes=max_bytes)
        except UnreadableFile as exc:
            problems.append(Problem(path, str(exc)))
            continue
        if doc.sha256 in seen:
            problems.append(Problem(path, f"duplicate of {seen[doc.sha256]}: skipped"))
            continue
        seen[doc.sha256] = path
        documents.append(doc)
        articles = split_articles(doc)
        words = [cut(article.text) for article in articles]
        local_terms = corpus_key_terms(words)
        for article, article_words, terms in zip(articles, words, local_terms, strict=True):
            found = article_events(article, [t.term for t in terms])
            title = _article_title(article, found)
            for event in found:
                event.article_title = title
            infos.append(ArticleInfo(article, title, terms))
            segmented.append(article_words)
            per_article.append(found)
        if partial:
            partial([e for found in per_article for e in found], list(infos))
    if progress:
        progress(len(files), len(files), "")

    for info, terms, found in zip(infos, corpus_key_terms(segmented), per_article, strict=True):
        words = [t.term for t in terms]
        info.keyterms = terms
        info.term_spans = term_occurrences(info.article.doc.text, words, *info.article.span)
        for event in found:
            event.keyterms = [t for t in words if t in event.sentence][:8]
    events = [e for found in per_article for e in found]
    return Corpus(documents, infos, events_frame(events), problems)
