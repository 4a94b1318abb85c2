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
from .reader import DEFAULT_MAX_BYTES, Document, Problem, read_paths
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


def extract(
    paths: Iterable[Path | str] | None = None,
    progress: Progress | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Corpus:
    """Read the paths (default: the bundled seeds) and extract every dated event."""
    from .events import article_events
    from .table import events_frame

    paths = [Path(p) for p in (paths or [SEEDS_DIR])]
    documents: list[Document] = []
    problems: list[Problem] = []
    seen: dict[str, Path] = {}
    for item in read_paths(paths, max_bytes=max_bytes):
        if isinstance(item, Problem):
            problems.append(item)
        elif item.sha256 in seen:
            problems.append(Problem(item.path, f"duplicate of {seen[item.sha256]}: skipped"))
        else:
            seen[item.sha256] = item.path
            documents.append(item)

    articles = [article for doc in documents for article in split_articles(doc)]
    total = len(articles) * 2
    segmented = []
    for done, article in enumerate(articles):
        if progress and not progress(done, total, article.file):
            raise Cancelled
        segmented.append(cut(article.text))
    terms = corpus_key_terms(segmented)

    infos: list[ArticleInfo] = []
    events: list[Event] = []
    for number, (article, article_terms) in enumerate(zip(articles, terms, strict=True)):
        if progress and not progress(len(articles) + number, total, article.file):
            raise Cancelled
        words = [t.term for t in article_terms]
        found = article_events(article, words)
        if article.title:
            title = article.title
        elif found:
            title = ("图片新闻：" if article.kind == "caption" else "") + found[0].title
        else:
            title = _fallback_title(article)
        for event in found:
            event.article_title = title
        spans = term_occurrences(article.doc.text, words, *article.span)
        infos.append(ArticleInfo(article, title, article_terms, spans))
        events.extend(found)
    if progress:
        progress(total, total, "")
    return Corpus(documents, infos, events_frame(events), problems)
